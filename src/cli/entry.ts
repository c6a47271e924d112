// The CLI's entry (bundled to dist/cli.js): the young generation's size first, then the CLI,
// loaded only after it (a static import would load every module first; young-generation.ts).
import { keepYoungGenerationSmall } from '../young-generation.ts';

keepYoungGenerationSmall();
await import('./cli-process.ts');
