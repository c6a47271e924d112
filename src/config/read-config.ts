// Reads and validates `.intent-drift.yaml`. Every mistake is an InputError at the line that
// holds it (`.intent-drift.yaml:7: ignore[0].method: ...`), so a typo never silently turns
// into "ignore everything" or "ignore nothing".

import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { FailOverride } from '../diff/fail-policy.ts';
import type { IgnoreRule } from '../diff/ignore-rules.ts';
import { isPathTemplate, validatePathPattern } from '../diff/istio-match.ts';
import { isDnsLabel } from '../kubernetes-names.ts';
import type { FailOn } from '../model.ts';
import { repositoryLinkGuard } from '../repository-links.ts';
import { findRepositoryRoot } from '../repository-root.ts';
import { parseYamlDocuments, readYamlFile } from '../yaml/read-yaml.ts';
import { expectMap, expectSeq, expectString, fail } from '../yaml/yaml-fields.ts';
import type { YamlMap, YamlNode } from '../yaml/yaml-tree.ts';
import { DEFAULT_CONFIG_FILE, type DriftConfig, defaultDriftConfig } from './drift-config.ts';

const TOP_KEYS = ['ignore', 'templates', 'minCount', 'failOn', 'clientIdle', 'overrides', 'environments'];
const IGNORE_KEYS = ['client', 'server', 'method', 'path', 'reason'];
const OVERRIDE_KEYS = ['client', 'failOn'];
const FAIL_ON: readonly FailOn[] = ['missing', 'stale', 'any', 'none'];
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'];
// Kubernetes names (lower-case letters, digits, `-`, `.`) with `*` globs.
const NAME_GLOB = /^[a-z0-9.*-]+$/;

export interface LoadConfigOptions {
  cwd: string;
  /** `--config FILE`: must exist. Absent: the nearest `.intent-drift.yaml` (see findConfigFile). */
  file?: string;
  /** Look for `.intent-drift.yaml` when no file is given (default true). */
  search?: boolean;
}

/** The config to use: the explicit file (missing: exit 2), else the nearest default file, else defaults. */
export async function loadDriftConfig(opts: LoadConfigOptions): Promise<DriftConfig> {
  const guard = repositoryLinkGuard(opts.cwd);
  if (opts.file !== undefined) {
    const real = guard(path.resolve(opts.cwd, opts.file), opts.file);
    return configFromDocuments(readYamlFile(real, opts.file), opts.file);
  }
  const found = opts.search === false ? undefined : await findConfigFile(opts.cwd);
  if (found === undefined) return defaultDriftConfig();
  return configFromDocuments(readYamlFile(guard(found.absolute, found.shown), found.shown), found.shown);
}

/**
 * The nearest `.intent-drift.yaml` from `cwd` up to the repository root (repository-root.ts),
 * shown relative to cwd (`../.intent-drift.yaml`). Outside a repository only cwd is looked
 * in: a config far up (the home folder) should not steer a check by accident.
 */
export async function findConfigFile(cwd: string): Promise<{ absolute: string; shown: string } | undefined> {
  const start = path.resolve(cwd);
  const root = findRepositoryRoot(start);
  const folders: string[] = [start];
  if (root !== undefined) {
    for (let dir = start; dir !== root; dir = path.dirname(dir)) folders.push(path.dirname(dir));
  }
  for (const dir of folders) {
    const absolute = path.join(dir, DEFAULT_CONFIG_FILE);
    if (await exists(absolute)) {
      const shown = path.relative(cwd, absolute).split(path.sep).join('/');
      return { absolute, shown };
    }
  }
  return undefined;
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return false;
    throw err;
  }
}

/** Parses config text; `file` is the name errors carry. */
export function parseDriftConfig(text: string, file: string): DriftConfig {
  return configFromDocuments(parseYamlDocuments(text, file), file);
}

function configFromDocuments(
  documents: { root: YamlNode | null; line: number }[],
  file: string,
): DriftConfig {
  const config = defaultDriftConfig();
  config.file = file;
  const [first, second] = documents;
  if (second) fail(file, second.line, 'the config must be a single YAML document');
  if (!first?.root) return config;
  const top = expectMap(file, first.root, 'config');
  rejectUnknownKeys(file, top, TOP_KEYS, '');
  for (const [key, entry] of top.entries) {
    const node = entry.value;
    if (node.type === 'scalar' && node.value === null) continue;
    switch (key) {
      case 'ignore':
        config.ignore = expectSeq(file, node, 'ignore').items.map((item, i) => ignoreRule(file, item, i));
        break;
      case 'templates':
        config.templates = booleanValue(file, node, 'templates');
        break;
      case 'minCount':
        config.minCount = positiveInteger(file, node, 'minCount');
        break;
      case 'failOn':
        config.failOn = oneOf(file, node, 'failOn', FAIL_ON);
        break;
      case 'clientIdle':
        config.clientIdle = oneOf(file, node, 'clientIdle', ['warn', 'fail'] as const);
        break;
      case 'overrides':
        config.overrides = expectSeq(file, node, 'overrides').items.map((item, i) => override(file, item, i));
        break;
      case 'environments':
        config.environments = environments(file, node);
        break;
    }
  }
  return config;
}

