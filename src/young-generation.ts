// The size of V8's young generation for a whole run of the CLI or the action. The two entries
// (src/cli/entry.ts, src/index.ts) set it first and only then load the rest, whose loading
// already grows the young generation (the action's bundle grew it to 8 MiB when the setting came
// after its imports); so do the benchmark's children, which run what the entries run.
//
// By default V8 lets the young generation grow with the heap's limit: on a machine with 24 GiB
// it reached 128 MiB of new space (measured with v8.getHeapSpaceStatistics()), about a third of
// a large check's peak RSS. With the growth factor at 1 the new space stays at its first size
// (2 MiB measured; 3.5 to 8.5 MiB in about one run of fifteen), in the metrics workers too, which
// start later: on a quiet machine the high-cardinality benchmark's text check peaked at 255 to
// 265 MiB instead of 358 to 390, at about the same speed (docs/performance-log.md, the twelfth
// session).
//
// A Node.js command-line flag cannot be given to the action (`runs.using: node24` takes none), and
// `--max-semi-space-size` set at run time does nothing (V8 reads it once, when the heap is made).
// The growth factor is read at each growth, so setting it at run time works: on the command line,
// `--semi-space-growth-factor=1` had no effect in the same measurements. A Node.js whose V8 no
// longer reads it loses the saving, nothing else: test/unit/young-generation.test.ts says so.
import { setFlagsFromString } from 'node:v8';

const YOUNG_GENERATION_FLAG = '--semi-space-growth-factor=1';

export function keepYoungGenerationSmall(): void {
  setFlagsFromString(YOUNG_GENERATION_FLAG);
}
