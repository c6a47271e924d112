import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  readSnapshot,
  writeSnapshot
} from "./chunk-A4RNRO6A.js";
import "./chunk-WQ4DT2T6.js";
import "./chunk-HANBNIMK.js";
export {
  readSnapshot,
  writeSnapshot
};
