// The runner reads a step's output for workflow commands: a line that starts (after white space)
// with `::name ...::`, and, for old actions, `##[name ...]` anywhere in a line (actions/runner,
// src/Runner.Common/ActionCommand.cs: TryParseV2, then TryParse). A label value holding
// `\n::add-mask::...` or `##[warning]...` would become a command if printed as it is. So every
// line the action prints goes through logLine: secrets scrubbed, line breaks and control,
// bidi and zero-width characters escaped (one line, nothing hidden), and what is left of both
// command forms defused with an escape of the same kind.
import { safeLine } from '../../safe-text.ts';

/** One line for the step's log that the runner never reads as a workflow command. */
export function logLine(text: string): string {
  let line = safeLine(text);
  const indent = line.length - line.trimStart().length;
  if (line.startsWith('::', indent)) line = `${line.slice(0, indent)}\\x3a${line.slice(indent + 1)}`;
  return line.replaceAll('##[', '##\\x5b');
}
