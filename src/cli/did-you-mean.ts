// "Did you mean …?" for a mistyped command or flag: the known names closest to what was typed.

/** Edits between two words: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      }
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The closest known names: the names the word is the first word of, when there are several
 * (`--prometheus` gives the three Prometheus flags); else those at the smallest edit distance,
 * when it is small for the word's length (a third of it, at least 1, at most 3); else the names
 * the word starts (up to three: `--prom`). Empty when nothing is near.
 */
export function closestNames(typed: string, known: readonly string[]): string[] {
  if (typed === '') return [];
  // A whole first word of several names (`--prometheus`): each of them is as likely as the
  // nearest by edits (`--prometheus-ca` is three edits away, `--prometheus-url` four).
  const words = known.filter((name) => name.startsWith(`${typed.toLowerCase()}-`));
  if (words.length > 1) return [...new Set(words)].slice(0, 3);
  const limit = Math.min(3, Math.max(1, Math.floor(typed.length / 3)));
  let best = Number.POSITIVE_INFINITY;
  let names: string[] = [];
  for (const name of known) {
    const distance = editDistance(typed.toLowerCase(), name);
    if (distance < best) {
      best = distance;
      names = [name];
    } else if (distance === best && !names.includes(name)) names.push(name);
  }
  if (best <= limit) return names.slice(0, 3);
  if (typed.length >= 3) {
    const prefixed = known.filter((name) => name.startsWith(typed.toLowerCase()));
    if (prefixed.length > 0) return [...new Set(prefixed)].slice(0, 3);
  }
  return [];
}

/** `: did you mean --metrics?`, `: did you mean --a or --b?`, or '' when nothing is near. */
export function didYouMean(names: readonly string[]): string {
  if (names.length === 0) return '';
  const listed = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
  return `: did you mean ${listed}?`;
}
