// A kubeconfig file in a temp dir pointing at a stand-in API server (plain HTTP, so the
// cluster must say insecure-skip-tls-verify, as client-node requires for http: servers).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TempKubeconfig {
  file: string;
  dir: string;
  remove(): Promise<void>;
}

export async function writeKubeconfig(server: string, token = 'stand-in-token'): Promise<TempKubeconfig> {
  const dir = await mkdtemp(path.join(tmpdir(), 'intent-drift-kube-'));
  const file = path.join(dir, 'config');
  const text = [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '  - name: stand-in',
    '    cluster:',
    `      server: ${server}`,
    '      insecure-skip-tls-verify: true',
    '  - name: elsewhere',
    '    cluster:',
    '      server: http://127.0.0.1:9',
    '      insecure-skip-tls-verify: true',
    'users:',
    '  - name: ci',
    '    user:',
    `      token: ${token}`,
    'contexts:',
    '  - name: stand-in',
    '    context: { cluster: stand-in, user: ci }',
    '  - name: unreachable',
    '    context: { cluster: elsewhere, user: ci }',
    'current-context: stand-in',
    '',
  ].join('\n');
  await writeFile(file, text);
  return { file, dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
