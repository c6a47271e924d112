// Runs parseIntentsFiles in a worker thread. From source the worker is intents-worker.ts beside
// this file; in the bundle (dist/cli.js, dist/index.js) it is dist/intents-worker.js. When the
// worker file is not there (another bundler), the files are parsed on this thread instead.
import { existsSync } from 'node:fs';
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

export async function parseFilesInWorker(
  files: FoundFile[],
  defaultNamespace: string | undefined,
): Promise<ParsedFile[]> {
  const url = workerUrl();
  if (url === undefined) {
    const { parseIntentsFiles } = await import('./load-intents.ts');
    return parseIntentsFiles(files, defaultNamespace);
  }
  const reply = await new Promise<WorkerReply>((resolve, reject) => {
    const worker = new Worker(url, { workerData: { files, defaultNamespace } });
    worker.once('message', (message: WorkerReply) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`intents worker exited with code ${code}`)));
  });
  if ('parsed' in reply) return reply.parsed;
  if ('inputError' in reply) {
    const { message, file, line } = reply.inputError;
    throw new InputError(message, {
      ...(file === undefined ? {} : { file }),
      ...(line === undefined ? {} : { line }),
    });
  }
  throw new Error(`intents worker failed: ${reply.crash}`);
}
