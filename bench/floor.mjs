// The I/O floor for the ledger bench: read the file in 1 MiB chunks and count newlines.
import { openSync, readSync } from 'node:fs';

const fd = openSync(process.argv[2], 'r');
const buffer = Buffer.allocUnsafe(1 << 20);
let lines = 0;
let got;
while ((got = readSync(fd, buffer, 0, buffer.length, null)) > 0) {
  let at = buffer.indexOf(10);
  while (at !== -1 && at < got) {
    lines++;
    at = buffer.indexOf(10, at + 1);
  }
}
process.stdout.write(`${lines}\n`);
