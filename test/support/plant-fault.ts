// Loaded with `node --import` into a CLI or action child to plant a bug by hand: the process
// must then exit 2 with "internal error", never 1 (which means drift). INTENT_DRIFT_PLANT says
// which: `writeFile` makes fs.promises.writeFile throw a TypeError (reached by writing the report);
// `uncaught` throws from a timer, outside every try.
import fs from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';

const plant = process.env.INTENT_DRIFT_PLANT;
if (plant === 'writeFile') {
  fs.writeFile = (async () => {
    throw new TypeError('planted: writeFile is broken');
  }) as unknown as typeof fs.writeFile;
  syncBuiltinESMExports();
} else if (plant === 'uncaught') {
  setTimeout(() => {
    throw new RangeError('planted: thrown from a timer');
  }, 0);
}
