// The action's entry (bundled to dist/index.js): the young generation's size first, then the
// action, loaded only after it (a static import would load every module first; young-generation.ts).
import { keepYoungGenerationSmall } from './young-generation.ts';

keepYoungGenerationSmall();
const { exitTwoOnCrash, run } = await import('./action/main.ts');
exitTwoOnCrash();
await run();
