// Documents that are almost ClientIntents (src/declare/intents-near-miss.ts): an error at their
// line that says what is wrong, rather than skipping them as another kind and reporting every
// call they were meant to allow as missing. The bad-input corpus (bad-intents.test.ts) holds one
// file per message; these are the cases between them.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadIntents } from '../../src/declare/load-intents.ts';
import { InputError } from '../../src/errors.ts';

let dir = '';
before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'intent-drift-near-miss-'));
});
after(() => rm(dir, { recursive: true, force: true }));

/** The error of a ClientIntents written with this apiVersion and kind. */
async function errorOf(apiVersion: string, kind: string): Promise<string> {
  const text =
    `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: a\n  namespace: shop\n` +
    'spec:\n  workload:\n    name: a\n  targets:\n    - kubernetes:\n        name: b\n';
  await writeFile(path.join(dir, 'a.yaml'), text);
  try {
    await loadIntents(['a.yaml'], { cwd: dir });
  } catch (err) {
    assert.ok(err instanceof InputError, String(err));
    return String(err);
  }
  assert.fail('loaded without an error');
}

const V2 = 'k8s.otterize.com/v2beta1';
const GROUP_HINT = "Otterize's is k8s.otterize.com (k8s.otterize.com/v2beta1, for instance)";

describe('kinds that are almost ClientIntents', () => {
  test('in another case and singular: both reasons, the case first', async () => {
    assert.equal(
      await errorOf(V2, 'clientintent'),
      'a.yaml:2: kind: "clientintent" is not ClientIntents (kinds are case-sensitive; the kind is plural); write kind: ClientIntents',
    );
  });

  test('all upper case, with its plural s: only the case is wrong', async () => {
    assert.equal(
      await errorOf(V2, 'CLIENTINTENTS'),
      'a.yaml:2: kind: "CLIENTINTENTS" is not ClientIntents (kinds are case-sensitive); write kind: ClientIntents',
    );
  });
});

describe("ClientIntents in a group that is almost Otterize's", () => {
  test('a group that only starts like k8s.otterize.com is another group', async () => {
    assert.equal(
      await errorOf('k8s.otterize.community/v2beta1', 'ClientIntents'),
      `a.yaml:1: apiVersion: "k8s.otterize.community/v2beta1" puts ClientIntents in the API group "k8s.otterize.community"; ${GROUP_HINT}`,
    );
  });

  test("Otterize's group with no version: said so, not that the group is missing", async () => {
    assert.equal(
      await errorOf('k8s.otterize.com', 'ClientIntents'),
      'a.yaml:1: apiVersion: "k8s.otterize.com" is the API group without a version; write k8s.otterize.com/v2beta1, for instance',
    );
    assert.equal(
      await errorOf('v2beta1', 'ClientIntents'),
      `a.yaml:1: apiVersion: "v2beta1" puts ClientIntents in no API group; ${GROUP_HINT}`,
    );
  });

  test('the group is what comes before the first slash: with two, the group is right and the version unknown', async () => {
    assert.match(
      await errorOf('k8s.otterize.com/v2beta1/x', 'ClientIntents'),
      /^a\.yaml:1: apiVersion: unknown ClientIntents version "k8s\.otterize\.com\/v2beta1\/x"/,
    );
  });
});
