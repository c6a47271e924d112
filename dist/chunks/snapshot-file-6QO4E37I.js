import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  readSnapshot,
  writeSnapshot
} from "./chunk-WZX7VDCZ.js";
import "./chunk-WQ4DT2T6.js";
import "./chunk-HANBNIMK.js";
export {
  readSnapshot,
  writeSnapshot
};
