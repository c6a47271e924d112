import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { computeDrift } from '../../src/diff/compute-drift.ts';
import { checkDrift } from '../../src/diff/drift-controls.ts';
import type { Drift } from '../../src/model.ts';
import { showControlChars } from '../../src/report/display-text.ts';
import { codeSpan, safeLinkUrl } from '../../src/report/markdown-escape.ts';
import { COMMENT_MARKER, renderMarkdownReport } from '../../src/report/markdown-report.ts';
import { BLOCKED_MEANS, OPEN_MEANS } from '../../src/report/vocabulary.ts';
import { call, declaredIntents, observedMap, rule } from '../diff/builders.ts';

/** Any raw control (other than the line feeds between lines) or bidi override character. */
function hasRawControlChars(text: string): boolean {
  return [...text].some((char) => {
    const code = char.codePointAt(0) ?? 0;
    return (code < 0x20 && char !== '\n') || code === 0x7f || code === 0x202e;
  });
}

const HOSTILE = [
  '/a`|<img src=x>',
  '@octocat',
  '[x](http://evil)',
  '<!-- intent-drift -->',
  '\n# heading',
  '![i](u)',
  '/``triple```run`',
  '` leading backtick',
  '<script>alert(1)</script>',
  '/a\\|b',
  '/bidi\u202eexe.txt',
  '/esc\u001b[31mred',
  ' padded ',
];

/** Drops inline code spans the CommonMark way: a backtick run closed by a run of the same length. */
function outsideCodeSpans(markdown: string): string {
  let out = '';
  let i = 0;
  while (i < markdown.length) {
    if (markdown[i] !== '`') {
      out += markdown[i];
      i++;
      continue;
    }
    let n = 0;
    while (markdown[i + n] === '`') n++;
    const fence = '`'.repeat(n);
    let close = markdown.indexOf(fence, i + n);
    while (close !== -1 && (markdown[close - 1] === '`' || markdown[close + n] === '`')) {
      close = markdown.indexOf(fence, close + 1);
    }
    if (close === -1) {
      out += fence;
      i += n;
    } else {
      out += 'CODE';
      i = close + n;
    }
  }
  return out;
}

/** The cells of a GFM table row, split on unescaped pipes, with `\|` turned back into `|`. */
function cells(row: string): string[] {
  const parts = row.slice(2, -2).split(/(?<!\\) \| /);
  return parts.map((part) => part.replaceAll('\\|', '|'));
}

