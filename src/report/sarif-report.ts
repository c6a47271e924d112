// SARIF 2.1.0 for GitHub code scanning (and any SARIF viewer): one rule per kind of drift, one
// result per finding on the intents file's line, and a fingerprint that stays the same while
// the drift does, so code scanning tracks one alert across commits and closes it when fixed.
import { createHash } from 'node:crypto';
import type { Drift } from '../model.ts';
import { VERSION } from '../version.ts';
import { type CiReportOptions, ciFindings, type Finding, type FindingKind } from './ci-findings.ts';
import { showControlChars } from './display-text.ts';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/intent-drift/intent-drift';
/** The partialFingerprints key: bump the suffix if the identity of a finding ever changes. */
export const FINGERPRINT_KEY = 'intentDriftFinding/v1';

type Level = 'error' | 'warning' | 'note';

interface RuleText {
  id: string;
  name: string;
  short: string;
  full: string;
  help: string[];
  level: Level;
}

const RULES: Record<FindingKind, RuleText> = {
  missing: {
    id: 'missing-intent',
    name: 'MissingIntent',
    short: 'A call the workload makes is not declared in its ClientIntents',
    full:
      'Istio observed this call, but no ClientIntents rule of the client allows it. Once the intents are ' +
      'enforced (an ALLOW AuthorizationPolicy selects the server), the call is denied.',
    help: [
      'Declare the call in the client’s ClientIntents: under the target that names the server, add the path ' +
        'and method (or the suggested Istio template, such as /users/{*}).',
      '`intent-drift check --fix` makes this edit in place, keeping comments; the action’s `open-pr` opens a ' +
        'pull request with it. If the call is not wanted, fix the caller instead.',
    ],
    level: 'error',
  },
  stale: {
    id: 'stale-intent',
    name: 'StaleIntent',
    short: 'A declared intent no observed call used',
    full:
      'The ClientIntents allow this method and path, but no call in the observed traffic used it: access ' +
      'nobody needs, or a path the run did not exercise.',
    help: [
      'Remove the rule if the client no longer makes this call (`intent-drift check --fix --prune-stale`), ' +
        'or drive that call in the replay so the check can see it. Accept it on purpose with an ignore rule ' +
        'in .intent-drift.yaml.',
    ],
    level: 'warning',
  },
  'not-exercised': {
    id: 'intent-not-exercised',
    name: 'IntentNotExercised',
    short: 'A declared intent of a client that made no calls in this run',
    full:
      'The client made no calls at all while the traffic was recorded, so this rule says nothing about drift: ' +
      'the run did not exercise the client.',
    help: [
      'Drive traffic from this client during the check (the traffic input, or its own workload). ' +
        'Set `clientIdle: fail` in .intent-drift.yaml to fail the gate on such rules.',
    ],
    level: 'note',
  },
  'no-http-detail': {
    id: 'http-detail-missing',
    name: 'HttpDetailMissing',
    short: 'A declared HTTP rule could not be checked: the metrics carry no method or path',
    full:
      'The client called this target, but Istio’s metrics for those calls have no request_method or ' +
      'request_path labels, so the HTTP rules cannot be compared.',
    help: [
      'Apply a mesh-wide Telemetry that adds request_method and request_path to istio_requests_total before ' +
        'the workloads start (series created earlier keep their old labels).',
    ],
    level: 'note',
  },
};

const KINDS = Object.keys(RULES) as FindingKind[];

function levelOf(finding: Finding): Level {
  if (finding.outcome === 'fail') return 'error';
  if (finding.kind === 'missing' || finding.kind === 'stale') return 'warning';
  return finding.outcome === 'warn' ? 'warning' : 'note';
}

/**
 * SARIF message strings treat `[text](n)` as an embedded link: literal brackets and
 * backslashes from traffic are escaped with a backslash, as the specification asks.
 */
export function sarifText(text: string): string {
  return showControlChars(text).replace(/[\\[\]]/g, (c) => `\\${c}`);
}

/** Several lines of outside text as one message: each line escaped, the line breaks kept. */
function sarifLines(lines: readonly string[]): string {
  return lines
    .flatMap((line) => line.split('\n'))
    .map(sarifText)
    .join('\n');
}

/** A repository path as a relative URI reference: each segment percent-encoded. */
export function relativeUri(file: string): string {
  return file
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

export function fingerprint(identity: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(identity)).digest('hex');
}

function sarifRule(kind: FindingKind): Record<string, unknown> {
  const rule = RULES[kind];
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.short },
    fullDescription: { text: rule.full },
    help: { text: rule.help.join('\n\n'), markdown: rule.help.join('\n\n') },
    defaultConfiguration: { level: rule.level },
    properties: { tags: ['istio', 'otterize', 'clientintents'], precision: 'high' },
  };
}

function sarifResult(finding: Finding): Record<string, unknown> {
  const lines = [`${finding.title}.`, ...finding.detail];
  if (finding.suggestion !== undefined) {
    lines.push(`Suggested entry under ${finding.suggestion.under}:`, finding.suggestion.yaml.trimEnd());
  }
  const result: Record<string, unknown> = {
    ruleId: RULES[finding.kind].id,
    ruleIndex: KINDS.indexOf(finding.kind),
    level: levelOf(finding),
    message: { text: sarifLines(lines) },
  };
  if (finding.location !== undefined) {
    const { file, line } = finding.location;
    result.locations = [
      { physicalLocation: { artifactLocation: { uri: relativeUri(file) }, region: { startLine: line } } },
    ];
  }
  result.partialFingerprints = { [FINGERPRINT_KEY]: fingerprint(finding.identity) };
  result.properties = { client: `${finding.client.namespace}/${finding.client.name}` };
  return result;
}

export function toSarif(drift: Drift, opts: CiReportOptions): Record<string, unknown> {
  // Code scanning refuses a result without a location; such findings (a client with no
  // ClientIntents, and no intents document to show it beside) are counted in a notification.
  const findings = ciFindings(drift, opts);
  const placed = findings.filter((finding) => finding.location !== undefined);
  const notes = drift.warnings.map(sarifText);
  if (placed.length < findings.length) {
    notes.push(
      `${findings.length - placed.length} finding(s) have no intents file to be shown on (clients without ClientIntents); see the text or JSON report.`,
    );
  }
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'intent-drift',
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: INFORMATION_URI,
            rules: KINDS.map(sarifRule),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: notes.map((text) => ({ level: 'warning', message: { text } })),
          },
        ],
        results: placed.map(sarifResult),
      },
    ],
  };
}

export function renderSarifReport(drift: Drift, opts: CiReportOptions): string {
  return `${JSON.stringify(toSarif(drift, opts), null, 2)}\n`;
}
