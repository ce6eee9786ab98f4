/**
 * Hostile inputs against the memory budget (issue 16: "refused by limits or read within 400 MB
 * peak RSS"): a 1,000,000-row workbook and CSV, a CSV at the 150,000-row limit (audited whole),
 * a 200 MB CSV cell (and a 99 MB one, under the file limit), a 600 MB CSV, a 50 MB rule file,
 * 100,000 nested condition groups, and zip bombs whose shared-string table inflates to 1 GB (its
 * size declared, and lied about). Each runs in a child process of its own (peak RSS is per
 * process), with no V8 flags as the bin runs and the default limits: the audits through audit()
 * from the compiled library (dist/, rebuilt when stale) in a plain node process, as `duty-audit
 * audit` runs (bench/hostile-child.mjs); the rule-file scenarios load the rules from source. The
 * line printed says what happened, the wall time and the peak RSS.
 *
 *     npx tsx bench/hostile.ts            # every scenario (inputs generated once into the OS temp folder)
 *     npx tsx bench/hostile.ts csv-1m     # one scenario
 *
 * The tests (test/hostile/) reach the same limits with small inputs through the limit options.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { cp, mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { DutyAuditError } from '../src/errors.js';
import { render } from '../src/messages/catalogue.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { loadRuleSet } from '../src/rules/load.js';
import { ensureBuilt } from './build-freshness.js';

const DIR = join(tmpdir(), 'duty-audit-bench-hostile');
const AUDIT_CHILD = join(PACKAGE_ROOT, 'bench', 'hostile-child.mjs');
const BUDGET_MB = 400;
const HEADER = ['受理编号', '受理日期', '申请人', '联系电话', '事项名称', '办件类型', '经办人', '材料齐全', '办结日期', '办理结果'];

function caseRow(i: number): string[] {
  const day = `2026-10-${String(9 + (i % 20)).padStart(2, '0')}`;
  return [`SL-${i}`, day, `申请人${i % 997}`, `138${String(10_000_000 + (i % 9_000_000)).slice(-8)}`, '证明开具', '即办件', ['李明', '王强', '张伟'][i % 3]!, '是', day, '办结'];
}

// ---- inputs, generated once ----

async function centerFile(folder: string): Promise<void> {
  await writeFile(join(folder, '测试-中心信息.csv'), '中心名称,所属街道\r\n测试社区便民服务中心,城东街道\r\n');
}

async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  let chunk = '';
  for (const line of lines) {
    chunk += line;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'close');
}

function* csvRows(n: number): Generator<string> {
  yield HEADER.join(',') + '\r\n';
  for (let i = 0; i < n; i++) yield caseRow(i).join(',') + '\r\n';
}

async function xlsx1m(file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('办件台账');
  ws.addRow(HEADER).commit();
  const stream = (wb as unknown as { stream: NodeJS.WritableStream & { writableNeedDrain: boolean } }).stream;
  for (let i = 0; i < 1_000_000; i++) {
    ws.addRow(caseRow(i)).commit();
    if (i % 1000 === 0 && stream.writableNeedDrain) await once(stream, 'drain');
  }
  ws.commit();
  await wb.commit();
}

/** A zip of the given parts; `big` is streamed through deflate, its declared size optionally a lie. */
async function zipWith(file: string, parts: Record<string, string>, big: { name: string; chunk: string; times: number; declare?: number }): Promise<void> {
  const handle = await open(file, 'w');
  let offset = 0;
  const central: Buffer[] = [];
  const put = async (bytes: Buffer) => {
    await handle.write(bytes);
    offset += bytes.length;
  };
  const entry = async (name: string, data: Buffer, crc: number, size: number) => {
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const at = offset;
    await put(Buffer.concat([local, nameBytes, data]));
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(0x0800, 8);
    record.writeUInt16LE(8, 10);
    record.writeUInt32LE(crc, 16);
    record.writeUInt32LE(data.length, 20);
    record.writeUInt32LE(size, 24);
    record.writeUInt16LE(nameBytes.length, 28);
    record.writeUInt32LE(at, 42);
    central.push(Buffer.concat([record, nameBytes]));
  };
  for (const [name, text] of Object.entries(parts)) {
    const data = Buffer.from(text);
    await entry(name, deflateRawSync(data), crc32(data), data.length);
  }
  // The big part: deflated chunk by chunk (never whole in memory).
  const deflate = createDeflateRaw({ level: 9 });
  const compressed: Buffer[] = [];
  deflate.on('data', (c: Buffer) => compressed.push(c));
  const chunk = Buffer.from(big.chunk);
  let crc = 0;
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>`);
  const tail = Buffer.from('</t></si></sst>');
  crc = crc32(head, crc);
  deflate.write(head);
  for (let i = 0; i < big.times; i++) {
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await once(deflate, 'drain');
  }
  crc = crc32(tail, crc);
  deflate.end(tail);
  await once(deflate, 'end');
  const size = head.length + chunk.length * big.times + tail.length;
  await entry(big.name, Buffer.concat(compressed), crc, big.declare ?? Math.min(size, 0xffffffff));
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length, 8);
  end.writeUInt16LE(central.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  await put(Buffer.concat([directory, end]));
  await handle.close();
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const BOMB_PARTS: Record<string, string> = {
  '[Content_Types].xml': `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
  '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  'xl/workbook.xml': `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="办件台账" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`,
};

