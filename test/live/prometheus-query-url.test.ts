// Where the Prometheus source sends its instant queries, for each shape of --prometheus-url.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { queryUrl } from '../../src/observe/live/prometheus-instant.ts';

describe('the instant-query URL of a --prometheus-url', () => {
  test('api/v1/query under the path given, its query string kept, its fragment dropped', () => {
    const cases: [string, string][] = [
      ['http://prometheus:9090', 'http://prometheus:9090/api/v1/query'],
      ['http://prometheus:9090/', 'http://prometheus:9090/api/v1/query'],
      ['https://gw.example/prometheus', 'https://gw.example/prometheus/api/v1/query'],
      ['https://gw.example/prometheus/', 'https://gw.example/prometheus/api/v1/query'],
      // A gateway's tenant parameter: the path prefix is kept (it was lost), and so is the query.
      ['https://gw.example/prometheus?tenant=a', 'https://gw.example/prometheus/api/v1/query?tenant=a'],
      ['https://gw.example/a/b?x=1&y=2#top', 'https://gw.example/a/b/api/v1/query?x=1&y=2'],
      ['http://prometheus:9090/#frag', 'http://prometheus:9090/api/v1/query'],
    ];
    for (const [given, expected] of cases) assert.equal(queryUrl(new URL(given)).href, expected, given);
  });
});
