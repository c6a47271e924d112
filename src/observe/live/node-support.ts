// The Node.js the live sources need. `sidecars` and `mapper` load @kubernetes/client-node,
// whose HTTP library (undici 8) needs Node.js 22.19 and crashes while loading on older ones;
// the offline commands and `prometheus` (node:http) run on Node.js 20.
import { InputError } from '../../errors.ts';

export const KUBE_CLIENT_NODE = '22.19.0';

function atLeast(version: string, wanted: string): boolean {
  const have = version.replace(/^v/, '').split('.').map(Number);
  const want = wanted.split('.').map(Number);
  for (let i = 0; i < want.length; i++) {
    const a = have[i] ?? 0;
    const b = want[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

/** Exit 2 before loading the Kubernetes client on a Node.js that cannot load it. */
export function requireKubeClientNode(what: string, version: string = process.versions.node): void {
  if (atLeast(version, KUBE_CLIENT_NODE)) return;
  throw new InputError(
    `${what} needs Node.js ${KUBE_CLIENT_NODE} or newer (for its Kubernetes client); this is Node.js ${version.replace(/^v/, '')}. ` +
      'Upgrade Node.js, or read --metrics, --snapshot or --prometheus-url, which work on Node.js 20',
  );
}
