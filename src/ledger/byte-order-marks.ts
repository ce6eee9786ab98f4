/**
 * The byte order marks a ledger file or workbook part may start with, for the CSV reader
 * (csv/decode.ts) and the workbook's XML parts (xlsx/part-parser.ts).
 */
export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
export const UTF16LE_BOM = Buffer.from([0xff, 0xfe]);
export const UTF16BE_BOM = Buffer.from([0xfe, 0xff]);

/** Whether `bytes` starts with `mark` (false when it is shorter). */
export function startsWithMark(bytes: Buffer, mark: Buffer): boolean {
  return bytes.length >= mark.length && bytes.subarray(0, mark.length).equals(mark);
}
