// Reading a file a user (or a fork) named: only a regular file, and only up to a size. A FIFO
// or a device would block the read forever or never end; `/dev/zero` would fill the memory.
// The file is opened without blocking and asked for its type and size before a byte is read.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { InputError } from './errors.ts';

export interface RegularFileOptions {
  /** The name errors carry (as the user wrote it); default the path. */
  file?: string;
  /** Refuse larger files (default 64 MiB). */
  maxBytes?: number;
}

const MIB = 1024 * 1024;
const DEFAULT_MAX_BYTES = 64 * MIB;

function cannotRead(err: unknown, file: string): InputError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError('no such file', { file });
  if (code === 'EACCES' || code === 'EPERM') return new InputError('permission denied', { file });
  if (code === 'EISDIR') return new InputError('is a directory, not a file', { file });
  return new InputError(`cannot read: ${code ?? (err as Error).message}`, { file });
}

function tooLarge(maxBytes: number, file: string): InputError {
  const limit = maxBytes % MIB === 0 ? `${maxBytes / MIB} MiB` : `${maxBytes} bytes`;
  return new InputError(`larger than ${limit}`, { file });
}

function checkStats(info: Stats, file: string, maxBytes: number): void {
  if (info.isDirectory()) throw new InputError('is a directory, not a file', { file });
  if (!info.isFile()) throw new InputError('not a regular file (a FIFO, socket or device?)', { file });
  if (info.size > maxBytes) throw tooLarge(maxBytes, file);
}

/**
 * Reads the open file to its end, but never more than `maxBytes` (InputError past it, naming
 * `file`): the size checked before the read is only a hint, as a file can grow meanwhile (Node's
 * readFile reads what it has grown to) and a kernel file (`/proc/...`) says 0.
 */
export function readAtMost(fd: number, size: number, maxBytes: number, file: string): Buffer {
  const limit = maxBytes + 1;
  // One byte past the size, so a file that has not grown ends within the first buffer; at least
  // 1 KiB, which Node takes from its pool, for the thousands of small intents files.
  let buffer = Buffer.allocUnsafe(Math.min(Math.max(size + 1, 1024), limit));
  let total = 0;
  for (;;) {
    if (total === buffer.length) {
      if (total >= limit) throw tooLarge(maxBytes, file);
      const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit));
      buffer.copy(grown, 0, 0, total);
      buffer = grown;
    }
    const n = readSync(fd, buffer, total, buffer.length - total, null);
    if (n === 0) return buffer.subarray(0, total);
    total += n;
  }
}

/** The file's text (UTF-8); InputError when it is missing, not a regular file or too large. */
export async function readRegularFile(absolute: string, opts: RegularFileOptions = {}): Promise<string> {
  return (await readRegularFileBytes(absolute, opts)).toString('utf8');
}

/**
 * readRegularFile's bytes, for a reader that decodes them itself. The open and the stat wait on
 * the event loop; the bounded read is synchronous, as readFileSync is, so one loop serves the
 * synchronous and asynchronous readers (these files are read once, whole).
 */
export async function readRegularFileBytes(absolute: string, opts: RegularFileOptions = {}): Promise<Buffer> {
  const file = opts.file ?? absolute;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw cannotRead(err, file);
  }
  try {
    const info = await handle.stat();
    checkStats(info, file, maxBytes);
    return readAtMost(handle.fd, info.size, maxBytes, file);
  } catch (err) {
    throw err instanceof InputError ? err : cannotRead(err, file);
  } finally {
    await handle.close();
  }
}

/** Opens `absolute` without blocking, checks it is a regular file within the size, then `use`s it. */
function withRegularFileSync<T>(
  absolute: string,
  opts: RegularFileOptions,
  use: (fd: number, size: number, maxBytes: number, file: string) => T,
): T {
  const file = opts.file ?? absolute;
  let fd: number;
  try {
    fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw cannotRead(err, file);
  }
  try {
    const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    const info = fstatSync(fd);
    checkStats(info, file, maxBytes);
    return use(fd, info.size, maxBytes, file);
  } catch (err) {
    throw err instanceof InputError ? err : cannotRead(err, file);
  } finally {
    closeSync(fd);
  }
}

/**
 * readRegularFile's bytes, synchronous: for a reader that is asked for one file at a time, in
 * passing, and decodes them itself.
 */
export function readRegularFileBytesSync(absolute: string, opts: RegularFileOptions = {}): Buffer {
  return withRegularFileSync(absolute, opts, readAtMost);
}

/**
 * Throws InputError unless `absolute` is a regular file of at most `maxBytes`: for files a
 * library opens itself (a kubeconfig, a CA bundle). Synchronous, like those libraries.
 */
export function assertRegularFileSync(absolute: string, opts: RegularFileOptions = {}): void {
  withRegularFileSync(absolute, opts, () => undefined);
}
