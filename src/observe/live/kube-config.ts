// Loads the user's cluster access the way kubectl does: --kubeconfig FILE, else $KUBECONFIG,
// else ~/.kube/config, else the in-cluster service account (client-node's loadFromDefault).
import { KubeConfig } from '@kubernetes/client-node';
import { InputError } from '../../errors.ts';
import { assertRegularFileSync } from '../../regular-file.ts';
import { findKubeconfig, HOW_TO_OBSERVE } from './kube-locate.ts';

/** No kubeconfig anywhere client-node would look. */
class NoKubeconfig extends Error {}

export interface KubeAccess {
  /** `--kubeconfig FILE`; default: $KUBECONFIG, ~/.kube/config, or in-cluster. */
  kubeconfig?: string;
  /** `--context NAME`; default: the kubeconfig's current-context. */
  context?: string;
}

export function loadKubeConfig(access: KubeAccess = {}): KubeConfig {
  const kc = new KubeConfig();
  // A FIFO given as --kubeconfig would block the read forever: only a regular file is read.
  if (access.kubeconfig !== undefined)
    assertRegularFileSync(access.kubeconfig, { maxBytes: 16 * 1024 * 1024 });
  try {
    if (access.kubeconfig !== undefined) kc.loadFromFile(access.kubeconfig);
    // Without any, client-node falls back to http://localhost:8080, whose error says nothing useful.
    else if (findKubeconfig(process.env) === undefined) throw new NoKubeconfig();
    else kc.loadFromDefault();
  } catch (err) {
    if (err instanceof NoKubeconfig) throw new InputError(`no kubeconfig: ${HOW_TO_OBSERVE}`);
    const code = (err as NodeJS.ErrnoException).code;
    // A file $KUBECONFIG names is the loader's own path on ENOENT: name it, as for --kubeconfig.
    const missing = code === 'ENOENT' ? (err as NodeJS.ErrnoException).path : undefined;
    const file = access.kubeconfig ?? missing;
    const where = file === undefined ? {} : { file };
    // The YAML parser's message quotes the file around the error (a `token:` line included):
    // only its first line, which names the problem and the position, is shown.
    const reason =
      code === 'ENOENT' ? 'no such file' : ((err as Error).message.split('\n')[0] ?? 'unreadable');
    throw new InputError(`cannot load the kubeconfig: ${reason}`, where);
  }
  if (access.context !== undefined) {
    if (kc.getContextObject(access.context) === null) {
      const known = kc
        .getContexts()
        .map((c) => c.name)
        .join(', ');
      throw new InputError(`--context ${access.context}: no such context in the kubeconfig (has: ${known})`);
    }
    kc.setCurrentContext(access.context);
  }
  const cluster = kc.getCurrentCluster();
  if (cluster === null) throw new InputError('the kubeconfig names no current cluster: use --context');
  return kc;
}

/** The API server's base URL, for messages (never carries credentials). */
export function apiServerOf(kc: KubeConfig): string {
  const server = kc.getCurrentCluster()?.server ?? '(no cluster)';
  try {
    const u = new URL(server);
    return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return server;
  }
}
