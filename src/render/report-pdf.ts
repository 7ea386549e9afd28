/**
 * The committee report as PDF: the same self-contained HTML, printed by headless
 * Chromium (A4, backgrounds on, the page's own print CSS and @page rules), with every
 * network request refused.
 */
import { withChromium } from '../io/chromium.js';

/** Print an HTML document to PDF bytes with the system Chromium. */
export async function htmlAsPdf(html: string): Promise<Uint8Array> {
  return withChromium(async (context) => {
    const page = await context.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    return page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  });
}
