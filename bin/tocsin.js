#!/usr/bin/env node
// The `tocsin` command: runs the compiled CLI (built by `npm run build`, which `npm install` runs).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  console.error('tocsin: not built yet. Run `npm run build` (or `npm install`, which builds) in the project folder.');
  process.exit(1);
}
await import(main.href);
