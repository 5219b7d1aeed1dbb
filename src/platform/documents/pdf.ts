/**
 * PDF documents: a self-contained HTML page printed by headless Chromium
 * (playwright-core), where both are installed; a service offers PDFs only
 * then (chromiumPath). Plans and the child's chronology print this way.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

function playwrightInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('playwright-core');
    return true;
  } catch {
    return false;
  }
}

/** Where Chromium is, if it (and the library that drives it) is installed: PDFs are offered only then. */
export function chromiumPath(): string | undefined {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return existsSync(candidate) && playwrightInstalled() ? candidate : undefined;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Print a self-contained HTML page (styles inline) to an A4 PDF (landscape
 * unless asked otherwise), with the protective marking at the top and foot of
 * every page.
 */
export async function htmlToPdf(
  html: string,
  marking: string,
  options: { landscape?: boolean } = {},
): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium is not installed');
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      landscape: options.landscape ?? true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: `<div style="width:100%;text-align:center;font:bold 9px Arial,sans-serif">${escapeHtml(marking)}</div>`,
      footerTemplate: `<div style="width:100%;text-align:center;font:9px Arial,sans-serif"><b>${escapeHtml(marking)}</b> – page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`,
      margin: { top: '14mm', bottom: '14mm', left: '10mm', right: '10mm' },
    });
    return Buffer.from(pdf);
  } finally {
    await browser.close();
  }
}

/**
 * Print several self-contained HTML pages to A4 portrait PDFs in one
 * Chromium session, with no header or footer (the caller stamps its own, as
 * committee packs do with page numbers across the whole pack). The bottom
 * margin leaves room for that footer.
 */
export async function printHtmlDocuments(htmls: readonly string[]): Promise<Uint8Array[]> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium is not installed');
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  try {
    const page = await browser.newPage();
    const out: Uint8Array[] = [];
    for (const html of htmls) {
      await page.setContent(html, { waitUntil: 'load' });
      out.push(
        await page.pdf({
          format: 'A4',
          printBackground: true,
          margin: { top: '18mm', bottom: '22mm', left: '18mm', right: '18mm' },
        }),
      );
    }
    return out;
  } finally {
    await browser.close();
  }
}
