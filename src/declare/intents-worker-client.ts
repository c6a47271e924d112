// Runs parseIntentsFiles in worker threads. From source the worker is intents-worker.ts beside
// this file; in the bundle (dist/cli.js, dist/index.js) it is dist/intents-worker.js. When the
// worker file is not there (another bundler), the files are parsed on this thread instead.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError } from '../errors.ts';
import type { FoundFile } from './collect-files.ts';
import type { ParsedFile } from './load-intents.ts';

type WorkerReply =
  | { parsed: ParsedFile[] }
  | { inputError: { message: string; file?: string; line?: number } }
  | { crash: string };

function workerUrl(): URL | undefined {
  const here = import.meta.url;
  const url = new URL(here.endsWith('.ts') ? './intents-worker.ts' : './intents-worker.js', here);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

/** Files one worker should have at least: below that its start-up costs more than it saves. */
const FILES_PER_WORKER = 400;

/**
 * Parses the files in worker threads (one per core, at most one per FILES_PER_WORKER files), in
 * order. The first bad file in file order decides the error, as it would on one thread.
 */
export async function parseFilesInWorkers(
  files: FoundFile[],
  defaultNamespace: string | undefined,
): Promise<ParsedFile[]> {
  const url = workerUrl();
  if (url === undefined) {
    const { parseIntentsFiles } = await import('./load-intents.ts');
    return parseIntentsFiles(files, defaultNamespace);
  }
  const count = Math.max(1, Math.min(availableParallelism(), Math.ceil(files.length / FILES_PER_WORKER)));
  const size = Math.ceil(files.length / count);
  const slices = Array.from({ length: count }, (_, i) => files.slice(i * size, (i + 1) * size));
  const replies = await Promise.all(slices.map((slice) => runWorker(url, slice, defaultNamespace)));
  const parsed: ParsedFile[] = [];
  for (const reply of replies) {
    if ('inputError' in reply) {
      const { message, file, line } = reply.inputError;
      throw new InputError(message, {
        ...(file === undefined ? {} : { file }),
        ...(line === undefined ? {} : { line }),
      });
    }
    if ('crash' in reply) throw new Error(`intents worker failed: ${reply.crash}`);
    parsed.push(...reply.parsed);
  }
  return parsed;
}

function runWorker(url: URL, files: FoundFile[], defaultNamespace: string | undefined): Promise<WorkerReply> {
  return new Promise<WorkerReply>((resolve, reject) => {
    const worker = new Worker(url, { workerData: { files, defaultNamespace } });
    worker.once('message', (message: WorkerReply) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`intents worker exited with code ${code}`)));
  });
}
