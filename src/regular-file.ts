// Reading a file a user (or a fork) named: only a regular file, and only up to a size. A FIFO
// or a device would block the read forever or never end; `/dev/zero` would fill the memory.
// The file is opened without blocking and asked for its type and size before a byte is read.
import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { InputError } from './errors.ts';

export interface RegularFileOptions {
  /** The name errors carry (as the user wrote it); default the path. */
  file?: string;
  /** Refuse larger files (default 64 MiB). */
  maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

function cannotRead(err: unknown, file: string): InputError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError('no such file', { file });
  if (code === 'EACCES' || code === 'EPERM') return new InputError('permission denied', { file });
  if (code === 'EISDIR') return new InputError('is a directory, not a file', { file });
  return new InputError(`cannot read: ${code ?? (err as Error).message}`, { file });
}

function checkStats(info: Stats, file: string, maxBytes: number): void {
  if (info.isDirectory()) throw new InputError('is a directory, not a file', { file });
  if (!info.isFile()) throw new InputError('not a regular file (a FIFO, socket or device?)', { file });
  if (info.size > maxBytes) {
    throw new InputError(`larger than ${Math.floor(maxBytes / 1024 / 1024)} MiB`, { file });
  }
}

/** The file's text (UTF-8); InputError when it is missing, not a regular file or too large. */
export async function readRegularFile(absolute: string, opts: RegularFileOptions = {}): Promise<string> {
  return (await readRegularFileBytes(absolute, opts)).toString('utf8');
}

/** readRegularFile's bytes, for a reader that decodes them itself. */
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
    checkStats(await handle.stat(), file, maxBytes);
    return await handle.readFile();
  } catch (err) {
    throw err instanceof InputError ? err : cannotRead(err, file);
  } finally {
    await handle.close();
  }
}

/** Opens `absolute` without blocking, checks it is a regular file within the size, then `use`s it. */
function withRegularFileSync<T>(absolute: string, opts: RegularFileOptions, use: (fd: number) => T): T {
  const file = opts.file ?? absolute;
  let fd: number;
  try {
    fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw cannotRead(err, file);
  }
  try {
    checkStats(fstatSync(fd), file, opts.maxBytes ?? DEFAULT_MAX_BYTES);
    return use(fd);
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
  return withRegularFileSync(absolute, opts, (fd) => readFileSync(fd));
}

/**
 * Throws InputError unless `absolute` is a regular file of at most `maxBytes`: for files a
 * library opens itself (a kubeconfig, a CA bundle). Synchronous, like those libraries.
 */
export function assertRegularFileSync(absolute: string, opts: RegularFileOptions = {}): void {
  withRegularFileSync(absolute, opts, () => undefined);
}
