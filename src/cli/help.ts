// `--help`, from the command and flag tables: the commands with every flag, or one command's
// usage, the flags it reads and two examples. Nothing here is written by hand per flag.
import { COMMAND_TABLE, type Command, commandSpec } from './command-table.ts';
import { FLAG_GROUPS, type FlagSpec, flagHelp, flagSignature } from './flag-spec.ts';
import { FLAG_TABLE, flagsOf } from './flag-table.ts';

const WIDTH = 100;

export const EXIT_CODES: readonly { code: number; meaning: string }[] = [
  {
    code: 0,
    meaning:
      'no failing drift; for list, export, visualize, policies, capture, reset, and check or demo with --write-baseline: the output was written',
  },
  {
    code: 1,
    meaning:
      "failing drift (per --fail-on, the config's failOn and overrides): check and demo, or visualize given --fail-on",
  },
  {
    code: 2,
    meaning:
      'bad usage, bad input, nothing observed in scope, or an unreachable source: one line on stderr, file:line where there is one; an unexpected exception is "intent-drift: internal error: ..." (a bug: please report it), also 2',
  },
];

/** Words filled into lines of WIDTH, each after `indent` spaces, the first after `lead`. */
function wrap(text: string, lead: string, indent: number): string[] {
  const lines: string[] = [];
  let line = lead;
  for (const word of text.split(' ')) {
    const sep = line.length === 0 || line.endsWith(' ') ? '' : ' ';
    if (line.trim() !== '' && line.length + sep.length + word.length > WIDTH && line.length > indent) {
      lines.push(line);
      line = `${' '.repeat(indent)}${word}`;
    } else line += `${sep}${word}`;
  }
  lines.push(line);
  return lines;
}

function flagLine(flag: FlagSpec, command: Command | undefined, column: number): string[] {
  const sources = flag.sources === undefined ? '' : `${flag.sources.join('/')}: `;
  const needs = flag.requires && (!flag.requires.on || (command && flag.requires.on.includes(command)));
  const suffix = needs ? ` (needs --${flag.requires?.flag})` : '';
  const where = command === undefined ? ` [${flag.commands.join(', ')}]` : '';
  const lead = `  ${flagSignature(flag)}`.padEnd(column);
  return wrap(`${sources}${flagHelp(flag, command)}${suffix}${where}`, `${lead}`, column);
}

function flagSections(flags: readonly FlagSpec[], command: Command | undefined): string[] {
  const column = Math.min(34, Math.max(...flags.map((f) => flagSignature(f).length)) + 4);
  const lines: string[] = [];
  for (const { group, title } of FLAG_GROUPS) {
    const inGroup = flags.filter((f) => f.group === group);
    if (inGroup.length === 0) continue;
    lines.push('', `${title}:`);
    for (const flag of inGroup) lines.push(...flagLine(flag, command, column));
  }
  return lines;
}

/** Whether the command takes --write-baseline, which exits 0 once the file is written. */
function writesBaseline(command: Command): boolean {
  return flagsOf(command).some((f) => f.name === 'write-baseline');
}

/** A command's own exit codes; every code with every case for the global page. */
function exitLines(command: Command | undefined): string[] {
  const lines = ['', 'Exit codes:'];
  const own: Record<number, string | undefined> =
    command === undefined
      ? {}
      : commandSpec(command).exit === 'drift'
        ? {
            0: `no failing drift${writesBaseline(command) ? ' (with --write-baseline: the baseline was written)' : ''}`,
          }
        : {
            0: 'the output was written, drift or not',
            1:
              command === 'visualize' ? 'with --intents and an explicit --fail-on: failing drift' : undefined,
          };
  for (const { code, meaning } of EXIT_CODES) {
    const text = code in own ? own[code] : meaning;
    if (text !== undefined) lines.push(...wrap(text, `  ${code}  `, 5));
  }
  return lines;
}

/** The commands and every flag, with the commands each flag applies to. */
export function globalHelp(): string {
  const lines = [
    'intent-drift: diff the HTTP calls Istio observed against committed Otterize ClientIntents',
    '',
    'Usage: intent-drift <command> [flags]',
    '       intent-drift <command> --help    (or intent-drift help <command>): its flags and examples',
    '',
    'Commands:',
    ...COMMAND_TABLE.map((c) => `  ${c.name.padEnd(11)} ${c.summary}`),
    '',
    'Every flag, with the commands that read it in brackets:',
    ...flagSections(FLAG_TABLE, undefined),
    ...exitLines(undefined),
  ];
  return `${lines.join('\n')}\n`;
}

/** One command: its usage, the flags it reads, two examples, its exit codes. */
export function commandHelp(command: Command): string {
  const spec = commandSpec(command);
  const lines = [
    `intent-drift ${command}: ${spec.summary}`,
    '',
    ...wrap(spec.usage, 'Usage: intent-drift ', 7),
    ...flagSections(flagsOf(command), command),
    '',
    'Examples:',
    ...spec.examples.flatMap((e) => [`  ${e.run}`, ...wrap(e.does, '      ', 6)]),
    ...exitLines(command),
  ];
  return `${lines.join('\n')}\n`;
}