interface Scenario {
  input: string;
  /** Made again on every run: built from the current rules/, a cached copy goes stale with it. */
  fresh?: boolean;
  make(): Promise<void>;
  /** `audit`: audit() of the input from dist/ in a plain node process (bench/hostile-child.mjs); else run here, from source. */
  run: 'audit' | (() => Promise<string>);
}

const SCENARIOS: Record<string, Scenario> = {
  'xlsx-1m': {
    input: join(DIR, 'rows-1m.xlsx'),
    make: () => xlsx1m(join(DIR, 'rows-1m.xlsx')),
    run: 'audit',
  },
  'csv-1m': {
    input: join(DIR, 'csv-1m'),
    async make() {
      await mkdir(join(DIR, 'csv-1m'), { recursive: true });
      await writeLines(join(DIR, 'csv-1m', '测试-办件台账.csv'), csvRows(1_000_000));
      await centerFile(join(DIR, 'csv-1m'));
    },
    run: 'audit',
  },
  // At the row limit (the header is one of the 150,000 rows, as in a workbook): accepted and
  // audited whole, which is what the limit's budget is for.
  'csv-150k': {
    input: join(DIR, 'csv-150k'),
    async make() {
      await mkdir(join(DIR, 'csv-150k'), { recursive: true });
      await writeLines(join(DIR, 'csv-150k', '测试-办件台账.csv'), csvRows(149_999));
      await centerFile(join(DIR, 'csv-150k'));
    },
    run: 'audit',
  },
  'csv-cell-200mb': {
    input: join(DIR, 'cell-200mb'),
    async make() {
      await mkdir(join(DIR, 'cell-200mb'), { recursive: true });
      await writeLines(join(DIR, 'cell-200mb', '测试-办件台账.csv'), [HEADER.join(',') + '\r\n', caseRow(1).join(',') + ',', ...Array.from({ length: 200 }, () => '备'.repeat(349_526)), '\r\n']);
      await centerFile(join(DIR, 'cell-200mb'));
    },
    run: 'audit',
  },
  'csv-cell-99mb': {
    input: join(DIR, 'cell-99mb'),
    async make() {
      await mkdir(join(DIR, 'cell-99mb'), { recursive: true });
      await writeLines(join(DIR, 'cell-99mb', '测试-办件台账.csv'), [HEADER.join(',') + '\r\n', caseRow(1).join(',') + ',', ...Array.from({ length: 99 }, () => '备'.repeat(349_526)), '\r\n']);
      await centerFile(join(DIR, 'cell-99mb'));
    },
    run: 'audit',
  },
  'csv-600mb': {
    input: join(DIR, 'csv-600mb'),
    async make() {
      await mkdir(join(DIR, 'csv-600mb'), { recursive: true });
      const block = [...csvRows(10_000)].slice(1).join('');
      const times = Math.ceil((600 * 1024 * 1024) / Buffer.byteLength(block));
      await writeLines(join(DIR, 'csv-600mb', '测试-办件台账.csv'), [HEADER.join(',') + '\r\n', ...Array.from({ length: times }, () => block)]);
      await centerFile(join(DIR, 'csv-600mb'));
    },
    run: 'audit',
  },
  'rules-50mb': {
    input: join(DIR, 'rules-50mb'),
    fresh: true,
    async make() {
      await rm(join(DIR, 'rules-50mb'), { recursive: true, force: true });
      await cp(join(PACKAGE_ROOT, 'rules'), join(DIR, 'rules-50mb'), { recursive: true });
      const file = join(DIR, 'rules-50mb', '失职追究制', 'refusal-without-reason.json');
      const rule = JSON.parse(await readFile(file, 'utf8')) as { conditions: { all: unknown[] } };
      const leaf = { fact: 'refusal_reason', operator: 'equal', value: 'x'.repeat(100) };
      rule.conditions.all.push({ any: Array.from({ length: 350_000 }, () => leaf) });
      await writeFile(file, JSON.stringify(rule));
    },
    async run() {
      const { problems } = await loadRuleSet(join(DIR, 'rules-50mb'));
      if (problems.length === 0) return 'loaded';
      const p = problems[0]!;
      return `refused (${p.code}): ${render(p.message, 'en').slice(0, 90)}…`;
    },
  },
  'rules-deep': {
    input: join(DIR, 'rules-deep'),
    fresh: true,
    async make() {
      await rm(join(DIR, 'rules-deep'), { recursive: true, force: true });
      await cp(join(PACKAGE_ROOT, 'rules'), join(DIR, 'rules-deep'), { recursive: true });
      const file = join(DIR, 'rules-deep', '失职追究制', 'refusal-without-reason.json');
      const rule = JSON.parse(await readFile(file, 'utf8')) as { conditions: unknown };
      const depth = 100_000;
      const text = JSON.stringify({ ...rule, conditions: '@' }).replace('"@"', '{"not":'.repeat(depth) + '{"fact":"result","operator":"equal","value":"x"}' + '}'.repeat(depth));
      await writeFile(file, text);
    },
    async run() {
      const { problems } = await loadRuleSet(join(DIR, 'rules-deep'));
      const p = problems[0];
      return p ? `refused (${p.code}) at ${p.line}:${p.column}: ${render(p.message, 'en').slice(0, 70)}…` : 'loaded';
    },
  },
  'zip-bomb': {
    input: join(DIR, 'bomb.xlsx'),
    make: () => zipWith(join(DIR, 'bomb.xlsx'), BOMB_PARTS, { name: 'xl/sharedStrings.xml', chunk: '炸'.repeat(1 << 18), times: 1365 }),
    run: 'audit',
  },
  'zip-bomb-lying': {
    input: join(DIR, 'bomb-lying.xlsx'),
    make: () => zipWith(join(DIR, 'bomb-lying.xlsx'), BOMB_PARTS, { name: 'xl/sharedStrings.xml', chunk: '炸'.repeat(1 << 18), times: 1365, declare: 100_000 }),
    run: 'audit',
  },
};

