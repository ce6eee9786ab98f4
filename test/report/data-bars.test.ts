/**
 * 人员汇总's data bars as Excel 2010+ writes them (and reads them without a repair dialog): each
 * bar's `<cfRule type="dataBar">` carries an `<x14:id>` that names an `<x14:cfRule>` of the
 * sheet's own `<extLst>` `x14:conditionalFormattings` entry, over the same cells. exceljs writes
 * an empty `<x14:id/>` with no such entry for gradient bars and in its streaming writer; the
 * report uses solid bars in memory and none when streamed. Read from the file's XML itself.
 */
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { writeSampleReport } from './sample-report.js';

interface Bar {
  sqref: string;
  id: string | undefined;
}

interface ExtRule {
  sqref: string;
  id: string;
  type: string;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['conditionalFormatting', 'cfRule', 'ext', 'x14:conditionalFormatting', 'x14:cfRule'].includes(name) });

type Node = Record<string, unknown>;
const list = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : v === undefined ? [] : [v as Node]);

/** The XML of the sheet named `name`, found through workbook.xml and its relationships. */
async function sheetXml(file: string, name: string): Promise<Node> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const workbook = parser.parse(await zip.file('xl/workbook.xml')!.async('string')) as Node;
  const sheets = list(((workbook.workbook as Node).sheets as Node).sheet);
  const rid = sheets.find((s) => s['@name'] === name)!['@r:id'];
  const rels = parser.parse(await zip.file('xl/_rels/workbook.xml.rels')!.async('string')) as Node;
  const target = String(list((rels.Relationships as Node).Relationship).find((r) => r['@Id'] === rid)!['@Target']).replace(/^\/?xl\//, '');
  return (parser.parse(await zip.file(`xl/${target}`)!.async('string')) as Node).worksheet as Node;
}

function bars(ws: Node): Bar[] {
  return list(ws.conditionalFormatting).flatMap((cf) =>
    list(cf.cfRule)
      .filter((r) => r['@type'] === 'dataBar')
      .map((r) => {
        const ext = list((r.extLst as Node | undefined)?.ext)[0];
        const id = ext?.['x14:id'];
        return { sqref: String(cf['@sqref']), id: typeof id === 'string' && id !== '' ? id : undefined };
      }),
  );
}

function extRules(ws: Node): ExtRule[] {
  const exts = list((ws.extLst as Node | undefined)?.ext).filter((e) => e['@uri'] === '{78C0D931-6437-407d-A8EE-F0AAD7539E65}');
  return exts.flatMap((e) =>
    list((e['x14:conditionalFormattings'] as Node | undefined)?.['x14:conditionalFormatting']).flatMap((cf) =>
      list(cf['x14:cfRule']).map((r) => ({ sqref: String(cf['xm:sqref']), id: String(r['@id']), type: String(r['@type']) })),
    ),
  );
}

describe('data bars in 人员汇总', () => {
  it('each bar has an x14 id that resolves to the sheet-level entry with the same GUID over the same cells', async () => {
    const { xlsx } = await writeSampleReport('zh', false);
    const ws = await sheetXml(xlsx, '人员汇总');
    const found = bars(ws);
    expect(found.map((b) => b.sqref.replace(/\d+$/, ''))).toEqual(['B2:B', 'C2:C', 'D2:D', 'E2:E']);
    const entries = extRules(ws);
    for (const bar of found) {
      expect(bar.id, bar.sqref).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/);
      const entry = entries.find((e) => e.id === bar.id);
      expect(entry, `no x14:cfRule with id ${bar.id}`).toBeDefined();
      expect(entry).toMatchObject({ type: 'dataBar', sqref: bar.sqref });
    }
    expect(new Set(found.map((b) => b.id)).size).toBe(found.length);
    // The sheet's extLst is its last child, where the schema puts it.
    expect(Object.keys(ws).filter((k) => !k.startsWith('@')).at(-1)).toBe('extLst');
  });

  it('a streamed report has no bars rather than broken ones: plain counts only', async () => {
    const { xlsx } = await writeSampleReport('zh', true);
    const ws = await sheetXml(xlsx, '人员汇总');
    expect(bars(ws)).toEqual([]);
    expect(JSON.stringify(ws)).not.toContain('x14:id');
  });
});
