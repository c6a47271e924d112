// JUnit XML as GitLab, Jenkins, Azure DevOps and Buildkite read it: one test suite per client,
// one test case per declared rule (passing when the run exercised it) and per missing call
// (failing when it fails the gate), stale and not-checked rules failing or skipped with the
// reason. Test names carry no line numbers or counts, so a CI's test history follows them.
import type { DeclaredRule, Drift, ObservedCall, StaleRule } from '../model.ts';
import {
  type CiReportOptions,
  ciFindings,
  type Finding,
  NO_DETAIL,
  operation,
  STALE_DETAIL,
} from './ci-findings.ts';
import { qualifiedName, showControlChars, targetName } from './display-text.ts';
import { asControlled, ignoredByText } from './drift-extras.ts';
import { xmlLines, xmlText } from './xml-text.ts';

interface TestCase {
  name: string;
  /** Absent: the case passed. */
  outcome?: { kind: 'failure' | 'skipped'; type: string; message: string; text: string[] };
}

interface Suite {
  client: { name: string; namespace: string };
  file: string | undefined;
  cases: TestCase[];
}

const FINDING_TYPE: Record<Finding['kind'], string> = {
  missing: 'missing-intent',
  stale: 'stale-intent',
  'not-exercised': 'intent-not-exercised',
  'no-http-detail': 'http-detail-missing',
};

const FINDING_MESSAGE: Record<Finding['kind'], (finding: Finding) => string> = {
  missing: () => 'called but not declared',
  stale: (finding) =>
    `declared, never called (${(finding.rule as StaleRule | undefined)?.reason ?? 'stale'})`,
  'not-exercised': () => 'declared, not exercised: the client made no calls (client-idle)',
  'no-http-detail': () => 'not checked: the calls carry no method or path',
};

const NOT_CHECKED: Record<'not-http' | 'no-http-detail', string> = {
  'not-http': 'not checked: this target is not visible in Istio HTTP metrics',
  'no-http-detail': 'not checked: the calls to this target carry no method or path',
};

function ruleKey(rule: DeclaredRule): string {
  return JSON.stringify([
    rule.file,
    rule.line,
    rule.targetType,
    qualifiedName(rule.server),
    rule.method,
    rule.path,
  ]);
}

function ruleName(rule: DeclaredRule): string {
  const name = showControlChars(targetName(rule.server, rule.client.namespace));
  const target = rule.targetType === 'kubernetes' ? name : `${rule.targetType} ${name}`;
  return `rule ${operation(rule.method, rule.path)} -> ${target}`;
}

function findingCase(finding: Finding): TestCase {
  const text = [`${finding.title}.`, ...finding.detail];
  if (finding.location !== undefined) {
    const verb = finding.kind === 'missing' ? 'Declare it in' : 'Declared at';
    text.push(`${verb} ${finding.location.file}:${finding.location.line}.`);
  }
  if (finding.suggestion !== undefined) {
    text.push(`Suggested entry under ${finding.suggestion.under}:`, finding.suggestion.yaml.trimEnd());
  }
  const kind = finding.outcome === 'fail' ? 'failure' : 'skipped';
  const message = `${FINDING_MESSAGE[finding.kind](finding)}${kind === 'skipped' ? ' (not failing)' : ''}`;
  return {
    name: finding.kind === 'missing' ? `missing ${finding.title}` : `rule ${finding.title}`,
    outcome: { kind, type: FINDING_TYPE[finding.kind], message, text },
  };
}

function ignoredCallCase(call: ObservedCall): TestCase {
  const by = ignoredByText(call);
  const server = showControlChars(targetName(call.server, call.client.namespace));
  const message = `ignored by the config${by === undefined ? '' : ` (${by})`}`;
  return {
    name: `missing ${operation(call.method, call.path, NO_DETAIL)} -> ${server}`,
    outcome: { kind: 'skipped', type: 'ignored', message, text: [message] },
  };
}

