// The JSON report is written in pieces (renderJsonReportChunks: batches of entries stringified
// and escaped one by one). Whatever the calls hold, the pieces must join to the same bytes as
// jsonText(toJsonReport(drift)), the plain JSON.stringify of the whole report, with nothing
// unsafe left raw: checked on generated calls with every optional field present or absent,
// client and server objects shared between calls, and hostile strings (unsafe characters,
// quotes, backslashes, `##[`).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Drift, MissingCall, ObservedCall } from '../../src/model.ts';
import { jsonText, renderJsonReportChunks, toJsonReport } from '../../src/report/json-report.ts';
import { rawUnsafeChars, UNSAFE_CODE_POINTS } from '../support/unsafe-chars.ts';

const hostileChar = fc.oneof(
  fc.constantFrom(...UNSAFE_CODE_POINTS.map((c) => String.fromCodePoint(c))),
  fc.constantFrom('"', '\\', '#', '[', '/', '{', '}', ',', ':', ' ', 'é', '😀', '\ud800'),
  fc.string({ minLength: 1, maxLength: 1 }),
);
const text = fc.oneof(
  fc.constantFrom('web', 'shop', '/api/v1/items', 'GET', '##[error]x', ''),
  fc.array(hostileChar, { maxLength: 12 }).map((cs) => cs.join('')),
);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const ref = fc.record(
  {
    name: text,
    namespace: text,
    kind: optional(fc.constantFrom('Deployment', 'StatefulSet', 'Kind"\u001b')),
  },
  { requiredKeys: ['name', 'namespace'] },
);
const serverRef = fc.record(
  {
    name: text,
    namespace: text,
    kind: optional(text),
    service: optional(fc.record({ name: text, namespace: text })),
  },
  { requiredKeys: ['name', 'namespace'] },
);
const place = fc.record({ file: text, line: fc.integer({ min: 1, max: 100_000 }) });

const call = fc.record(
  {
    method: fc.option(text, { nil: null }),
    path: fc.option(text, { nil: null }),
    count: fc.oneof(fc.nat(), fc.double({ min: 0, max: 1e20, noNaN: true })),
    protocol: fc.constantFrom('http', 'grpc', 'tcp'),
    firstSeen: optional(text),
    lastSeen: optional(text),
    host: optional(text),
    suggestedPath: optional(fc.oneof(text, fc.constant('/api/v1/items/*'))),
    wouldBeBlocked: optional(fc.boolean()),
    intentsFile: optional(place),
    ignoredBy: optional(place),
  },
  { requiredKeys: ['method', 'path', 'count', 'protocol'] },
);

/** Calls sharing some client and server objects (the writer caches their text by object). */
const calls = fc
  .tuple(fc.array(ref, { minLength: 1, maxLength: 4 }), fc.array(serverRef, { minLength: 1, maxLength: 4 }))
  .chain(([clients, servers]) =>
    fc.array(
      fc.tuple(call, fc.nat(clients.length - 1), fc.nat(servers.length - 1)).map(([c, i, j]) => {
        const out: Record<string, unknown> = { client: clients[i], server: servers[j] };
        // Keep the key order of a real call; drop the absent optional fields.
        for (const [k, v] of Object.entries(c)) if (v !== undefined) out[k] = v;
        return out as unknown as MissingCall;
      }),
      { maxLength: 30 },
    ),
  );

function driftOf(missing: MissingCall[], others: ObservedCall[]): Drift {
  return {
    missing,
    stale: [],
    covered: others,
    notChecked: [],
    unattributed: others.slice(0, 3),
    external: [],
    ignored: others.slice(1),
    warnings: ['w'],
    summary: {
      observed: 0,
      declared: 0,
      covered: 0,
      missing: 0,
      stale: 0,
      notChecked: 0,
      ignored: 0,
      drift: true,
    },
  };
}

describe('the streamed JSON report, on generated calls', () => {
  test('the same bytes as JSON.stringify of the report, for any call, with nothing unsafe left raw', () => {
    fc.assert(
      fc.property(calls, calls, (missing, others) => {
        const drift = driftOf(missing, others);
        const streamed = [...renderJsonReportChunks(drift)].join('');
        assert.equal(streamed, jsonText(toJsonReport(drift)));
        assert.deepEqual(rawUnsafeChars(streamed), []);
        assert.ok(!streamed.includes('##['));
      }),
      { numRuns: 300 },
    );
  });

  test("a long list is written in pieces well under V8's large-object size, joined to the same bytes", () => {
    const many = Array.from(
      { length: 1000 },
      (_, i): ObservedCall => ({
        client: { name: `client-${i % 50}`, namespace: 'shop', kind: 'Deployment' },
        server: { name: `server-${i % 7}`, namespace: 'shop' },
        method: 'GET',
        path: `/api/v1/items/${i}/details`,
        count: i + 1,
        protocol: 'http',
      }),
    );
    const missing = many.slice(0, 400).map((c): MissingCall => ({ ...c, wouldBeBlocked: true }));
    const drift = driftOf(missing, many.slice(400));
    const pieces = [...renderJsonReportChunks(drift)];
    assert.equal(pieces.join(''), jsonText(toJsonReport(drift)));
    const longest = Math.max(...pieces.map((p) => p.length));
    assert.ok(longest < 64 * 1024, `a piece of ${longest} characters`);
    assert.ok(pieces.length > 8, 'one piece for each list');
  });

  test('calls that share a client object keep their own entries', () => {
    const a = { name: 'a', namespace: 'ns' };
    const b = { name: 'b', namespace: 'ns' };
    const server = { name: 's', namespace: 'ns' };
    const make = (client: typeof a): ObservedCall => ({
      client,
      server,
      method: 'GET',
      path: '/',
      count: 1,
      protocol: 'http',
    });
    const drift = driftOf([], [make(a), make(b), make(a)]);
    const report = JSON.parse([...renderJsonReportChunks(drift)].join('')) as { covered: ObservedCall[] };
    assert.deepEqual(
      report.covered.map((c) => c.client.name),
      ['a', 'b', 'a'],
    );
  });
});
