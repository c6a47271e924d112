import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  MAX_SNAPSHOT_BYTES,
  readSnapshot,
  writeSnapshot
} from "./chunk-UOC5V4G2.js";
import "./chunk-5HE2LTP3.js";
import "./chunk-PZ3YZTHI.js";
import "./chunk-HANBNIMK.js";
export {
  MAX_SNAPSHOT_BYTES,
  readSnapshot,
  writeSnapshot
};
