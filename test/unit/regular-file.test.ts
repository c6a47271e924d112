// Reading a file a user or a fork named: a regular file up to a size, or an InputError that
// names the file as the user wrote it and says what it is instead. Each reader: the async text
// and bytes, the sync bytes, and the sync check for files a library opens itself.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
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

  test('a FIFO without a writer is refused at once, never read or waited on', {
    timeout: 20_000,
  }, async (t) => {
    if (process.platform === 'win32') return t.skip('no mkfifo');
    const dir = await sandbox();
    const fifo = path.join(dir, 'pipe.json');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      return t.skip('mkfifo is not available');
    }
    for (const read of Object.values(READERS)) {
      await refuses(
        read(fifo, { file: 'pipe.json' }),
        'pipe.json',
        'not a regular file (a FIFO, socket or device?)',
      );
    }
  });

  // /dev/null, not /dev/zero: read by mistake, it ends at once instead of filling the memory.
  test('a device is refused, not read', async (t) => {
    if (process.platform === 'win32') return t.skip('no /dev/null');
    for (const read of Object.values(READERS)) {
      await refuses(read('/dev/null', {}), '/dev/null', 'not a regular file (a FIFO, socket or device?)');
    }
  });
});
