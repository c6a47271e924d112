// The one flag table: every flag of every command, in the order help and docs/cli.md list
// them. To add a flag, add one entry to its group's list (flags-observed.ts, flags-intents.ts,
// flags-verdict.ts, flags-output.ts).
import type { Command } from './command-table.ts';
import type { FlagSpec } from './flag-spec.ts';
import { INTENTS_FLAGS } from './flags-intents.ts';
import { OBSERVED_FLAGS } from './flags-observed.ts';
import { GENERAL_FLAGS, OUTPUT_FLAGS } from './flags-output.ts';
import { VERDICT_FLAGS } from './flags-verdict.ts';

export const FLAG_TABLE: readonly FlagSpec[] = [
  ...OBSERVED_FLAGS,
  ...INTENTS_FLAGS,
  ...VERDICT_FLAGS,
  ...OUTPUT_FLAGS,
  ...GENERAL_FLAGS,
];

export function flagByName(name: string): FlagSpec | undefined {
  return FLAG_TABLE.find((f) => f.name === name);
}

export function flagByShort(letter: string): FlagSpec | undefined {
  return FLAG_TABLE.find((f) => f.short === letter);
}

/** The flags a command reads, in table order. */
export function flagsOf(command: Command): FlagSpec[] {
  return FLAG_TABLE.filter((f) => f.commands.includes(command));
}
