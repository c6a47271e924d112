import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { isIdLikeSegment } from '../../src/diff/id-segment.ts';
import { matchPath, validatePathPattern } from '../../src/diff/istio-match.ts';
import {
  buildPathTemplater,
  templatePath,
  templatePaths,
  templateWidening,
} from '../../src/diff/path-template.ts';
import { call } from './builders.ts';

describe('ID-like segments, judged by shape', () => {
  const templated: [string, string][] = [
    ['/users/8812/orders', '/users/{*}/orders'],
    ['/api/v1/orders/1024', '/api/v1/orders/{*}'],
    ['/v2/carts/3f2a9c1d-7b4e-4c1a-9e2f-5d6c7b8a9e0f/items', '/v2/carts/{*}/items'],
    ['/carts/3F2A9C1D-7B4E-4C1A-9E2F-5D6C7B8A9E0F', '/carts/{*}'],
    // Upper-case, and too few digits to pass for a token: a UUID by its shape alone.
    ['/carts/DEADBEEF-CAFE-4BAD-BEEF-FACEFEEDBABE', '/carts/{*}'],
    ['/commits/9fceb02d0ae598e95dc970b74767f19372d61af8', '/commits/{*}'],
    ['/objects/507f1f77bcf86cd799439011', '/objects/{*}'],
    ['/reports/2024-06-01', '/reports/{*}'],
    ['/events/2024-06-01T10:15:00Z/ack', '/events/{*}/ack'],
    ['/events/2024-06-01T10:15:00+02:00/ack', '/events/{*}/ack'],
    ['/events/2024-06-01T1015Z/ack', '/events/{*}/ack'],
    ['/customers/cus_NffrFeUfNV2Hib', '/customers/{*}'],
    ['/share/aZ3kP9qLm2Xw7YtB', '/share/{*}'],
    ['/avatars/8812.png', '/avatars/{*}'],
    ['/exports/8812.json', '/exports/{*}'],
    ['/users/42/', '/users/{*}/'],
    ['/a/1/b/2/c/3', '/a/{*}/b/{*}/c/{*}'],
    // Base64 with its padding: Envoy's {*} matches `=` (since 1.28, before Istio had templates).
    ['/tok/c2VjcmV0LXRva2VuLTEyMzQ1Ng==', '/tok/{*}'],
  ];
  for (const [raw, template] of templated) {
    test(`${raw} -> ${template}`, () => assert.equal(templatePath(raw), template));
  }

  const kept = [
    '/api/v1.2/items',
    '/v1/users',
    '/v2beta1/clientintents',
    '/api/1.2.3/status',
    '/static/app.js',
    '/static/app.3f2a9c1.js',
    '/api/getUserProfile2',
    '/healthz',
    '/oauth2/token',
    '/products/blue-cotton-shirt',
    '/api/orders',
    '/',
    '/a//1', // an empty segment cannot be part of a template
    '/q/aZ3kP9qLm2Xw7Yt*', // `*`: matched by {*} only on Envoy 1.35 and later (Istio 1.27)
    '/net/ipv6to4relay', // two digits, but shorter than a token (16)
    '/auth/oauth2callbackhandler', // a token's length, but one digit and no capitals: a name
    '/api/fetchUserAccount2', // one digit and two capitals: camelCase, a name
    '/api/ORDERSERVICEV2API', // one digit, capitals only: a constant's name
    '/docs/kube-v1beta2-migration', // digits in a word shorter than a random run (10)
  ];
  for (const raw of kept) {
    test(`${raw} is kept`, () => assert.equal(templatePath(raw), raw));
  }

  test('words, versions and api are names', () => {
    for (const segment of ['api', 'v1', 'v1.2', 'users', 'app.js', 'index.html', 'deadbeef', 'abc123']) {
      assert.equal(isIdLikeSegment(segment), false, segment);
    }
  });
});

