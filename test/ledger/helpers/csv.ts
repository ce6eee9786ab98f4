import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'gbk' | 'gb18030';

/** Rows as CSV text (fields with commas, quotes or line breaks quoted). */
export function csvText(rows: unknown[][], lineEnd = '\r\n'): string {
  return rows.map((row) => row.map((cell) => csvField(cell)).join(',')).join(lineEnd) + lineEnd;
}

function csvField(cell: unknown): string {
  const text = cell === null || cell === undefined ? '' : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export async function writeCsv(dir: string, name: string, rows: unknown[][], encoding: CsvEncoding = 'utf-8'): Promise<string> {
  const file = join(dir, name);
  const text = csvText(rows);
  const bytes =
    encoding === 'utf-8'
      ? Buffer.from(text, 'utf8')
      : encoding === 'utf-8-bom'
        ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
        : iconv.encode(text, encoding);
  await writeFile(file, bytes);
  return file;
}
