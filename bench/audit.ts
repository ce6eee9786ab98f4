/**
 * End-to-end audit benchmark (SPEC §9, issue 6):
 * `npx tsx bench/audit.ts [--rounds N] [--node-flags "FLAGS"] [sizes...]`
 * (default: 3 rounds of 10000 and 100000 cases). Add `--report-writer` to also time the report
 * writer alone on 10,000 and 100,000 synthetic findings. Every child, audit and floor alike,
 * runs with the node flags of the bin's shebang (src/cli/main.ts), so the audit is measured as
 * the bin runs it and the comparison stays fair; `--node-flags "FLAGS"` replaces them (`""` for
 * none). The flags are printed with the results.
 *
 * For each size a sample month with that many case rows is generated once (src/sample, cached
 * in the temp folder), then, round after round, two measurements run side by side, each in a
 * child process of its own so that its peak RSS (process.resourceUsage().maxRSS) is its alone:
 *   audit — audit() (rules, read, facts, evaluate, grade) + the Excel report + the JSON, as the
 *           CLI does, with the time of every stage ('facts' is the lookups and the sheet-wide
 *           scopes; the case, complaint, attendance and other records are built as 'evaluate'
 *           walks them, see src/facts/build.ts);
 *   floor — exceljs alone: stream-read the same workbook (re-packed into readable part order,
 *           as the importer must) and write a findings report of the same row count with the
 *           streaming writer (inline strings, waiting on the stream).
 * The machine is shared and noisy, so the rounds alternate audit and floor and the table shows
 * medians; the ratio is of the medians. The best round of each (the one least disturbed by
 * other work on the machine) is shown beside them. Target (issue 6): audit ≤ 1.5× floor, peak ≤ 400 MB.
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

const SELF = fileURLToPath(import.meta.url);
const ROOT = join(SELF, '..', '..');
const LOADER = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const WORK = join(tmpdir(), 'duty-audit-bench');
const TIME_TARGET = 1.5;
const RSS_TARGET_MB = 400;
const STAGES = ['rules', 'read', 'facts', 'evaluate', 'grade', 'report'] as const;

interface Measure {
  wallMs: number;
  maxRssMb: number;
  rows: number;
  findings: number;
  detail: Record<string, number>;
}

/** Node flags for every measured child, the same for audit and floor: the bin's, unless `--node-flags`. */
let nodeFlags: string[] = binNodeFlags();

/** The flags in src/cli/main.ts's `#!/usr/bin/env -S node FLAGS` line. */
function binNodeFlags(): string[] {
  const shebang = readFileSync(join(ROOT, 'src', 'cli', 'main.ts'), 'utf8').split('\n', 1)[0]!;
  const flags = /^#!\/usr\/bin\/env -S node\s+(.*)$/.exec(shebang)?.[1] ?? '';
  return flags.split(/\s+/).filter((flag) => flag !== '');
}

