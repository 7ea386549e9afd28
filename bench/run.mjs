// `npm run bench`: runs every benchmark below (each module exports `run()`), or only those
// named on the command line: `npm run bench -- variance-startup ledger`.
// Ratios are measured side by side within each benchmark; the machine is shared and
// noisy, so compare ratios, not absolute times. Add a new benchmark to BENCHES.
const BENCHES = {
  'variance-startup': () => import('./variance-startup.mjs'),
  ledger: () => import('./ledger.mjs'),
  scenarios: () => import('./scenarios.mjs'),
  diagnose: () => import('./diagnose.mjs'),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
for (const [name, load] of Object.entries(BENCHES)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`\n## ${name}\n`);
  await (await load()).run();
}
