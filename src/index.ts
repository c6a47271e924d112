// The action's entry (bundled to dist/index.js): run it.
import { run } from './action/main.ts';

await run();
