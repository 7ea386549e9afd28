// `npm run bench`: each bench module exports run(); add new benches to the list.
import { run as ledger } from './ledger.mjs';

for (const bench of [ledger]) {
  await bench();
}
