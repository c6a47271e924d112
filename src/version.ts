/** Kept equal to package.json's version by a test. */
export const VERSION = '0.1.0';

/** Where bugs are reported: named by the internal-error message. */
export const ISSUES_URL = 'https://github.com/intent-drift/intent-drift/issues';
