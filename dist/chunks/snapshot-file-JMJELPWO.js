import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  readSnapshot,
  writeSnapshot
} from "./chunk-VOE4ZYIO.js";
import "./chunk-ZQYT7XLP.js";
export {
  readSnapshot,
  writeSnapshot
};
