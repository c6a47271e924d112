import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  keepYoungGenerationSmall,
  loadProgram
} from "./chunks/chunk-P4DABGQW.js";
import "./chunks/chunk-HANBNIMK.js";

// src/cli/entry.ts
keepYoungGenerationSmall();
var { runCli } = await loadProgram(() => import("./chunks/cli-process-NLFV54Y7.js"));
await runCli();
