/**
 * Inspecting an .xlsx (a zip of XML parts) before exceljs opens it, so a zip bomb or hostile
 * XML is refused unopened with one line, instead of exhausting memory or expanding entities.
 *
 * The zip's central directory is read with yauzl (a small, widely used zip reader that
 * never unpacks on its own and, with `validateEntrySizes`, stops any part that inflates past
 * the size its directory entry declares, so a lying directory cannot smuggle a bomb past
 * the size checks). Checks, in order, all before anything is unpacked except the XML scan:
 * - at most {@link ZIP_MAX_PARTS} parts;
 * - the declared unpacked total at most {@link ZIP_MAX_UNPACKED_BYTES};
 * - no part over {@link ZIP_RATIO_FLOOR_BYTES} compressed more than {@link ZIP_MAX_RATIO}:1;
 * - every part is inflated once and discarded (a part that inflates past its declared size is
 *   `is not an .xlsx workbook`); every XML part (`.xml`, `.rels`, `.vml`) is scanned meanwhile, and refused if it has a
 *   `<!DOCTYPE` or `<!ENTITY` declaration (external entities, "billion laughs": a workbook never
 *   needs a DTD) or a NUL byte (not UTF-8 XML, which would hide a declaration from the scan).
 */
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import type { Problem } from './errors.js';
import { limitText } from './limits.js';

/** Most parts in a workbook zip. */
export const ZIP_MAX_PARTS = 10_000;
/** Most bytes a workbook may unpack to, by its central directory: 200 MiB. */
export const ZIP_MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
/** Highest compression ratio accepted for a part over {@link ZIP_RATIO_FLOOR_BYTES}. */
export const ZIP_MAX_RATIO = 200;
/** Parts up to this unpacked size (10 MiB) may have any ratio (a blank sheet compresses well). */
export const ZIP_RATIO_FLOOR_BYTES = 10 * 1024 * 1024;

const XML_PART = /\.(xml|rels|vml)$/i;
const DECLARATION = /<!\s*(DOCTYPE|ENTITY)/i;
const MIB = 1024 * 1024;

/** `n` bytes in MiB for messages, rounded up (`201 MiB`). */
function mebibytes(n: number): string {
  return `${limitText(Math.ceil(n / MIB))} MiB`;
}

/** The zip's directory entries, read without unpacking any part. */
async function directoryOf(bytes: Buffer): Promise<{ readonly zip: ZipFile; readonly entries: readonly Entry[] }> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true });
  const entries: Entry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      if (entries.length > ZIP_MAX_PARTS) resolve();
      else zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return { zip, entries };
}

/**
 * Inflate one part; when `isXml`, look for a DTD declaration or a NUL byte and give the first
 * found, with its line. @throws when the part is damaged or inflates past its declared size.
 */
async function scanXmlPart(zip: ZipFile, entry: Entry, isXml: boolean): Promise<{ readonly text: string; readonly line: number; readonly nul: boolean } | undefined> {
  const stream: Readable = await zip.openReadStreamPromise(entry);
  let tail = '';
  let lineBreaks = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (!isXml) continue;
      if (chunk.includes(0)) return { text: '', line: lineBreaks + 1, nul: true };
      const window = tail + chunk.toString('latin1');
      const found = DECLARATION.exec(window);
      if (found) {
        const before = window.slice(0, found.index);
        return { text: window.slice(found.index, found.index + 80).split(/\r?\n/)[0] ?? '', line: lineBreaks - countLineBreaks(tail) + countLineBreaks(before) + 1, nul: false };
      }
      lineBreaks += countLineBreaks(chunk.toString('latin1'));
      tail = window.slice(-32);
    }
  } finally {
    stream.destroy();
  }
  return undefined;
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count += 1;
  return count;
}

/**
 * The problems that make `bytes` (an .xlsx file, already known to start like a zip) unsafe
 * to open, or none. `file` names the workbook in messages. A zip whose directory cannot be
 * read, or whose part inflates past its declared size, is `is not an .xlsx workbook`.
 */
export async function workbookZipProblems(bytes: Buffer, file: string): Promise<readonly Problem[]> {
  const notWorkbook: Problem[] = [{ file, message: 'is not an .xlsx workbook' }];
  let directory: { readonly zip: ZipFile; readonly entries: readonly Entry[] };
  try {
    directory = await directoryOf(bytes);
  } catch {
    return notWorkbook;
  }
  const { zip, entries } = directory;
  try {
    if (entries.length > ZIP_MAX_PARTS) {
      return [{ file, message: `has more than ${limitText(ZIP_MAX_PARTS)} zip parts; refused unopened (zip bomb guard, see docs/robustness.md)` }];
    }
    const unpacked = entries.reduce((total, entry) => total + entry.uncompressedSize, 0);
    if (unpacked > ZIP_MAX_UNPACKED_BYTES) {
      return [{ file, message: `would unpack to ${mebibytes(unpacked)}; workbooks that unpack to more than ${mebibytes(ZIP_MAX_UNPACKED_BYTES)} are refused unopened (zip bomb guard, see docs/robustness.md)` }];
    }
    for (const entry of entries) {
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (entry.uncompressedSize > ZIP_RATIO_FLOOR_BYTES && ratio > ZIP_MAX_RATIO) {
        return [
          {
            file,
            text: entry.fileName,
            message: `is a zip part compressed ${limitText(Math.floor(ratio))}:1 to ${mebibytes(entry.uncompressedSize)}; parts over ${mebibytes(ZIP_RATIO_FLOOR_BYTES)} compressed more than ${ZIP_MAX_RATIO}:1 are refused unopened (zip bomb guard, see docs/robustness.md)`,
          },
        ];
      }
    }
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      let found;
      try {
        // every part is inflated once (and discarded) so one whose directory entry lies about
        // its size is stopped here by validateEntrySizes, not inflated whole by exceljs
        found = await scanXmlPart(zip, entry, XML_PART.test(entry.fileName));
      } catch {
        return notWorkbook;
      }
      if (found?.nul) {
        return [{ file, text: entry.fileName, message: `is a zip part with NUL bytes (line ${found.line}): not UTF-8 XML, so the workbook is refused unopened` }];
      }
      if (found) {
        return [
          {
            file,
            text: found.text,
            message: `is in zip part ${entry.fileName} line ${found.line}: a DTD declaration (external entity or entity expansion); a workbook never needs one, so it is refused unopened`,
          },
        ];
      }
    }
    return [];
  } finally {
    zip.close();
  }
}