function rejectUnknownKeys(file: string, map: YamlMap, known: readonly string[], field: string): void {
  for (const [key, entry] of map.entries) {
    if (!known.includes(key)) {
      fail(file, entry.keyLine, `${field}unknown key "${key}" (known: ${known.join(', ')})`);
    }
  }
}

function booleanValue(file: string, node: YamlNode, field: string): boolean {
  if (node.type !== 'scalar' || typeof node.value !== 'boolean')
    fail(file, node.line, `${field}: must be true or false`);
  return node.value;
}

function positiveInteger(file: string, node: YamlNode, field: string): number {
  const value = node.type === 'scalar' ? node.value : undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    fail(file, node.line, `${field}: must be a whole number of 1 or more`);
  }
  return value;
}

function oneOf<T extends string>(file: string, node: YamlNode, field: string, allowed: readonly T[]): T {
  const value = expectString(file, node, field);
  if (!(allowed as readonly string[]).includes(value)) {
    fail(file, node.line, `${field}: must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return value as T;
}

/** `namespace/name` with `*` globs, or `*` alone. */
function workloadGlob(file: string, node: YamlNode, field: string): string {
  const value = expectString(file, node, field);
  if (value === '*') return value;
  const parts = value.split('/');
  if (parts.length !== 2 || parts.some((part) => !NAME_GLOB.test(part))) {
    fail(file, node.line, `${field}: must be namespace/name (lower case, "*" globs allowed), got "${value}"`);
  }
  return value;
}

function methodGlob(file: string, node: YamlNode, field: string): string {
  const value = expectString(file, node, field);
  if (!/^[A-Z*]+$/.test(value)) {
    fail(file, node.line, `${field}: must be an upper-case HTTP method or a "*" glob, got "${value}"`);
  }
  if (!value.includes('*') && !HTTP_METHODS.includes(value)) {
    fail(file, node.line, `${field}: unknown HTTP method "${value}" (${HTTP_METHODS.join(', ')})`);
  }
  return value;
}

function pathGlob(file: string, node: YamlNode, field: string): string {
  const value = expectString(file, node, field);
  if (!value.startsWith('/') && !value.startsWith('*')) {
    fail(file, node.line, `${field}: must start with "/" or "*", got "${value}"`);
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are the error
  if (/[\s\u0000-\u001f\u007f]/.test(value))
    fail(file, node.line, `${field}: must not hold spaces or control characters`);
  if (value.includes('?') || value.includes('#')) {
    fail(file, node.line, `${field}: paths are matched without query or fragment; remove "?" / "#"`);
  }
  const problem = isPathTemplate(value) ? validatePathPattern(value) : null;
  if (problem !== null) fail(file, node.line, `${field}: ${problem}`);
  return value;
}

function ignoreRule(file: string, node: YamlNode, i: number): IgnoreRule {
  const field = `ignore[${i}]`;
  const map = expectMap(file, node, field);
  rejectUnknownKeys(file, map, IGNORE_KEYS, `${field}: `);
  const rule: IgnoreRule = { file, line: map.line };
  const value = (key: string) => {
    const entry = map.entries.get(key);
    return entry && !(entry.value.type === 'scalar' && entry.value.value === null) ? entry.value : undefined;
  };
  const client = value('client');
  const server = value('server');
  const method = value('method');
  const pathNode = value('path');
  const reason = value('reason');
  if (client) rule.client = workloadGlob(file, client, `${field}.client`);
  if (server) rule.server = workloadGlob(file, server, `${field}.server`);
  if (method) rule.method = methodGlob(file, method, `${field}.method`);
  if (pathNode) rule.path = pathGlob(file, pathNode, `${field}.path`);
  if (reason) expectString(file, reason, `${field}.reason`);
  if (!client && !server && !method && !pathNode) {
    fail(file, map.line, `${field}: name at least one of client, server, method, path (use "*" to mean any)`);
  }
  return rule;
}

function override(file: string, node: YamlNode, i: number): FailOverride {
  const field = `overrides[${i}]`;
  const map = expectMap(file, node, field);
  rejectUnknownKeys(file, map, OVERRIDE_KEYS, `${field}: `);
  const client = map.entries.get('client')?.value;
  const failOn = map.entries.get('failOn')?.value;
  if (!client) fail(file, map.line, `${field}.client: required`);
  if (!failOn) fail(file, map.line, `${field}.failOn: required`);
  return {
    client: workloadGlob(file, client, `${field}.client`),
    failOn: oneOf(file, failOn, `${field}.failOn`, FAIL_ON),
    file,
    line: map.line,
  };
}

function environments(file: string, node: YamlNode): Record<string, string> {
  const map = expectMap(file, node, 'environments');
  const out: Record<string, string> = {};
  for (const [namespace, entry] of map.entries) {
    if (!isDnsLabel(namespace)) {
      fail(file, entry.keyLine, `environments: "${namespace}" is not a namespace name`);
    }
    const name = expectString(file, entry.value, `environments.${namespace}`);
    if (name === '') fail(file, entry.value.line, `environments.${namespace}: must not be empty`);
    out[namespace] = name;
  }
  return out;
}
