// What a CLI command needs from the process: its folder, environment and the two output
// streams. src/cli/entry.ts gives the real ones; tests give strings.
export interface CliIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  stderrIsTTY?: boolean;
  write(text: string): void;
  writeError(text: string): void;
}
