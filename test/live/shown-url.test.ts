// How a Prometheus or mapper URL is named in errors and in the report's sources: where it is
// (scheme, host, port, path), never what it carries (user and password, query, fragment).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { shownUrl } from '../../src/observe/live/shown-url.ts';

describe('shownUrl', () => {
  test('scheme, host, port and path are kept; credentials, query and fragment left out', () => {
    const url = 'https://reader:s3cret@prom.example:9443/prometheus/?token=abc#access_token=xyz';
    assert.equal(shownUrl(url), 'https://prom.example:9443/prometheus/');
    assert.equal(shownUrl(new URL(url)), 'https://prom.example:9443/prometheus/');
    assert.equal(shownUrl('http://127.0.0.1:9090#frag'), 'http://127.0.0.1:9090/');
  });

  test('a URL that does not parse is not shown at all, whatever it carries', () => {
    for (const url of ['http://reader:s3cret@prom.example:99999/?token=abc', 'prom.example/?token=abc', '']) {
      assert.equal(shownUrl(url), '(invalid URL)', url);
    }
  });
});
