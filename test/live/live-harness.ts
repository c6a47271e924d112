// Starts a stand-in API server with a temp kubeconfig for one test, and tears both down.
import { demoCluster } from '../support/demo-cluster.ts';
import { type StandIn, type StandInOptions, startKubeApiServer } from '../support/kube-api-server.ts';
import { type TempKubeconfig, writeKubeconfig } from '../support/kubeconfig.ts';
import {
  type MapperIntentRecord,
  type MapperStandIn,
  startMapperServer,
} from '../support/mapper-graphql-server.ts';

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

/** A mapper stand-in holding `intents`, behind the demo cluster's service proxy where Otterize installs it. */
export async function mapperInCluster(
  intents: MapperIntentRecord[],
): Promise<{ mapper: MapperStandIn; cluster: LiveCluster; close(): Promise<void> }> {
  const mapper = await startMapperServer(intents);
  const cluster = await liveCluster({
    objects: [
      ...demoCluster().objects,
      {
        kind: 'Service',
        apiVersion: 'v1',
        metadata: { name: 'otterize-network-mapper', namespace: 'otterize-system' },
      },
    ],
    serviceUpstreams: new Map([['otterize-system/otterize-network-mapper:9090', mapper.url]]),
  });
  return {
    mapper,
    cluster,
    close: async () => {
      await cluster.close();
      await mapper.close();
    },
  };
}
