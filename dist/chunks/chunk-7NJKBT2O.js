import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/observe/live/kube-locate.ts
import { existsSync } from "node:fs";
import path from "node:path";
var IN_CLUSTER_TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";
function findKubeconfig(env, exists = existsSync) {
  const listed = (env.KUBECONFIG ?? "").split(path.delimiter).filter((f) => f !== "");
  if (listed[0] !== void 0) return listed[0];
  const home = env.HOME ?? env.USERPROFILE;
  if (home !== void 0 && home !== "") {
    const file = path.join(home, ".kube", "config");
    if (exists(file)) return file;
  }
  if (env.KUBERNETES_SERVICE_HOST && exists(IN_CLUSTER_TOKEN)) return "the in-cluster service account";
  return void 0;
}
var HOW_TO_OBSERVE = "give --metrics PATH (sidecar metrics files, or - for stdin), --snapshot FILE (written by intent-drift capture), --prometheus-url URL, or a kubeconfig to read the cluster (--kubeconfig FILE, $KUBECONFIG or ~/.kube/config; none found)";

export {
  findKubeconfig,
  HOW_TO_OBSERVE
};
