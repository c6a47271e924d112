// Planting one mutant in a file's text: its `from` must occur exactly once, or the mutant is
// stale (the code moved on) and must be updated rather than silently test nothing.
import type { Mutant } from './mutants.ts';

/** The mutated text, or undefined when `from` does not occur exactly once. */
export function applyMutant(text: string, m: Pick<Mutant, 'from' | 'to'>): string | undefined {
  if (typeof m.from === 'string') {
    return text.split(m.from).length === 2 ? text.replace(m.from, () => m.to) : undefined;
  }
  const flags = m.from.flags.includes('g') ? m.from.flags : `${m.from.flags}g`;
  const matches = [...text.matchAll(new RegExp(m.from.source, flags))];
  if (matches.length !== 1) return undefined;
  return text.replace(new RegExp(m.from.source, flags.replace('g', '')), m.to);
}