function suitesOf(drift: Drift, opts: CiReportOptions): Suite[] {
  const where = (file: string) => (opts.repositoryPath ? opts.repositoryPath(file) : file);
  const suites = new Map<string, Suite>();
  const suiteOf = (client: { name: string; namespace: string }) => {
    const key = `${client.namespace}\u0000${client.name}`;
    let suite = suites.get(key);
    if (suite === undefined) {
      suite = { client, file: undefined, cases: [] };
      suites.set(key, suite);
    }
    return suite;
  };
  const findings = ciFindings(drift, opts);
  const ruleFinding = new Map<string, Finding>();
  for (const finding of findings) {
    if (finding.rule !== undefined) ruleFinding.set(ruleKey(finding.rule), finding);
    else suiteOf(finding.client).cases.push(findingCase(finding));
  }
  for (const call of drift.ignored) suiteOf(call.client).cases.push(ignoredCallCase(call));
  const notChecked = new Map(drift.notChecked.map((r) => [ruleKey(r), r]));
  const ignoredStale = new Map((asControlled(drift).ignoredStale ?? []).map((r) => [ruleKey(r), r]));
  const rules = opts.declared ?? [...drift.stale, ...drift.notChecked];
  for (const rule of rules) {
    const suite = suiteOf(rule.client);
    suite.file ??= where(rule.file);
    const key = ruleKey(rule);
    const finding = ruleFinding.get(key);
    if (finding !== undefined) {
      suite.cases.push(findingCase(finding));
      continue;
    }
    const name = ruleName(rule);
    const skipped = notChecked.get(key);
    const ignored = ignoredStale.get(key);
    if (skipped !== undefined) {
      const message = NOT_CHECKED[skipped.why];
      suite.cases.push({ name, outcome: { kind: 'skipped', type: 'not-checked', message, text: [message] } });
    } else if (ignored !== undefined) {
      const message = `stale, ignored by the config (${ignoredByText(ignored)}): ${STALE_DETAIL[ignored.reason]}`;
      suite.cases.push({ name, outcome: { kind: 'skipped', type: 'ignored', message, text: [message] } });
    } else {
      suite.cases.push({ name });
    }
  }
  return [...suites.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, suite]) => suite);
}

function caseXml(suite: Suite, test: TestCase): string[] {
  const classname = `${suite.client.namespace}.${suite.client.name}`;
  const open = `    <testcase name="${xmlText(test.name)}" classname="${xmlText(classname)}" time="0"`;
  if (test.outcome === undefined) return [`${open}/>`];
  const { kind, type, message, text } = test.outcome;
  return [
    `${open}>`,
    `      <${kind} type="${xmlText(type)}" message="${xmlText(message)}">${xmlLines(text)}</${kind}>`,
    '    </testcase>',
  ];
}

export function renderJunitReport(drift: Drift, opts: CiReportOptions): string {
  const suites = suitesOf(drift, opts);
  const count = (suite: Suite, kind?: 'failure' | 'skipped') =>
    suite.cases.filter((c) => (kind === undefined ? true : c.outcome?.kind === kind)).length;
  const total = suites.reduce((n, s) => n + count(s), 0);
  const failures = suites.reduce((n, s) => n + count(s, 'failure'), 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="intent-drift" tests="${total}" failures="${failures}" errors="0" time="0">`,
  ];
  for (const suite of suites) {
    const name = `${suite.client.namespace}/${suite.client.name}`;
    const file = suite.file === undefined ? '' : ` file="${xmlText(suite.file)}"`;
    lines.push(
      `  <testsuite name="${xmlText(name)}" tests="${count(suite)}" failures="${count(suite, 'failure')}" ` +
        `errors="0" skipped="${count(suite, 'skipped')}" time="0"${file}>`,
      ...suite.cases.flatMap((test) => caseXml(suite, test)),
      '  </testsuite>',
    );
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}
