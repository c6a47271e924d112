// readFileChunks (src/observe/file-chunks.ts): a file's bytes in order, in chunks of the one
// buffer, and its descriptor closed when the reading ends, however it ends: a --metrics
// directory holds thousands of captures, and a reading stops early at a refused line.
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { DEFAULT_CHUNK_BYTES, readFileChunks } from '../../src/observe/file-chunks.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'intent-drift-chunks-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Buffer): string {
  const at = path.join(dir, name);
  writeFileSync(at, bytes);
  return at;
}

const bytes = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 7 + 3) % 256));

/** The process's open descriptors on `at` (Linux: /proc/self/fd). */
function openOn(at: string): number {
  let open = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`) === at) open++;
    } catch {
      // The descriptor readdir itself used, closed by now.
    }
  }
  return open;
}

describe('readFileChunks', () => {
  test("the file's bytes in order, in chunks as large as the buffer, each a view of it", () => {
    const content = bytes(20);
    const buffer = Buffer.alloc(7);
    const chunks: Buffer[] = [];
    for (const chunk of readFileChunks(file('twenty', content), buffer)) {
      assert.equal(chunk.buffer, buffer.buffer);
      chunks.push(Buffer.from(chunk));
    }
    assert.deepEqual(
      chunks.map((c) => c.length),
      [7, 7, 6],
    );
    assert.deepEqual(Buffer.concat(chunks), content);
  });

  test('with no buffer given, chunks of DEFAULT_CHUNK_BYTES; an empty file, no chunk', () => {
    const content = bytes(DEFAULT_CHUNK_BYTES + 10);
    const chunks = [...readFileChunks(file('large', content))].map((c) => c.length);
    assert.deepEqual(chunks, [DEFAULT_CHUNK_BYTES, 10]);
    assert.deepEqual([...readFileChunks(file('empty', Buffer.alloc(0)))], []);
  });

  test('the file is closed at its end, and when the reading stops after its first chunk', {
    skip: !existsSync('/proc/self/fd') && 'no /proc/self/fd to count descriptors',
  }, () => {
    const whole = file('whole', bytes(30));
    const chunks = readFileChunks(whole, Buffer.alloc(8));
    chunks.next();
    assert.equal(openOn(whole), 1, 'open while it is read');
    for (let next = chunks.next(); !next.done; next = chunks.next());
    assert.equal(openOn(whole), 0, 'closed at its end');

    const stopped = file('stopped', bytes(30));
    for (const _chunk of readFileChunks(stopped, Buffer.alloc(8))) {
      assert.equal(openOn(stopped), 1, 'open while it is read');
      break;
    }
    assert.equal(openOn(stopped), 0, 'closed when the reading stops early');
  });
});
