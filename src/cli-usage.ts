export function usage(): string {
  return `intent-drift: diff the HTTP calls Istio observed against committed Otterize ClientIntents

Usage: intent-drift <command> [flags]

Commands:
  check       read the observed map and the declared intents, diff them, report
  list        print the observed map, grouped by client
  export      write the observed map as ClientIntents
  policies    print the Istio AuthorizationPolicies the declared intents imply
  demo        check the embedded demo (client, client2, nginx): offline, no cluster

Sources of the observed map:
  --metrics PATH          Prometheus text exposition or Envoy JSON stats; file or directory (repeatable)
  --source metrics        the default when --metrics is given
  --workloads PATH        Kubernetes manifests: workload kinds and service accounts (repeatable)

Declared intents:
  --intents PATH          ClientIntents file, directory or glob (repeatable)

Scope and verdict:
  -n, --namespace NS      only clients in this namespace (repeatable)
  --fail-on WHAT          missing | stale | any | none (default missing)

Output:
  --format FMT            check: text | markdown | json (default text); export: yaml | json
  --report FILE           also write the JSON report (check, demo)
  --color, --no-color     colour in text output (default: when stdout is a terminal; NO_COLOR, FORCE_COLOR)

export:
  -o PATH                 file (or directory with --output-type dir); default stdout
  --output-type TYPE      single-file | dir (one <workload>.<namespace>.yaml per client)
  --api-version V         k8s.otterize.com/v2beta1 (default), v2alpha1, v1beta1, v1alpha3, v1alpha2
  --as-service            targets name the Kubernetes Service the caller used, not the workload

Exit codes: 0 no failing drift, 1 failing drift (per --fail-on), 2 bad usage, bad input or unreachable source.
`;
}
