// Report files one run writes (JSON, SARIF, JUnit, a baseline): two names for one file would
// leave only the format written last, so the CLI and the action refuse them up front.
import path from 'node:path';
import { InputError } from '../errors.ts';

/** `outputs`: [the flag or input that names it, the file or undefined]. Throws on a shared file. */
export function assertDistinctOutputFiles(
  cwd: string,
  outputs: readonly [string, string | undefined][],
): void {
  const seen = new Map<string, string>();
  for (const [name, file] of outputs) {
    if (file === undefined) continue;
    const absolute = path.resolve(cwd, file);
    const earlier = seen.get(absolute);
    if (earlier !== undefined) {
      throw new InputError(`${earlier} and ${name} name the same file (${file}): give each its own`);
    }
    seen.set(absolute, name);
  }
}
