// The suggested change to the intents files as one unified diff (git's a/ b/ names, /dev/null
// for a new file), for the PR comment, the job summary and the auto-opened PR's body.
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

export interface FileChange {
  file: string;
  /** Null for a file that does not exist yet. */
  before: string | null;
  after: string;
}

export function suggestedPatch(changes: FileChange[]): string {
  return changes
    .filter((c) => c.before !== c.after)
    .map((c) => {
      const oldName = c.before === null ? '/dev/null' : `a/${c.file}`;
      // File headers only (no `Index:`/`===` preamble), as `git apply` and GitHub's diff view read them.
      return createTwoFilesPatch(oldName, `b/${c.file}`, c.before ?? '', c.after, undefined, undefined, {
        context: 3,
        headerOptions: FILE_HEADERS_ONLY,
      });
    })
    .join('');
}
