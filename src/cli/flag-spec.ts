// The shape of one command-line flag. Each flag is one entry (flags-observed.ts,
// flags-intents.ts, flags-verdict.ts, flags-output.ts): the parser, the per-command check, `--help` and docs/cli.md all read it,
// so a flag cannot be parsed without being documented, or documented for a command that
// ignores it.
import { InputError } from '../errors.ts';
import type { Settings, SourceKind } from '../settings.ts';
import type { Command } from './command-table.ts';

export type FlagGroup = 'observed' | 'intents' | 'verdict' | 'output' | 'general';

export const FLAG_GROUPS: readonly { group: FlagGroup; title: string }[] = [
  { group: 'observed', title: 'Where the observed calls come from' },
  { group: 'intents', title: 'Declared intents and scope' },
  { group: 'verdict', title: 'Verdict and drift controls' },
  { group: 'output', title: 'Output' },
  { group: 'general', title: 'General' },
];

export interface ApplyContext {
  command: Command;
  /** The process environment (for `--prometheus-token-env`). */
  variables: Record<string, string | undefined>;
}

interface FlagBase {
  /** The long name, without `--`. */
  name: string;
  /** One letter, without `-`. */
  short?: string;
  /** The value's placeholder in help (`PATH`); absent for a boolean flag. */
  value?: string;
  group: FlagGroup;
  /** The commands that read it; given to any other command it is an error naming the command. */
  commands: readonly Command[];
  /** Only meaningful with these sources: given with another one it is an error. */
  sources?: readonly SourceKind[];
  /** Needs another flag (`--prune-stale` needs `--fix`), on every command or on the ones listed. */
  requires?: { flag: string; on?: readonly Command[] };
  /** One line. */
  help: string;
  /** A command's own wording, where the flag means something else there (`--format`). */
  helpFor?: Partial<Record<Command, string>>;
}

/** Repeatable flags collect every value; the others are given at most once. */
export type FlagSpec =
  | (FlagBase & { kind: 'boolean'; apply(settings: Settings, ctx: ApplyContext): void })
  | (FlagBase & { kind: 'string'; apply(settings: Settings, value: string, ctx: ApplyContext): void })
  | (FlagBase & { kind: 'list'; apply(settings: Settings, values: string[], ctx: ApplyContext): void });

/** `--name VALUE` or `--name` as help shows it. */
export function flagSignature(flag: FlagSpec): string {
  const long = `--${flag.name}${flag.value === undefined ? '' : ` ${flag.value}`}`;
  return flag.short === undefined ? long : `-${flag.short}, ${long}`;
}

/** The flag's line for one command (its own wording where it has one). */
export function flagHelp(flag: FlagSpec, command?: Command): string {
  const own = command === undefined ? undefined : flag.helpFor?.[command];
  return own ?? flag.help;
}

export function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(`--${flag} must be one of ${allowed.join(', ')} (got '${value}')`);
}

export function wholeNumber(flag: string, value: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `of ${min} or more` : `from ${min} to ${max}`;
    throw new InputError(`--${flag} must be a whole number ${range} (got '${value}')`);
  }
  return n;
}

/** A path value: `-` (stdin) only where the flag reads stdin. */
export function filePath(flag: string, value: string, stdin = false): string {
  if (value === '-' && !stdin) {
    throw new InputError(`--${flag} does not read stdin: give a file name instead of '-'`);
  }
  if (value === '') throw new InputError(`--${flag} needs a non-empty value`);
  return value;
}
