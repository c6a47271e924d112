// docs/cli.md is generated from the command and flag tables, and the tables are what the
// parser reads: the reference cannot list a flag the CLI does not take, or miss one it does.
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { renderCliReference } from '../../src/cli/cli-reference.ts';
import { COMMAND_TABLE, COMMANDS } from '../../src/cli/command-table.ts';
import { flagSignature } from '../../src/cli/flag-spec.ts';
import { FLAG_TABLE } from '../../src/cli/flag-table.ts';
import { EXIT_CODES } from '../../src/cli/help.ts';
import { repoRoot, runCli } from './run-cli.ts';

describe('docs/cli.md', () => {
  test('equals what the tables render (npm run docs:cli rewrites it)', async () => {
    const committed = await readFile(path.join(repoRoot, 'docs', 'cli.md'), 'utf8');
    assert.equal(committed, renderCliReference(), 'docs/cli.md is stale: run npm run docs:cli');
  });

  test('lists every flag and every command once', () => {
    const doc = renderCliReference();
    for (const flag of FLAG_TABLE) {
      const rows = doc.split('\n').filter((line) => line.startsWith(`| \`${flagSignature(flag)}\` |`));
      assert.equal(rows.length, 1, `--${flag.name}`);
    }
    for (const command of COMMANDS) assert.match(doc, new RegExp(`^\\| \`${command}\` \\|`, 'm'));
  });

  test('every flag the table gives a command is accepted by that command, and refused by the others', async () => {
    // In a folder of its own: `demo --report x` and `demo --write-baseline x` do write `x`.
    const cwd = await mkdtemp(path.join(tmpdir(), 'intent-drift-flags-'));
    for (const flag of FLAG_TABLE) {
      if (flag.name === 'help' || flag.name === 'version') continue;
      for (const command of COMMANDS) {
        const run = await runCli([command, `--${flag.name}`, ...(flag.kind === 'boolean' ? [] : ['x'])], {
          cwd,
        });
        const refused = run.stderr.includes(`--${flag.name} does not apply to ${command}`);
        assert.equal(refused, !flag.commands.includes(command), `${command} --${flag.name}: ${run.stderr}`);
        if (refused) assert.equal(run.code, 2);
      }
    }
  });

  test('a command reads its own wording of a flag where it has one', () => {
    const doc = renderCliReference();
    const withOwn = FLAG_TABLE.filter((f) => f.helpFor !== undefined);
    assert.ok(withOwn.length > 0);
    for (const flag of withOwn) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${flagSignature(flag)}\` |`))!;
      for (const [command, text] of Object.entries(flag.helpFor!)) {
        assert.ok(row.includes(`\`${command}\`: ${text.slice(0, 20)}`), `--${flag.name} for ${command}`);
      }
    }
  });

  test('the exit code column: 1 for the commands drift fails, and for visualize only with --fail-on', () => {
    const doc = renderCliReference();
    const exit = (command: string) =>
      doc
        .split('\n')
        .find((line) => line.startsWith(`| \`${command}\` |`))!
        .split(' | ')
        .at(-1);
    assert.equal(exit('check'), '0, 1 on failing drift, 2 |');
    assert.equal(exit('list'), '0 once written, 2 |');
    assert.equal(exit('visualize'), '0 once written (1 on failing drift with an explicit `--fail-on`), 2 |');
  });

  test('names in angle brackets are text, not HTML tags', () => {
    const prose = renderCliReference()
      .replace(/<!--[\s\S]*?-->/, '')
      .replace(/`[^`]*`/g, '');
    assert.ok(prose.includes('&lt;workload&gt;.&lt;namespace&gt;.yaml'));
    assert.doesNotMatch(prose, /<[a-z]/);
  });

  /** The cells of a flag's row: signature, commands, sources, meaning (`\|` is a pipe inside a cell). */
  function flagRow(doc: string, signature: string): string[] {
    const row = doc.split('\n').find((line) => line.startsWith(`| \`${signature}\` |`));
    assert.ok(row, signature);
    return row
      .slice(2, -2)
      .split(/ (?<!\\)\| /)
      .map((cell) => cell.replaceAll('\\|', '|'));
  }

  test('the reference table: the commands column names what reads the flag, "all" only for every command', () => {
    const doc = renderCliReference();
    for (const flag of FLAG_TABLE) {
      const [, commands] = flagRow(doc, flagSignature(flag));
      const expected = flag.commands.length === COMMANDS.length ? 'all' : flag.commands.join(', ');
      assert.equal(commands, expected, `--${flag.name}`);
    }
  });

  test('the reference table: the sources column names the --source values the flag means something with', () => {
    const doc = renderCliReference();
    for (const flag of FLAG_TABLE) {
      const [, , sources] = flagRow(doc, flagSignature(flag));
      assert.equal(sources, (flag.sources ?? []).join(', '), `--${flag.name}`);
    }
    assert.equal(flagRow(doc, '--window DURATION')[2], 'sidecars');
  });

  test('the reference table: a flag that needs another says so, and with which commands', () => {
    const doc = renderCliReference();
    const needing = FLAG_TABLE.filter((f) => f.requires !== undefined);
    assert.ok(needing.some((f) => f.requires?.on === undefined) && needing.some((f) => f.requires?.on));
    for (const flag of needing) {
      const meaning = flagRow(doc, flagSignature(flag))[3] ?? '';
      const { flag: needed, on } = flag.requires!;
      const says = `needs \`--${needed}\`${on ? ` with ${on.join(', ')}` : ''}`;
      assert.ok(meaning.endsWith(says), `--${flag.name}: ${meaning}`);
    }
  });

  test('the reference table: every exit code, and every example of every command', () => {
    const doc = renderCliReference();
    for (const { code } of EXIT_CODES) assert.match(doc, new RegExp(`^\\| \`${code}\` \\| \\S`, 'm'));
    for (const command of COMMAND_TABLE) {
      for (const example of command.examples) assert.ok(doc.includes(`- \`${example.run}\`: `), example.run);
    }
  });
});
