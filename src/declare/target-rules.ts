// The intents-operator's admission webhook rules for targets that Istio's HTTP metrics cannot
// see (kafka, sql, aws, gcp, azure, internet), beyond what the CRD schema checks. Read in
// otterize/intents-operator src/operator/webhooks/clientintents_webhook_v2beta1.go (v2alpha1 is
// the same) and clientintents_webhook_v1.go / _v1alpha3.go (v1beta1, v1alpha3) at df11253.
import { isIP } from 'node:net';
import { domainToASCII } from 'node:url';
import { isDnsLabel } from '../kubernetes-names.ts';
import { child, expectMap, fail, lineOf, optionalString } from '../yaml/yaml-fields.ts';
import type { YamlMap, YamlNode } from '../yaml/yaml-tree.ts';

const NOT_HTTP_TARGETS = ['kafka', 'sql', 'aws', 'gcp', 'azure', 'internet'];

/**
 * Runs after the parser and the CRD schema check, as the webhook runs after the API server's
 * schema validation: the spec's shape is known to be right here.
 */
export function checkTargetRules(file: string, spec: YamlMap, version: string): void {
  if (version.startsWith('v2')) {
    const targets = child(spec, 'targets');
    if (targets?.type !== 'seq') return;
    targets.items.forEach((target, i) => {
      if (target.type !== 'map') return;
      for (const type of NOT_HTTP_TARGETS) {
        const body = child(target, type);
        if (body?.type === 'map') checkV2Target(file, type, body, `spec.targets[${i}].${type}`);
      }
    });
    return;
  }
  const calls = child(spec, 'calls');
  if (calls?.type !== 'seq') return;
  calls.items.forEach((call, i) => {
    if (call.type !== 'map') return;
    const type = optionalString(file, call, 'type', `spec.calls[${i}].type`);
    checkV1Call(file, call, `spec.calls[${i}]`, type, version === 'v1alpha2');
  });
}

/** v2 targets: checks the body of one non-HTTP target (`spec.targets[i].<type>`). */
function checkV2Target(file: string, type: string, body: YamlMap, field: string): void {
  const required = (key: string) => {
    if (!text(child(body, key))) fail(file, lineOf(body, key), `${field}.${key}: required`);
  };
  if (type === 'aws') required('arn');
  if (type === 'gcp') required('resource');
  if (type === 'azure') checkAzure(file, body, field);
  if (type === 'internet') checkInternet(file, body, field);
}

function checkAzure(file: string, body: YamlMap, field: string): void {
  if (!text(child(body, 'scope'))) fail(file, lineOf(body, 'scope'), `${field}.scope: required`);
  const has = (key: string) => listLength(child(body, key)) > 0;
  if (!has('actions') && !has('dataActions') && !has('roles') && !child(body, 'keyVaultPolicy')) {
    fail(file, body.line, `${field}: needs at least one of actions, dataActions, roles, keyVaultPolicy`);
  }
  if ((has('actions') || has('dataActions')) && has('roles')) {
    fail(file, lineOf(body, 'roles'), `${field}.roles: must be empty when actions or dataActions are set`);
  }
}

/** `internet` (v2 target body, or a v1 call's `internet` object): IPs or domains, all valid. */
export function checkInternet(file: string, body: YamlMap, field: string): void {
  const domains = strings(child(body, 'domains'));
  const ips = strings(child(body, 'ips'));
  if (domains.length === 0 && ips.length === 0) fail(file, body.line, `${field}: needs ips or domains`);
  domains.forEach(({ value, line }, i) => {
    // The webhook takes what IDNA's lookup profile can encode, and any name starting with `*`.
    if (!value.startsWith('*') && !isDnsName(value)) {
      fail(file, line, `${field}.domains[${i}]: ${JSON.stringify(value)} is not a valid DNS name`);
    }
  });
  ips.forEach(({ value, line }, i) => {
    if (!isIpOrCidr(value)) {
      fail(file, line, `${field}.ips[${i}]: ${JSON.stringify(value)} is not an IP address or CIDR`);
    }
  });
}

/** IDNA lookup (STD3 rules, hyphen checks), as golang.org/x/net/idna's Lookup profile. */
function isDnsName(value: string): boolean {
  const ascii = value === '' ? '' : domainToASCII(value);
  if (ascii === '') return false;
  return ascii
    .replace(/\.$/, '')
    .split('.')
    .every((label) => isDnsLabel(label) && (label.slice(2, 4) !== '--' || label.startsWith('xn--')));
}

function isIpOrCidr(value: string): boolean {
  const slash = value.indexOf('/');
  if (slash === -1) return isIP(value) !== 0;
  const address = value.slice(0, slash);
  const bits = value.slice(slash + 1);
  const family = isIP(address);
  // netip.ParsePrefix refuses an IPv6 zone (`fe80::%eth0/64`) that ParseAddr takes alone.
  if (family === 0 || address.includes('%') || !/^(0|[1-9]\d{0,2})$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

function text(node: YamlNode | undefined): string | undefined {
  return node?.type === 'scalar' && typeof node.value === 'string' && node.value !== ''
    ? node.value
    : undefined;
}

function listLength(node: YamlNode | undefined): number {
  return node?.type === 'seq' ? node.items.length : 0;
}

function strings(node: YamlNode | undefined): { value: string; line: number }[] {
  if (node?.type !== 'seq') return [];
  return node.items.map((item) => ({
    value: item.type === 'scalar' && item.value !== null ? String(item.value) : '',
    line: item.line,
  }));
}

/**
 * The webhook's rules for v1 calls (clientintents_webhook_v1.go, _v1alpha3.go; v1alpha2 has the
 * last two only): a name unless the type is internet, an internet call's `internet` object with
 * valid ips or domains, no Kafka topics on an http call, at most one dot in any name.
 */
function checkV1Call(file: string, call: YamlMap, field: string, type: string | undefined, legacy: boolean) {
  const name = optionalString(file, call, 'name', `${field}.name`);
  if (!legacy && !name && type !== 'internet') fail(file, lineOf(call, 'name'), `${field}.name: required`);
  if (name && name.split('.').length > 2)
    fail(file, lineOf(call, 'name'), `${field}.name: "${name}" has more than one dot (use name.namespace)`);
  const topicsKey = legacy ? 'topics' : 'kafkaTopics';
  if (type === 'http' && child(call, topicsKey))
    fail(file, lineOf(call, topicsKey), `${field}.${topicsKey}: not allowed on a call of type http`);
  if (!legacy && type === 'internet') {
    const internet = child(call, 'internet');
    if (!internet) fail(file, call.line, `${field}.internet: required for type internet`);
    checkInternet(file, expectMap(file, internet, `${field}.internet`), `${field}.internet`);
  }
}
