// argv into a command and its Settings, driven by the flag table: unknown commands and flags
// get "did you mean", a flag the command does not read is an error naming the command, and a
// flag of another source than the one read is an error naming both. Bad usage throws InputError.

import { assertDistinctOutputFiles } from '../deliver/output-files.ts';
import { InputError } from '../errors.ts';
import { findKubeconfig, HOW_TO_OBSERVE } from '../observe/live/kube-locate.ts';
import { defaultSettings, type Settings } from '../settings.ts';
import { splitArgv } from './argv.ts';
import { COMMANDS, type Command } from './command-table.ts';
import { closestNames, didYouMean, editDistance } from './did-you-mean.ts';
import { FLAG_TABLE, flagsOf } from './flag-table.ts';
import { checkSource, needsKubeconfig, refuseClusterWithMapperUrl, resolveSource } from './source-choice.ts';

export { COMMANDS, type Command } from './command-table.ts';

export type ParsedCommand =
  | { command: Command; settings: Settings; given: ReadonlySet<string> }
  | { command: 'help'; topic: Command | undefined; settings: Settings; given: ReadonlySet<string> }
  | { command: 'version'; settings: Settings; given: ReadonlySet<string> };

export interface CommandLineEnv {
  cwd: string;
  colorDefault: boolean;
  variables?: Record<string, string | undefined>;
  /** Whether a file exists (the kubeconfig search); the real file system by default. */
  fileExists?: (file: string) => boolean;
}

function commandNamed(name: string): Command {
  if ((COMMANDS as readonly string[]).includes(name)) return name as Command;
  const near = closestNames(name, COMMANDS).map((c) => `'${c}'`);
  throw new InputError(`unknown command '${name}'${didYouMean(near)} (commands: ${COMMANDS.join(', ')})`);
}

/**
 * The command's own flags come first, unless another command's flag is strictly nearer:
 * `check --apiversion` means export's `--api-version`, not `--version`, and is told so.
 */
function unknownFlag(typed: string, command: Command | undefined): InputError {
  const bare = typed.replace(/^-+/, '');
  const own = command === undefined ? [] : flagsOf(command).map((f) => f.name);
  const nearOwn = closestNames(bare, own);
  const nearAll = closestNames(
    bare,
    FLAG_TABLE.map((f) => f.name),
  ).filter((n) => !own.includes(n));
  const distance = (name: string) => editDistance(bare.toLowerCase(), name);
  const other = nearAll.length > 0 && (nearOwn.length === 0 || distance(nearAll[0]!) < distance(nearOwn[0]!));
  const names = other ? nearAll.map((n) => `--${n}${elsewhere(n, command)}`) : nearOwn.map((n) => `--${n}`);
  const help = command === undefined ? 'intent-drift --help' : `intent-drift ${command} --help`;
  return new InputError(`unknown flag ${typed}${didYouMean(names)} (${help} lists the flags)`);
}

/** ` (a flag of export)` when a suggested flag belongs to other commands than the one given. */
function elsewhere(name: string, command: Command | undefined): string {
  if (command === undefined) return '';
  const where = FLAG_TABLE.find((f) => f.name === name)?.commands ?? [];
  return ` (a flag of ${where.join(', ')})`;
}

