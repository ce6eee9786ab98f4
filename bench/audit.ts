/**
 * End-to-end audit benchmark (docs/performance.md, issues 6 and 13):
 * `npx tsx bench/audit.ts [--rounds N] [--node-flags "FLAGS"] [--month] [sizes...]`
 * (default: 3 rounds of 10000 and 100000 cases). Add `--report-writer` to also time the report
 * writer alone on 10,000 and 100,000 synthetic findings, and `--month` to time the built bin
 * (`node dist/cli/main.js audit`, start-up included; run `npm run build` first) on a 1,000-case
 * month. Every child, audit and floor alike, runs with the node flags of the bin's shebang
 * (src/cli/main.ts), so the audit is measured as the bin runs it and the comparison stays fair;
 * `--node-flags "FLAGS"` replaces them (`""` for none). The flags are printed with the results.
 *
 * For each size a sample month with that many case rows is generated once (src/sample, written
 * as Excel writes a workbook: worksheets before styles and shared strings, every text a shared
 * string; bench/synthetic.ts; cached in the temp folder), then, round after round, two
 * measurements run side by side, each in a child process of its own so that its peak RSS
 * (process.resourceUsage().maxRSS) is its alone:
 *   audit — audit() (rules, read, facts, evaluate, grade) + the Excel report + the JSON, as the
 *           CLI does, with the time of every stage ('facts' is the lookups and the sheet-wide
 *           scopes; the case, complaint, attendance and other records are built as 'evaluate'
 *           walks them, see src/facts/build.ts);
 *   floor — bench/floor.ts: inflate every worksheet and the string table and find every cell
 *           by byte search, nothing decoded or typed: the cost of merely opening the file.
 * The machine is shared and noisy, so the rounds alternate audit and floor and the table shows
 * medians; the ratio is of the medians. The best round of each (the one least disturbed by
 * other work on the machine) is shown beside them. Target (issue 13): audit ≤ 3× floor and
 * peak ≤ 250 MB at 100,000 cases; a 1,000-case month under 0.6 s wall, bin start-up included.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SELF = fileURLToPath(import.meta.url);
const ROOT = join(SELF, '..', '..');
const LOADER = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const WORK = join(tmpdir(), 'duty-audit-bench');
const TIME_TARGET = 3;
const RSS_TARGET_MB = 250;
const MONTH_CASES = 1_000;
const MONTH_TARGET_S = 0.6;
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
  const { writeExcelLayoutWorkbook } = await import('./synthetic.js');
  const start = performance.now();
  const plan = planSampleMonth({ cases });
  mkdirSync(dir, { recursive: true });
  await writeExcelLayoutWorkbook(plan, join(dir, `${plan.stem}.xlsx`));
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

/** The floor: inflate the sheets and the string table, find each cell by byte search (bench/floor.ts). */
async function runFloorStep(file: string): Promise<Measure> {
  const { floorRead } = await import('./floor.js');
  const start = performance.now();
  const { cells } = await floorRead(file);
  const wallMs = performance.now() - start;
  return { wallMs, maxRssMb: peakRssMb(), rows: cells, findings: 0, detail: { read: wallMs } };
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
  else if (step === 'floor') m = await runFloorStep(a!);
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

/** Wall time of the built bin auditing a 1,000-case month, start-up included, in a fresh process per round. */
function monthMain(rounds: number): void {
  const bin = join(ROOT, 'dist', 'cli', 'main.js');
  if (!existsSync(bin)) throw new Error('dist/cli/main.js is missing: run `npm run build` first');
  const dir = join(WORK, String(MONTH_CASES));
  const file = join(dir, '城东社区-2026-10.xlsx');
  if (!existsSync(file)) child(['generate', String(MONTH_CASES), dir]);
  const walls: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const start = performance.now();
    execFileSync(process.execPath, [...nodeFlags, bin, 'audit', file, '--out', join(dir, 'month-report.xlsx')], { cwd: ROOT, stdio: 'ignore' });
    walls.push(performance.now() - start);
    process.stderr.write(`month round ${round}: ${s(walls[walls.length - 1]!)} s\n`);
  }
  const best = Math.min(...walls);
  console.log(`\n${MONTH_CASES.toLocaleString('en-US')}-case month, \`node dist/cli/main.js audit\` wall (start-up included): median ${s(median(walls))} s, best ${s(best)} s over ${rounds} rounds; target < ${MONTH_TARGET_S} s: ${median(walls) / 1000 < MONTH_TARGET_S ? 'yes' : 'no'}`);
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
      const floor = child(['floor', file]);
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
      s(median(floors.map((m) => m.detail['read']!))),
      `${(median(audits.map((m) => m.detail['read']!)) / median(floors.map((m) => m.detail['read']!))).toFixed(2)}×`,
    ]);
  }
  console.log(`end to end, median of ${rounds} rounds (each step a child process; peak = max over rounds):\n`);
  console.log(table(['cases', 'rows read', 'findings', 'audit s', 'audit peak MB', 'floor s', 'floor peak MB', 'audit/floor', `≤ ${TIME_TARGET}× and ≤ ${RSS_TARGET_MB} MB`, 'best audit / best floor'], summary));
  console.log('\nper stage, seconds (medians):\n');
  console.log(table(['cases', ...STAGES.map((stage) => `audit ${stage}`), 'floor', 'read/floor'], stages));
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
  if (argv.includes('--month')) monthMain(Math.max(rounds, 5));
  if (!argv.includes('--month') || sizes.length > 0) await parentMain(sizes.length > 0 ? sizes : [10_000, 100_000], rounds, argv.includes('--report-writer'));
}
