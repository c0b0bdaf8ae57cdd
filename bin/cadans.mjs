#!/usr/bin/env node
// The local runner; built from src/local/cli.ts by `npm run build` (run by `npm ci` too).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../dist-local/cli.mjs', import.meta.url));
if (!existsSync(built)) {
  console.error('cadans: not built yet; run `npm run build` in the Cadans folder first.');
  process.exit(1);
}
const { main } = await import(built);
await main(process.argv.slice(2));
