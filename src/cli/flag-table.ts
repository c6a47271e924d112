// The one flag table: every flag of every command, in the order help and docs/cli.md list
// them. To add a flag, add one entry to the group's list (flags-observed.ts, flags-report.ts).
import type { Command } from './command-table.ts';
import type { FlagSpec } from './flag-spec.ts';
import { OBSERVED_FLAGS } from './flags-observed.ts';
import { GENERAL_FLAGS, INTENTS_FLAGS, OUTPUT_FLAGS, VERDICT_FLAGS } from './flags-report.ts';

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
