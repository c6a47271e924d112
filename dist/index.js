import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  keepYoungGenerationSmall
} from "./chunks/chunk-MDWVKXQJ.js";
import "./chunks/chunk-HANBNIMK.js";

// src/index.ts
keepYoungGenerationSmall();
var { exitTwoOnCrash, run } = await import("./chunks/main-AHFRUOEV.js");
exitTwoOnCrash();
await run();
