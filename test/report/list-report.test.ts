import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderList } from '../../src/report/list-report.ts';
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
});
