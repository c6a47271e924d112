import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  MAX_SNAPSHOT_BYTES,
  readSnapshot,
  writeSnapshot
} from "./chunk-L5TO5LT4.js";
import "./chunk-AUPPVEQV.js";
import "./chunk-KJZBDJRW.js";
import "./chunk-HANBNIMK.js";
export {
  MAX_SNAPSHOT_BYTES,
  readSnapshot,
  writeSnapshot
};
