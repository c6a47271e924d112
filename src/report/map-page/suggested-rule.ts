// The intents target a missing call needs, as the lines to add under `spec.targets` of the
// client's ClientIntents (k8s.otterize.com/v2beta1, the Otterize CLI's default). Shown on the
// interactive page; `check --fix` writes the real edit.

import { INTENT_METHODS, type MissingCall } from '../../model.ts';
import { targetName } from '../display-text.ts';
import { pictureText } from '../picture-text.ts';

// Plain YAML scalars for the usual names and paths; anything else is double-quoted (a JSON
// string is a valid YAML double-quoted scalar).
const PLAIN_SCALAR = /^[A-Za-z0-9/][A-Za-z0-9_./{}*-]*$/;

function scalar(text: string): string {
  const shown = pictureText(text);
  return PLAIN_SCALAR.test(shown) ? shown : JSON.stringify(shown);
}

/**
 * The target lines for one missing call; undefined for a call without method and path, or with
 * a method ClientIntents cannot name (`get`, HEAD: the CRD's methods are an upper-case enum).
 */
export function suggestedRule(call: MissingCall): string | undefined {
  if (call.method === null || call.path === null || !INTENT_METHODS.includes(call.method)) return undefined;
  const lines = [
    '- kubernetes:',
    `    name: ${scalar(targetName(call.server, call.client.namespace))}`,
    ...(call.server.kind === undefined ? [] : [`    kind: ${scalar(call.server.kind)}`]),
    '    http:',
    `      - path: ${scalar(call.suggestedPath ?? call.path)}`,
    '        methods:',
    `          - ${scalar(call.method)}`,
  ];
  return lines.join('\n');
}
