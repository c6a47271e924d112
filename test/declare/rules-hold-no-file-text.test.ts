// The rules a load keeps must not keep the intents files' texts alive. V8 makes a string sliced
// out of another (13 characters or more) a view that holds its whole parent: before the YAML
// readers copied their values out (src/yaml/scalar-strings.ts), each rule's path held its file's
// text, 8 MB for the benchmark's 2,000 files. Each of the three ways a file is read is checked.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { plainYamlDocuments } from '../../src/yaml/plain-yaml.ts';
import { tokenizeYaml } from '../../src/yaml/read-yaml.ts';
import { documentsFromCst } from '../../src/yaml/yaml-cst-tree.ts';

const LOAD_INTENTS = new URL('../../src/declare/load-intents.ts', import.meta.url).href;

type Reader = 'plain' | 'cst' | 'composer';

/**
 * One ClientIntents file of about `bytes`, most of it a comment, with HTTP paths of 20+
 * characters. What the plain reader leaves to the CST short way: a quoted value with an escape;
 * what that leaves to the Composer: an anchor.
 */
function intentsFile(i: number, bytes: number, reader: Reader): string {
  const padding = `# ${'x'.repeat(98)}\n`.repeat(Math.ceil(bytes / 101));
  const namespace = { plain: 'shop', cst: '"sh\\x6Fp"', composer: '&ns shop' }[reader];
  return `${padding}apiVersion: k8s.otterize.com/v2beta1
kind: ClientIntents
metadata:
  name: client-${i}
  namespace: ${namespace}
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

for (const reader of ['plain', 'cst', 'composer'] as const) {
  test(`the rules of 60 files of 256 KB hold none of their texts (${reader} reader; heap after a full collection)`, () => {
    const files = 60;
    const bytes = 256 * 1024;
    // The file goes the way it is meant to.
    const sample = intentsFile(0, 1000, reader);
    assert.equal(plainYamlDocuments(sample) === undefined, reader !== 'plain');
    const { tokens, lineOf } = tokenizeYaml(sample, 'sample.yaml');
    assert.equal(documentsFromCst(tokens, sample, lineOf) === undefined, reader === 'composer');
    const dir = mkdtempSync(path.join(tmpdir(), 'intent-drift-texts-'));
    try {
      for (let i = 0; i < files; i++)
        writeFileSync(path.join(dir, `c${i}.yaml`), intentsFile(i, bytes, reader));
      const script = `
        const { loadIntents } = await import(${JSON.stringify(LOAD_INTENTS)});
        gc(); gc();
        const before = process.memoryUsage().heapUsed;
        const declared = await loadIntents([${JSON.stringify(dir)}]);
        gc(); gc();
        const after = process.memoryUsage().heapUsed;
        console.log(JSON.stringify({
          rules: declared.rules.length,
          paths: declared.rules.filter((r) => r.path.length >= 20 && r.client.namespace === 'shop').length,
          grown: after - before,
        }));
      `;
      const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], {
        encoding: 'utf8',
      });
      const { rules, paths, grown } = JSON.parse(out) as { rules: number; paths: number; grown: number };
      // Three rules per file, each path of 20 characters or more: each would be a view of its text.
      assert.equal(rules, files * 3);
      assert.equal(paths, files * 3);
      // The texts are 15 MiB; the rules and the load's own tables a small fraction of that.
      assert.ok(
        grown < (files * bytes) / 5,
        `the heap grew by ${grown} bytes, the texts are ${files * bytes}`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
