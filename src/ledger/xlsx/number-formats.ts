/**
 * Which cells are dates. Excel stores a date as a number (days since 1900 or 1904) and says it
 * is a date only through the cell's style: the style's number format is a date format. So the
 * styles part is read for each cell style's number format: a built-in one by id, or a custom
 * one (`<numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>`) by
 * its code.
 */
import type { LedgerLimits } from '../limits.js';
import { parsePart, type PartHandler } from './part-parser.js';
import { mapBudget } from './workbook-package.js';
import type { XmlScanner } from './xml-scanner.js';
import type { ZipArchive } from './zip-archive.js';

/**
 * Built-in date and time formats: 14–22 and 45–47 in every locale, and in Chinese, Japanese and
 * Korean Excel also 27–36 and 50–58 (e.g. 31 `yyyy"年"m"月"d"日"`, 57 `yyyy"年"m"月"`), which
 * a workbook saved by Chinese Excel or WPS uses without defining them.
 */
function isBuiltInDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** Quoted text, escaped and spacing characters, and bracketed colours and locales say nothing of dates. */
const LITERALS = /"[^"]*"|\\.|[_*]./g;
const BRACKETS_BUT_ELAPSED_TIME = /\[(?!(?:h+|m+|s+)\])[^\]]*\]/gi;
const DATE_CODES = /[dmyhs]/i;

/** A custom format code shows a date or time when, outside literals, it has d, m, y, h or s. */
export function isDateFormatCode(code: string): boolean {
  return DATE_CODES.test(code.replace(LITERALS, '').replace(BRACKETS_BUT_ELAPSED_TIME, ''));
}

/** Per cell style index (the `s` of a cell), whether its number format is a date format. */
export async function readDateStyles(archive: ZipArchive, file: string, part: string | undefined, limits: LedgerLimits): Promise<boolean[]> {
  if (part === undefined) return [];
  const handler = new StylesHandler();
  await parsePart(archive, file, part, mapBudget(part, limits), handler, limits);
  return handler.formatIds.map((id) => {
    const custom = handler.customFormats.get(id);
    return custom === undefined ? isBuiltInDateFormat(id) : isDateFormatCode(custom);
  });
}

class StylesHandler implements PartHandler {
  readonly names = ['numFmts', 'numFmt', 'cellXfs', 'xf'] as const;
  readonly wantsText = false;
  readonly customFormats = new Map<number, string>();
  /** Number format id of each cell style (`<cellXfs>`'s `<xf>`s, in order). */
  readonly formatIds: number[] = [];
  private inFormats = false;
  private inCellStyles = false;
  private xml!: XmlScanner;

  bind(scanner: XmlScanner): void {
    this.xml = scanner;
  }

  open(name: string): void {
    switch (name) {
      case 'numFmts':
        this.inFormats = true;
        break;
      case 'cellXfs':
        this.inCellStyles = true;
        break;
      case 'numFmt': {
        // Formats under <dxfs> (conditional formatting) are not cell styles' formats.
        if (!this.inFormats) break;
        const id = Number(this.xml.attribute('numFmtId'));
        const code = this.xml.attribute('formatCode');
        if (Number.isInteger(id) && code !== undefined) this.customFormats.set(id, code);
        break;
      }
      case 'xf':
        if (this.inCellStyles) this.formatIds.push(Number(this.xml.attribute('numFmtId') ?? 0) || 0);
        break;
    }
  }

  close(name: string): void {
    if (name === 'numFmts') this.inFormats = false;
    else if (name === 'cellXfs') this.inCellStyles = false;
  }

  text(): void {}
}
