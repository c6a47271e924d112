// The kept values' two bounds (src/yaml/scalar-strings.ts), which hostile intents files would
// otherwise turn into memory held for the whole process: values longer than 256 characters are
// not kept, and no more than 64 Ki distinct values are. Measured as the heap that stays after a
// full collection, in a process of its own, once nothing but the table refers to the values.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';

const SCALAR_STRINGS = new URL('../../src/yaml/scalar-strings.ts', import.meta.url).href;

/** The heap kept after `count` distinct values of `length` characters went through scalarString. */
function keptBytes(count: number, length: number): number {
  const script = `
    const { scalarString } = await import(${JSON.stringify(SCALAR_STRINGS)});
    gc(); gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < ${count}; i++) scalarString(String(i).padStart(${length}, 'x'));
    gc(); gc();
    console.log(process.memoryUsage().heapUsed - before);
  `;
  const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  return Number(out);
}

test('values longer than 256 characters are not kept: 2,000 of 10,000 characters leave nothing behind', () => {
  const grown = keptBytes(2000, 10_000);
  assert.ok(grown < 4 * 1024 * 1024, `the heap kept ${grown} bytes of 20 MB of values`);
});

test('at most 64 Ki values are kept: 256 Ki distinct values of 200 characters keep about a quarter', () => {
  const grown = keptBytes(4 * 65_536, 200);
  // 64 Ki strings of 200 one-byte characters and their map entries: about 16 MB; all of them 64.
  assert.ok(grown < 65_536 * 512, `the heap kept ${grown} bytes`);
  assert.ok(grown > 65_536 * 150, `the heap kept ${grown} bytes: the values are not kept at all`);
});
