/**
 * A workbook as a person would print it: converted to PDF by LibreOffice headless (Debian's
 * libreoffice-calc-nogui), then read page by page with poppler's pdftotext. Every sheet the
 * report writes carries a page header whose middle part is the sheet's name (&A), so the first
 * line of each page says which sheet it belongs to; pages are counted per sheet from that.
 *
 * Each conversion runs with its own LibreOffice profile folder: two soffice processes sharing a
 * profile (tests in parallel, another engineer's run) would hand the work to one another.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface PdfPage {
  /** 1-based page number in the PDF. */
  page: number;
  /** The sheet named in the page header. */
  sheet: string;
  /** The page's text, laid out as printed. */
  text: string;
}

/** Why a conversion cannot run here, or undefined when soffice and pdftotext are both present. */
export function missingTools(): string | undefined {
  for (const [tool, pkg] of [['soffice', 'libreoffice-calc-nogui'], ['pdftotext', 'poppler-utils'], ['pdfinfo', 'poppler-utils']] as const) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    } catch {
      return `${tool} is not installed: apt-get install ${pkg} (.ci/run installs it)`;
    }
  }
  return undefined;
}

/** Converts a workbook to `<outDir>/<name>.pdf` and returns the PDF's path. */
export function toPdf(workbook: string, outDir: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'duty-audit-lo-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, workbook], {
      stdio: 'pipe',
      timeout: 180_000,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return join(outDir, basename(workbook).replace(/\.xlsx$/, '.pdf'));
}

export function pageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

/** Each page with the sheet its header names (the header's middle part, between wide gaps). */
export function pdfPages(pdf: string, sheetNames: readonly string[]): PdfPage[] {
  const pages: PdfPage[] = [];
  for (let page = 1; page <= pageCount(pdf); page++) {
    const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' });
    const first = text.split('\n').find((l) => l.trim() !== '') ?? '';
    const parts = first.trim().split(/\s{2,}/);
    const sheet = parts.find((p) => sheetNames.includes(p)) ?? '';
    pages.push({ page, sheet, text });
  }
  return pages;
}

/** Pages per sheet, in the order the sheets first appear. */
export function pagesPerSheet(pages: readonly PdfPage[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of pages) counts.set(p.sheet, (counts.get(p.sheet) ?? 0) + 1);
  return counts;
}

/** Page `page` of a PDF as a PNG at `dpi` (pdftoppm), written to `file`. */
export function pageToPng(pdf: string, page: number, file: string, dpi = 80): void {
  const stem = file.replace(/\.png$/, '');
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, stem]);
}
