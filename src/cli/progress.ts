// Progress of a live read on stderr: one line redrawn in place on a terminal, a single summary
// line otherwise (CI logs should not fill with carriage returns).

import { type Observation, observeInScope, type ProgressListener } from '../pipeline.ts';
import type { Settings } from '../settings.ts';
import type { CliIo } from './cli-io.ts';

export interface ProgressLine {
  listener: ProgressListener;
  /** Ends the line (terminal) or prints the summary (log). */
  finish(): void;
}

const PHASE = {
  single: 'reading sidecars',
  first: 'first reading',
  waiting: 'waiting for traffic',
  second: 'second reading',
};

export function progressLine(write: (text: string) => void, isTTY: boolean): ProgressLine {
  let last: { reading: keyof typeof PHASE; done: number; total: number } | undefined;
  const started = Date.now();
  return {
    listener(p) {
      last = p;
      if (isTTY) write(`\r\x1b[K${PHASE[p.reading]}: ${p.done}/${p.total} pods`);
    },
    finish() {
      if (last === undefined) return;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (isTTY) write(`\r\x1b[K`);
      write(`read ${last.done}/${last.total} meshed pods in ${seconds}s\n`);
    },
  };
}

/** Runs a read with a progress line on stderr, ended whether the read succeeds or not. */
export async function withProgress<T>(
  io: CliIo,
  read: (listener: ProgressListener) => Promise<T>,
): Promise<T> {
  const progress = progressLine(io.writeError, io.stderrIsTTY === true);
  try {
    return await read(progress.listener);
  } finally {
    progress.finish();
  }
}

/**
 * Observes with a progress line on stderr (live sources report progress; files do not);
 * nothing observed in scope is an error (see observeInScope).
 */
export function observeWithProgress(settings: Settings, io: CliIo): Promise<Observation> {
  return withProgress(io, (listener) => observeInScope(settings, listener));
}
