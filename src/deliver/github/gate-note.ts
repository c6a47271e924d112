// The line that tells reviewers a pull request changes its own gate: the check ran with the
// base branch's config and baseline, and the pull request's apply after merge. The difference
// follows, collapsed; it comes from the pull request, so it sits in a fenced block that no
// backtick run can close, with control characters shown as escapes.
import { showControlChars } from '../../report/display-text.ts';
import { codeSpan } from '../../report/markdown-escape.ts';
import { escapeHtml } from '../../report/picture-text.ts';

export interface GateFileChange {
  /** Repository path of the config or baseline file. */
  file: string;
  /** Unified diff from the base commit to the pull request. */
  diff: string;
}

/** Room for each difference in a comment; the rest is cut with a note. */
const DIFF_ROOM = 8_000;

/** One line per changed file, for the step's log. */
export function gateChangeLines(changes: readonly GateFileChange[]): string[] {
  return changes.map(
    (c) =>
      `this pull request changes ${showControlChars(c.file)}; its gate applies after merge (this run used the base branch's)`,
  );
}

/** The markdown block for the comment and the summary; '' when the pull request changes no gate file. */
export function gateChangeNote(changes: readonly GateFileChange[]): string {
  if (changes.length === 0) return '';
  const parts = [''];
  for (const change of changes) {
    const file = codeSpan(change.file);
    parts.push(
      `> **Note:** this pull request changes ${file}; its gate applies after merge. This check used the base branch's.`,
      '',
      // A summary is HTML, where markdown is not read: a code span would show its backticks.
      `<details><summary>Changes to <code>${escapeHtml(change.file)}</code></summary>`,
      '',
      fenced(cut(change.diff)),
      '',
      '</details>',
      '',
    );
  }
  return parts.join('\n');
}

function cut(diff: string): string {
  const lines = diff.replace(/\n$/, '').split('\n').map(showControlChars);
  const kept: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (size + line.length + 1 > DIFF_ROOM) {
      kept.push(`... ${lines.length - kept.length} more lines: see the pull request's diff`);
      break;
    }
    kept.push(line);
    size += line.length + 1;
  }
  return kept.join('\n');
}

function fenced(text: string): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}diff\n${text}\n${fence}`;
}
