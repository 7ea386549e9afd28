#!/usr/bin/env node
// Tiny shim: the CLI lives in the compiled TypeScript (npm run build → dist/).
import { main } from '../dist/src/cli.js';

main(process.argv).then((code) => {
  process.exitCode = code;
});
