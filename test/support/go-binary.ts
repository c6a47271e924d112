// The machine's Go, for the tests that check the check against Go's own libraries
// (test/yaml/kubectl-oracle.test.ts, test/declare/go-time-oracle.test.ts): on PATH, or where
// Debian's golang-go puts it. Undefined without Go; those tests are then skipped.
import { existsSync } from 'node:fs';
import path from 'node:path';

export function goBinary(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).concat('/usr/lib/go/bin')) {
    if (existsSync(path.join(dir, 'go'))) return path.join(dir, 'go');
  }
  return undefined;
}
