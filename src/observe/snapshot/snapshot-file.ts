// Writes and reads snapshot files. Reading takes only a regular file of bounded size (or stdin,
// `-`, up to the same size) and checks its shape (snapshot-check.ts): a bad file is an
// InputError naming the file and what is wrong, never a crash deeper in the pipeline.
import { Buffer } from 'node:buffer';
import { writeFile } from 'node:fs/promises';
import { InputError } from '../../errors.ts';
import type { ObservedMap } from '../../model.ts';
import { readRegularFile } from '../../regular-file.ts';
import { jsonWithEscapes } from '../../safe-text.ts';
import { checkSnapshot } from './snapshot-check.ts';
import { type Snapshot, type SnapshotMeta, toSnapshot } from './snapshot-format.ts';

/** Snapshots are JSON parsed whole: larger files are refused rather than held several times over. */
export const MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024;

export async function writeSnapshot(file: string, map: ObservedMap, meta: SnapshotMeta): Promise<Snapshot> {
  const snapshot = toSnapshot(map, meta);
  await writeFile(file, `${jsonWithEscapes(JSON.stringify(snapshot, null, 2))}\n`);
  return snapshot;
}

async function readStream(input: AsyncIterable<Uint8Array | string>): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const buf = Buffer.from(chunk);
    size += buf.length;
    if (size > MAX_SNAPSHOT_BYTES) {
      throw new InputError(`larger than ${MAX_SNAPSHOT_BYTES / 1024 / 1024} MiB`, { file: 'stdin' });
    }
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
  const text =
    given === '-' ? await readStream(stdin) : await readRegularFile(file, { maxBytes: MAX_SNAPSHOT_BYTES });
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new InputError(`not JSON: ${(err as Error).message}`, { file });
  }
  return checkSnapshot(doc, file);
}
