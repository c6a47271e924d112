// The mesh-wide Telemetry that adds request_method and request_path to Istio's request metrics
// (domain: they are not labels by default). It goes in before the workloads: series created
// earlier keep the old labels. Embedded, because the bundled action cannot count on the
// repository's fixtures; a test keeps it equal to fixtures/demo/telemetry.yaml.
import { mustRun, type StepContext } from './cluster-step.ts';
import { ISTIO_NAMESPACE, resourceExists } from './istio-install.ts';

export const MESH_TELEMETRY_NAME = 'mesh-default';

export const MESH_TELEMETRY_YAML = `# Mesh-wide (no selector, in istio-system): add the HTTP method and path to Istio's request
# metrics, which do not carry them by default. Apply before the workloads start.
apiVersion: telemetry.istio.io/v1
kind: Telemetry
metadata:
  name: mesh-default
  namespace: istio-system
spec:
  accessLogging:
    - providers:
        - name: envoy
  metrics:
    - providers:
        - name: prometheus
      overrides:
        - tagOverrides:
            request_method:
              value: request.method
            request_path:
              value: request.path
`;

export interface TelemetryOptions {
  /** `cluster: existing`: a mesh-default Telemetry already there is the user's; keep it. */
  keepExisting: boolean;
}

export async function applyMeshTelemetry(
  ctx: StepContext,
  options: TelemetryOptions,
): Promise<'applied' | 'present'> {
  const step = 'Telemetry';
  if (
    options.keepExisting &&
    (await resourceExists(ctx, step, 'telemetry', MESH_TELEMETRY_NAME, ISTIO_NAMESPACE))
  ) {
    ctx.log.warning(
      `the cluster has a Telemetry ${MESH_TELEMETRY_NAME} in ${ISTIO_NAMESPACE} already: kept as is; ` +
        'it must add request_method and request_path to the metrics, or no call shows its method and path',
    );
    return 'present';
  }
  await mustRun(ctx, step, { program: 'kubectl', args: ['apply', '-f', '-'], stdin: MESH_TELEMETRY_YAML });
  return 'applied';
}
