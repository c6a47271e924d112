// Templates in exported intents and the auto-PR: one HTTP rule per template instead of one
// per raw path, and a note for every template saying what it allows beyond what was seen,
// so a reviewer never approves a widening without being told.

import type { ObservedCall } from '../model.ts';
import { buildPathTemplater, type PathTemplater, type TemplateOptions } from './path-template.ts';
import { refKey } from './rule-index.ts';

export interface ExportTemplates {
  /** For buildClientIntents' `pathOf`: the template of a call's path, or the path itself. */
  pathOf: (call: ObservedCall) => string | null;
  /** One line per template written: which raw paths it stands for. */
  notes: string[];
}

export function exportTemplates(calls: readonly ObservedCall[], opts: TemplateOptions = {}): ExportTemplates {
  const templater: PathTemplater = buildPathTemplater(calls, opts);
  // client -> server -> template -> raw paths it replaced
  const seen = new Map<string, Set<string>>();
  for (const call of calls) {
    const template = templater.pathOf(call);
    if (call.path === null || template === null || template === call.path) continue;
    const key = `${refKey(call.client)} -> ${refKey(call.server)}: ${template}`;
    const paths = seen.get(key);
    if (paths) paths.add(call.path);
    else seen.set(key, new Set([call.path]));
  }
  const notes = [...seen.keys()].sort().map((key) => {
    const paths = [...(seen.get(key) ?? [])].sort();
    const example = paths.slice(0, 2).join(', ');
    return (
      `${key} stands for ${paths.length} observed path${paths.length === 1 ? '' : 's'} (${example}` +
      `${paths.length > 2 ? ', ...' : ''}) and allows any value where {*} or {**} stands`
    );
  });
  return { pathOf: templater.pathOf, notes };
}
