import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  MAX_SNAPSHOT_BYTES,
  readSnapshot,
  writeSnapshot
} from "./chunk-FODYHRIH.js";
import "./chunk-MQQS6OFD.js";
import "./chunk-RCORRPHM.js";
import "./chunk-HANBNIMK.js";
export {
  MAX_SNAPSHOT_BYTES,
  readSnapshot,
  writeSnapshot
};
