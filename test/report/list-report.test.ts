import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderList, renderListJson } from '../../src/report/list-report.ts';
import { call, observedMap } from '../diff/builders.ts';

describe('list report', () => {
  test('methods of one path merge, sorted; paths sorted; servers and clients by name', () => {
    const text = renderList([
      call('web', 'nginx', 'POST', '/b'),
      call('web', 'nginx', 'GET', '/b'),
      call('web', 'nginx', 'DELETE', '/a'),
      call('web', 'api.other', 'GET', '/'),
      call('admin', 'nginx', 'GET', '/b'),
    ]);
    assert.equal(
      text,
      [
        'admin in namespace otterize-tutorial-istio-mapping calls:',
        '  - nginx in namespace otterize-tutorial-istio-mapping',
        '    - path /b, methods: [GET]',
        'web in namespace otterize-tutorial-istio-mapping calls:',
        '  - api in namespace other',
        '    - path /, methods: [GET]',
        '  - nginx in namespace otterize-tutorial-istio-mapping',
        '    - path /a, methods: [DELETE]',
        '    - path /b, methods: [GET,POST]',
        '',
      ].join('\n'),
    );
  });

  test('a server called without HTTP detail has no path lines', () => {
    const text = renderList([call('web', 'db', null, null, { protocol: 'tcp' })]);
    assert.equal(
      text,
      'web in namespace otterize-tutorial-istio-mapping calls:\n  - db in namespace otterize-tutorial-istio-mapping\n',
    );
  });

  test('takes an ObservedMap and scopes clients by namespace', () => {
    const map = observedMap([call('web', 'nginx', 'GET', '/'), call('job.batch', 'nginx', 'GET', '/')]);
    assert.equal(renderList(map, { namespaces: ['batch'] }).split('\n')[0], 'job in namespace batch calls:');
    assert.equal(renderList(map, { namespaces: ['none'] }), '');
    assert.equal(renderList([]), '');
  });

  test('control characters in paths are shown as escapes', () => {
    const text = renderList([call('web', 'nginx', 'GET', '/a\nb')]);
    assert.match(text, /path \/a\\nb, methods/);
  });

  test('paths and methods in code-unit order: upper case before `_` before lower case', () => {
    const text = renderList([
      call('web', 'nginx', 'GET', '/a'),
      call('web', 'nginx', 'GET', '/_x'),
      call('web', 'nginx', 'patch', '/B'),
      call('web', 'nginx', 'POST', '/B'),
    ]);
    assert.deepEqual(text.split('\n').slice(2, 5), [
      '    - path /B, methods: [POST,patch]',
      '    - path /_x, methods: [GET]',
      '    - path /a, methods: [GET]',
    ]);
  });

  test('one name in two namespaces is two clients and two servers', () => {
    const text = renderList([
      call('web.shop', 'api.shop', 'GET', '/a'),
      call('web.shop', 'api.billing', 'GET', '/b'),
      call('web.billing', 'api.billing', 'GET', '/c'),
    ]);
    assert.equal(
      text,
      [
        'web in namespace billing calls:',
        '  - api in namespace billing',
        '    - path /c, methods: [GET]',
        'web in namespace shop calls:',
        '  - api in namespace billing',
        '    - path /b, methods: [GET]',
        '  - api in namespace shop',
        '    - path /a, methods: [GET]',
        '',
      ].join('\n'),
    );
  });

  test('a path seen without a method keeps its line, with no methods', () => {
    const text = renderList([call('web', 'nginx', null, '/a'), call('web', 'nginx', 'GET', '/b')]);
    assert.deepEqual(text.split('\n').slice(2, 4), [
      '    - path /a, methods: []',
      '    - path /b, methods: [GET]',
    ]);
  });

  test('control and direction characters in names, namespaces and methods are shown as escapes', () => {
    const text = renderList([call('w\u001beb.s\u202ehop', 'ng\rinx.o\nps', 'GE\u0007T', '/')]);
    assert.equal(
      text,
      'w\\x1beb in namespace s\\u202ehop calls:\n  - ng\\rinx in namespace o\\nps\n    - path /, methods: [GE\\x07T]\n',
    );
  });
});

describe('list --format json', () => {
  const unattributed = { ...call('x', 'api.shop', 'GET', '/u'), client: { name: '', namespace: '' } };
  const external = { ...call('web.shop', 'x.ext', 'GET', '/e'), host: 'example.com' };
  const map = observedMap(
    [call('web.shop', 'api.shop', 'GET', '/a'), call('web.ops', 'api.shop', 'GET', '/o')],
    {
      unattributed: [unattributed],
      external: [external],
      warnings: ['a \u202ewarning'],
    },
  );

  test('-n scopes calls and external calls by their client, unattributed calls by their server', () => {
    const data = JSON.parse(renderListJson(map, { namespaces: ['shop'] }));
    assert.deepEqual(
      data.calls.map((c: { path: string }) => c.path),
      ['/a'],
    );
    assert.deepEqual(
      data.unattributed.map((c: { path: string }) => c.path),
      ['/u'],
    );
    assert.deepEqual(
      data.external.map((c: { path: string }) => c.path),
      ['/e'],
    );
    const ops = JSON.parse(renderListJson(map, { namespaces: ['ops'] }));
    assert.deepEqual([ops.calls.length, ops.unattributed.length, ops.external.length], [1, 0, 0]);
  });

  test('the warnings are kept, direction characters written as \\u escapes', () => {
    const json = renderListJson(map);
    assert.ok(json.includes('"a \\u202ewarning"'), json);
    assert.ok(!json.includes('\u202e'));
    assert.deepEqual(JSON.parse(json).warnings, ['a \u202ewarning']);
  });
});
