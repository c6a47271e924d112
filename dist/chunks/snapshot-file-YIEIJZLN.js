import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  MAX_SNAPSHOT_BYTES,
  readSnapshot,
  writeSnapshot
} from "./chunk-YPJGKY4D.js";
import "./chunk-FF4ZPZII.js";
import "./chunk-3OLJVOZR.js";
import "./chunk-HANBNIMK.js";
export {
  MAX_SNAPSHOT_BYTES,
  readSnapshot,
  writeSnapshot
};
