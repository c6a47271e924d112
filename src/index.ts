// The action's entry (bundled to dist/index.js): run it.
import { exitTwoOnCrash, run } from './action/main.ts';

exitTwoOnCrash();
await run();
