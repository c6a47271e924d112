// Writes and reads snapshot files, checking the shape on the way in: a bad file is an
// InputError naming the file and what is wrong, never a crash deeper in the pipeline.
import { Buffer } from 'node:buffer';
import { readFile, writeFile } from 'node:fs/promises';
import { InputError } from '../../errors.ts';
import type { ObservedMap } from '../../model.ts';
import {
  SNAPSHOT_KIND,
  SNAPSHOT_VERSION,
  type Snapshot,
  type SnapshotMeta,
  toSnapshot,
} from './snapshot-format.ts';

export async function writeSnapshot(file: string, map: ObservedMap, meta: SnapshotMeta): Promise<Snapshot> {
  const snapshot = toSnapshot(map, meta);
  await writeFile(file, `${JSON.stringify(snapshot, null, 2)}\n`);
  return snapshot;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

function checkRef(v: unknown, what: string): string | null {
  if (!isObject(v) || !isString(v.name) || !isString(v.namespace)) return `${what} needs name and namespace`;
  if (v.kind !== undefined && !isString(v.kind)) return `${what}.kind must be a string`;
  return null;
}

function checkCall(v: unknown): string | null {
  if (!isObject(v)) return 'not an object';
  const bad = checkRef(v.client, 'client') ?? checkRef(v.server, 'server');
  if (bad !== null) return bad;
  if (v.method !== null && !isString(v.method)) return 'method must be a string or null';
  if (v.path !== null && !isString(v.path)) return 'path must be a string or null';
  if (typeof v.count !== 'number' || !Number.isFinite(v.count) || v.count < 0)
    return 'count must be a number >= 0';
  if (v.protocol !== 'http' && v.protocol !== 'grpc' && v.protocol !== 'tcp')
    return 'protocol must be http, grpc or tcp';
  for (const k of ['firstSeen', 'lastSeen'] as const) {
    if (!isString(v[k]) || !ISO.test(v[k])) return `${k} must be an RFC 3339 time`;
  }
  return null;
}

/** A snapshot on stdin is held whole, like a file; beyond this it is refused. */
const MAX_STDIN_BYTES = 512 * 1024 * 1024;

async function readStream(input: AsyncIterable<Uint8Array | string>): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const buf = Buffer.from(chunk);
    size += buf.length;
    if (size > MAX_STDIN_BYTES) throw new InputError('a snapshot over 512 MiB', { file: 'stdin' });
    parts.push(buf);
  }
  return Buffer.concat(parts).toString('utf8');
}

/**
 * Reads one snapshot file (`-`: stdin, by default the process's); throws InputError(file:
 * reason) when it is not one.
 */
export async function readSnapshot(
  given: string,
  stdin: AsyncIterable<Uint8Array | string> = process.stdin,
): Promise<Snapshot> {
  const file = given === '-' ? 'stdin' : given;
  let text: string;
  try {
    text = given === '-' ? await readStream(stdin) : await readFile(file, 'utf8');
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'no such file' : `cannot read: ${(err as Error).message}`, {
      file,
    });
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new InputError(`not JSON: ${(err as Error).message}`, { file });
  }
  if (!isObject(doc) || doc.kind !== SNAPSHOT_KIND) {
    throw new InputError(`not an intent-drift snapshot (kind must be ${SNAPSHOT_KIND})`, { file });
  }
  if (doc.version !== SNAPSHOT_VERSION) {
    throw new InputError(
      `snapshot version ${String(doc.version)} is not supported (this build reads ${SNAPSHOT_VERSION})`,
      {
        file,
      },
    );
  }
  for (const list of ['calls', 'unattributed', 'external'] as const) {
    const items = doc[list];
    if (!Array.isArray(items)) throw new InputError(`${list} must be a list`, { file });
    items.forEach((c, i) => {
      const bad = checkCall(c);
      if (bad !== null) throw new InputError(`${list}[${i}]: ${bad}`, { file });
    });
  }
  if (!isString(doc.capturedAt) || !ISO.test(doc.capturedAt))
    throw new InputError('capturedAt must be an RFC 3339 time', { file });
  const warnings = Array.isArray(doc.warnings) ? doc.warnings.filter(isString) : [];
  const stats = isObject(doc.stats) ? doc.stats : {};
  return {
    ...(doc as unknown as Snapshot),
    warnings,
    stats: { series: Number(stats.series) || 0, sources: Number(stats.sources) || 0 },
  };
}
