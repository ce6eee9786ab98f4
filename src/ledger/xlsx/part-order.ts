/**
 * exceljs's streaming reader reads zip parts in file order and needs the workbook (sheet
 * names, date system), its relationships, the styles (to know date cells) and the shared
 * strings before any worksheet. With `xl/workbook.xml` after a sheet it crashes on the first
 * date cell (LIBRARY-NOTES); with shared strings or relationships after a sheet (or no shared
 * strings at all) it copies every sheet to a temporary file and parses it at the end. Both
 * exceljs writers put `xl/workbook.xml` last, other programs use other orders. So the order is
 * checked, and a workbook in another order is re-packed with those parts first (an empty string
 * table added when there is none). The re-pack copies each part's compressed bytes as they are:
 * nothing is inflated.
 */
import { PassThrough, type Readable } from 'node:stream';
import JSZip from 'jszip';

/** The parts a worksheet needs, in the order they are put first. */
export const PARTS_NEEDED_FIRST = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml'];
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const EMPTY_SHARED_STRINGS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';
const WORKSHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;

/** True when every part a worksheet needs comes before the first worksheet. */
export function isReadableOrder(partNames: readonly string[]): boolean {
  const firstSheet = partNames.findIndex((name) => WORKSHEET_PART.test(name));
  if (firstSheet < 0) return true;
  if (!partNames.includes(SHARED_STRINGS)) return false;
  return PARTS_NEEDED_FIRST.every((part) => {
    const at = partNames.indexOf(part);
    return at < 0 || at < firstSheet;
  });
}

/** The part names with the needed parts first, the rest in their original order. */
export function readableOrder(partNames: readonly string[]): string[] {
  const first = PARTS_NEEDED_FIRST.filter((part) => partNames.includes(part));
  return [...first, ...partNames.filter((name) => !first.includes(name))];
}

/** The zip re-packed in readable order, as a stream for the workbook reader. */
export function repackInReadableOrder(zip: JSZip): Readable {
  const parts: Record<string, JSZip.JSZipObject> = { ...zip.files };
  // Without a string table exceljs would park every sheet in a temporary file.
  parts[SHARED_STRINGS] ??= new JSZip().file(SHARED_STRINGS, EMPTY_SHARED_STRINGS).files[SHARED_STRINGS]!;
  const repacked = new JSZip();
  for (const name of readableOrder(Object.keys(parts))) repacked.files[name] = parts[name]!;
  return generate(repacked);
}

function generate(zip: JSZip): Readable {
  const output = new PassThrough();
  const generated = zip.generateNodeStream({ type: 'nodebuffer', streamFiles: true, compression: 'DEFLATE' });
  generated.on('error', (error: Error) => output.destroy(error));
  generated.pipe(output);
  return output;
}