// ---- one scenario in this process, or all of them in child processes ----

/** What a scenario's child prints, as one line of JSON: what happened, its wall time and its peak RSS. */
interface Outcome {
  outcome: string;
  seconds: number;
  rssMb: number;
}

async function runHere(name: string): Promise<void> {
  const run = SCENARIOS[name]!.run;
  if (run === 'audit') throw new Error(`${name} is audited from dist/ by bench/hostile-child.mjs`);
  const started = performance.now();
  let outcome: string;
  try {
    outcome = await run();
  } catch (error) {
    if (!(error instanceof DutyAuditError)) throw error;
    outcome = `refused (${error.code}): ${error.message.replace(DIR, '…').slice(0, 110)}${error.message.length > 110 ? '…' : ''}`;
  }
  const result: Outcome = { outcome, seconds: (performance.now() - started) / 1000, rssMb: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function outcomeLine(name: string, { outcome, seconds, rssMb }: Outcome): string {
  return `${name.padEnd(16)} ${rssMb <= BUDGET_MB ? 'within' : 'OVER  '} ${rssMb.toFixed(0).padStart(5)} MB peak RSS  ${seconds.toFixed(1).padStart(6)} s  ${outcome}\n`;
}

async function main(): Promise<void> {
  const asked = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (process.argv.includes('--here')) return runHere(asked[0]!);
  const names = asked.length > 0 ? asked : Object.keys(SCENARIOS);
  await mkdir(DIR, { recursive: true });
  const loader = pathToFileURL(join(PACKAGE_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  if (names.some((name) => SCENARIOS[name]?.run === 'audit')) ensureBuilt(PACKAGE_ROOT);
  console.log(`hostile inputs against ${BUDGET_MB} MB (default limits, no V8 flags, as the bin runs)`);
  for (const name of names) {
    const scenario = SCENARIOS[name];
    if (!scenario) throw new Error(`no scenario ${name}; scenarios: ${Object.keys(SCENARIOS).join(', ')}`);
    if (scenario.fresh || !existsSync(scenario.input)) {
      const started = performance.now();
      await scenario.make();
      console.log(`  (generated ${scenario.input} in ${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
    const command = scenario.run === 'audit' ? [AUDIT_CHILD, name, scenario.input] : ['--import', loader, fileURLToPath(import.meta.url), name, '--here'];
    const child = spawnSync(process.execPath, command, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const printed = child.stdout.trim();
    process.stdout.write(printed ? outcomeLine(name, JSON.parse(printed) as Outcome) : `${name}: exited ${child.status ?? child.signal}: ${child.stderr.split('\n').slice(0, 3).join(' ')}\n`);
  }
  if (process.argv.includes('--clean')) await rm(DIR, { recursive: true, force: true });
}

await main();