function child(args: string[]): Measure {
  const out = execFileSync(process.execPath, [...nodeFlags, '--import', LOADER, SELF, '--child', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop()!) as Measure;
}

function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

async function generate(cases: number, dir: string): Promise<Measure> {
  const { planSampleMonth } = await import('../src/sample/generate.js');
  const { writeSampleXlsx } = await import('../src/sample/write-xlsx.js');
  const start = performance.now();
  const plan = planSampleMonth({ cases });
  mkdirSync(dir, { recursive: true });
  await writeSampleXlsx(plan, join(dir, `${plan.stem}.xlsx`));
  return { wallMs: performance.now() - start, maxRssMb: peakRssMb(), rows: cases, findings: 0, detail: {} };
}

async function runAuditStep(file: string): Promise<Measure> {
  const { audit } = await import('../src/audit/audit.js');
  const { writeReportXlsx } = await import('../src/report/xlsx/write.js');
  const { reportJsonText } = await import('../src/report/json.js');
  const detail: Record<string, number> = {};
  const start = performance.now();
  const result = await audit(file, { onStage: (stage, ms) => (detail[stage] = ms) });
  const audited = performance.now();
  await writeReportXlsx(result, `${file}.report.xlsx`, { lang: 'zh', mask: true });
  await writeFile(`${file}.report.json`, reportJsonText(result, { lang: 'zh', mask: true }));
  const end = performance.now();
  detail['report'] = end - audited;
  return { wallMs: end - start, maxRssMb: peakRssMb(), rows: result.summary.rowsRead, findings: result.findings.length, detail };
}

/** exceljs alone: the streaming read every audit needs, and a streaming write of `findings` rows. */
async function runFloorStep(file: string, findings: number): Promise<Measure> {
  const { isReadableOrder, repackInReadableOrder } = await import('../src/ledger/xlsx/part-order.js');
  const start = performance.now();
  const bytes = await readFile(file);
  const zip = await JSZip.loadAsync(bytes);
  const input = isReadableOrder(Object.keys(zip.files)) ? Readable.from(bytes) : repackInReadableOrder(zip);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  let rows = 0;
  for await (const sheet of reader) {
    for await (const row of sheet) {
      if (row.hasValues) rows++;
    }
  }
  const readDone = performance.now();

  const out = createWriteStream(`${file}.floor.xlsx`);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('问题清单');
  ws.addRow(['问题编号', '条款', '规则', '问题', '责任对象', '台账', '行', '记录编号', '日期', '问题描述', '基础等级', '处理等级', '升级原因', '扣款(元)', '涉及行']).commit();
  for (let i = 0; i < findings; i++) {
    ws.addRow([
      `F-${i.toString(16).padStart(12, '0')}`, '失职追究制/二.6', 'case-overdue', '超过承诺时限未办结', '李敏', '办件台账', i + 3,
      `SL-2026-10-${i}`, new Date(Date.UTC(2026, 9, 1 + (i % 28))), `承诺件SL-2026-10-${i}承诺5个工作日,截止2026-10-12,逾期4个工作日,无延期原因`,
      '批评教育', '批评教育', '', 0, '',
    ]).commit();
    if (i % 1000 === 999) {
      await new Promise((r) => setImmediate(r));
      while (out.writableNeedDrain) await once(out, 'drain');
    }
  }
  ws.commit();
  const closed = once(out, 'close');
  await wb.commit();
  await closed;
  const end = performance.now();
  return { wallMs: end - start, maxRssMb: peakRssMb(), rows, findings, detail: { read: readDone - start, write: end - readDone } };
}

/** The report writer alone on `n` synthetic findings (the streaming path above 10,000). */
async function runReportStep(n: number, dir: string): Promise<Measure> {
  const { writeReportXlsx } = await import('../src/report/xlsx/write.js');
  const { GRADES } = await import('../src/grade-scale.js');
  const findings = Array.from({ length: n }, (_, i) => {
    const grade = GRADES[i % 4]!;
    const key = `SL-2026-10-${String(i).padStart(6, '0')}`;
    return {
      id: `F-${i.toString(16).padStart(12, '0')}`, ruleId: 'case-overdue', clause: '失职追究制/二.6',
      title: { zh: '超过承诺时限未办结', en: 'Case not completed within its promised time limit' },
      scope: 'case' as const, subject: { kind: 'staff' as const, name: `员工${i % 40}` }, ref: { sheet: 'cases' as const, row: i + 3, key },
      date: `2026-10-${String(1 + (i % 28)).padStart(2, '0')}`, facts: { case_id: key, overdue_days: 4, phone: '13812341234' }, conditions: [],
      message: { zh: `承诺件${key}承诺5个工作日,截止2026-10-12,逾期4个工作日,无延期原因`, en: `${key} 4 working days overdue` },
      baseGrade: grade, baseReason: { kind: 'base' as const }, grade, escalation: { kind: 'none' as const }, deductionYuan: 0, status: 'counted' as const,
    };
  });
  const zero = { reminder: 0, criticism: 0, notice: 0, deduction: 0 };
  const sanction = { zh: '', en: '' };
  const result = {
    tool: { name: 'duty-audit', version: 'bench' }, center: 'bench', period: '2026-10', periodInferred: false, asOf: '2026-10-31',
    generatedAt: new Date().toISOString(), inputs: [], rulesHash: '', rules: [], dataIssues: [],
    policy: { escalate_every: 2, escalate_cap: 'deduction' as const, deduction_yuan: 200, monthly_cap_yuan: 500, sanctions: { reminder: sanction, criticism: sanction, notice: sanction, deduction: sanction } },
    summary: { byGrade: zero, byClause: {}, byStatus: { counted: n, merged: 0, 'reported-before': 0, withdrawn: 0, regraded: 0 }, byWarning: { 'due-soon': 0, 'overdue-open': 0, 'pending-complaint': 0 }, rowsRead: 0, rowsEvaluated: 0, rowsSetAside: 0, bySheet: {} },
    findings,
    people: [],
    warnings: [],
    service: { people: [], center: { handled: 0, completedWithDeadline: 0, completedOnTime: 0, onTimeRate: null, rated: 0, satisfied: 0, satisfactionRate: null } },
  };
  mkdirSync(dir, { recursive: true });
  const before = peakRssMb();
  const start = performance.now();
  await writeReportXlsx(result, join(dir, `report-${n}.xlsx`), { lang: 'zh', mask: true });
  return { wallMs: performance.now() - start, maxRssMb: peakRssMb(), rows: 0, findings: n, detail: { rssBeforeWriteMb: before } };
}

async function childMain(argv: string[]): Promise<void> {
  const [step, a, b] = argv;
  let m: Measure;
  if (step === 'generate') m = await generate(Number(a), b!);
  else if (step === 'audit') m = await runAuditStep(a!);
  else if (step === 'floor') m = await runFloorStep(a!, Number(b));
  else if (step === 'report') m = await runReportStep(Number(a), b!);
  else throw new Error(`unknown step ${step}`);
  process.stdout.write(`${JSON.stringify(m)}\n`);
}

const s = (ms: number) => (ms / 1000).toFixed(2);

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

async function parentMain(sizes: number[], rounds: number, reportWriter: boolean): Promise<void> {
  const summary: string[][] = [];
  const stages: string[][] = [];
  for (const cases of sizes) {
    const dir = join(WORK, String(cases));
    const file = join(dir, '城东社区-2026-10.xlsx');
    if (!existsSync(file)) {
      const g = child(['generate', String(cases), dir]);
      process.stderr.write(`generated ${cases} cases in ${s(g.wallMs)} s\n`);
    }
    const audits: Measure[] = [];
    const floors: Measure[] = [];
    for (let round = 1; round <= rounds; round++) {
      const audit = child(['audit', file]);
      const floor = child(['floor', file, String(audit.findings)]);
      audits.push(audit);
      floors.push(floor);
      process.stderr.write(`${cases} round ${round}: audit ${s(audit.wallMs)} s ${audit.maxRssMb} MB · floor ${s(floor.wallMs)} s ${floor.maxRssMb} MB\n`);
    }
    const auditMs = median(audits.map((m) => m.wallMs));
    const floorMs = median(floors.map((m) => m.wallMs));
    const auditMb = Math.max(...audits.map((m) => m.maxRssMb));
    const floorMb = Math.max(...floors.map((m) => m.maxRssMb));
    const ratio = auditMs / floorMs;
    const bestAuditMs = Math.min(...audits.map((m) => m.wallMs));
    const bestFloorMs = Math.min(...floors.map((m) => m.wallMs));
    summary.push([
      cases.toLocaleString('en-US'), String(audits[0]!.rows), String(audits[0]!.findings),
      s(auditMs), String(auditMb), s(floorMs), String(floorMb),
      `${ratio.toFixed(2)}×`, ratio <= TIME_TARGET && auditMb <= RSS_TARGET_MB ? 'yes' : 'no',
      `${s(bestAuditMs)} / ${s(bestFloorMs)} = ${(bestAuditMs / bestFloorMs).toFixed(2)}×`,
    ]);
    stages.push([
      cases.toLocaleString('en-US'),
      ...STAGES.map((stage) => s(median(audits.map((m) => m.detail[stage] ?? 0)))),
      s(median(floors.map((m) => m.detail['read']!))), s(median(floors.map((m) => m.detail['write']!))),
      `${(median(audits.map((m) => m.detail['read']!)) / median(floors.map((m) => m.detail['read']!))).toFixed(2)}×`,
    ]);
  }
  console.log(`end to end, median of ${rounds} rounds (each step a child process; peak = max over rounds):\n`);
  console.log(table(['cases', 'rows read', 'findings', 'audit s', 'audit peak MB', 'floor s', 'floor peak MB', 'audit/floor', `≤ ${TIME_TARGET}× and ≤ ${RSS_TARGET_MB} MB`, 'best audit / best floor'], summary));
  console.log('\nper stage, seconds (medians):\n');
  console.log(table(['cases', ...STAGES.map((stage) => `audit ${stage}`), 'floor read', 'floor write', 'read/floor read'], stages));
  if (reportWriter) {
    console.log('\nreport writer alone (synthetic findings; streaming writer above 10,000):\n');
    const rows = [10_000, 100_000].map((n) => {
      const r = child(['report', String(n), WORK]);
      return [n.toLocaleString('en-US'), s(r.wallMs), String(Math.round(n / (r.wallMs / 1000))), String(r.detail['rssBeforeWriteMb']), String(r.maxRssMb)];
    });
    console.log(table(['findings', 'write s', 'rows/s', 'RSS before write MB', 'peak MB'], rows));
  }
  console.log(`\nnode ${process.version}${nodeFlags.length > 0 ? ` with ${nodeFlags.join(' ')}` : ' (no extra flags)'}; workbooks in ${WORK} (npx tsx bench/audit.ts --clean to regenerate)`);
}

const argv = process.argv.slice(2);
if (argv[0] === '--child') await childMain(argv.slice(1));
else if (argv[0] === '--clean') await rm(WORK, { recursive: true, force: true });
else {
  const roundsAt = argv.indexOf('--rounds');
  const rounds = roundsAt >= 0 ? Number(argv[roundsAt + 1]) : 3;
  const flagsAt = argv.indexOf('--node-flags');
  if (flagsAt >= 0) nodeFlags = argv[flagsAt + 1]!.split(/\s+/).filter((flag) => flag !== '');
  const sizes = argv.filter((a, i) => /^\d+$/.test(a) && argv[i - 1] !== '--rounds').map(Number);
  await parentMain(sizes.length > 0 ? sizes : [10_000, 100_000], rounds, argv.includes('--report-writer'));
}
