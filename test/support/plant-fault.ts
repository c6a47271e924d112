// Loaded with `node --import` into a CLI or action child to plant a bug by hand: the process
// must then exit 2 with "internal error", never 1 (which means drift). INTENT_DRIFT_PLANT says
// which: `writeFile` makes writing a file throw a TypeError (reached by writing the report):
// fs.promises.writeFile, and the write of a file opened with fs.promises.open (the JSON report
// is streamed into one); `uncaught` throws from a timer, outside every try.
import fs from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';

const plant = process.env.INTENT_DRIFT_PLANT;
if (plant === 'writeFile') {
  const broken = async () => {
    throw new TypeError('planted: writeFile is broken');
  };
  fs.writeFile = broken as unknown as typeof fs.writeFile;
  const open = fs.open;
  fs.open = (async (...args: Parameters<typeof fs.open>) => {
    const handle = await open(...args);
    handle.write = broken as unknown as typeof handle.write;
    handle.writeFile = broken as unknown as typeof handle.writeFile;
    return handle;
  }) as typeof fs.open;
  syncBuiltinESMExports();
} else if (plant === 'uncaught') {
  setTimeout(() => {
    throw new RangeError('planted: thrown from a timer');
  }, 0);
}
