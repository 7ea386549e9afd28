/**
 * Reading and writing zip archives for the fuzzer and the hostile-workbook fixtures: the
 * parts of a workbook out (yauzl), and parts back into a zip (a minimal writer over
 * node:zlib, so a mutated or hostile part can be packed exactly as given).
 */
import { crc32, deflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import type { Entry } from 'yauzl';

/** One file inside a zip. */
export interface ZipPart {
  readonly name: string;
  readonly data: Uint8Array;
}

/** Every part of a zip, in directory order, unpacked. */
export async function unzipParts(bytes: Buffer): Promise<ZipPart[]> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  const parts: ZipPart[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: Entry) => {
      zip
        .openReadStreamPromise(entry)
        .then(async (stream) => {
          const chunks: Buffer[] = [];
          for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
          parts.push({ name: entry.fileName, data: Buffer.concat(chunks) });
          zip.readEntry();
        })
        .catch(reject);
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  zip.close();
  return parts;
}

/**
 * A zip of `parts`: `deflate` compresses each (at `level`, 9 by default, as a zip bomb would), `store` keeps
 * them as they are (fast, for the fuzzer). No zip64: every part and the whole under 4 GiB.
 */
export function zipParts(parts: readonly ZipPart[], method: 'store' | 'deflate' = 'deflate', level = 9): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const packed = method === 'deflate' ? deflateRawSync(part.data, { level }) : Buffer.from(part.data);
    const checksum = crc32(part.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method === 'deflate' ? 8 : 0, 8);
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(part.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method === 'deflate' ? 8 : 0, 10);
    central.writeUInt32LE(checksum, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(part.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