describe('segments that vary under the same neighbours', () => {
  test('order codes with digits collapse once there are enough of them', () => {
    const paths = ['ord-a1', 'ord-b2', 'ord-c3', 'ord-d4', 'ord-e5'].map((id) => `/orders/${id}/items`);
    const templates = templatePaths(paths);
    for (const p of paths) assert.equal(templates.get(p), '/orders/{*}/items');
    const few = templatePaths(paths.slice(0, 4));
    for (const p of paths.slice(0, 4)) assert.equal(few.get(p), p);
  });

  test("a service's own endpoint names are never collapsed", () => {
    const paths = ['users', 'orders', 'products', 'health', 'login', 'logout', 'carts', 'search'].map(
      (name) => `/api/${name}`,
    );
    for (const [raw, template] of templatePaths(paths)) assert.equal(template, raw);
  });

  test('versions never collapse, however many', () => {
    const paths = ['v1', 'v2', 'v3', 'v4', 'v5', 'v6'].map((v) => `/${v}/status`);
    for (const [raw, template] of templatePaths(paths)) assert.equal(template, raw);
  });

  test('a file tree of many depths under one prefix becomes {**}', () => {
    const paths = [
      ...Array.from({ length: 6 }, (_, i) => `/static/dir${i}/file${i}.css`),
      ...Array.from({ length: 6 }, (_, i) => `/static/img${i}.png`),
    ];
    for (const p of paths) assert.equal(templatePaths(paths).get(p), '/static/{**}');
  });

  test('never {**} right after api or a version', () => {
    const paths = [
      ...Array.from({ length: 6 }, (_, i) => `/api/r${i}/x${i}`),
      ...Array.from({ length: 6 }, (_, i) => `/api/s${i}`),
    ];
    for (const [, template] of templatePaths(paths)) assert.equal(template.includes('{**}'), false, template);
  });

  test('half of the values holding digits is enough; fewer, and only 50 or more values vary', () => {
    const half = ['alpha', 'beta', 'gamma', 'sku-a1', 'sku-b2', 'sku-c3'].map((v) => `/orders/${v}`);
    for (const [, template] of templatePaths(half)) assert.equal(template, '/orders/{*}');
    const fewer = ['alpha', 'beta', 'gamma', 'delta', 'sku-a1', 'sku-b2'].map((v) => `/orders/${v}`);
    for (const [raw, template] of templatePaths(fewer)) assert.equal(template, raw);
    // User names are words: 49 of them stay, 50 vary.
    const letters = 'abcdefghij';
    const names = Array.from(
      { length: 50 },
      (_, i) => `user${letters[Math.floor(i / 10)]}${letters[i % 10]}`,
    );
    const users = names.map((n) => `/users/${n}/profile`);
    for (const [, template] of templatePaths(users)) assert.equal(template, '/users/{*}/profile');
    for (const [raw, template] of templatePaths(users.slice(0, 49))) assert.equal(template, raw);
  });

  test('a varying value holding "*" stays: {*} would stand for it only on Envoy 1.35 or newer', () => {
    const paths = ['a*1', 'b*2', 'c*3', 'd*4', 'e*5'].map((v) => `/items/${v}`);
    for (const [raw, template] of templatePaths(paths)) assert.equal(template, raw);
  });

  test('many file names of one depth are not {**}: a tail varies only in depth too', () => {
    const paths = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa'].map(
      (n) => `/static/${n}.css`,
    );
    for (const [raw, template] of templatePaths(paths)) assert.equal(template, raw);
  });

  test('{**} keeps the {*} of its prefix, and a position that varies once another collapsed collapses too', () => {
    const words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa'];
    const tree = [
      ...words.map((w) => `/tenants/8812/files/${w}/x.css`),
      ...words.map((w) => `/tenants/9921/files/${w}.css`),
    ];
    for (const [, template] of templatePaths(tree)) assert.equal(template, '/tenants/{*}/files/{**}');
    const nested = ['a1', 'b2', 'c3', 'd4', 'e5'].flatMap((o) =>
      [1, 2, 3, 4, 5].map((u) => `/org/o${o}/u${o[0]}${u}`),
    );
    for (const [, template] of templatePaths(nested)) assert.equal(template, '/org/{*}/{*}');
  });

  test("each server of a client has its own paths: the second server's are not the first's", () => {
    // As an observed map gives them: one object per workload, shared by all its calls.
    const health = call('client', 'api', 'GET', '/health');
    const pay = call('client', 'pay', 'GET', '/').server;
    const orders = ['sku-a1', 'sku-b2', 'sku-c3', 'sku-d4', 'sku-e5'].map((id) => ({
      ...call('client', 'pay', 'GET', `/orders/${id}`),
      client: health.client,
      server: pay,
    }));
    const templater = buildPathTemplater([health, ...orders]);
    for (const c of orders) assert.equal(templater.suggest(c.path!, c), '/orders/{*}');
    assert.equal(templater.suggest('/health', health), undefined);
  });

  test('the templater learns per client -> server pair', () => {
    const ids = ['a1x', 'b2x', 'c3x', 'd4x', 'e5x'];
    const calls = ids.map((id) => call('client', 'nginx', 'GET', `/p/${id}`));
    const other = call('client2', 'nginx', 'GET', '/p/a1x');
    const templater = buildPathTemplater([...calls, other]);
    assert.equal(templater.suggest('/p/a1x', calls[0]), '/p/{*}');
    assert.equal(templater.suggest('/p/a1x', other), undefined);
    assert.equal(templater.pathOf(call('client2', 'nginx', 'GET', '/users/7')), '/users/{*}');
    assert.equal(templater.pathOf(call('client2', 'nginx', null, null)), null);
  });

  test('exactly 10 paths of a tree of several depths are enough for {**}, with fewer than 5 of any depth', () => {
    const tree = [
      ...['alpha', 'beta', 'gamma', 'delta'].map((n) => `/static/${n}.css`),
      ...['img', 'fonts', 'media'].map((d) => `/static/${d}/logo.png`),
      ...['js', 'vendor', 'lib'].map((d) => `/static/${d}/app/main.js`),
    ];
    assert.deepEqual(
      [...templatePaths(tree)],
      tree.map((p) => [p, '/static/{**}']),
    );
    // Nine: too few distinct tails, each path keeps its own.
    assert.deepEqual(
      [...templatePaths(tree.slice(1))],
      tree.slice(1).map((p) => [p, p]),
    );
  });

  test('paths of up to 64 segments are compared across calls; deeper ones by their shape only', () => {
    const ids = ['ord-a1', 'ord-b2', 'ord-c3', 'ord-d4', 'ord-e5'];
    const deep = (depth: number) => ids.map((id) => `/${'x/'.repeat(depth - 1)}${id}`);
    const at64 = deep(64);
    assert.equal(at64[0]!.split('/').length - 1, 64);
    for (const [raw, template] of templatePaths(at64)) {
      assert.equal(template, `${raw.slice(0, raw.lastIndexOf('/'))}/{*}`);
    }
    for (const [raw, template] of templatePaths(deep(65))) assert.equal(template, raw);
  });

  test('a call without a path (TCP) is among the calls: learned from nothing, and its path is null', () => {
    const tcp = call('client', 'db', null, null, { protocol: 'tcp' });
    const ids = ['a1x', 'b2x', 'c3x', 'd4x', 'e5x'].map((id) => call('client', 'db', 'GET', `/rows/${id}`));
    const templater = buildPathTemplater([tcp, ...ids, tcp]);
    assert.equal(templater.pathOf(tcp), null);
    for (const c of ids) assert.equal(templater.pathOf(c), '/rows/{*}');
  });

  test("asked for one server, then another of the same client: the second's own templates", () => {
    const health = call('client', 'api', 'GET', '/health');
    const pay = call('client', 'pay', 'GET', '/').server;
    const orders = ['sku-a1', 'sku-b2', 'sku-c3', 'sku-d4', 'sku-e5'].map((id) => ({
      ...call('client', 'pay', 'GET', `/orders/${id}`),
      client: health.client,
      server: pay,
    }));
    const templater = buildPathTemplater([health, ...orders]);
    assert.equal(templater.suggest('/health', health), undefined);
    assert.deepEqual(
      orders.map((c) => templater.suggest(c.path!, c)),
      orders.map(() => '/orders/{*}'),
    );
  });

  test('IDs a client sends to two servers are not pooled: three on one and two on the other stay', () => {
    const sent = (server: string, ids: string[]) =>
      ids.map((id) => call('client', server, 'GET', `/orders/${id}`));
    const calls = [...sent('pay', ['sku-a1', 'sku-b2', 'sku-c3']), ...sent('shop', ['sku-d4', 'sku-e5'])];
    const templater = buildPathTemplater(calls);
    assert.deepEqual(
      calls.map((c) => templater.pathOf(c)),
      calls.map((c) => c.path),
    );
    assert.deepEqual(
      calls.map((c) => templater.suggest(c.path!, c)),
      calls.map(() => undefined),
    );
  });
});

