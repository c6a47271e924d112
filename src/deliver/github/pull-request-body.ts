// The auto-opened PR's title and body: each change explained in a table, then the diff. Names
// and paths from traffic are put in code spans so they cannot become markup or mentions.
import type { IntentChange } from '../../declare/edit-intents-types.ts';
import { shownPatch } from '../../report/comment-document.ts';
import { cellCode, tableRow } from '../../report/markdown-escape.ts';
import { GITHUB_BODY_LIMIT } from './comment-body.ts';

const MAX_ROWS = 300;

export const PULL_REQUEST_TITLE = 'intent-drift: update ClientIntents to the observed calls';

/**
 * `leftOut`: how many notes the editor left about drift it could not write (the run logs each,
 * starting `not in the suggested patch:`); the body says so, or a reviewer takes the PR for the
 * whole fix.
 */
export function pullRequestBody(
  changes: IntentChange[],
  patch: string,
  runUrl: string | undefined,
  leftOut = 0,
): string {
  const notAll =
    leftOut > 0
      ? `\n> **Not all of the drift is in this pull request:** the intents editor cannot write some of it (${leftOut} ${leftOut === 1 ? 'reason' : 'reasons'}: see the lines starting \`not in the suggested patch:\` in the run's log). Edit those intents by hand.\n`
      : '';
  const tail = [
    notAll,
    runUrl === undefined ? '' : `Made by [this run](${runUrl}).`,
    'Review it like any change to who may call whom; the branch is rewritten by the next run.',
    '',
  ].join('\n');
  let longestRun = 0;
  for (const run of patch.match(/`+/g) ?? []) longestRun = Math.max(longestRun, run.length);
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  const diff = `<details><summary>Diff</summary>\n\n${fence}diff\n${shownPatch(patch.replace(/\n$/, ''))}\n${fence}\n\n</details>\n`;
  const body = changeTable(changes, MAX_ROWS) + diff + tail;
  if (body.length <= GITHUB_BODY_LIMIT) return body;
  // Without the diff; then, for long paths, fewer rows, halved until the body fits GitHub's limit.
  const noDiff = '\n> The diff is too long for a PR description: see the Files tab.\n';
  for (let rows = MAX_ROWS; ; rows = Math.floor(rows / 2)) {
    const short = changeTable(changes, rows) + noDiff + tail;
    if (short.length <= GITHUB_BODY_LIMIT || rows === 0) return short;
  }
}

/** The summary line and the table of the first `rows` changes, with a line for the rest. */
function changeTable(changes: IntentChange[], rows: number): string {
  const added = changes.filter((c) => c.action === 'add').length;
  const removed = changes.length - added;
  return [
    `intent-drift updates the committed ClientIntents to what Istio observed: ${added} added, ${removed} removed.`,
    'Added rules were called but not declared (once enforced, these calls would be blocked); removed rules were declared but never called.',
    '',
    tableRow(['change', 'client', 'server', 'method', 'path', 'file']),
    tableRow(['---', '---', '---', '---', '---', '---']),
    ...changes
      .slice(0, rows)
      .map((c) =>
        tableRow([
          c.action === 'add' ? 'add' : 'remove',
          cellCode(`${c.client.namespace}/${c.client.name}`),
          cellCode(c.server),
          c.method === null ? '*any*' : cellCode(c.method),
          c.path === null ? '*any*' : cellCode(c.path),
          cellCode(c.file),
        ]),
      ),
    ...(changes.length > rows ? ['', `*… and ${changes.length - rows} more changes, all in the diff.*`] : []),
    '',
  ].join('\n');
}
