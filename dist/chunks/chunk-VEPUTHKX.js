import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  InputError
} from "./chunk-3OLJVOZR.js";

// src/regular-file.ts
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { open } from "node:fs/promises";
var MIB = 1024 * 1024;
var DEFAULT_MAX_BYTES = 64 * MIB;
function cannotRead(err, file) {
  const code = err.code;
  if (code === "ENOENT") return new InputError("no such file", { file });
  if (code === "EACCES" || code === "EPERM") return new InputError("permission denied", { file });
  if (code === "EISDIR") return new InputError("is a directory, not a file", { file });
  return new InputError(`cannot read: ${code ?? err.message}`, { file });
}
function tooLarge(maxBytes, file) {
  const limit = maxBytes % MIB === 0 ? `${maxBytes / MIB} MiB` : `${maxBytes} bytes`;
  return new InputError(`larger than ${limit}`, { file });
}
function checkStats(info, file, maxBytes) {
  if (info.isDirectory()) throw new InputError("is a directory, not a file", { file });
  if (!info.isFile()) throw new InputError("not a regular file (a FIFO, socket or device?)", { file });
  if (info.size > maxBytes) throw tooLarge(maxBytes, file);
}
function readAtMost(fd, size, maxBytes, file) {
  const limit = maxBytes + 1;
  let buffer = Buffer.allocUnsafe(Math.min(Math.max(size + 1, 1024), limit));
  let total = 0;
  for (; ; ) {
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
async function readRegularFile(absolute, opts = {}) {
  return (await readRegularFileBytes(absolute, opts)).toString("utf8");
}
async function readRegularFileBytes(absolute, opts = {}) {
  const file = opts.file ?? absolute;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let handle;
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
function withRegularFileSync(absolute, opts, use) {
  const file = opts.file ?? absolute;
  let fd;
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
function readRegularFileBytesSync(absolute, opts = {}) {
  return withRegularFileSync(absolute, opts, readAtMost);
}
function assertRegularFileSync(absolute, opts = {}) {
  withRegularFileSync(absolute, opts, () => void 0);
}

export {
  readAtMost,
  readRegularFile,
  readRegularFileBytes,
  readRegularFileBytesSync,
  assertRegularFileSync
};
