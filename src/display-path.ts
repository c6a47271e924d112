import path from 'node:path';

/**
 * How a file is named in messages and reports: relative to the working directory when inside
 * it (as the user would type it), with posix slashes; absolute otherwise.
 */
export function displayName(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  const shown =
    relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
  return shown.split(path.sep).join('/');
}
