// How Istio 1.30 picks and merges Telemetry resources (pilot/pkg/model/telemetry.go), as far as
// the method and path labels on istio_requests_total go.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { addedTelemetryYaml, MESH_TELEMETRY_YAML } from '../../src/cluster/telemetry.ts';
import {
  isNamespaceWide,
  metricsProviders,
  namespaceWide,
  requestCountTags,
  type TelemetryObject,
  telemetriesOf,
} from '../../src/cluster/telemetry-spec.ts';

const TAGS = { request_method: { value: 'request.method' }, request_path: { value: 'request.path' } };
const t = (name: string, created: string, spec: Record<string, unknown> = {}): TelemetryObject => ({
  name,
  namespace: 'istio-system',
  created,
  spec,
});

describe('namespaceWide: the resource Istio uses for a namespace', () => {
  test('no selector labels and no target reference', () => {
    assert.equal(isNamespaceWide({}), true);
    assert.equal(isNamespaceWide({ selector: {} }), true);
    assert.equal(isNamespaceWide({ selector: { matchLabels: {} } }), true);
    assert.equal(isNamespaceWide({ selector: { matchLabels: { app: 'a' } } }), false);
    assert.equal(isNamespaceWide({ targetRefs: [{ kind: 'Gateway', name: 'gw' }] }), false);
    assert.equal(isNamespaceWide({ targetRef: { kind: 'Service', name: 's' } }), false);
  });

  test('oldest first; same second: by name (sortConfigByCreationTime)', () => {
    const sorted = namespaceWide([
      t('b', '2026-01-01T00:00:00Z'),
      t('selected', '2020-01-01T00:00:00Z', { selector: { matchLabels: { app: 'x' } } }),
      t('a', '2026-01-01T00:00:00Z'),
      t('old', '2025-06-30T23:59:59Z'),
    ]);
    assert.deepEqual(
      sorted.map((x) => x.name),
      ['old', 'a', 'b'],
    );
  });
});

describe('telemetriesOf: the items of a kubectl List', () => {
  test('an item without a name or a namespace is no Telemetry; a null spec is an empty one', () => {
    // kubectl prints `spec: null` for a resource applied with an empty spec; a namespaced
    // resource always has both names, so an item without them is not one to judge.
    const items = telemetriesOf([
      { metadata: { name: 'no-namespace' }, spec: { metrics: [] } },
      { metadata: { namespace: 'shop' }, spec: {} },
      { spec: {} },
      { metadata: { name: 'empty', namespace: 'shop' }, spec: null },
      { metadata: { name: 'bare', namespace: 'shop', creationTimestamp: '2026-01-01T00:00:00Z' } },
    ]);
    assert.deepEqual(items, [
      { name: 'empty', namespace: 'shop', created: '', spec: {} },
      { name: 'bare', namespace: 'shop', created: '2026-01-01T00:00:00Z', spec: {} },
    ]);
    assert.deepEqual(
      namespaceWide(items).map((x) => x.name),
      ['empty', 'bare'],
    );
  });
});

