// Worker-thread entry: parses the intents files it is given and posts back the result, or the
// InputError's parts (a class does not survive the structured clone).
import { parentPort, workerData } from 'node:worker_threads';
import { isInputError } from '../errors.ts';
import type { FoundFile } from './collect-files.ts';
import { parseIntentsFiles } from './load-intents.ts';

const { files, defaultNamespace } = workerData as { files: FoundFile[]; defaultNamespace?: string };
try {
  parentPort?.postMessage({ parsed: parseIntentsFiles(files, defaultNamespace) });
} catch (err) {
  if (isInputError(err)) {
    parentPort?.postMessage({ inputError: { message: err.message, file: err.file, line: err.line } });
  } else {
    parentPort?.postMessage({ crash: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
}
