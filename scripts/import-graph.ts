// The import graph of src/, read from the source text: static imports and re-exports (type-only
// ones included: a type cycle still ties two modules together) and dynamic `import('…')`.
// TypeScript 7's compiler offers no JavaScript API to ask, and src/ writes every relative import
// with its `.ts` ending, so the specifiers are read directly.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface SourceModule {
  /** Path relative to the root, with posix slashes (`src/cli/main.ts`). */
  file: string;
  lines: number;
  /** Relative imports, resolved to the same kind of path. */
  imports: string[];
  /** Package imports (`yaml`, `@actions/core`, `node:fs`). */
  packages: string[];
}

const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;

export function specifiersOf(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(SPECIFIER)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (spec !== undefined) found.push(spec);
  }
  return found;
}

export function readSourceModules(root: string, dir = 'src'): SourceModule[] {
  const modules: SourceModule[] = [];
  const entries = readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    const file = path.relative(root, absolute).split(path.sep).join('/');
    const text = readFileSync(absolute, 'utf8');
    const imports: string[] = [];
    const packages: string[] = [];
    for (const spec of specifiersOf(text)) {
      if (spec.startsWith('.'))
        imports.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)));
      else packages.push(spec);
    }
    modules.push({ file, lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0), imports, packages });
  }
  return modules.sort((a, b) => (a.file < b.file ? -1 : 1));
}

/** Strongly connected components of more than one module, or of one that imports itself (Tarjan). */
export function importCycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  // Iterative, so that a long chain of imports cannot exhaust the call stack.
  for (const start of edges.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = edges.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const to = targets[frame.next++]!;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = component.length === 1 && (edges.get(frame.node) ?? []).includes(frame.node);
        if (component.length > 1 || selfLoop) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}
