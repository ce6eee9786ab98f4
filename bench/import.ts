/**
 * Import benchmark: reads a 100,000-row 办件台账 with readLedger and prints rows, wall time,
 * rows per second and peak RSS. `--floor` instead times exceljs's streaming reader alone over
 * the same workbook (re-packed into readable part order, as the importer does): the floor.
 *
 * The workbook is generated once into the OS temp folder with exceljs's streaming writer (so
 * its parts are in the order that needs re-packing), waiting for the file stream to drain.
 * Run each mode in its own process: peak RSS is per process.
 */
import { once } from 'node:events';
import { createWriteStream, existsSync } from 'node:fs';
import { readFile, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readLedger } from '../src/ledger/read-ledger.js';
import { repackInReadableOrder } from '../src/ledger/xlsx/part-order.js';

const ROWS = 100_000;
const FILE = join(tmpdir(), `duty-audit-bench-cases-${ROWS}.xlsx`);
const DRAIN_EVERY = 1_000;

const HEADER = [
  '受理编号', '受理日期', '申请人', '联系电话', '事项名称', '办件类型', '经办人', '材料齐全', '一次性告知', '告知日期',
  '需补材料数', '往返次数', '承诺时限(工作日)', '办结日期', '办理结果', '收费金额', '满意度', '备注',
];
const ITEMS = ['居住证办理', '老年优待证', '低保申请', '生育登记', '残疾人证', '就业登记'];
const KINDS = ['即办件', '承诺件', '上报件'];
const HANDLERS = ['李明', '王强', '张丽', '赵敏', '陈刚'];
const RESULTS = ['办结', '办结', '办结', '办理中', '不予办理', '已转报'];
const RATINGS = ['非常满意', '满意', '基本满意', '不满意'];

function caseRow(index: number): unknown[] {
  const day = 1 + (index % 28);
  const complete = index % 5 !== 0;
  return [
    `SL-2026-10-${String(index + 1).padStart(6, '0')}`,
    new Date(Date.UTC(2026, 9, day)),
    `申请人${index % 997}`,
    13800000000 + (index % 100_000),
    ITEMS[index % ITEMS.length],
    KINDS[index % KINDS.length],
    HANDLERS[index % HANDLERS.length],
    complete ? '是' : '否',
    complete ? '' : '是',
    complete ? '' : `2026/10/${day}`,
    complete ? '' : 1 + (index % 4),
    complete ? 1 : 2,
    index % 3 === 0 ? '' : 5,
    new Date(Date.UTC(2026, 9, Math.min(28, day + 3))),
    RESULTS[index % RESULTS.length],
    index % 50 === 0 ? '1,200元' : '',
    RATINGS[index % RATINGS.length],
    index % 10 === 0 ? '电话预约' : '',
  ];
}

async function generate(file: string): Promise<void> {
  const partial = `${file}.partial`;
  const output = createWriteStream(partial);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('办件台账');
  sheet.addRow(['城东社区便民服务中心 办件台账 2026年10月']).commit();
  sheet.addRow(HEADER).commit();
  for (let index = 0; index < ROWS; index += 1) {
    sheet.addRow(caseRow(index)).commit();
    // The streaming writer has no backpressure (LIBRARY-NOTES): let the zip and the file catch up.
    if (index % DRAIN_EVERY === 0) {
      if (output.writableNeedDrain) await once(output, 'drain');
      else await new Promise((resolve) => setImmediate(resolve));
    }
  }
  sheet.commit();
  await workbook.commit();
  await rename(partial, file);
}

async function floor(file: string): Promise<number> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(repackInReadableOrder(zip), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit' });
  let rows = 0;
  for await (const worksheet of reader) for await (const _row of worksheet) rows += 1;
  return rows;
}

async function main(): Promise<void> {
  if (!existsSync(FILE)) {
    const started = performance.now();
    await generate(FILE);
    console.log(`generated ${FILE} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const mode = process.argv.includes('--floor') ? 'floor: exceljs streaming read' : 'readLedger';
  const started = performance.now();
  let rows: number;
  let detail = '';
  if (mode === 'readLedger') {
    const ledger = await readLedger(FILE);
    const account = ledger.accounts.cases!;
    rows = account.rowsRead;
    detail = ` evaluated=${account.rowsEvaluated} setAside=${account.rowsSetAside} issues=${ledger.dataIssues.length}`;
  } else {
    rows = await floor(FILE);
  }
  const seconds = (performance.now() - started) / 1000;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    `${mode}: rows=${rows}${detail} wall=${seconds.toFixed(2)} s rows/s=${Math.round(rows / seconds)} peakRSS=${peakRssMb.toFixed(0)} MB`,
  );
}

await main();
