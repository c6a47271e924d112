// How a ClientIntents target must spell a server so that Otterize's intents-operator resolves it
// to the workload that was observed. The operator splits a target name at dots and reads the
// first part as the name and the second as the namespace (GetTargetServerName and
// GetTargetServerNamespace in src/operator/api/v2beta1/clientintents_types.go of
// otterize/intents-operator at df11253860bfd5ad18453ffa48e103dc0225d64d; v1alpha3 and v1beta1
// do the same, after taking off `svc:`). So `payments-db.prod` written in namespace `shop` names
// `payments-db` in `prod`, and a workload whose own name holds a dot (Deployments may) has no
// spelling at all: such a call is left out of what we write, with a warning, never written so
// that it grants something else. The webhook refuses a dot in `spec.workload.name` too
// (clientintents_webhook_v2beta1.go), so a client named with a dot cannot have intents.
import { showControlChars } from '../safe-text.ts';

interface Named {
  name: string;
  namespace: string;
}

/** `nginx` in the client's namespace, `nginx.other-ns` elsewhere; undefined when no spelling names it. */
export function operatorTargetName(server: Named, clientNamespace: string): string | undefined {
  if (server.name === '' || server.name.includes('.') || server.namespace.includes('.')) return undefined;
  return server.namespace === clientNamespace ? server.name : `${server.name}.${server.namespace}`;
}

/** Whether the webhook accepts this client as `spec.workload.name` (no dot). */
export function isDeclarableClient(client: Named): boolean {
  return client.name !== '' && !client.name.includes('.');
}

/** Why a call between these two cannot be written into intents, or undefined when it can. */
export function undeclarableReason(client: Named, server: Named): string | undefined {
  const who = `${showControlChars(client.namespace)}/${showControlChars(client.name)}`;
  if (!isDeclarableClient(client)) {
    return `${who}: a client whose name holds a dot cannot have ClientIntents (the operator's webhook refuses it); its calls are left out`;
  }
  if (operatorTargetName(server, client.namespace) === undefined) {
    const target = `${showControlChars(server.namespace)}/${showControlChars(server.name)}`;
    return (
      `${who} -> ${target}: the intents-operator reads a dot in a target name as name.namespace, ` +
      'so this workload cannot be named in a target; the call is left out'
    );
  }
  return undefined;
}
