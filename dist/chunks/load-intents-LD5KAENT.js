import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  loadIntents,
  parseIntentsFiles
} from "./chunk-76BIF3SG.js";
import "./chunk-WQ4DT2T6.js";
import "./chunk-PY5VAGIZ.js";
export {
  loadIntents,
  parseIntentsFiles
};