/** Reads argv (without `node` and the script) into a command and its settings. */
export function parseCommandLine(argv: string[], env: CommandLineEnv): ParsedCommand {
  const split = splitArgv(argv);
  const settings = defaultSettings(env.cwd);
  const given = new Set(split.flags.keys());
  const [first, ...rest] = split.positionals;
  if (given.has('version')) return { command: 'version', settings, given };
  if (first === undefined && !given.has('help')) {
    // Only a bare `intent-drift` prints the overview with exit 0: a mistyped `--verison`, or
    // flags without a command, did not do what the user asked.
    const typo = split.unknown[0];
    if (typo !== undefined) throw unknownFlag(typo, undefined);
    if (given.size > 0) {
      throw new InputError(`no command: give one of ${COMMANDS.join(', ')} (intent-drift --help lists them)`);
    }
  }
  if (first === 'help' || given.has('help') || first === undefined) {
    const topicName = first === 'help' ? rest[0] : first;
    if (first === 'help' && rest.length > 1) throw new InputError(`unexpected argument '${rest[1]}'`);
    const topic = topicName === undefined ? undefined : commandNamed(topicName);
    return { command: 'help', topic, settings, given };
  }
  const command = commandNamed(first);
  const typo = split.unknown[0];
  if (typo !== undefined) throw unknownFlag(typo, command);
  if (rest.length > 0) throw new InputError(`unexpected argument '${rest[0]}' after ${command}`);

  for (const { flag } of split.flags.values()) {
    if (!flag.commands.includes(command)) {
      const where = flag.commands.filter((c) => c !== command);
      throw new InputError(
        `--${flag.name} does not apply to ${command} (it applies to ${where.join(', ')}); ` +
          `intent-drift ${command} --help lists the flags of ${command}`,
      );
    }
    const needed = flag.requires;
    if (needed && (needed.on === undefined || needed.on.includes(command)) && !given.has(needed.flag)) {
      throw new InputError(`--${flag.name} needs --${needed.flag}${needed.on ? ` with ${command}` : ''}`);
    }
  }

  settings.color = env.colorDefault;
  const ctx = { command, variables: env.variables ?? {} };
  // Table order, not argv order: later entries may refine earlier ones (--no-color after --color).
  for (const flag of FLAG_TABLE) {
    const entry = split.flags.get(flag.name);
    if (entry === undefined) continue;
    if (flag.kind === 'boolean') flag.apply(settings, ctx);
    else if (flag.kind === 'list') flag.apply(settings, entry.values, ctx);
    else flag.apply(settings, entry.values[0] ?? '', ctx);
  }
  // Tokens are read from the environment, never from argv (a flag would show in `ps`).
  const token = ctx.variables[settings.live.prometheusTokenEnv];
  settings.live.prometheusToken = token === '' ? undefined : token;
  const mapperToken = ctx.variables[settings.live.mapperTokenEnv];
  settings.live.mapperToken = mapperToken === '' ? undefined : mapperToken;

  finishCommand(command, settings, given, env);
  return { command, settings, given };
}

/** What one command needs beyond its flags' own values. */
function finishCommand(
  command: Command,
  settings: Settings,
  given: ReadonlySet<string>,
  env: CommandLineEnv,
) {
  const kubeconfig = () =>
    settings.live.kubeconfig !== undefined ||
    findKubeconfig(env.variables ?? {}, env.fileExists) !== undefined;
  if (['check', 'list', 'export', 'visualize', 'capture'].includes(command)) {
    const choice = resolveSource(settings, given, kubeconfig);
    settings.source = choice.source;
    checkSource(command, choice, settings, given);
    if (needsKubeconfig(settings) && !kubeconfig()) {
      throw new InputError(
        `--source ${settings.source} reads the cluster through a kubeconfig: ${HOW_TO_OBSERVE}`,
      );
    }
  }
  if (command === 'reset') refuseClusterWithMapperUrl(settings, given);
  if (command === 'reset' && settings.live.mapperUrl === undefined && !kubeconfig()) {
    throw new InputError(
      'reset needs the mapper: --mapper-url URL, or a kubeconfig (--kubeconfig FILE, $KUBECONFIG or ~/.kube/config; none found)',
    );
  }
  if (command === 'export' && settings.export.outputType === 'dir' && settings.output === undefined) {
    throw new InputError('--output-type dir needs -o DIRECTORY');
  }
  if (command === 'capture' && settings.output === undefined) throw new InputError('capture needs -o FILE');
  assertDistinctOutputFiles(settings.cwd, [
    ['--report', settings.reportFile],
    ['--sarif', settings.sarifFile],
    ['--junit', settings.junitFile],
    ['--write-baseline', settings.writeBaselineFile],
  ]);
}
