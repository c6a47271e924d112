// Which names intent-drift takes for the branch of its pull request (`pr-branch`): letters,
// digits, `.`, `_`, `-` and `/`, and of those only what git takes for a branch
// (`git check-ref-format --branch`, git's refs.c check_refname_component), so that a name GitHub
// would refuse with a 422 after the check has run is refused before it, with the reason.

const BRANCH_CHARACTERS = /^[A-Za-z0-9._/-]+$/;

/** Why git would refuse `name` as a branch name, or undefined when it is a valid one. */
export function branchNameProblem(name: string): string | undefined {
  if (!BRANCH_CHARACTERS.test(name)) return 'use letters, digits, ".", "_", "-" and "/" only';
  if (name.startsWith('-')) return 'a branch name cannot start with "-"';
  if (name === 'HEAD') return 'HEAD is not a branch name';
  if (name.includes('..')) return 'it holds ".."';
  if (name.endsWith('.')) return 'a branch name cannot end with "."';
  for (const part of name.split('/')) {
    if (part === '') return 'it starts or ends with "/", or holds "//"';
    if (part.startsWith('.')) return `its part "${part}" starts with "."`;
    if (part.endsWith('.lock')) return `its part "${part}" ends with ".lock"`;
  }
  return undefined;
}
