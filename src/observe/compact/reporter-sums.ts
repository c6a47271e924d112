// Counter sums per (call, reporter). A call has one or two reporters (its client's sidecar, its
// server's), so the first two live in plain arrays indexed by call; a third and beyond (a
// waypoint, say) go to a table. One series costs an array lookup, not a hash lookup.
import { TupleTable } from './tuple-table.ts';

const NONE = -1;

function grownInt(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(Math.max(size, a.length * 2)).fill(NONE);
  b.set(a);
  return b;
}

function grownFloat(a: Float64Array, size: number): Float64Array {
  const b = new Float64Array(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}

export class ReporterSums {
  private first: Int32Array = new Int32Array(1024).fill(NONE);
  private firstSum: Float64Array = new Float64Array(1024);
  private second: Int32Array = new Int32Array(1024).fill(NONE);
  private secondSum: Float64Array = new Float64Array(1024);
  private readonly more = new TupleTable(2);
  private moreSum: Float64Array = new Float64Array(16);
  private readonly key = new Int32Array(2);
  /** One more than the largest call index seen. */
  private calls = 0;

  add(call: number, reporter: number, value: number): void {
    if (call >= this.first.length) {
      this.first = grownInt(this.first, call + 1);
      this.second = grownInt(this.second, call + 1);
      this.firstSum = grownFloat(this.firstSum, call + 1);
      this.secondSum = grownFloat(this.secondSum, call + 1);
    }
    if (call >= this.calls) this.calls = call + 1;
    const a = this.first[call]!;
    if (a === reporter || a === NONE) {
      this.first[call] = reporter;
      this.firstSum[call] = this.firstSum[call]! + value;
      return;
    }
    const b = this.second[call]!;
    if (b === reporter || b === NONE) {
      this.second[call] = reporter;
      this.secondSum[call] = this.secondSum[call]! + value;
      return;
    }
    this.key[0] = call;
    this.key[1] = reporter;
    const at = this.more.intern(this.key);
    if (at >= this.moreSum.length) this.moreSum = grownFloat(this.moreSum, at + 1);
    this.moreSum[at] = this.moreSum[at]! + value;
  }

  /** Every (call, reporter) sum: by call, then the order the reporters came in. */
  *entries(): Generator<{ call: number; reporter: number; sum: number }> {
    for (let call = 0; call < this.calls; call++) {
      if (this.first[call] !== NONE) yield { call, reporter: this.first[call]!, sum: this.firstSum[call]! };
      if (this.second[call] !== NONE)
        yield { call, reporter: this.second[call]!, sum: this.secondSum[call]! };
    }
    for (let i = 0; i < this.more.size; i++) {
      yield { call: this.more.at(i, 0), reporter: this.more.at(i, 1), sum: this.moreSum[i]! };
    }
  }

  /** Each of `calls` calls' largest sum, 0 when none is positive. */
  largest(calls: number): Float64Array {
    const out = new Float64Array(calls);
    for (let call = 0; call < Math.min(calls, this.calls); call++) {
      if (this.first[call] !== NONE && this.firstSum[call]! > out[call]!) out[call] = this.firstSum[call]!;
      if (this.second[call] !== NONE && this.secondSum[call]! > out[call]!) out[call] = this.secondSum[call]!;
    }
    for (let i = 0; i < this.more.size; i++) {
      const call = this.more.at(i, 0);
      if (this.moreSum[i]! > out[call]!) out[call] = this.moreSum[i]!;
    }
    return out;
  }

  /** How many (call, reporter) sums there are. */
  get size(): number {
    let n = this.more.size;
    for (let call = 0; call < this.calls; call++) {
      if (this.first[call] !== NONE) n++;
      if (this.second[call] !== NONE) n++;
    }
    return n;
  }
}
