import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/young-generation.ts
import { setFlagsFromString } from "node:v8";
var YOUNG_GENERATION_FLAG = "--semi-space-growth-factor=1";
function keepYoungGenerationSmall() {
  setFlagsFromString(YOUNG_GENERATION_FLAG);
}

export {
  keepYoungGenerationSmall
};
