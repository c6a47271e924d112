// The CLI's entry (bundled to dist/cli.js): the young generation's size first, then the CLI,
// loaded only after it (a static import would load every module first; young-generation.ts).
// A CLI that cannot be loaded is exit 2, not Node's 1 (load-program.ts).
import { loadProgram } from '../load-program.ts';
import { keepYoungGenerationSmall } from '../young-generation.ts';

keepYoungGenerationSmall();
const { runCli } = await loadProgram(() => import('./cli-process.ts'));
await runCli();
