import path from 'node:path';

/**
 * Whether a name from path.relative leaves the directory it is relative to: `..`, a `../`
 * start, or another root. A name that merely starts with two dots (`..cache/x`) does not.
 */
export function leavesDirectory(relative: string): boolean {
  return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
}

/**
 * How a file is named in messages and reports: relative to the working directory when inside
 * it (as the user would type it), with posix slashes; absolute otherwise.
 */
export function displayName(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  const shown = relative === '' || leavesDirectory(relative) ? absolute : relative;
  return shown.split(path.sep).join('/');
}
