// A call to a Service of the mesh that no workload answered (the caller's sidecar writes 503 UH,
// `no healthy upstream`, while the Service has no ready endpoint) is a call to that Service, not
// to an external host: it joins the workload the same Service leads to in the other calls, or,
// when none or several do, it is listed as a call to the Service itself (kind Service), as an
// intent naming the Service would. Calls that become equal have their counts added per
// reporter, before the largest reporter's sum is taken.
import {
  CALL_WIDTH,
  type CallTables,
  F_HOST,
  F_SERVER_NAME,
  F_SERVER_NS,
  F_SERVICE_NAME,
  F_SERVICE_NS,
} from './call-tables.ts';
import { ReporterSums } from './reporter-sums.ts';
import { TupleTable } from './tuple-table.ts';

/** The field a call table with attributed calls has beyond CALL_WIDTH: what the server is. */
export const F_KIND = CALL_WIDTH;
/** F_KIND of a call whose server is the Service itself (0: a workload, or no server). */
export const SERVICE_KIND = 1;

/** Calls as keptCalls reads them: `width` ids per call, and each call's count. */
export interface AttributedCalls {
  t: Int32Array;
  /** CALL_WIDTH, or CALL_WIDTH + 1 when the calls carry F_KIND. */
  width: number;
  counts: Float64Array;
  /** Calls (with a positive count) now listed as calls to the Service itself. */
  toService: number;
}

/** Whether the call went to `<service>.<namespace>.svc.<cluster domain>` with no workload answering. */
function toMeshService(t: Int32Array, b: number, s: (id: number) => string): boolean {
  const service = t[b + F_SERVICE_NAME]!;
  const host = t[b + F_HOST]!;
  if (t[b + F_SERVER_NAME] !== -1 || service === -1 || host === -1) return false;
  return s(host).startsWith(`${s(service)}.${s(t[b + F_SERVICE_NS]!)}.svc.`);
}

/**
 * The tables' calls with each unanswered call to a mesh Service given its server. Most reads
 * have none: their calls and counts are the tables' own, not copied.
 */
export function attributeServiceCalls(tables: CallTables): AttributedCalls {
  const t = tables.calls.entries();
  const n = tables.calls.size;
  const s = (id: number) => tables.strings.value(id);
  const unanswered: number[] = [];
  for (let c = 0; c < n; c++) if (toMeshService(t, c * CALL_WIDTH, s)) unanswered.push(c);
  const counts = tables.callCounts();
  if (unanswered.length === 0) return { t, width: CALL_WIDTH, counts, toService: 0 };

  // The workloads behind each Service, as the answered calls show them: the first, and whether another.
  const services = new TupleTable(2);
  const key = new Int32Array(2);
  let behind: Int32Array = new Int32Array(2 * 64);
  let several: Uint8Array = new Uint8Array(64);
  for (let c = 0; c < n; c++) {
    const b = c * CALL_WIDTH;
    if (t[b + F_SERVER_NAME] === -1 || t[b + F_SERVICE_NAME] === -1) continue;
    key[0] = t[b + F_SERVICE_NAME]!;
    key[1] = t[b + F_SERVICE_NS]!;
    const i = services.intern(key);
    if (2 * i + 1 >= behind.length) {
      behind = grownInt(behind);
      several = grownBytes(several);
    }
    if (services.added) {
      behind[2 * i] = t[b + F_SERVER_NAME]!;
      behind[2 * i + 1] = t[b + F_SERVER_NS]!;
    } else if (behind[2 * i] !== t[b + F_SERVER_NAME] || behind[2 * i + 1] !== t[b + F_SERVER_NS]) {
      several[i] = 1;
    }
  }

  const width = CALL_WIDTH + 1;
  const merged = new TupleTable(width, n);
  const into = new Int32Array(n);
  const call = new Int32Array(width);
  let toService = 0;
  let next = 0;
  for (let c = 0; c < n; c++) {
    const b = c * CALL_WIDTH;
    for (let f = 0; f < CALL_WIDTH; f++) call[f] = t[b + f]!;
    call[F_KIND] = 0;
    if (c === unanswered[next]) {
      next++;
      key[0] = t[b + F_SERVICE_NAME]!;
      key[1] = t[b + F_SERVICE_NS]!;
      const i = services.find(key);
      if (i !== -1 && several[i] === 0) {
        call[F_SERVER_NAME] = behind[2 * i]!;
        call[F_SERVER_NS] = behind[2 * i + 1]!;
      } else {
        call[F_SERVER_NAME] = key[0];
        call[F_SERVER_NS] = key[1];
        call[F_KIND] = SERVICE_KIND;
        if (counts[c]! > 0) toService++;
      }
      call[F_HOST] = -1;
    }
    into[c] = merged.intern(call);
  }
  const sums = new ReporterSums();
  for (const e of tables.reporterSums()) sums.add(into[e.call]!, e.reporter, e.sum);
  return { t: merged.entries(), width, counts: sums.largest(merged.size), toService };
}

function grownInt(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

function grownBytes(a: Uint8Array): Uint8Array {
  const b = new Uint8Array(a.length * 2);
  b.set(a);
  return b;
}