describe('requestCountTags: method and path on istio_requests_total, per sidecar', () => {
  const both = { client: true, server: true };
  const none = { client: false, server: false };

  test('the demo’s mesh-default and what cluster existing adds both qualify', () => {
    assert.deepEqual(requestCountTags([parse(MESH_TELEMETRY_YAML).spec]), both);
    assert.deepEqual(requestCountTags([parse(addedTelemetryYaml('shop')).spec]), both);
  });

  test('a match on another metric, one mode, one tag, or another provider does not', () => {
    const over = (override: object, providers?: string[]) => [
      {
        metrics: [
          { ...(providers ? { providers: providers.map((name) => ({ name })) } : {}), overrides: [override] },
        ],
      },
    ];
    assert.deepEqual(
      requestCountTags(over({ match: { metric: 'REQUEST_DURATION' }, tagOverrides: TAGS })),
      none,
    );
    assert.deepEqual(requestCountTags(over({ match: { mode: 'SERVER' }, tagOverrides: TAGS })), {
      client: false,
      server: true,
    });
    assert.deepEqual(requestCountTags(over({ tagOverrides: { request_path: TAGS.request_path } })), none);
    assert.deepEqual(requestCountTags(over({ tagOverrides: TAGS }, ['stackdriver'])), none);
    assert.deepEqual(requestCountTags(over({ match: { customMetric: 'x' }, tagOverrides: TAGS })), none);
    assert.deepEqual(requestCountTags([{ accessLogging: [{}] }]), none);
  });

  test('an empty tag value adds no tag, and over an earlier value takes it away', () => {
    // mergeMetrics keeps the later tagOverride whole; an UPSERT (the default operation) with an
    // empty value becomes a dimension whose expression Envoy cannot parse (istio/proxy
    // istio_stats.cc: getOrCreateExpression), and a tag that is not a standard one is then not
    // added. istiod's webhook refuses such a Telemetry, the CRD's own rule only with UPSERT named.
    const tags = (tagOverrides: object) => ({ metrics: [{ overrides: [{ tagOverrides }] }] });
    const empty = { request_method: { value: '' }, request_path: { value: '' } };
    assert.deepEqual(requestCountTags([tags(empty)]), none);
    assert.deepEqual(requestCountTags([tags({ ...TAGS, request_path: {} })]), none);
    assert.deepEqual(requestCountTags([tags(TAGS), tags({ request_path: { value: '' } })]), none);
    assert.deepEqual(requestCountTags([tags(TAGS), tags({ request_path: { operation: 'UPSERT' } })]), none);
    assert.deepEqual(requestCountTags([tags({ request_path: { value: '' } }), tags(TAGS)]), both);
  });

  test('later overrides win: REMOVE, disabled, and a namespace’s resource over the root’s', () => {
    const root = { metrics: [{ overrides: [{ tagOverrides: TAGS }] }] };
    const remove = {
      metrics: [{ overrides: [{ tagOverrides: { request_path: { operation: 'REMOVE' } } }] }],
    };
    assert.deepEqual(requestCountTags([root, remove]), none);
    const off = { metrics: [{ overrides: [{ match: { metric: 'REQUEST_COUNT' }, disabled: true }] }] };
    assert.deepEqual(requestCountTags([root, off]), none);
    // ALL_METRICS disabled at the root, then a namespace override: enabled again (mergeMetrics).
    const allOff = { metrics: [{ overrides: [{ disabled: true }] }] };
    assert.deepEqual(requestCountTags([allOff]), none);
    assert.deepEqual(requestCountTags([allOff, parse(addedTelemetryYaml('shop')).spec]), both);
    // ALL_METRICS disabled after the tags drops the whole filter (disabledAllMetricsProviders),
    // per mode when a mode is named; any later override, of any metric, enables it again, and
    // the tags set before stand (mergeMetrics deletes the provider's key for every override).
    assert.deepEqual(requestCountTags([root, allOff]), none);
    const clientOff = { metrics: [{ overrides: [{ match: { mode: 'CLIENT' }, disabled: true }] }] };
    assert.deepEqual(requestCountTags([root, clientOff]), { client: false, server: true });
    const otherMetric = {
      metrics: [{ overrides: [{ match: { metric: 'REQUEST_DURATION' }, tagOverrides: {} }] }],
    };
    assert.deepEqual(requestCountTags([root, allOff, otherMetric]), both);
    // REMOVE takes the tag away whatever value it carries (mergeMetrics: the value is dropped).
    const removeValued = {
      metrics: [
        { overrides: [{ tagOverrides: { request_path: { operation: 'REMOVE', value: 'request.path' } } }] },
      ],
    };
    assert.deepEqual(requestCountTags([root, removeValued]), none);
    // A later `disabled: false` on the metric turns it on again, its tags with it.
    const onAgain = {
      metrics: [
        {
          overrides: [
            { match: { metric: 'REQUEST_COUNT' }, disabled: true },
            { match: { metric: 'REQUEST_COUNT' }, disabled: false, tagOverrides: TAGS },
          ],
        },
      ],
    };
    assert.deepEqual(requestCountTags([onAgain]), both);
    // Providers named at the root are inherited by an entry that names none.
    const rootSd = { metrics: [{ providers: [{ name: 'stackdriver' }] }] };
    assert.deepEqual(requestCountTags([rootSd, parse(addedTelemetryYaml('shop')).spec]), none);
  });

  test('only the providers of the last entry naming any get metrics: the root’s prometheus tags are dropped under a namespace naming stackdriver', () => {
    // mergeMetrics: inScopeProviders are the last names set (not a deep merge); a provider out of
    // scope gets no stats filter at all, so no prometheus istio_requests_total in that namespace.
    const root = parse(MESH_TELEMETRY_YAML).spec;
    const sdOnly = { metrics: [{ providers: [{ name: 'stackdriver' }] }] };
    assert.deepEqual(metricsProviders([root, sdOnly]), ['stackdriver']);
    assert.deepEqual(requestCountTags([root, sdOnly]), none);
    // The same within one resource: a later entry naming only stackdriver.
    const oneResource = { metrics: [...root.metrics, ...sdOnly.metrics] };
    assert.deepEqual(requestCountTags([oneResource]), none);
    // An entry naming no providers changes nothing; one naming prometheus among others keeps it.
    assert.deepEqual(metricsProviders([root, { metrics: [{}] }]), ['prometheus']);
    assert.deepEqual(requestCountTags([root, { metrics: [{}] }]), both);
    const withSd = { metrics: [{ providers: [{ name: 'stackdriver' }, { name: 'prometheus' }] }] };
    assert.deepEqual(requestCountTags([root, withSd]), both);
    // Prometheus named last brings the root's prometheus tags back; stackdriver's own tags never count.
    const sdTags = {
      metrics: [{ providers: [{ name: 'stackdriver' }], overrides: [{ tagOverrides: TAGS }] }],
    };
    const prom = { metrics: [{ providers: [{ name: 'prometheus' }] }] };
    assert.deepEqual(requestCountTags([root, sdOnly, prom]), both);
    assert.deepEqual(requestCountTags([sdTags, prom]), none);
    assert.deepEqual(metricsProviders([]), ['prometheus']);
  });

  test("a Telemetry naming no providers gets the mesh config's defaultProviders.metrics, which may lack prometheus or be empty", () => {
    // mergeMetrics starts from mesh.GetDefaultProviders().GetMetrics(): the istiod chart's
    // [prometheus], or what the user set, or none (Istio's default, pkg/config/mesh/mesh.go).
    const tags = { metrics: [{ overrides: [{ tagOverrides: TAGS }] }] };
    const added = parse(addedTelemetryYaml('shop')).spec;
    assert.deepEqual(metricsProviders([], ['stackdriver']), ['stackdriver']);
    assert.deepEqual(metricsProviders([{ metrics: [{}] }], []), []);
    assert.deepEqual(requestCountTags([tags], ['stackdriver']), none);
    assert.deepEqual(requestCountTags([tags], []), none);
    assert.deepEqual(requestCountTags([added], []), none);
    assert.deepEqual(requestCountTags([tags], ['stackdriver', 'prometheus']), both);
    assert.deepEqual(requestCountTags([tags]), both, 'the chart default, prometheus, unless given');
    // A Telemetry naming prometheus brings it whatever the defaults, and its tags count.
    assert.deepEqual(requestCountTags([parse(MESH_TELEMETRY_YAML).spec], []), both);
    assert.deepEqual(requestCountTags([parse(MESH_TELEMETRY_YAML).spec, added], ['stackdriver']), both);
    // Tags before the entry naming prometheus went to the defaults' providers, not prometheus.
    const prom = { metrics: [{ providers: [{ name: 'prometheus' }] }] };
    assert.deepEqual(requestCountTags([tags, prom], ['stackdriver']), none);
    assert.deepEqual(requestCountTags([tags, prom]), both);
  });
});
