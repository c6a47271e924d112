import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  loadIntents,
  parseIntentsFiles
} from "./chunk-6DIYOISB.js";
import "./chunk-ZQYT7XLP.js";
export {
  loadIntents,
  parseIntentsFiles
};
