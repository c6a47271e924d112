#!/usr/bin/env node
// The published CLI runs the bundle, so it needs no TypeScript support from Node.
import '../dist/cli.js';
