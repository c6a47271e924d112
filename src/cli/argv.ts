// Splits argv into positionals and the flags of the flag table, as users type them:
// `--name VALUE`, `--name=VALUE`, `-n VALUE`, `--bool`, and `--` before positionals that start
// with `-`. A value may be `-` (stdin) but not another flag. Unknown flags are kept as
// problems, so the caller can name the command when it suggests the closest flag.
import { InputError } from '../errors.ts';
import type { FlagSpec } from './flag-spec.ts';
import { flagByName, flagByShort } from './flag-table.ts';

export interface GivenFlag {
  flag: FlagSpec;
  /** Every value in order (repeatable flags); empty for a boolean flag. */
  values: string[];
}

export interface SplitArgv {
  positionals: string[];
  /** In the order first given. */
  flags: Map<string, GivenFlag>;
  /** Flags the table does not know, as typed (`--metric`, `-x`). */
  unknown: string[];
}

function looksLikeFlag(arg: string): boolean {
  return arg.startsWith('-') && arg !== '-' && !/^-\d/.test(arg);
}

export function splitArgv(argv: readonly string[]): SplitArgv {
  const out: SplitArgv = { positionals: [], flags: new Map(), unknown: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!looksLikeFlag(arg)) {
      out.positionals.push(arg);
      continue;
    }
    const long = arg.startsWith('--');
    const eq = arg.indexOf('=');
    const name = long ? arg.slice(2, eq === -1 ? undefined : eq) : arg.slice(1, eq === -1 ? undefined : eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    const flag = long ? flagByName(name) : name.length === 1 ? flagByShort(name) : undefined;
    if (flag === undefined) {
      out.unknown.push(long ? `--${name}` : `-${name}`);
      continue;
    }
    const shown = long ? `--${flag.name}` : `-${flag.short}`;
    let given = out.flags.get(flag.name);
    if (given !== undefined && flag.kind !== 'list') {
      throw new InputError(`${shown} is given twice: give it once`);
    }
    given ??= { flag, values: [] };
    out.flags.set(flag.name, given);
    if (flag.kind === 'boolean') {
      if (inline !== undefined) throw new InputError(`${shown} takes no value (got '${inline}')`);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || looksLikeFlag(next)) {
        throw new InputError(`${shown} needs a value (${flag.value ?? 'VALUE'})`);
      }
      value = next;
      i++;
    }
    given.values.push(value);
  }
  return out;
}
