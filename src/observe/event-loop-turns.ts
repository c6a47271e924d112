// A capture read in place is read with synchronous reads, so nothing else on the main thread
// runs until the read awaits something that is not already settled. The check reads the intents
// beside it (their files listed on the thread pool), and bad intents abort the read: for that the
// read gives the event loop a turn now and then, and stops at its next turn once aborted.

/** How long a read goes on before it gives the event loop a turn. */
export const YIELD_EVERY_MS = 50;

export class EventLoopTurns {
  readonly signal: AbortSignal;
  private readonly everyMs: number;
  private last = performance.now();

  constructor(signal: AbortSignal, everyMs: number) {
    this.signal = signal;
    this.everyMs = everyMs;
  }

  /** A turn of the event loop when everyMs went by since the last; then rejects if aborted. */
  async take(): Promise<void> {
    if (performance.now() - this.last >= this.everyMs) {
      await new Promise((resolve) => setImmediate(resolve));
      this.last = performance.now();
    }
    this.signal.throwIfAborted();
  }

  /** Whether `err` is this abort's reason (to be passed on as it is, not as a read error). */
  isAbort(err: unknown): boolean {
    return this.signal.aborted && err === this.signal.reason;
  }
}

/** The chunks, with a turn before each. */
export async function* withTurns<T>(chunks: Iterable<T>, turns: EventLoopTurns): AsyncGenerator<T> {
  for (const chunk of chunks) {
    await turns.take();
    yield chunk;
  }
}
