import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  keepYoungGenerationSmall,
  loadProgram
} from "./chunks/chunk-P4DABGQW.js";
import "./chunks/chunk-HANBNIMK.js";

// src/index.ts
keepYoungGenerationSmall();
var { exitTwoOnCrash, run } = await loadProgram(() => import("./chunks/main-GBFWCBL7.js"));
exitTwoOnCrash();
await run();
