import {
  authorizationPolicies,
  readWorkloadManifests,
  renderAuthorizationPolicies,
} from '../declare/index.ts';
import type { DeclaredIntents } from '../model.ts';
import { writeFileInRepository } from '../repository-links.ts';
import { safeLine } from '../safe-text.ts';
import type { Settings } from '../settings.ts';
import type { CliIo } from './cli-io.ts';

export async function runPolicies(settings: Settings, declared: DeclaredIntents, io: CliIo): Promise<number> {
  const scope = new Set(settings.namespaces);
  const rules = declared.rules.filter((r) => scope.size === 0 || scope.has(r.client.namespace));
  const workloads =
    settings.workloads.length > 0
      ? await readWorkloadManifests(settings.workloads, { cwd: settings.cwd })
      : undefined;
  const { policies, warnings } = authorizationPolicies(rules, workloads ? { workloads } : {});
  const text = renderAuthorizationPolicies(policies);
  if (settings.output === undefined) {
    io.write(text);
  } else {
    await writeFileInRepository(settings.cwd, settings.output, text);
  }
  for (const w of [...declared.warnings, ...warnings]) io.writeError(`warning: ${safeLine(w)}\n`);
  return 0;
}
