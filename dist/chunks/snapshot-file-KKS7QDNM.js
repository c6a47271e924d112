import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  MAX_SNAPSHOT_BYTES,
  readSnapshot,
  writeSnapshot
} from "./chunk-PZ32DOGX.js";
import "./chunk-ECHFJ74Z.js";
import "./chunk-VEPUTHKX.js";
import "./chunk-3OLJVOZR.js";
import "./chunk-HANBNIMK.js";
export {
  MAX_SNAPSHOT_BYTES,
  readSnapshot,
  writeSnapshot
};
