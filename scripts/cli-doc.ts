// Writes docs/cli.md from the command and flag tables (`npm run docs:cli`);
// test/cli/cli-reference.test.ts fails when the committed file differs.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderCliReference } from '../src/cli/cli-reference.ts';

const file = path.resolve(import.meta.dirname, '..', 'docs', 'cli.md');
writeFileSync(file, renderCliReference());
console.log(`wrote ${path.relative(process.cwd(), file)}`);
