// Runs the CLI in-process with captured output, as a test would see a terminal.
import path from 'node:path';
import { main } from '../../src/cli/main.ts';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string> } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd: opts.cwd ?? repoRoot,
    env: opts.env ?? {},
    stdoutIsTTY: false,
    write: (t) => {
      stdout += t;
    },
    writeError: (t) => {
      stderr += t;
    },
  });
  return { code, stdout, stderr };
}
