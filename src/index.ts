// The action's entry (bundled to dist/index.js): the young generation's size first, then the
// action, loaded only after it (a static import would load every module first; young-generation.ts).
// An action that cannot be loaded is exit 2, not Node's 1 (load-program.ts).
import { loadProgram } from './load-program.ts';
import { keepYoungGenerationSmall } from './young-generation.ts';

keepYoungGenerationSmall();
const { exitTwoOnCrash, run } = await loadProgram(() => import('./action/main.ts'));
exitTwoOnCrash();
await run();
