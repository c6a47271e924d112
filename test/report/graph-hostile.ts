// Names a hostile workload, path or manifest could carry, for the graph renderers' escaping tests.

import type { ObservedCall } from '../../src/model.ts';
import { call } from '../diff/builders.ts';

export const HOSTILE_NAMES = [
  '<img src=x onerror=alert(1)>',
  '"];evil',
  'back\\slash\\N&amp;x',
  'two\nlines',
];

/** Each hostile name calls nginx; the last one is also a server. */
export function hostileCalls(): ObservedCall[] {
  const calls = HOSTILE_NAMES.map((name) => {
    const c = call('client', 'nginx', 'GET', `/p/${name}`);
    c.client.name = name;
    return c;
  });
  const last = call('client', 'nginx', 'POST', '/x');
  last.server.name = '"];evil';
  return [...calls, last];
}
