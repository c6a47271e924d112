// Both entries (src/cli/entry.ts, src/index.ts) load the program with a dynamic import, after
// the young generation's size is set (young-generation.ts). A file of it that cannot be loaded
// (dist/ copied in part, a chunk deleted or damaged) would end the process with Node's exit
// code 1, which reads as "drift": such a failure is exit 2, with the file it could not load.

/** The program's module, loaded by `load`; on failure a message on stderr and exit 2. */
export async function loadProgram<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (err) {
    process.stderr.write(`${loadFailure(err)}\n`);
    process.exit(2);
  }
}

/**
 * What went wrong, told without the error's own message (it holds absolute paths, maybe
 * characters a terminal acts on): the error's code or name, and the base name of the file
 * Node could not find, in file-name characters only.
 */
export function loadFailure(err: unknown): string {
  const e = (err ?? {}) as { code?: unknown; name?: unknown; url?: unknown };
  const kind = typeof e.code === 'string' ? e.code : typeof e.name === 'string' ? e.name : '';
  const file = typeof e.url === 'string' ? e.url.slice(e.url.lastIndexOf('/') + 1) : '';
  const shown = [kind, file].filter((s) => s !== '').map((s) => s.replace(/[^\w.-]/g, '?'));
  if (shown.length === 0) shown.push('an error');
  return (
    `intent-drift: cannot load its own code (${shown.join(': ')}): its dist/ folder is ` +
    'incomplete or damaged; install intent-drift again'
  );
}
