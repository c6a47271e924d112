// What the cluster life cycle is asked to do: the action's cluster inputs, read by
// src/action/inputs.ts and run by cluster-check.ts.

export type ClusterKind = 'none' | 'kind' | 'existing';

export interface ClusterSettings {
  /** none: read what `source` names; kind/existing: deploy, drive traffic, read over `duration`. */
  cluster: ClusterKind;
  /** The `kind-config` input; undefined when not given (kind-config.yaml if the repository has one). */
  kindConfig: string | undefined;
  /** Leave the kind cluster running after the step. */
  keepCluster: boolean;
  /** undefined: the pinned default of istio-install.ts. */
  istioVersion: string | undefined;
  traffic: string | undefined;
  duration: string;
}
