// The rules a load keeps must not keep the intents files' texts alive. V8 makes a string sliced
// out of another (13 characters or more) a view that holds its whole parent: before the plain
// reader copied its values out (src/yaml/scalar-strings.ts), each rule's path held its file's
// text, 8 MB for the benchmark's 2,000 files.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

const LOAD_INTENTS = new URL('../../src/declare/load-intents.ts', import.meta.url).href;

/** One ClientIntents file of about `bytes`, most of it a comment, with HTTP paths of 20+ characters. */
function intentsFile(i: number, bytes: number): string {
  const padding = `# ${'x'.repeat(98)}\n`.repeat(Math.ceil(bytes / 101));
  return `${padding}apiVersion: k8s.otterize.com/v2beta1
kind: ClientIntents
metadata:
  name: client-${i}
  namespace: shop
spec:
  workload:
    name: client-${i}
  targets:
    - kubernetes:
        name: server
        http:
          - path: /api/v1/orders/${i}/items
            methods: [GET]
          - path: /api/v1/orders/${i}/lines
            methods: [GET, POST]
`;
}

test('the rules of 60 files of 256 KB hold none of their texts (heap measured after a full collection)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'intent-drift-texts-'));
  try {
    const files = 60;
    const bytes = 256 * 1024;
    for (let i = 0; i < files; i++) writeFileSync(path.join(dir, `c${i}.yaml`), intentsFile(i, bytes));
    const script = `
      const { loadIntents } = await import(${JSON.stringify(LOAD_INTENTS)});
      gc(); gc();
      const before = process.memoryUsage().heapUsed;
      const declared = await loadIntents([${JSON.stringify(dir)}]);
      gc(); gc();
      const after = process.memoryUsage().heapUsed;
      console.log(JSON.stringify({ rules: declared.rules.length, paths: declared.rules.filter((r) => r.path.length >= 20).length, grown: after - before }));
    `;
    const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    const { rules, paths, grown } = JSON.parse(out) as { rules: number; paths: number; grown: number };
    // Three rules per file, each path of 20 characters or more: each would be a view of its text.
    assert.equal(rules, files * 3);
    assert.equal(paths, files * 3);
    // The texts are 15 MiB; the rules and the load's own tables a small fraction of that.
    assert.ok(grown < (files * bytes) / 5, `the heap grew by ${grown} bytes, the texts are ${files * bytes}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
