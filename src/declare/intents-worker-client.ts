// Runs parseIntentsFiles in worker threads beside this one. From source the worker is
// intents-worker.ts beside this file; in the bundle (dist/cli.js, dist/index.js) it is
// dist/intents-worker.js. Without the worker file (another bundler) or a second core, the files
// are parsed on this thread alone.
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

/**
 * The share of the files the workers take; this thread parses the rest meanwhile (and reads
 * metrics, in a check). On the 2,000-file benchmark with 2 cores, 40% to 60% ran about 15%
 * faster than a worker with everything (each thread pays its own cold start of the parser).
 */
const WORKER_SHARE = 0.5;

type Reply = WorkerReply | { parsed: ParsedFile[] };

/**
 * Parses the files with worker threads (one per further core) and this thread, keeping file
 * order. The first bad file in file order decides the error, as it would on one thread.
 */
export async function parseFilesInWorkers(
  files: FoundFile[],
  defaultNamespace: string | undefined,
  parseHere: (files: FoundFile[], defaultNamespace: string | undefined) => ParsedFile[],
): Promise<ParsedFile[]> {
  const url = workerUrl();
  const workers = Math.min(availableParallelism() - 1, files.length);
  if (url === undefined || workers < 1) return parseHere(files, defaultNamespace);
  const forWorkers = Math.ceil(files.length * WORKER_SHARE);
  const size = Math.ceil(forWorkers / workers);
  const slices = Array.from({ length: workers }, (_, i) =>
    files.slice(i * size, Math.min((i + 1) * size, forWorkers)),
  );
  const pending = slices
    .filter((slice) => slice.length > 0)
    .map((slice) => runWorker(url, slice, defaultNamespace));
  const here = replyOf(() => parseHere(files.slice(forWorkers), defaultNamespace));
  const replies: Reply[] = [...(await Promise.all(pending)), here];
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

/** This thread's share, as a worker would answer, so errors keep file order. */
function replyOf(parse: () => ParsedFile[]): Reply {
  try {
    return { parsed: parse() };
  } catch (err) {
    if (err instanceof InputError) {
      return {
        inputError: {
          message: err.message,
          ...(err.file === undefined ? {} : { file: err.file }),
          ...(err.line === undefined ? {} : { line: err.line }),
        },
      };
    }
    throw err;
  }
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
