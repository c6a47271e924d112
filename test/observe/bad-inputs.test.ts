// The corpus of malformed metric inputs: each file must fail with InputError naming the file
// (and the line, for text) and a message that says what is wrong.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isInputError } from '../../src/errors.ts';
import { MAX_JSON_BYTES, readMetrics } from '../../src/observe/read-metrics.ts';

const BAD = fileURLToPath(new URL('../../fixtures/metrics/bad/', import.meta.url));
const SAMPLES = fileURLToPath(new URL('../../fixtures/metrics/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Messages name a file relative to the working directory, as the user typed it. */
const shown = (file: string) => path.relative(ROOT, file);

/** file (under fixtures/metrics/bad/) -> expected `where: message` suffix of the rendered error. */
const EXPECTED: Record<string, string> = {
  'unterminated-label-value.prom':
    ':3: unterminated value of label "source_workload" (missing closing quote)',
  'bad-escape.prom': ':2: bad escape "\\\\t" in the value of label "request_path"',
  'missing-value.prom': ':2: missing value after istio_requests_total (each series must be on one line)',
  'non-numeric-value.prom': ':1: non-numeric value "many" for istio_requests_total',
  'bad-timestamp.prom': ':1: bad timestamp "12:00" (expected integer milliseconds)',
  // The blank after a comma takes the line to the full parser, as Prometheus' own refuses it.
  'fractional-timestamp.prom': ':1: bad timestamp "1700000000000.5" (expected integer milliseconds)',
  'text-after-timestamp.prom': ':1: unexpected text after the timestamp: "extra"',
  'label-without-value.prom': ':1: expected "=" after label name "source_workload"',
  'unquoted-label-value.prom': ':1: expected a quoted value for label "reporter"',
  'duplicate-label.prom': ':1: duplicate label "reporter"',
  'bad-label-name.prom': ':1: expected a label name at column 22, found "9reporter="',
  // Label names are [a-zA-Z_][a-zA-Z0-9_]*: a colon ends one (metric names may hold it, labels not).
  'colon-in-label-name.prom': ':1: expected "=" after label name "reporter"',
  // A long token is shown cut to 40 characters, so a hostile line cannot flood the message.
  'long-non-numeric-value.prom': `:1: non-numeric value "${'x'.repeat(40)}..." for istio_requests_total`,
  'missing-comma.prom': ':1: expected "," or "}" after the value of label "reporter"',
  'unterminated-label-set.prom': ':1: expected "," or "}" after the value of label "reporter"',
  'empty.prom': ': empty: no metrics in this file',
  'garbage.json': ': not valid JSON: ',
  'no-stats-array.json': ': expected a "stats" array (Envoy JSON stats), found undefined',
  'stats-not-array.json': ': expected a "stats" array (Envoy JSON stats), found object',
  'stats-entry-without-name.json': ': stats[1] has no "name" string',
  'stats-value-not-number.json': ': stats[0] (istio_requests_total): "value" is string, expected a number',
  'stats-unknown-label-key.json': ': stats[0] (istio_requests_total): unknown label key "colour"',
  'top-level-array.json': ': expected an Envoy stats object {"stats": [...]}, found an array',
  'prometheus-api-response.json':
    ': this is a Prometheus HTTP API response, not Envoy stats; use --source prometheus',
};

async function renderedError(file: string): Promise<string> {
  try {
    await readMetrics([shown(file)], { cwd: ROOT });
  } catch (err) {
    assert.ok(isInputError(err), `${file}: expected InputError, got ${String(err)}`);
    return String(err);
  }
  return assert.fail(`${file}: expected an InputError`);
}

test('every file in fixtures/metrics/bad/ is in the table, and the table has at least 12 entries', () => {
  assert.deepEqual(readdirSync(BAD).sort(), Object.keys(EXPECTED).sort());
  assert.ok(Object.keys(EXPECTED).length >= 12);
});

for (const [name, expected] of Object.entries(EXPECTED)) {
  test(`bad input ${name}`, async () => {
    const file = path.join(BAD, name);
    const message = await renderedError(file);
    assert.ok(message.startsWith(`${shown(file)}${expected}`), `got: ${message}`);
  });
}

test('real samples that are not sidecar exposition are rejected clearly', async () => {
  const pretty = path.join(SAMPLES, 'sample-04-prometheus-side-series-with-target-labels.txt');
  assert.equal(
    await renderedError(pretty),
    `${shown(pretty)}:1: missing value after istio_requests_total (each series must be on one line)`,
  );
  const api = path.join(SAMPLES, 'sample-05-prometheus-api-query_range-matrix-mixer-era.json');
  assert.match(await renderedError(api), /: this is a Prometheus HTTP API response, not Envoy stats/);
});

test('Envoy JSON stats too large to parse whole are refused before they are held in memory', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'intent-drift-json-'));
  try {
    const file = path.join(dir, 'huge.json');
    writeFileSync(file, `{"stats":[${' '.repeat(MAX_JSON_BYTES)}]}`);
    // Outside the working directory, the file is shown by its absolute path.
    assert.equal(
      await renderedError(file),
      `${file}: Envoy JSON stats over 64 MiB; use the text format (the admin port's /stats/prometheus), which is read as a stream`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Envoy JSON stats of exactly the bound are read, not refused', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'intent-drift-json-'));
  try {
    const file = path.join(dir, 'at-bound.json');
    const open = '{"stats":[';
    writeFileSync(file, `${open}${' '.repeat(MAX_JSON_BYTES - open.length - 2)}]}`);
    const map = await readMetrics([file]);
    assert.equal(map.calls.length, 0);
    assert.match(map.warnings.join('\n'), /at-bound\.json: no istio_requests_total/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
