import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  readSnapshot,
  writeSnapshot
} from "./chunk-BW5DOQ3S.js";
import "./chunk-M2G6SCZE.js";
import "./chunk-HANBNIMK.js";
export {
  readSnapshot,
  writeSnapshot
};
