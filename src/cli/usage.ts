export function usage(): string {
  return `intent-drift: diff the HTTP calls Istio observed against committed Otterize ClientIntents

Usage: intent-drift <command> [flags]

Commands:
  check       read the observed map and the declared intents, diff them, report
  list        print the observed map, grouped by client
  export      write the observed map as ClientIntents
  visualize   draw the map (the drift, with --intents) as -o FILE.svg, .png or .html
  policies    print the Istio AuthorizationPolicies the declared intents imply
  capture     read a live source once and save what it saw as a snapshot file (-o FILE)
  reset       make Otterize's network mapper forget what it captured
  demo        check the embedded demo (client, client2, nginx): offline, no cluster

Sources of the observed map (--source, else implied by the flags below, else sidecars):
  --metrics PATH          metrics: Prometheus text exposition or Envoy JSON stats; file or directory
  --snapshot FILE         snapshot: written by capture; repeatable, merged
  --kubeconfig FILE       sidecars/mapper: default ~/.kube/config or in-cluster
  --context NAME          sidecars/mapper: kubeconfig context
  --window DURATION       sidecars: read twice this far apart, keep only the traffic between
  --concurrency N         sidecars: pods read at once (default 16)
  --pod-timeout DURATION  sidecars: per-pod timeout (default 10s)
  --prometheus-url URL    prometheus: its HTTP API
  --prometheus-token-env  prometheus: env var with a bearer token (default PROMETHEUS_TOKEN)
  --prometheus-ca FILE    prometheus: CA bundle for https
  --since WHEN            prometheus range / snapshot filter: 15m, 2h, or an RFC 3339 time
  --mapper-url URL        mapper: the network-mapper's GraphQL endpoint (else the service proxy)
  --mapper-token-env      mapper: env var with a bearer token for --mapper-url (default MAPPER_TOKEN)
  --workloads PATH        Kubernetes manifests: workload kinds and service accounts (repeatable)

Declared intents:
  --intents PATH          ClientIntents file, directory or glob (repeatable); YAML or JSON
  --default-namespace NS  namespace of ClientIntents without one (default: the -n namespace, when only one)

Scope and verdict:
  -n, --namespace NS      only clients in these namespaces (repeatable, or comma lists)
  --fail-on WHAT          missing | stale | any | none (default: the config's failOn, else missing)
  --allow-empty           nothing observed is a warning, not an error (exit 2)

Output:
  --format FMT            check: text | markdown | json | sarif | junit (default text); export: yaml | json
  --report FILE           also write the JSON report (check, demo)
  --sarif FILE            also write SARIF 2.1.0 for GitHub code scanning (check, demo)
  --junit FILE            also write JUnit XML for CI test reports (check, demo)
  --color, --no-color     colour in text output (default: when stdout is a terminal; NO_COLOR, FORCE_COLOR)

export:
  -o PATH                 file (or directory with --output-type dir); default stdout
  --output-type TYPE      single-file | dir (one <workload>.<namespace>.yaml per client)
  --api-version V         k8s.otterize.com/v2beta1 (default), v2alpha1, v1beta1, v1alpha3, v1alpha2
  --as-service            targets name the Kubernetes Service the caller used, not the workload

visualize:
  -o FILE                 .svg, .png (Graphviz) or .html (an interactive page: filters, search, details)
  --only-drift            only missing and stale calls and rules (needs --intents)

Exit codes: 0 no failing drift, 1 failing drift (per --fail-on) and nothing else, 2 bad usage, bad input,
nothing observed, unreachable source, or an internal error.
`;
}
