// Reading a file a user or a fork named: a regular file up to a size, or an InputError that
// names the file as the user wrote it and says what it is instead. Each reader: the async text
// and bytes, the sync bytes, and the sync check for files a library opens itself.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { InputError } from '../../src/errors.ts';
import {
  assertRegularFileSync,
  readRegularFile,
  readRegularFileBytes,
  readRegularFileBytesSync,
} from '../../src/regular-file.ts';

const MIB = 1024 * 1024;

/** Every reader, as one promise: the sync ones run inside it. */
const READERS = {
  readRegularFile: (file: string, opts: { file?: string; maxBytes?: number }) => readRegularFile(file, opts),
  readRegularFileBytes: (file: string, opts: { file?: string; maxBytes?: number }) =>
    readRegularFileBytes(file, opts),
  readRegularFileBytesSync: async (file: string, opts: { file?: string; maxBytes?: number }) =>
    readRegularFileBytesSync(file, opts),
  assertRegularFileSync: async (file: string, opts: { file?: string; maxBytes?: number }) =>
    assertRegularFileSync(file, opts),
};

async function sandbox(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'intent-drift-regular-'));
}

/** Rejects with exactly `file: message`. */
async function refuses(promise: Promise<unknown>, file: string, message: string): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof InputError, String(err));
    assert.equal(String(err), `${file}: ${message}`);
    assert.equal(err.file, file);
    return true;
  });
}

describe('regular files', () => {
  test('a file of exactly the limit is read; one byte more is refused, naming the limit in MiB', async () => {
    const dir = await sandbox();
    const file = path.join(dir, 'snapshot.json');
    await writeFile(file, Buffer.alloc(MIB, 0x61));
    assert.equal((await readRegularFile(file, { maxBytes: MIB })).length, MIB);
    assert.equal((await readRegularFileBytes(file, { maxBytes: MIB })).length, MIB);
    assert.equal(readRegularFileBytesSync(file, { maxBytes: MIB }).length, MIB);
    assertRegularFileSync(file, { maxBytes: MIB });
    await writeFile(file, Buffer.alloc(MIB + 1, 0x61));
    for (const read of Object.values(READERS)) {
      await refuses(
        read(file, { file: 'snapshot.json', maxBytes: MIB }),
        'snapshot.json',
        'larger than 1 MiB',
      );
      await refuses(read(file, { maxBytes: MIB }), file, 'larger than 1 MiB');
    }
  });

  test('a missing file is "no such file", named as the user wrote it', async () => {
    const dir = await sandbox();
    for (const read of Object.values(READERS)) {
      await refuses(
        read(path.join(dir, 'gone.yaml'), { file: 'intents/gone.yaml' }),
        'intents/gone.yaml',
        'no such file',
      );
    }
  });

  test('a directory is called a directory', async () => {
    const dir = await sandbox();
    await mkdir(path.join(dir, 'intents'));
    for (const read of Object.values(READERS)) {
      await refuses(
        read(path.join(dir, 'intents'), { file: 'intents' }),
        'intents',
        'is a directory, not a file',
      );
    }
  });

  test('a FIFO without a writer is refused at once, never read or waited on', async (t) => {
    if (process.platform === 'win32') return t.skip('no mkfifo');
    const dir = await sandbox();
    const fifo = path.join(dir, 'pipe.json');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      return t.skip('mkfifo is not available');
    }
    // In a process of its own with a deadline: a blocking open of a FIFO without a writer
    // hangs the whole process, this test's timers included, so only a kill from outside ends it.
    const script = [
      `import * as r from ${JSON.stringify(pathToFileURL(path.join(import.meta.dirname, '../../src/regular-file.ts')).href)};`,
      'for (const name of ["readRegularFile", "readRegularFileBytes", "readRegularFileBytesSync", "assertRegularFileSync"]) {',
      `  try { await r[name](${JSON.stringify(fifo)}, { file: "pipe.json" }); console.log(name + ": read"); }`,
      '  catch (err) { console.log(`${name}: ${err}`); }',
      '}',
    ].join('\n');
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 15_000,
      killSignal: 'SIGKILL',
    });
    const refused = 'pipe.json: not a regular file (a FIFO, socket or device?)';
    assert.deepEqual(
      out.trimEnd().split('\n'),
      Object.keys(READERS).map((name) => `${name}: ${refused}`),
    );
  });

  test('the size before the read is a hint: a file that holds more than it said is refused at the limit', async (t) => {
    // Kernel files report a size of 0 and hold more; a growing file does the same between the
    // check and the read. Every reader that reads stops one byte past the limit.
    const proc = '/proc/self/status';
    if (process.platform !== 'linux') return t.skip('no /proc');
    for (const name of ['readRegularFile', 'readRegularFileBytes', 'readRegularFileBytesSync'] as const) {
      await refuses(
        READERS[name](proc, { file: 'status', maxBytes: 100 }),
        'status',
        'larger than 100 bytes',
      );
    }
    // Within the limit, such a file is read whole.
    assert.match(await readRegularFile(proc, { maxBytes: MIB }), /^Name:\t/);
    assert.ok(readRegularFileBytesSync(proc, { maxBytes: MIB }).length > 100);
  });

  // /dev/null, not /dev/zero: read by mistake, it ends at once instead of filling the memory.
  test('a device is refused, not read', async (t) => {
    if (process.platform === 'win32') return t.skip('no /dev/null');
    for (const read of Object.values(READERS)) {
      await refuses(read('/dev/null', {}), '/dev/null', 'not a regular file (a FIFO, socket or device?)');
    }
  });
});
