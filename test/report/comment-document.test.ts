// The comment document (src/report/comment-document.ts) around the report: the suggested patch's
// block, the notes under it, and the room each part takes within the limit.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { computeDrift } from '../../src/diff/compute-drift.ts';
import type { Drift } from '../../src/model.ts';
import { renderComment } from '../../src/report/comment-document.ts';
import { call, declaredIntents, observedMap } from '../diff/builders.ts';

function missingCalls(n: number): Drift {
  const calls = Array.from({ length: n }, (_, i) =>
    call(`client${i % 20}`, `server${i}`, 'GET', `/a/rather/long/path/${i}`),
  );
  return computeDrift(observedMap(calls), declaredIntents([]));
}

function filePatch(file: string, added: string): string {
  return `--- a/${file}\n+++ b/${file}\n@@ -1,1 +1,2 @@\n a\n+${added}\n`;
}

describe('the suggested patch in the comment', () => {
  test('its summary counts its files, one file or several', () => {
    const one = renderComment(missingCalls(1), { suggestedPatch: filePatch('a.yaml', 'x') });
    assert.match(one, /<summary>Suggested patch of the intents \(1 file\)<\/summary>/);
    const two = renderComment(missingCalls(1), {
      suggestedPatch: filePatch('a.yaml', 'x') + filePatch('b.yaml', 'y'),
    });
    assert.match(two, /<summary>Suggested patch of the intents \(2 files\)<\/summary>/);
  });

  test("its code block ends with the patch's last line, not an empty one", () => {
    const body = renderComment(missingCalls(1), { suggestedPatch: filePatch('a.yaml', 'last line') });
    assert.ok(body.includes('\n+last line\n```\n'), body.slice(body.indexOf('```diff')));
  });

  test('with no patch at all, the note says there is none, not that some is left out', () => {
    const body = renderComment(missingCalls(1), { suggestedPatch: '', patchLeftOut: 1 });
    assert.match(
      body,
      /> \*\*No suggested patch:\*\* the intents editor cannot write this drift \(1 reason: /,
    );
    assert.doesNotMatch(body, /Not all of the drift/);
  });
});

describe('the room in the comment', () => {
  test('a patch over a third of the limit is replaced by a note; one under it is shown', () => {
    const lines = (n: number) =>
      `--- a/x.yaml\n+++ b/x.yaml\n@@ -1,1 +1,${n} @@\n${'+ a line of the patch\n'.repeat(n)}`;
    // 22 characters a line: 900 lines make a block of some 20,000, under a third of 65,000;
    // 1,300 some 28,600, over a third and under a half.
    assert.match(renderComment(missingCalls(1), { suggestedPatch: lines(900) }), /```diff/);
    const over = renderComment(missingCalls(1), { suggestedPatch: lines(1_300) });
    assert.doesNotMatch(over, /```diff/);
    assert.match(over, /The suggested patch \(1304 lines\) is too long for a comment/);
  });

  test('the patch is measured as the document is: in bytes for the job summary', () => {
    // 3,000 characters of CJK, 9,000 bytes: under a third of 20,000 counted in characters, over it in bytes.
    const patch = filePatch('a.yaml', '库'.repeat(3_000));
    const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
    const body = renderComment(missingCalls(1), { suggestedPatch: patch, limit: 20_000, measure: bytes });
    assert.doesNotMatch(body, /```diff/);
    assert.match(body, /The suggested patch \(6 lines\) is too long for a comment/);
    assert.match(renderComment(missingCalls(1), { suggestedPatch: patch, limit: 20_000 }), /```diff/);
  });

  test('the gate note counts against the limit: the rows give way to it', () => {
    const gateNote = `\n> ${'This pull request changes its own gate. '.repeat(150)}\n`;
    const body = renderComment(missingCalls(3_000), { suggestedPatch: '', gateNote, limit: 30_000 });
    assert.ok(body.includes(gateNote));
    assert.match(body, /Cut to fit a GitHub comment/);
    assert.ok(body.length <= 30_000, String(body.length));
  });
});