describe('saying what a template widens', () => {
  test('each {*} and {**} is named with the value it replaces', () => {
    assert.equal(templateWidening('/users/8812/orders', '/users/{*}/orders'), 'any segment for 8812');
    assert.equal(
      templateWidening('/static/css/a.css', '/static/{**}'),
      'anything under /static/ (seen: css/a.css)',
    );
    // The path as called, its trailing slash kept: `css/` is a folder's index, not a file `css`.
    assert.equal(templateWidening('/static/css/', '/static/{**}'), 'anything under /static/ (seen: css/)');
    assert.equal(templateWidening('/a', '/a'), undefined);
    assert.equal(
      templateWidening('/a/8812/b/2024-06-01/', '/a/{*}/b/{*}/'),
      'any segment for 8812; any segment for 2024-06-01',
    );
  });
});

// Paths built from names, versions and values, so the properties meet every branch.
const segment = fc.oneof(
  fc.constantFrom('api', 'v1', 'v1.2', 'users', 'orders', 'app.js', 'healthz', '', '{*}', 'a=b'),
  fc.nat().map(String),
  fc.uuid(),
  fc.stringMatching(/^[0-9a-f]{8,40}$/),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/),
  fc.stringMatching(/^[A-Za-z0-9\-._~%!$&'()+,;:@=*]{1,12}$/),
);
const rawPath = fc
  .tuple(fc.array(segment, { minLength: 1, maxLength: 6 }), fc.boolean())
  .map(([segments, slash]) => `/${segments.join('/')}${slash ? '/' : ''}`);

describe('properties', () => {
  test('a template is valid and matches the raw path it came from', () => {
    fc.assert(
      fc.property(rawPath, (raw) => {
        const template = templatePath(raw);
        if (template === raw) return;
        assert.equal(validatePathPattern(template), null, template);
        assert.ok(matchPath(template, raw), `${template} !~ ${raw}`);
      }),
      { numRuns: 2000 },
    );
  });

  test('every raw path of a group is matched by its template', () => {
    fc.assert(
      fc.property(fc.array(rawPath, { maxLength: 40 }), (paths) => {
        for (const [raw, template] of templatePaths(paths, { minVariants: 2 })) {
          if (template === raw) continue;
          assert.equal(validatePathPattern(template), null, template);
          assert.ok(matchPath(template, raw), `${template} !~ ${raw}`);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('templating is idempotent', () => {
    fc.assert(
      fc.property(rawPath, (raw) => {
        const once = templatePath(raw);
        assert.equal(templatePath(once), once);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.array(rawPath, { maxLength: 40 }), (paths) => {
        const once = [...templatePaths(paths, { minVariants: 2 }).values()];
        const twice = templatePaths(once, { minVariants: 2 });
        for (const template of once) assert.equal(twice.get(template) ?? template, template);
      }),
      { numRuns: 500 },
    );
  });
});
