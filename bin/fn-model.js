#!/usr/bin/env node
// Tiny shim: the CLI is the compiled TypeScript bundled by esbuild (npm run build → dist/bundle/).
import { main } from '../dist/bundle/cli.js';

main(process.argv).then((code) => {
  process.exitCode = code;
});
