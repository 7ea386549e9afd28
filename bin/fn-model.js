#!/usr/bin/env node
// Tiny shim: the CLI is the compiled TypeScript bundled by esbuild (npm run build → dist/bundle/).
import { main } from '../dist/bundle/cli.js';

// `fn-model … | head` closes stdout early: stop quietly, as other command-line tools do.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
});

main(process.argv).then((code) => {
  process.exitCode = code;
});
