import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/observe/live/shown-url.ts
function shownUrl(url) {
  try {
    const u = new URL(String(url));
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return "(invalid URL)";
  }
}

export {
  shownUrl
};