/** The text of a code span cell (fence and the one padding space removed). */
function codeText(cell: string): string {
  const fence = /^`+/.exec(cell)?.[0] ?? '';
  let inner = cell.slice(fence.length, cell.length - fence.length);
  if (inner.startsWith(' ') && inner.endsWith(' ') && inner.trim() !== '') inner = inner.slice(1, -1);
  return inner;
}

function hostileDrift(): Drift {
  const calls = HOSTILE.map((text, i) => call(`client${i}`, 'nginx', 'GET', text));
  const rules = HOSTILE.map((text, i) =>
    rule(`client${i}`, 'nginx', 'POST', text, { file: `intents/${text}.yaml` }),
  );
  return computeDrift(observedMap(calls, { warnings: HOSTILE }), declaredIntents(rules));
}

describe('markdown: text from traffic and files cannot become markup', () => {
  const md = renderMarkdownReport(hostileDrift(), { fileLink: (file) => `https://example.test/${file}` });
  // Link destinations hold the (percent-encoded) file names; check them apart from the prose.
  const destinations = [...outsideCodeSpans(md).matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1] ?? '');
  const prose = outsideCodeSpans(md).replace(/\]\([^)]*\)/g, ']');

  test('links only point where fileLink said, encoded', () => {
    assert.equal(destinations.length, HOSTILE.length);
    for (const url of destinations)
      assert.match(url, /^https:\/\/example\.test\/intents\/[A-Za-z0-9\-._~:/?#@!$&*+,;=%]+$/);
  });

  test('the marker appears once, first', () => {
    assert.equal(md.split(COMMENT_MARKER).length, 2);
    assert.ok(md.startsWith(`${COMMENT_MARKER}\n`));
  });

  test('no link, image, HTML, mention or heading outside code spans', () => {
    for (const needle of ['<img', '<script', '@octocat', '](http://evil)', '![', '[x]', '<!--']) {
      assert.equal(prose.replace(COMMENT_MARKER, '').includes(needle), false, needle);
    }
    const headings = md.split('\n').filter((line) => line.startsWith('#'));
    assert.deepEqual(
      headings.map((h) => h.replace(/:.*/, '')),
      [
        '### ❌ intent-drift',
        '#### Missing (called, not declared)',
        '#### Stale (declared, never called)',
        '#### Warnings',
      ],
    );
  });

  test('no raw control or direction characters reach the comment', () => {
    assert.equal(hasRawControlChars(md), false);
  });

  test('every table row keeps its columns and each path reads back exactly', () => {
    const lines = md.split('\n').filter((line) => line.startsWith('| '));
    const groups = lines.filter((line) => line.startsWith('| **`client'));
    assert.equal(groups.length, HOSTILE.length * 2, 'one client heading row per group, in each table');
    const rows = lines.filter((line) => /^\| `+ ?(GET|POST) /.test(line));
    assert.equal(rows.length, HOSTILE.length * 2);
    const paths = new Set<string>();
    for (const row of rows) {
      const parts = cells(row);
      // Missing: call, server, count, once enforced, declare in; stale: rule, target, reason, declared at.
      assert.equal(parts.length, row.includes('| **blocked** |') ? 5 : 4, row);
      paths.add(codeText(parts[0] ?? '').replace(/^(GET|POST) /, ''));
    }
    const expected = HOSTILE.map((p) => showControlChars(p).replaceAll('<!--', '<\\x21--'));
    assert.deepEqual([...paths].sort(), [...new Set(expected)].sort());
  });
});

describe('codeSpan', () => {
  test('the fence is longer than any backtick run inside', () => {
    assert.equal(codeSpan('a``b'), '```a``b```');
    assert.equal(codeSpan('`x'), '`` `x ``');
    assert.equal(codeSpan('plain'), '`plain`');
  });

  test('spaces at both ends survive: padded, since CommonMark strips one from each end', () => {
    assert.equal(codeSpan(' padded '), '`  padded  `');
    assert.equal(codeText(codeSpan(' padded ')), ' padded ');
    assert.equal(codeText(codeSpan('  two  ')), '  two  ');
  });

  test('a text of spaces only is kept as it is (CommonMark strips nothing there); an empty one is named', () => {
    assert.equal(codeSpan('  '), '`  `');
    assert.equal(codeSpan(' '), '` `');
    assert.equal(codeSpan(''), '*empty*');
  });

  test('any text round-trips through a code span (fence, padding, controls)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        fc.pre(text.trim() !== '' && !text.includes('<!--'));
        const span = codeSpan(text);
        assert.equal(outsideCodeSpans(span), 'CODE');
        assert.equal(codeText(span), showControlChars(text));
      }),
    );
  });
});

describe('links', () => {
  test('only http(s) URLs become links, with breaking characters encoded', () => {
    assert.equal(safeLinkUrl('javascript:alert(1)'), undefined);
    assert.equal(safeLinkUrl('javascript:alert(1)//https://x.test/'), undefined);
    assert.equal(safeLinkUrl('xhttps://x.test/'), undefined);
    assert.equal(safeLinkUrl('HTTPS://x.test/a'), 'HTTPS://x.test/a');
    assert.equal(safeLinkUrl('https://x.test/a b)c|d'), 'https://x.test/a%20b%29c%7Cd');
    const drift = computeDrift(
      observedMap([]),
      declaredIntents([rule('c', 'nginx', 'GET', '/a', { line: 3 })]),
    );
    const unsafe = renderMarkdownReport(drift, { fileLink: () => 'javascript:alert(1)' });
    assert.equal(unsafe.includes('javascript:'), false);
    const none = renderMarkdownReport(drift, { fileLink: () => undefined });
    assert.match(none, /\| `intents\/c\.yaml:3` \|/);
  });
});

describe('markdown: size limit', () => {
  function bigDrift(n: number): Drift {
    const calls = [];
    for (let i = 0; i < n; i++)
      calls.push(call(`client${i % 50}`, `server${i}`, 'GET', `/some/rather/long/path/${i}`));
    const rules = [];
    for (let i = 0; i < n / 2; i++) rules.push(rule(`client${i % 50}`, `gone${i}`, 'GET', `/old/${i}`));
    return computeDrift(observedMap(calls), declaredIntents(rules));
  }

  test('under the limit nothing is cut', () => {
    const md = renderMarkdownReport(bigDrift(10));
    assert.equal(md.includes('Cut to fit'), false);
  });

  test('over the limit: whole rows cut, missing kept first, the note counts what is left out', () => {
    const drift = bigDrift(400);
    const md = renderMarkdownReport(drift, { maxLength: 20_000 });
    assert.ok(md.length <= 20_000, String(md.length));
    const missingRows = md.split('\n').filter((l) => l.startsWith('| `GET') && l.includes('| **blocked** |'));
    const openRows = md.split('\n').filter((l) => l.startsWith('| `GET') && l.includes('| open |'));
    const staleRows = md
      .split('\n')
      .filter((l) => l.startsWith('| `GET') && l.includes('| `server-not-called` |'));
    const shown = missingRows.length + openRows.length + staleRows.length;
    assert.ok(missingRows.length + openRows.length > 0);
    const total = drift.missing.length + drift.stale.length;
    const note =
      /\*\*Cut to fit a GitHub comment:\*\* (\d+) rows left out\. The full report is in the job summary and in the JSON report\./.exec(
        md,
      );
    assert.ok(note, 'note present');
    assert.equal(Number(note[1]), total - shown);
    for (const line of md.split('\n').filter((l) => l.startsWith('|'))) assert.ok(line.endsWith(' |'), line);
  });

  test('the default limit keeps a huge report under 65,000 characters', () => {
    const md = renderMarkdownReport(bigDrift(5000));
    assert.ok(md.length <= 65_000, String(md.length));
    assert.match(md, /rows left out/);
    assert.match(md, /\*… and \d+ more not shown here\.\*/);
  });
});

describe('markdown: verdict', () => {
  test('no drift says so, with no empty tables', () => {
    const drift = computeDrift(
      observedMap([call('client', 'nginx', 'GET', '/a')]),
      declaredIntents([rule('client', 'nginx', 'GET', '/a')]),
    );
    const md = renderMarkdownReport(drift);
    assert.match(md, /^<!-- intent-drift -->\n### ✅ intent-drift: no drift\n/);
    assert.equal(md.includes('Missing ('), false);
    assert.equal(md.includes('Stale ('), false);
    assert.match(md, /<details><summary>Covered \(called and declared\): 1 call<\/summary>/);
  });
});

describe('markdown: the headline when only rules of idle clients are left', () => {
  test('failing under clientIdle: fail, passing under clientIdle: warn', () => {
    const observed = observedMap([call('web', 'nginx', 'GET', '/a')]);
    const declared = declaredIntents([rule('web', 'nginx', 'GET', '/a'), rule('idle', 'nginx', 'GET', '/a')]);
    const under = (clientIdle: 'warn' | 'fail') =>
      checkDrift(observed, declared, { policy: { failOn: 'any', clientIdle, overrides: [] } });
    const fails = under('fail');
    assert.equal(fails.exitCode, 1);
    assert.match(renderMarkdownReport(fails.drift), /^### ❌ intent-drift: 1 not exercised$/m);
    // A verdict with exit code 0 is still a verdict: the headline follows the exit code.
    const warns = under('warn');
    assert.equal(warns.exitCode, 0);
    assert.match(
      renderMarkdownReport(warns.drift),
      /^### ✅ intent-drift: no drift in what the run exercised$/m,
    );
  });
});

describe('markdown: the missing table', () => {
  // nginx is declared by some intent (closed to undeclared callers); billing by none.
  const declared = declaredIntents([rule('other', 'nginx', 'GET', '/x')]);
  const missing = (calls: ReturnType<typeof call>[]) =>
    renderMarkdownReport(computeDrift(observedMap(calls), declared));
  const legend = (md: string) =>
    md.split('\n').find((l) => l.startsWith('**blocked**') || l.startsWith('open:'));
  const blockedLegend = `**blocked**: ${BLOCKED_MEANS}.`;
  const openLegend = `open: ${OPEN_MEANS}.`;

  test('says what blocked and open mean, each when its rows are there', () => {
    const mixed = missing([call('c', 'billing', 'GET', '/b'), call('c', 'nginx', 'GET', '/n')]);
    assert.match(mixed, /^\| `GET \/b` \| `billing` \| 10 \| open \|/m);
    assert.match(mixed, /^\| `GET \/n` \| `nginx` \| 10 \| \*\*blocked\*\* \|/m);
    assert.equal(legend(mixed), `${blockedLegend} ${openLegend}`);
    assert.equal(legend(missing([call('c', 'billing', 'GET', '/b')])), openLegend);
    assert.equal(legend(missing([call('c', 'nginx', 'GET', '/n')])), blockedLegend);
  });

  test('a call with a method and no path is `DELETE *`; one with neither has no HTTP detail', () => {
    const md = missing([call('c', 'billing', 'DELETE', null), call('c', 'nginx', null, null)]);
    assert.match(md, /^\| `DELETE \*` \| `billing` \|/m);
    assert.match(md, /^\| \*no HTTP detail\* \| `nginx` \|/m);
  });
});

describe('markdown: clients of one name in two namespaces', () => {
  test('are two clients, each with its own heading and calls', () => {
    // As an observed map gives them: one object per workload, shared by its calls.
    const blog = call('api.blog', 'db.blog', 'GET', '/b');
    const shop = call('api.shop', 'db.shop', 'GET', '/s');
    const md = renderMarkdownReport(
      computeDrift(observedMap([blog, { ...shop, path: '/t' }, shop]), declaredIntents([])),
    );
    assert.match(md, /#### Missing \(called, not declared\): 3 calls of 2 clients\n/);
    const rows = md.split('\n').filter((l) => l.startsWith('| **`api`**') || l.startsWith('| `GET'));
    assert.deepEqual(
      rows.map((r) => r.split(' | ')[0]),
      ['| **`api`** in `blog`', '| `GET /b`', '| **`api`** in `shop`', '| `GET /s`', '| `GET /t`'],
    );
  });
});

describe('markdown: counts without noise', () => {
  test('ignored, not exercised and not checked appear only when there are some', () => {
    const quiet = renderMarkdownReport(
      computeDrift(
        observedMap([call('client', 'nginx', 'GET', '/a')]),
        declaredIntents([rule('client', 'nginx', 'GET', '/a')]),
      ),
    );
    assert.match(quiet, /^1 covered · 1 call observed · 1 rule declared$/m);
    const idle = renderMarkdownReport(
      computeDrift(observedMap([]), declaredIntents([rule('idle', 'nginx', 'GET', '/a')])),
    );
    assert.match(idle, /^### ✅ intent-drift: no drift in what the run exercised$/m);
    assert.match(idle, /^0 covered · 1 not exercised · 0 calls observed · 1 rule declared$/m);
    assert.match(
      idle,
      /<details><summary>Not exercised \(the client made no calls in this run\): 1 rule of 1 client<\/summary>/,
    );
    assert.equal(idle.includes('Stale ('), false);
  });
});

describe('markdown: the run header', () => {
  const base = computeDrift(
    observedMap([call('client', 'nginx', 'GET', '/a')]),
    declaredIntents([rule('client', 'nginx', 'GET', '/a')]),
  );

  test('the commit, the observed data, the config and the run, each only when known', () => {
    const bare = renderMarkdownReport(base);
    assert.equal(
      bare.split('\n')[3],
      '1 covered · 1 call observed · 1 rule declared',
      'no header line at all',
    );
    const sha = 'f'.repeat(40);
    const full = renderMarkdownReport(
      {
        ...base,
        config: null,
        observedFrom: {
          source: 'sidecars',
          inputs: [],
          window: { from: '2026-03-01T10:00:00.000Z', to: '2026-03-01T10:02:00.000Z' },
        },
      } as Drift,
      {
        commit: { sha, url: `https://github.com/a/b/commit/${sha}` },
        runUrl: 'https://github.com/a/b/actions/runs/1',
      },
    );
    assert.equal(
      full.split('\n')[3],
      `Checked [\`fffffff\`](https://github.com/a/b/commit/${sha}) · observed: the sidecars of the kubeconfig's cluster, 2026-03-01 10:00:00 to 10:02:00 UTC · no config · [workflow run](https://github.com/a/b/actions/runs/1)`,
    );
  });

  test('the observed data: --since, then a span across midnight with both dates', () => {
    const md = renderMarkdownReport({
      ...base,
      observedFrom: {
        source: 'prometheus',
        inputs: ['http://prom:9090'],
        since: '24h',
        window: { from: '2026-03-01T23:59:00.000Z', to: '2026-03-02T00:01:30.250Z' },
      },
    } as Drift);
    assert.equal(
      md.split('\n')[3],
      'Observed: Prometheus at `http://prom:9090`, since 24h, 2026-03-01 23:59:00 to 2026-03-02 00:01:30 UTC',
    );
  });

  test('hostile values stay inert: inputs in code spans, an odd tail left out, no javascript: link, no fake SHA', () => {
    const md = renderMarkdownReport(
      {
        ...base,
        config: '[x](http://evil)',
        observedFrom: {
          source: 'snapshot',
          inputs: ['<img src=x>', 'a', 'b', 'c'],
          since: '[y](http://evil)',
        },
      } as Drift,
      { commit: { sha: '<b>bold</b>' }, runUrl: 'javascript:alert(1)' },
    );
    const line = md.split('\n')[3] ?? '';
    assert.equal(line, 'Observed: snapshot `<img src=x>`, `a`, `b`, and 1 more · config `[x](http://evil)`');
  });
});

describe('markdown: the layout GitHub needs', () => {
  const drift = computeDrift(
    observedMap([call('client', 'nginx', 'GET', '/a')], { warnings: ['w'] }),
    declaredIntents([rule('client', 'nginx', 'GET', '/a'), rule('client', 'nginx', 'POST', '/b')]),
  );

  test('stale rules alone fail the headline', () => {
    assert.match(renderMarkdownReport(drift), /^### ❌ intent-drift: 0 missing, 1 stale$/m);
  });

  test('a collapsed section leaves a blank line after its summary and before its end, or its table shows as text', () => {
    const lines = renderMarkdownReport(drift).split('\n');
    const summaries = lines.flatMap((line, i) => (line.startsWith('<details><summary>') ? [i] : []));
    assert.ok(summaries.length > 0);
    for (const i of summaries) assert.equal(lines[i + 1], '', lines[i]);
    for (const [i, line] of lines.entries()) if (line === '</details>') assert.equal(lines[i - 1], '');
  });

  test('two control notes are two quotes, not one paragraph', () => {
    const md = renderMarkdownReport({
      ...drift,
      noise: { minCount: 3, calls: 1, requests: 2 },
      baseline: { missing: 1, stale: 0, resolved: 0 },
    } as Drift);
    assert.ok(
      md.includes('dropped as noise (minCount).\n\n> Baseline: 1 missing and 0 stale already accepted'),
      md,
    );
  });

  test('stale rules the config ignores are counted as ignored', () => {
    const { drift: ignored } = checkDrift(
      observedMap([call('web', 'users', 'GET', '/me')]),
      declaredIntents([rule('web', 'users', 'GET', '/me'), rule('web', 'legacy', 'GET', '/old')]),
      { ignore: [{ server: 'otterize-tutorial-istio-mapping/legacy', file: '.intent-drift.yaml', line: 5 }] },
    );
    assert.equal(ignored.summary.ignored, 0, 'no call ignored: the one ignored is a rule');
    assert.match(
      renderMarkdownReport(ignored),
      /^1 covered · 1 ignored · 1 call observed · 2 rules declared( · |$)/m,
    );
  });
});

describe('markdown: cutting to the limit', () => {
  function bigDrift(n: number): Drift {
    const calls = [];
    for (let i = 0; i < n; i++)
      calls.push(call(`client${i % 50}`, `server${i}`, 'GET', `/some/rather/long/path/${i}`));
    const rules = [];
    for (let i = 0; i < n / 2; i++) rules.push(rule(`client${i % 50}`, `gone${i}`, 'GET', `/old/${i}`));
    return computeDrift(observedMap(calls), declaredIntents(rules));
  }

  test('a table cut short ends before "… and N more", and a table cut to nothing has no header', () => {
    const lines = renderMarkdownReport(bigDrift(400), { maxLength: 20_000 }).split('\n');
    const more = lines.flatMap((line, i) => (/^\*… and \d+ more not shown here\.\*$/.test(line) ? [i] : []));
    assert.equal(more.length, 2, 'the missing and the stale table are both cut');
    for (const i of more) assert.ok(lines[i - 1] === '' && !lines[i - 2]?.startsWith('| ---'), lines[i - 2]);
    // Every table header is followed by a row: the stale table, which kept none, has no header.
    for (const [i, line] of lines.entries())
      if (line.startsWith('| ---')) assert.match(lines[i + 1] ?? '', /^\| /);
    assert.ok(lines.includes('| rule | target | reason | declared at |') === false);
  });

  test('a report of exactly the limit is whole', () => {
    // No drift, so no graph: the document is its tables.
    const calls = Array.from({ length: 10 }, (_, i) => call('client', 'nginx', 'GET', `/a/${i}`));
    const drift = computeDrift(
      observedMap(calls),
      declaredIntents(calls.map((c) => rule('client', 'nginx', 'GET', c.path))),
    );
    const whole = renderMarkdownReport(drift);
    assert.equal(renderMarkdownReport(drift, { maxLength: whole.length }), whole);
    assert.match(renderMarkdownReport(drift, { maxLength: whole.length - 1 }), /Cut to fit/);
  });

  test('the drift graph takes at most a quarter of the room', () => {
    // Its graph takes some 8,000 characters: more than a quarter of 20,000, so it is left out.
    assert.doesNotMatch(renderMarkdownReport(bigDrift(40), { maxLength: 20_000 }), /Drift graph/);
    assert.match(renderMarkdownReport(bigDrift(40), { maxLength: 40_000 }), /Drift graph/);
  });

  // A measure that counts only the Ω of table rows and list items makes the room exact: the
  // frame (headings, notes, the graph) costs nothing, a row its Ω and one for its line end, a
  // table header two, and 64 is kept back for the counts' digits. Warnings are list items.
  const omegas = (text: string) =>
    text
      .split('\n')
      .filter((line) => line.startsWith('| ') || line.startsWith('- '))
      .reduce((n, line) => n + (line.match(/Ω/g)?.length ?? 0), 0);
  const warnings = Array.from({ length: 12 }, (_, i) => `${'Ω'.repeat(9)} ${i}`);
  const keptWarnings = (md: string) => md.split('\n').filter((line) => line.startsWith('- `Ω')).length;

  test('rows are kept while they fit, the one that fills the room exactly included, each room spent once', () => {
    // The missing table costs 4 (header 2, the client row 1, the call 1); each warning 10.
    const drift = computeDrift(
      observedMap([call('web', 'api', 'GET', '/a')], { warnings }),
      declaredIntents([]),
    );
    assert.equal(keptWarnings(renderMarkdownReport(drift, { maxLength: 64 + 4 + 30, measure: omegas })), 3);
    assert.equal(keptWarnings(renderMarkdownReport(drift, { maxLength: 64 + 4 + 26, measure: omegas })), 2);
  });

  test('a table that keeps no row spends no room on its header', () => {
    // The stale table's first row (its client, 40 Ω) cannot fit: it keeps nothing, and the
    // warnings still get all 30.
    const client = 'Ω'.repeat(40);
    const drift = computeDrift(
      observedMap([call(client, 'api', 'GET', '/a')], { warnings }),
      declaredIntents([rule(client, 'api', 'GET', '/a'), rule(client, 'api', 'GET', '/gone')]),
    );
    const md = renderMarkdownReport(drift, { maxLength: 64 + 30, measure: omegas });
    assert.match(md, /#### Stale/);
    assert.equal(keptWarnings(md), 3);
  });

  test('when the document still measures over the limit, the least important rows give way first', () => {
    // Measured as the square of the Ω in rows, a document weighs more than its rows did one by
    // one: the call (10 Ω) and three warnings (10 Ω each) are kept, 40² is over 471, and rows
    // are dropped until it fits: warnings first, so the missing call stays.
    const squared = (text: string) => omegas(text) ** 2;
    const ten = 'Ω'.repeat(10);
    const drift = computeDrift(
      observedMap([call('web', 'api', 'GET', `/${ten}`)], {
        warnings: ['a', 'b', 'c'].map((w) => `${ten} ${w}`),
      }),
      declaredIntents([]),
    );
    const md = renderMarkdownReport(drift, { maxLength: 471, measure: squared });
    assert.match(md, /^\| `GET \/Ω{10}` \|/m);
    assert.equal(keptWarnings(md), 1);
    assert.ok(squared(md) <= 471);
  });
});

describe('markdown: where a missing call is declared', () => {
  test("the client's ClientIntents file, linked at its line; a new ClientIntents when it has none", () => {
    const drift = computeDrift(
      observedMap([call('web', 'api', 'GET', '/a'), call('web', 'db', 'GET', '/b')]),
      declaredIntents([]),
    );
    const [first] = drift.missing;
    assert.ok(first);
    first.intentsFile = { file: 'intents/web.yaml', line: 7 };
    const md = renderMarkdownReport(drift, { fileLink: (file, line) => `https://x.test/${file}#L${line}` });
    assert.match(
      md,
      /^\| `GET \/a` \| `api` \| 10 \| open \| \[`intents\/web\.yaml:7`\]\(https:\/\/x\.test\/intents\/web\.yaml#L7\) \|$/m,
    );
    assert.match(md, /^\| `GET \/b` \| `db` \| 10 \| open \| a new ClientIntents \|$/m);
  });
});

describe('markdown: names across namespaces', () => {
  test('a server and its Service in another namespace are named with their namespace', () => {
    const md = renderMarkdownReport(
      computeDrift(
        observedMap([call('web.shop', 'nginx.edge', 'GET', '/a', { service: 'nginx-svc.edge' })]),
        declaredIntents([]),
      ),
    );
    assert.match(md, /^\| `GET \/a` \| `nginx\.edge` via `nginx-svc\.edge` \| 10 \|/m);
  });

  test('an external call without a host names the Service it called, as the text report does', () => {
    const md = renderMarkdownReport(
      computeDrift(
        observedMap([], {
          external: [call('web', 'egress.mesh', 'GET', '/', { service: 'partner-api.shop' })],
        }),
        declaredIntents([]),
      ),
    );
    assert.match(md, /^\| `partner-api\.shop` \| 10 \|$/m);
  });

  test('client groups in namespace order, then by name, whatever order the rows came in', () => {
    const groups = (md: string) =>
      md
        .split('\n')
        .filter((line) => line.startsWith('| **`'))
        .map((line) => line.replace(/ \|.*/, ''));
    const missing = renderMarkdownReport(
      computeDrift(
        observedMap([call('a.zeta', 'x.zeta', 'GET', '/z'), call('b.alpha', 'x.alpha', 'GET', '/a')]),
        declaredIntents([]),
      ),
    );
    assert.deepEqual(groups(missing), ['| **`b`** in `alpha`', '| **`a`** in `zeta`']);
    // The stale table lists path-not-called before server-not-called: b's rule comes first.
    const stale = renderMarkdownReport(
      computeDrift(
        observedMap([call('a', 'api', 'GET', '/x'), call('b', 'api', 'GET', '/x')]),
        declaredIntents([
          rule('a', 'api', 'GET', '/x'),
          rule('a', 'gone', 'GET', '/y'),
          rule('b', 'api', 'GET', '/x'),
          rule('b', 'api', 'GET', '/old'),
        ]),
      ),
    );
    assert.match(stale, /`path-not-called`: .* `server-not-called`: /);
    const staleTable = stale.slice(stale.indexOf('#### Stale'), stale.indexOf('<details>'));
    assert.deepEqual(groups(staleTable), [
      '| **`a`** in `otterize-tutorial-istio-mapping`',
      '| **`b`** in `otterize-tutorial-istio-mapping`',
    ]);
  });
});

describe('markdown: a file name with a pipe', () => {
  test('stays in its cell, linked or not', () => {
    const drift = computeDrift(
      observedMap([call('web', 'api', 'GET', '/a')]),
      declaredIntents([rule('web', 'api', 'GET', '/old', { file: 'intents/a | b.yaml', line: 3 })]),
    );
    for (const fileLink of [undefined, (file: string) => `https://x.test/${file}`]) {
      const md = renderMarkdownReport(drift, fileLink ? { fileLink } : {});
      const row = md.split('\n').find((line) => line.startsWith('| `GET /old`'));
      assert.ok(row, md);
      assert.ok(row.includes('`intents/a \\| b.yaml:3`'), row);
      assert.equal(row.split(/(?<!\\)\|/).length - 2, 4, row);
    }
  });
});
