// What a part query is called in a message (prometheus-parts.ts): what it asks for, and its
// part counted from one, as a reader counts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CALL_METRICS } from '../../src/observe/compact/call-tables.ts';
import { partQueryName } from '../../src/observe/live/prometheus-parts.ts';

test('a part query is named by what it counts and its part, counted from one', () => {
  assert.equal(
    partQueryName({ text: 'q', metric: -1, part: 0 }),
    'the query for whether a client sidecar reported (part 1)',
  );
  assert.equal(partQueryName({ text: 'q', metric: 0, part: 2 }), `the query for ${CALL_METRICS[0]} (part 3)`);
});
