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
  return defuseCommands(safeLine(text));
}

/**
 * A line that is already safe (one line, escaped, scrubbed: an InputError's message) with both
 * command forms defused. Idempotent, unlike a second pass of safeLine, which would read the
 * escapes it wrote (`\n`) as part of a URL.
 */
export function defuseCommands(safe: string): string {
  const indent = safe.length - safe.trimStart().length;
  const line = safe.startsWith('::', indent)
    ? `${safe.slice(0, indent)}\\x3a${safe.slice(indent + 1)}`
    : safe;
  return line.replaceAll('##[', '##\\x5b');
}
