// Property tests (fast-check) for the readers of outside data and the path normalizer.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseEnvoyLabels } from '../../src/observe/envoy-json.ts';
import { ISTIO_DEFAULT_LABELS } from '../../src/observe/istio-labels.ts';
import { normalizePath } from '../../src/observe/normalize-path.ts';
import { cutAt, samplesOf, slowly } from './helpers.ts';

const labelName = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,12}$/);
const tricky = fc.constantFrom('"', '\\', '\n', '.', '{', '}', ',', '=', ' ', '#', 'é', '😀', '\r');
const labelValue = fc.string({
  unit: fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), tricky),
});

function escapeLabelValue(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');
}

function renderValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Number.POSITIVE_INFINITY) return '+Inf';
  if (v === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(v);
}

describe('properties', () => {
  test('(a) any label map rendered as exposition text parses back, in any order and chunking', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.tuple(labelName, labelValue), { selector: ([k]) => k, maxLength: 12 }),
        fc.double(),
        fc.option(fc.integer({ min: -1e12, max: 1e13 }), { nil: undefined }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 12 }),
        async (pairs, value, timestamp, crlf, cutSeeds) => {
          const eol = crlf ? '\r\n' : '\n';
          const body = pairs.map(([k, v]) => `${k}="${escapeLabelValue(v)}"`).join(',');
          const ts = timestamp === undefined ? '' : ` ${timestamp}`;
          const text =
            `# TYPE istio_requests_total counter${eol}envoy_x{a="b"} 1${eol}` +
            `istio_requests_total{${body}} ${renderValue(value)}${ts}${eol}istio_build 1${eol}`;
          const bytes = new Uint8Array(Buffer.from(text));
          const cuts = cutSeeds.map((n) => n % (bytes.length + 1)).sort((x, y) => x - y);
          const { samples } = await samplesOf(slowly(cutAt(bytes, cuts)));
          assert.equal(samples.length, 1);
          const [s] = samples;
          assert.deepEqual(s?.labels, Object.fromEntries(pairs));
          assert.ok(Object.is(s?.value, value) || (value === 0 && s?.value === 0));
          assert.equal(s?.timestamp, timestamp);
          assert.equal(s?.line, 3);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('(b) Envoy stat names built from values with dots parse back exactly', () => {
    const keys = [...ISTIO_DEFAULT_LABELS, 'request_method', 'request_path'];
    const dotted = fc.string({ unit: fc.constantFrom('a', 'b', '1', '.', '/', '-', ':', '_', 'x.y') });
    fc.assert(
      fc.property(
        fc.shuffledSubarray(keys, { minLength: 1 }),
        fc.array(dotted, { minLength: keys.length, maxLength: keys.length }),
        (chosen, values) => {
          const labels = Object.fromEntries(chosen.map((k, i) => [k, values[i]!]));
          const name = chosen.map((k) => (labels[k] === '' ? k : `${k}.${labels[k]}`)).join('.');
          assert.deepEqual(parseEnvoyLabels(name), labels);
        },
      ),
      { numRuns: 500 },
    );
  });

  test('(c) normalizePath is idempotent and never returns a query string or fragment', () => {
    const pathChar = fc.constantFrom(
      '/',
      '.',
      '..',
      '\\',
      '%',
      '%2e',
      '%2E',
      '%41',
      '%2f',
      '%3F',
      '?',
      '#',
      'a',
      '~',
      '%7e',
      'ü',
    );
    fc.assert(
      fc.property(
        fc.array(pathChar, { maxLength: 30 }).map((parts) => parts.join('')),
        (raw) => {
          const once = normalizePath(raw);
          assert.equal(normalizePath(once), once);
          assert.ok(!once.includes('?') && !once.includes('#'), once);
          assert.ok(!/(^|\/)\.\.?(\/|$)/.test(once) || !once.startsWith('/'), once);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
