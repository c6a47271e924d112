import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  MAX_SNAPSHOT_BYTES,
  readSnapshot,
  writeSnapshot
} from "./chunk-LURGR6UJ.js";
import "./chunk-IGJNM2BW.js";
import "./chunk-THEZXBAV.js";
import "./chunk-HANBNIMK.js";
export {
  MAX_SNAPSHOT_BYTES,
  readSnapshot,
  writeSnapshot
};
