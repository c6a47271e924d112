// The reports for other CI systems (SARIF, JUnit) from one check: the renderers are pure, so
// what they need to know beyond the drift is gathered here (the gate per entry, the suggested
// rule in the client's own API version, paths from the repository root).
import path from 'node:path';
import { suggestedRule } from '../declare/suggested-rule.ts';
import { type FailPolicy, missingFails, staleOutcome } from '../diff/fail-policy.ts';
import { leavesDirectory } from '../display-path.ts';
import type { DeclaredIntents, Drift, MissingCall } from '../model.ts';
import type { CiReportOptions } from '../report/ci-findings.ts';
import { renderJunitReport } from '../report/junit-report.ts';
import { renderSarifReport } from '../report/sarif-report.ts';

export type CiReportFormat = 'sarif' | 'junit';

export interface CiReportInputs {
  drift: Drift;
  declared: DeclaredIntents;
  policy: FailPolicy;
  /** The namespaces the check was limited to; empty: all. */
  namespaces: readonly string[];
  /** Where the report's file names are relative to. */
  cwd: string;
  /** The repository root: SARIF and JUnit name files from here. */
  repositoryRoot: string;
}

export function ciReportOptions(inputs: CiReportInputs): CiReportOptions {
  const { declared, policy, cwd, repositoryRoot } = inputs;
  const scope = new Set(inputs.namespaces);
  const inScope = (namespace: string) => scope.size === 0 || scope.has(namespace);
  const documents = declared.documents.filter((d) => inScope(d.client.namespace));
  // The client's own document in the file the call points at (the line is the target's, not
  // the document's): its API version is the one the suggested rule is written in.
  const apiVersionOf = new Map(
    documents.map((d) => [`${d.file}\n${d.client.namespace}/${d.client.name}`, d.apiVersion]),
  );
  const fallbackHome = (call: MissingCall) => {
    const home = documents.find((d) => d.client.namespace === call.client.namespace) ?? documents[0];
    return home === undefined ? undefined : { file: home.file, line: home.line };
  };
  return {
    gate: { missing: (call) => missingFails(policy, call), stale: (rule) => staleOutcome(policy, rule) },
    repositoryPath: (file) => fromRepositoryRoot(repositoryRoot, cwd, file) ?? file,
    suggest: (call) => {
      const at =
        call.intentsFile &&
        apiVersionOf.get(`${call.intentsFile.file}\n${call.client.namespace}/${call.client.name}`);
      return suggestedRule(call, at ?? undefined);
    },
    fallbackHome,
    declared: declared.rules.filter((rule) => inScope(rule.client.namespace)),
  };
}

/** `file` (relative to `cwd`) as a `/` path from the repository root; undefined when outside it. */
function fromRepositoryRoot(root: string, cwd: string, file: string): string | undefined {
  const relative = path.relative(root, path.resolve(cwd, file));
  if (leavesDirectory(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

/**
 * The intents files a SARIF report would name outside the repository (an absolute or `../`
 * path): code scanning cannot place their results, so whoever asked for SARIF is told.
 */
export function sarifOutsideWarning(inputs: CiReportInputs): string | undefined {
  const { repositoryRoot, cwd } = inputs;
  const outside = new Set<string>();
  for (const doc of inputs.declared.documents) {
    if (fromRepositoryRoot(repositoryRoot, cwd, doc.file) === undefined) outside.add(doc.file);
  }
  if (outside.size === 0) return undefined;
  const [first] = outside;
  const [more, lie, their] =
    outside.size > 1 ? [` and ${outside.size - 1} more`, 'lie', 'their'] : ['', 'lies', 'its'];
  return `SARIF: ${first}${more} ${lie} outside the repository (${repositoryRoot}): code scanning cannot place ${their} results; give intents paths inside it`;
}

export function renderCiReport(format: CiReportFormat, inputs: CiReportInputs): string {
  const options = ciReportOptions(inputs);
  return format === 'sarif'
    ? renderSarifReport(inputs.drift, options)
    : renderJunitReport(inputs.drift, options);
}
