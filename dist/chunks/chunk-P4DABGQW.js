import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/load-program.ts
async function loadProgram(load) {
  try {
    return await load();
  } catch (err) {
    process.stderr.write(`${loadFailure(err)}
`);
    process.exit(2);
  }
}
function loadFailure(err) {
  const e = err ?? {};
  const kind = typeof e.code === "string" ? e.code : typeof e.name === "string" ? e.name : "";
  const file = typeof e.url === "string" ? e.url.slice(e.url.lastIndexOf("/") + 1) : "";
  const shown = [kind, file].filter((s) => s !== "").map((s) => s.replace(/[^\w.-]/g, "?"));
  if (shown.length === 0) shown.push("an error");
  return `intent-drift: cannot load its own code (${shown.join(": ")}): its dist/ folder is incomplete or damaged; install intent-drift again`;
}

// src/young-generation.ts
import { setFlagsFromString } from "node:v8";
var YOUNG_GENERATION_FLAG = "--semi-space-growth-factor=1";
function keepYoungGenerationSmall() {
  setFlagsFromString(YOUNG_GENERATION_FLAG);
}

export {
  loadProgram,
  keepYoungGenerationSmall
};
