import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildClientIntents } from '../../src/declare/build-client-intents.ts';
import { exportTemplates } from '../../src/diff/template-export.ts';
import { call, NS } from './builders.ts';

test('export writes one rule per template, and says what each template widens', () => {
  const calls = [
    call('web', 'orders', 'GET', '/orders/1/items'),
    call('web', 'orders', 'GET', '/orders/2/items'),
    call('web', 'orders', 'POST', '/orders/3/items'),
    call('web', 'orders', 'GET', '/v1/status'),
  ];
  const templates = exportTemplates(calls);
  const { intents } = buildClientIntents(calls, { pathOf: templates.pathOf });
  assert.deepEqual(intents[0]?.targets[0]?.http, [
    { path: '/orders/{*}/items', methods: ['GET', 'POST'] },
    { path: '/v1/status', methods: ['GET'] },
  ]);
  assert.deepEqual(templates.notes, [
    `${NS}/web -> ${NS}/orders: /orders/{*}/items stands for 3 observed paths ` +
      '(/orders/1/items, /orders/2/items, ...) and allows any value where {*} or {**} stands',
  ]);
  // Without templates (--no-templates): one rule per raw path.
  const raw = buildClientIntents(calls).intents[0]?.targets[0]?.http;
  assert.equal(raw?.length, 4);
});

test('the notes: sorted by client, server and template; paths in order, "..." only past two, one path singular', () => {
  const calls = [
    call('web', 'orders', 'GET', '/orders/2/items'),
    call('web', 'orders', 'GET', '/orders/1/items'),
    call('web', 'orders', 'POST', '/orders/1/items'),
    call('api', 'users', 'GET', '/users/42'),
  ];
  const note = (client: string, server: string, rest: string) =>
    `${NS}/${client} -> ${NS}/${server}: ${rest} and allows any value where {*} or {**} stands`;
  assert.deepEqual(exportTemplates(calls).notes, [
    note('api', 'users', '/users/{*} stands for 1 observed path (/users/42)'),
    note('web', 'orders', '/orders/{*}/items stands for 2 observed paths (/orders/1/items, /orders/2/items)'),
  ]);
});
