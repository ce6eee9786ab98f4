/** Markdown table cells and tables: pipes escaped, line breaks as `<br>`. */

export function mdCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

export function mdTable(header: string[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.map(mdCell).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)];
}

export function mdCode(text: string): string {
  return '`' + text + '`';
}
