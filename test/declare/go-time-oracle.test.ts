// ClientIntents timestamps (metadata.creationTimestamp, deletionTimestamp) against Go's own
// time.Parse(time.RFC3339), which Kubernetes' metav1.Time uses: test/support/go-time/main.go,
// built with the machine's Go. kubectl refuses a document whose timestamp Go does not parse, so
// the check must refuse it too, and take every one Go takes. Debian's Go (1.19) is older than
// the Go Kubernetes is built with, and three things changed in 1.20 that the check follows: a
// zone offset past 24:60 is refused, so is an offset field with a sign (`+01:-0`), and so are
// seconds missing before a fraction (`10:00:.5Z`).
// Without Go the test is skipped.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import fc from 'fast-check';
import { isGoRfc3339 } from '../../src/declare/object-meta.ts';
import { goBinary } from '../support/go-binary.ts';

const SOURCE = path.resolve(import.meta.dirname, '../support/go-time/main.go');

const GO = goBinary();
const work = mkdtempSync(path.join(tmpdir(), 'intent-drift-go-time-'));
after(() => rmSync(work, { recursive: true, force: true }));

let built = '';
function goParses(texts: readonly string[]): boolean[] {
  if (!built) {
    built = path.join(work, 'go-time');
    execFileSync(GO!, ['build', '-o', built, SOURCE], {
      env: { ...process.env, GO111MODULE: 'off', GOCACHE: path.join(work, 'cache'), GOFLAGS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }
  const run = spawnSync(built, [], { input: JSON.stringify(texts), maxBuffer: 64 * 1024 * 1024 });
  assert.equal(run.status, 0, run.stderr.toString());
  return JSON.parse(run.stdout.toString()) as boolean[];
}

/**
 * What the check refuses though Debian's Go 1.19 takes it: what Go 1.20 and later refuse (see
 * the file's comment), and a zone offset whose hour or minute is not two digits (`+-4:00`,
 * `+01:-0`: 1.19 reads each with atoi, which takes a sign).
 */
function mayRefuse(text: string): boolean {
  const offset = /[+-](..):(..)$/.exec(text);
  if (
    offset !== null &&
    (!/^\d\d$/.test(offset[1]!) ||
      !/^\d\d$/.test(offset[2]!) ||
      Number(offset[1]) > 24 ||
      Number(offset[2]) > 60)
  )
    return true;
  return /:[.,]/.test(text);
}

const VALID = [
  '2024-02-29T10:00:00Z',
  '2023-12-31T23:59:59.999999999+01:00',
  '2000-01-01T00:00:00,5-05:30',
  '1999-04-30T9:05:07Z',
  '0000-01-01T00:00:00+24:60',
];

describe('timestamps against Go time.Parse(time.RFC3339)', {
  skip: GO === undefined ? 'go not installed' : false,
}, () => {
  test('an offset field with a sign, which Go 1.19 takes and the check refuses, as Go 1.20 and later do', () => {
    // Seen with FUZZ_SEED=70054969 in the property test below.
    for (const text of ['2023-12-31T23:59:59.99999999+01:-0', '2024-01-01T10:00:00+-4:00']) {
      assert.equal(isGoRfc3339(text), false, text);
      assert.equal(mayRefuse(text), true, text);
    }
  });

  test('hand-picked: leap days, one-digit hours, fractions, offsets, case', () => {
    const texts = [
      ...VALID,
      '2023-02-29T10:00:00Z',
      '2024-04-31T10:00:00Z',
      '2024-01-01T24:00:00Z',
      '2024-01-01T10:60:00Z',
      '2024-01-01T10:00:60Z',
      '2024-01-01t10:00:00Z',
      '2024-01-01T10:00:00z',
      '2024-01-01T10:00:00.Z',
      '2024-1-01T10:00:00Z',
      '2024-01-01T10:00:00+0100',
      '2024-01-01 10:00:00Z',
      '2024-01-01T10:00Z',
      '2024-01-01',
      '',
    ];
    const go = goParses(texts);
    texts.forEach((text, i) => {
      assert.equal(isGoRfc3339(text), go[i], JSON.stringify(text));
    });
  });

  test('texts near the format: the check takes only what Go takes, and all of it but the known cases (property)', () => {
    const near = fc
      .tuple(
        fc.constantFrom(...VALID),
        fc.array(fc.tuple(fc.nat(40), fc.constantFrom('', ...'0123456789-:TZtz.,+ 9')), {
          minLength: 1,
          maxLength: 3,
        }),
      )
      .map(([base, edits]) => {
        let text = base;
        for (const [at, put] of edits) {
          // Delete, insert (odd positions) or replace a character.
          const i = at % (text.length + 1);
          const rest = put !== '' && at % 2 === 1 ? text.slice(i) : text.slice(i + 1);
          text = text.slice(0, i) + put + rest;
        }
        return text;
      });
    const texts = fc.sample(near, 4000);
    const go = goParses(texts);
    texts.forEach((text, i) => {
      const ours = isGoRfc3339(text);
      if (ours) assert.ok(go[i], `the check takes ${JSON.stringify(text)}, which Go refuses`);
      else assert.ok(!go[i] || mayRefuse(text), `the check refuses ${JSON.stringify(text)}, which Go takes`);
    });
  });
});
