// The action's entry (bundled to dist/index.js): run it.
import { run } from './main.ts';

await run();
