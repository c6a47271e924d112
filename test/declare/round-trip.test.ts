// Export then load gives back the same rules, in every API version, and each rule's line
// points at the text that declares it.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { buildClientIntents, type ExportClientIntents } from '../../src/declare/build-client-intents.ts';
import { renderIntentsFile } from '../../src/declare/export-intents.ts';
import { loadIntents } from '../../src/declare/load-intents.ts';
import { INTENTS_VERSIONS } from '../../src/declare/parse-client-intents.ts';
import type { DeclaredRule } from '../../src/model.ts';
import { RICH_CALLS } from './export-calls.ts';

/** What a rule says, without where: `ns/client(kind) -> type ns/server(kind) METHOD path`. */
function ruleMeaning(rule: DeclaredRule, withKinds: boolean): string {
  const kind = (k: string | undefined) => (withKinds && k ? `(${k})` : '');
  return `${rule.client.namespace}/${rule.client.name}${kind(rule.client.kind)} -> ${rule.targetType} ${rule.server.namespace}/${rule.server.name}${kind(rule.server.kind)} ${rule.method ?? '*'} ${rule.path ?? '*'}`;
}

/** The rules the grouped intents should load back as. */
function expectedMeanings(intents: ExportClientIntents[], withKinds: boolean): string[] {
  const kind = (k: string | undefined) => (withKinds && k ? `(${k})` : '');
  return intents.flatMap(({ client, targets }) =>
    targets.flatMap((target) => {
      const [name, namespace = client.namespace] = target.name.split('.');
      const head = `${client.namespace}/${client.name}${kind(client.kind)} -> ${target.type} ${namespace}/${name}${kind(target.kind)}`;
      if (target.http === null) return [`${head} * *`];
      return target.http.flatMap((rule) => rule.methods.map((method) => `${head} ${method} ${rule.path}`));
    }),
  );
}

describe('round trip: export then loadIntents', () => {
  let tmp = '';
  after(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  for (const asService of [false, true]) {
    for (const version of INTENTS_VERSIONS) {
      test(`${version}${asService ? ' as service targets' : ''}`, async () => {
        tmp ||= await mkdtemp(path.join(os.tmpdir(), 'intent-drift-roundtrip-'));
        const { intents } = buildClientIntents(RICH_CALLS, { asService });
        const text = renderIntentsFile(intents, { apiVersion: version });
        const file = `${version}-${asService}.yaml`;
        await writeFile(path.join(tmp, file), text);
        const declared = await loadIntents([file], { cwd: tmp });
        const withKinds = version !== 'v1alpha2';
        assert.deepEqual(
          declared.rules.map((r) => ruleMeaning(r, withKinds)),
          expectedMeanings(intents, withKinds),
        );
        const lines = text.split('\n');
        for (const rule of declared.rules) {
          assert.equal(rule.file, file);
          const line = lines[rule.line - 1] ?? '';
          assert.ok(
            line.includes(rule.method ?? '- '),
            `line ${rule.line} "${line}" should declare ${rule.method}`,
          );
        }
        assert.deepEqual(declared.warnings, []);
      });
    }
  }
});
