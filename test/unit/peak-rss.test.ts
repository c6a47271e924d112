// The benchmark's peak memory figure (bench/peak-rss.ts) is the child's own: a child spawned by a
// parent holding 300 MiB reports what it used, where getrusage's maxRSS reports the parent's.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const peakRss = path.join(import.meta.dirname, '..', '..', 'bench', 'peak-rss.ts');

test('a child spawned by a large parent reports its own peak, not the parent’s', {
  skip: existsSync('/proc/self/status') ? false : 'no /proc: the figure falls back to maxRSS',
}, () => {
  const held = Buffer.alloc(300 * 1024 * 1024, 1);
  const script = `import { peakRssMiB } from ${JSON.stringify(peakRss)};
    console.log(JSON.stringify({ own: peakRssMiB(), maxRSS: process.resourceUsage().maxRSS / 1024 }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  const { own, maxRSS } = JSON.parse(out) as { own: number; maxRSS: number };
  assert.ok(held.length > 0);
  // What the fix is for: the kernel carried the parent's peak into the child's rusage.
  assert.ok(maxRSS >= 300, `maxRSS ${maxRSS} MiB: expected the parent's 300 MiB or more`);
  assert.ok(own > 10 && own < 200, `the child's own peak ${own} MiB`);
});
