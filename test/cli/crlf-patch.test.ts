// The suggested patch of an intents file with CRLF line ends: each line's CR was shown as the
// text `\r`, so the patch in the comment applied to nothing. It is shown with LF and a note.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { CRLF_NOTE } from '../../src/report/comment-document.ts';
import { repoRoot, runCli } from './run-cli.ts';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd,
    encoding: 'utf8',
  });

async function demoRepository(crlf: boolean): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-crlf-'));
  for (const name of ['intents', 'capture']) {
    await cp(path.join(repoRoot, 'fixtures', 'demo', name), path.join(dir, name), { recursive: true });
  }
  const file = path.join(dir, 'intents', 'client2.yaml');
  const text = await readFile(file, 'utf8');
  if (crlf) await writeFile(file, text.replaceAll('\n', '\r\n'));
  git(dir, 'init', '-q');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'intents');
  return dir;
}

/** The diff block of the comment's suggested patch. */
function patchOf(markdown: string): string {
  const match = /```diff\n([\s\S]*?)\n```/.exec(markdown);
  assert.ok(match, markdown);
  return `${match[1]}\n`;
}

test('a CRLF file: the patch is shown with LF and a note, and applies with --ignore-whitespace', async () => {
  const dir = await demoRepository(true);
  const run = await runCli(
    ['check', '--metrics', 'capture', '--intents', 'intents', '--format', 'markdown'],
    {
      cwd: dir,
    },
  );
  assert.equal(run.code, 1, run.stderr);
  const patch = patchOf(run.stdout);
  assert.ok(!patch.includes('\\r') && !patch.includes('\r'), patch);
  assert.ok(run.stdout.includes(CRLF_NOTE));
  await writeFile(path.join(dir, 'suggested.patch'), patch);
  git(dir, 'apply', '--check', '--ignore-whitespace', 'suggested.patch');
});

test('an LF file: the patch applies as shown, without the note', async () => {
  const dir = await demoRepository(false);
  const run = await runCli(
    ['check', '--metrics', 'capture', '--intents', 'intents', '--format', 'markdown'],
    {
      cwd: dir,
    },
  );
  assert.equal(run.code, 1, run.stderr);
  assert.ok(!run.stdout.includes(CRLF_NOTE));
  await writeFile(path.join(dir, 'suggested.patch'), patchOf(run.stdout));
  git(dir, 'apply', '--check', 'suggested.patch');
});
