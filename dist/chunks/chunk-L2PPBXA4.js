import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  InputError
} from "./chunk-3OLJVOZR.js";

// src/regular-file.ts
import { closeSync, constants, fstatSync, openSync, readFileSync } from "node:fs";
import { open } from "node:fs/promises";
var DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
function cannotRead(err, file) {
  const code = err.code;
  if (code === "ENOENT") return new InputError("no such file", { file });
  if (code === "EACCES" || code === "EPERM") return new InputError("permission denied", { file });
  if (code === "EISDIR") return new InputError("is a directory, not a file", { file });
  return new InputError(`cannot read: ${code ?? err.message}`, { file });
}
function checkStats(info, file, maxBytes) {
  if (info.isDirectory()) throw new InputError("is a directory, not a file", { file });
  if (!info.isFile()) throw new InputError("not a regular file (a FIFO, socket or device?)", { file });
  if (info.size > maxBytes) {
    throw new InputError(`larger than ${Math.floor(maxBytes / 1024 / 1024)} MiB`, { file });
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
    checkStats(await handle.stat(), file, maxBytes);
    return await handle.readFile();
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
    checkStats(fstatSync(fd), file, opts.maxBytes ?? DEFAULT_MAX_BYTES);
    return use(fd);
  } catch (err) {
    throw err instanceof InputError ? err : cannotRead(err, file);
  } finally {
    closeSync(fd);
  }
}
function readRegularFileBytesSync(absolute, opts = {}) {
  return withRegularFileSync(absolute, opts, (fd) => readFileSync(fd));
}
function assertRegularFileSync(absolute, opts = {}) {
  withRegularFileSync(absolute, opts, () => void 0);
}

export {
  readRegularFile,
  readRegularFileBytes,
  readRegularFileBytesSync,
  assertRegularFileSync
};
