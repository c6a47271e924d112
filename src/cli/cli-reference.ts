// docs/cli.md, rendered from the command and flag tables. `npm run docs:cli` writes it and a
// test fails when the committed file differs, so the reference cannot drift from the parser.
import { COMMAND_TABLE, type Command } from './command-table.ts';
import { FLAG_GROUPS, type FlagSpec, flagSignature } from './flag-spec.ts';
import { FLAG_TABLE } from './flag-table.ts';
import { EXIT_CODES } from './help.ts';

const ALL_COMMANDS = COMMAND_TABLE.length;

/** Prose for a table cell: `|` would split it, `<workload>` would read as an HTML tag. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function code(text: string): string {
  return `\`${text}\``;
}

function appliesTo(flag: FlagSpec): string {
  if (flag.commands.length === ALL_COMMANDS) return 'all';
  return flag.commands.join(', ');
}

/** The flag's meaning, with its own wording per command where it has one. */
function meaning(flag: FlagSpec): string {
  const parts = [flag.help];
  for (const [command, text] of Object.entries(flag.helpFor ?? {}) as [Command, string][]) {
    parts.push(`${code(command)}: ${text}`);
  }
  const requires = flag.requires;
  if (requires) {
    parts.push(`needs ${code(`--${requires.flag}`)}${requires.on ? ` with ${requires.on.join(', ')}` : ''}`);
  }
  return parts.join('; ');
}

function flagTable(flags: readonly FlagSpec[]): string[] {
  const rows = flags.map((flag) => {
    const sources = flag.sources === undefined ? '' : flag.sources.join(', ');
    return `| ${code(flagSignature(flag))} | ${cell(appliesTo(flag))} | ${cell(sources)} | ${cell(meaning(flag))} |`;
  });
  return ['| flag | commands | sources | meaning |', '| --- | --- | --- | --- |', ...rows];
}

function exitOf(command: Command): string {
  if (COMMAND_TABLE.find((c) => c.name === command)?.exit === 'drift') return '0, 1 on failing drift, 2';
  const failOn = FLAG_TABLE.find((f) => f.name === 'fail-on')?.commands.includes(command);
  return failOn ? '0 once written (1 on failing drift with an explicit `--fail-on`), 2' : '0 once written, 2';
}

export function renderCliReference(): string {
  const lines = [
    '# The `intent-drift` command line',
    '',
    '<!-- Generated from src/cli/command-table.ts and the flag table (src/cli/flags-*.ts) by',
    '     `npm run docs:cli`; test/cli/cli-reference.test.ts fails when this file differs. -->',
    '',
    '```',
    'intent-drift <command> [flags]',
    "intent-drift <command> --help      the command's usage, flags and two examples",
    'intent-drift --help                every command and every flag',
    '```',
    '',
    'A flag the command does not read is an error (exit 2) that names the command; a flag of',
    'another source than the one read (`--window` with `--metrics`) is an error too; a mistyped',
    'command or flag gets "did you mean …?". Without a flag that names the observed data, the',
    'cluster of the kubeconfig is read (`--source sidecars`); with no kubeconfig either, exit 2',
    'says how to give observed data.',
    '',
    '## Commands',
    '',
    '| command | does | exit code |',
    '| --- | --- | --- |',
    ...COMMAND_TABLE.map((c) => `| ${code(c.name)} | ${cell(c.summary)} | ${exitOf(c.name)} |`),
    '',
    '## Exit codes',
    '',
    '| code | meaning |',
    '| --- | --- |',
    ...EXIT_CODES.map((e) => `| ${code(String(e.code))} | ${cell(e.meaning)} |`),
    '',
    'Setup mistakes that would otherwise pass green are exit 2 (the README\'s "What fails the gate"):',
    'nothing observed in scope, or only calls from outside the mesh (the message names what was read,',
    'what it held and the likely cause; `--allow-empty` makes it a warning), a `-n` namespace with nothing observed and nothing declared',
    '(the message names the namespaces seen), an `--intents` path that yields no ClientIntents (the',
    'message names the kinds found), and near misses of a ClientIntents (`kind` in another case,',
    'another API group, an unknown `k8s.otterize.com` version) at `file:line`.',
    '',
    'Every line on stderr is one line: control, bidi and zero-width characters from the data are shown',
    'as escapes (`\\x1b`, `\\u202e`), and credentials are taken out of messages (URLs lose userinfo and',
    "query strings, `token:`-like values read `***`, parsers' quotes of the file are dropped).",
    '',
    '## Flags',
    '',
    '"sources": the flag only means something with these `--source` values.',
  ];
  for (const { group, title } of FLAG_GROUPS) {
    const flags = FLAG_TABLE.filter((f) => f.group === group);
    if (flags.length > 0) lines.push('', `### ${title}`, '', ...flagTable(flags));
  }
  lines.push('', '## Examples', '');
  for (const c of COMMAND_TABLE) {
    lines.push(`${code(c.name)}: ${code(`intent-drift ${c.usage}`)}`, '');
    for (const e of c.examples) lines.push(`- ${code(e.run)}: ${cell(e.does)}`);
    lines.push('');
  }
  lines.push(
    '## Output formats',
    '',
    '- `check` and `demo`: `--format text` (the last lines name the observed data and the config read),',
    '  `markdown` (the pull-request comment as the action posts it, with the suggested patch), `json`',
    '  ([schema](report.schema.json)), `sarif` (SARIF 2.1.0 for GitHub code scanning) and `junit` (JUnit',
    '  XML for CI test reports); `--report`, `--sarif` and `--junit` write them to files beside the one',
    '  printed.',
    '- `list --format json|yaml`: `{ version: 1, calls: [CALL], unattributed: [CALL], external: [CALL],',
    "  warnings: [...] }`, CALL as in the JSON report's schema (`#/$defs/call`).",
    "- `export --format yaml|json`: ClientIntents, as Otterize's own export writes them (json: one array, which `kubectl apply` refuses; write yaml for a file to apply).",
    '',
  );
  return lines.join('\n');
}
