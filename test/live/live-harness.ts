// Starts a stand-in API server with a temp kubeconfig for one test, and tears both down.
import { type StandIn, type StandInOptions, startKubeApiServer } from '../support/kube-api-server.ts';
import { type TempKubeconfig, writeKubeconfig } from '../support/kubeconfig.ts';

export interface LiveCluster {
  api: StandIn;
  kubeconfig: TempKubeconfig;
  /** Requests that went to a pod's proxy, as NS/NAME. */
  proxied(): string[];
  close(): Promise<void>;
}

/** `clientToken`: what the kubeconfig carries, when it should differ from what the server wants. */
export async function liveCluster(options: StandInOptions, clientToken?: string): Promise<LiveCluster> {
  const api = await startKubeApiServer(options);
  const kubeconfig = await writeKubeconfig(api.url, clientToken ?? options.token);
  return {
    api,
    kubeconfig,
    proxied: () =>
      api.requests
        .map((r) => /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/:]+)(?::\d+)?\/proxy\//.exec(r.path))
        .filter((m) => m !== null)
        .map((m) => `${m[1]}/${m[2]}`),
    close: async () => {
      await api.close();
      await kubeconfig.remove();
    },
  };
}
