import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  keepYoungGenerationSmall
} from "./chunks/chunk-MDWVKXQJ.js";
import "./chunks/chunk-HANBNIMK.js";

// src/cli/entry.ts
keepYoungGenerationSmall();
await import("./chunks/cli-process-EJDXODA2.js");
