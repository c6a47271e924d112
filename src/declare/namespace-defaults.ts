// Where a ClientIntents without metadata.namespace goes. The CRD allows leaving it out, and
// Otterize's docs apply such files with `kubectl apply -n NS`: the namespace comes from the
// command, never from a guess.

/**
 * `--default-namespace` (action input `default-namespace`) when given; else the one namespace
 * `-n` names, as `kubectl apply -n NS` would use it; else none, and such documents are refused.
 */
export function defaultNamespaceFor(
  explicit: string | undefined,
  namespaces: readonly string[],
): string | undefined {
  if (explicit !== undefined && explicit !== '') return explicit;
  return namespaces.length === 1 ? namespaces[0] : undefined;
}

export function missingNamespaceMessage(): string {
  return (
    'metadata.namespace: not set, and no default namespace was given: pass --default-namespace NS ' +
    '(action input default-namespace), or -n NS with a single namespace, as kubectl apply -n NS would'
  );
}
