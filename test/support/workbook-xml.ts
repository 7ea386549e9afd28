/**
 * Editing an .xlsx at the XML level, as a hand edit in a tool that does not recalculate
 * would: change one number cell's stored value, leaving every formula's cached value as it
 * was. Uses jszip (exceljs's own zip library) so no workbook library rewrites the file.
 */
import JSZip from 'jszip';

/** The zip path of each sheet's XML (`xl/worksheets/sheet3.xml`), by sheet name. */
export async function sheetPaths(zip: JSZip): Promise<Map<string, string>> {
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const targets = new Map<string, string>();
  for (const match of rels.matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)) targets.set(match[1]!, match[2]!);
  for (const match of rels.matchAll(/<Relationship [^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"/g)) targets.set(match[2]!, match[1]!);
  const paths = new Map<string, string>();
  for (const match of workbook.matchAll(/<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)) {
    const target = targets.get(match[2]!) ?? '';
    paths.set(match[1]!, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  return paths;
}

/**
 * A copy of the workbook bytes with the number stored in `sheet`!`address` replaced by
 * `value` (decimal text). @throws Error when the cell is not a plain number cell.
 */
export async function withNumberCell(bytes: Uint8Array, sheet: string, address: string, value: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const path = (await sheetPaths(zip)).get(sheet);
  if (!path) throw new Error(`no sheet ${sheet}`);
  const xml = (await zip.file(path)?.async('string')) ?? '';
  const pattern = new RegExp(`(<c r="${address}"(?: [^>]*)?>)<v>[^<]*</v>(</c>)`);
  if (!pattern.test(xml)) throw new Error(`${sheet}!${address} is not a number cell`);
  zip.file(path, xml.replace(pattern, `$1<v>${value}</v>$2`));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A copy of the workbook bytes with every formula's cached value replaced by `value`. */
export async function withCachedValues(bytes: Uint8Array, value: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const path of (await sheetPaths(zip)).values()) {
    const xml = (await zip.file(path)?.async('string')) ?? '';
    zip.file(path, xml.replace(/(<f>[^<]*<\/f>)<v>[^<]*<\/v>/g, `$1<v>${value}</v>`));
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
