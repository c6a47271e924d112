// Documents that are almost ClientIntents: a kind written in another case, ClientIntents
// under another API group. The API server would refuse them or store them as something
// Otterize never reads; skipping them as "other kinds" would report every call they were
// meant to allow as missing, with no word why. So they are errors at their line.

import type { ObjectType } from '../yaml/kubectl-list.ts';
import { fail } from '../yaml/yaml-fields.ts';
import type { YamlMap } from '../yaml/yaml-tree.ts';

const KIND = 'ClientIntents';
const GROUP = 'k8s.otterize.com';

/**
 * Throws InputError at `file:line` when the object is a near miss of a ClientIntents. `type` is
 * its kind and apiVersion as kubectl reads them (a list's item may take its list's).
 */
export function rejectNearMissIntents(document: YamlMap, file: string, type: ObjectType): void {
  const { kind, apiVersion } = type;
  if (kind === '') return;
  if (kind !== KIND && kind.toLowerCase().replace(/s$/, '') === 'clientintent') {
    // Say what is wrong with it: the case, the missing plural `s`, or both.
    const why = [
      ...(/^ClientIntents?$/.test(kind) ? [] : ['kinds are case-sensitive']),
      ...(/s$/i.test(kind) ? [] : ['the kind is plural']),
    ].join('; ');
    fail(file, type.kindLine, `kind: ${JSON.stringify(kind)} is not ${KIND} (${why}); write kind: ${KIND}`);
  }
  if (kind !== KIND) return;
  if (apiVersion === '') {
    fail(file, document.line, `apiVersion: required for kind ${KIND} (${GROUP}/v2beta1, for instance)`);
  }
  const slash = apiVersion.indexOf('/');
  // kubectl reads a value without a slash as a version of the core group: `k8s.otterize.com`
  // alone is Otterize's group with its version left out, which is the thing to say.
  if (apiVersion === GROUP) {
    fail(
      file,
      type.apiVersionLine,
      `apiVersion: ${JSON.stringify(apiVersion)} is the API group without a version; write ${GROUP}/v2beta1, for instance`,
    );
  }
  const group = slash === -1 ? '' : apiVersion.slice(0, slash);
  if (group !== GROUP) {
    const shown = group === '' ? 'no API group' : `the API group ${JSON.stringify(group)}`;
    fail(
      file,
      type.apiVersionLine,
      `apiVersion: ${JSON.stringify(apiVersion)} puts ${KIND} in ${shown}; Otterize's is ${GROUP} (${GROUP}/v2beta1, for instance)`,
    );
  }
}
