/**
 * End-to-end audit benchmark (docs/performance.md, issues 6 and 13):
 * `npx tsx bench/audit.ts [--rounds N] [--node-flags "FLAGS"] [--month] [sizes...]`
 * (default: 3 rounds of 10000 and 100000 cases). Add `--report-writer` to also time the report
 * writer alone on 10,000 and 100,000 synthetic findings, and `--month` to time the built bin
 * (`node dist/cli/main.js audit`, start-up included) on a 1,000-case month. The audit is measured
 * from the compiled code users run (dist/; the bench runs `npm run build` first when dist/ is
 * older than a file the build reads, bench/build-freshness.ts), in a plain node process (bench/audit-child.mjs); the floor and the report
 * writer from source through tsx, whose loader is done before their clocks start. Every child,
 * audit and floor alike, runs with the node flags of the bin's shebang (src/cli/main.ts), so
 * the audit is measured as the bin runs it and the comparison stays fair; `--node-flags
 * "FLAGS"` replaces them (`""` for none). The flags are printed with the results.
 *
 * For each size a sample month with that many case rows is generated once (src/sample, written
 * as Excel writes a workbook: worksheets before styles and shared strings, every text a shared
 * string; bench/synthetic.ts; cached in the temp folder under a fingerprint of the generator's
 * sources, so a workbook made by an older generator is never measured: one cached before the
 * deadline rules of issue #11 gave 702 findings instead of the sample's 64), then, round after
 * round, two measurements run side by side, each in a child process of its own so that its
 * peak RSS (process.resourceUsage().maxRSS) is its alone:
 *   audit — audit() + the Excel report + the JSON, as the CLI does, with the time of every
 *           stage audit() reports (AuditStage in src/audit/audit.ts: rules, read, period,
 *           facts, evaluate, grade, figures; 'facts' is the lookups and the sheet-wide scopes,
 *           the case, complaint, attendance and other records are built as 'evaluate' walks
 *           them, see src/facts/build.ts) and of the report; 'unmeasured' is the wall time no
 *           stage holds, which should stay near 0;
 *   floor — bench/floor.ts: inflate every worksheet and the string table and find every cell
 *           by byte search, nothing decoded or typed: the cost of merely opening the file.
 * The machine is shared and noisy, so the rounds alternate audit and floor and the table shows
 * medians; the ratio is of the medians. Each is measured twice: wall time, and CPU time
 * (process.cpuUsage() over the same span: every thread of the process, so zlib's inflate on the
 * thread pool counts for both), which other work on the machine disturbs far less. The best
 * round of each (the one least disturbed) is shown beside them, and the load average with every
 * table. Target (issue 13): audit ≤ 3× floor and peak ≤ 250 MB at 100,000 cases; a 1,000-case
 * month under 0.6 s wall, bin start-up included (its CPU time, user + system from
 * /proc/self/stat of the waited-for child, is printed beside it on Linux).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BENCH_WORK_DIR, benchWorkbook } from './bench-workbook.js';
import { ensureBuilt } from './build-freshness.js';

const SELF = fileURLToPath(import.meta.url);
const ROOT = join(SELF, '..', '..');
const LOADER = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const AUDIT_CHILD = join(ROOT, 'bench', 'audit-child.mjs');
const WORK = BENCH_WORK_DIR;
const TIME_TARGET = 3;
const RSS_TARGET_MB = 250;
const MONTH_CASES = 1_000;
const MONTH_TARGET_S = 0.6;
/** The stages of a bench audit, in order (no 'history': the bench gives no --history or --decisions). */
const STAGES = ['rules', 'read', 'period', 'facts', 'evaluate', 'grade', 'figures', 'report'] as const;

interface Measure {
  wallMs: number;
  /** process.cpuUsage() (user + system, all threads) over the same span as wallMs. */
  cpuMs: number;
  maxRssMb: number;
  rows: number;
  findings: number;
  /** Wall ms per stage; `cpu:<stage>` the CPU ms of the stage. */
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

/** A step in a child process of its own: the audit from the compiled library (bench/audit-child.mjs), the rest from source. */
function child(args: string[]): Measure {
  const command = args[0] === 'audit' ? [AUDIT_CHILD, ...args.slice(1)] : ['--import', LOADER, SELF, '--child', ...args];
  const out = execFileSync(process.execPath, [...nodeFlags, ...command], {
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
  return { wallMs: performance.now() - start, cpuMs: 0, maxRssMb: peakRssMb(), rows: cases, findings: 0, detail: {} };
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

function loadNote(): string {
  return `load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1 / 5 / 15 min) on ${availableParallelism()} cores`;
}

/** The floor: inflate the sheets and the string table, find each cell by byte search (bench/floor.ts). */
async function runFloorStep(file: string): Promise<Measure> {
  const { floorRead } = await import('./floor.js');
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const { cells } = await floorRead(file);
  const wallMs = performance.now() - start;
  const cpuMs = cpuMsSince(cpuStart);
  return { wallMs, cpuMs, maxRssMb: peakRssMb(), rows: cells, findings: 0, detail: { read: wallMs, 'cpu:read': cpuMs } };
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
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  await writeReportXlsx(result, join(dir, `report-${n}.xlsx`), { lang: 'zh', mask: true });
  return { wallMs: performance.now() - start, cpuMs: cpuMsSince(cpuStart), maxRssMb: peakRssMb(), rows: 0, findings: n, detail: { rssBeforeWriteMb: before } };
}

async function childMain(argv: string[]): Promise<void> {
  const [step, a, b] = argv;
  let m: Measure;
  if (step === 'generate') m = await generate(Number(a), b!);
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

/**
 * CPU seconds (user + system) of this process's waited-for children, from /proc/self/stat
 * (fields cutime and cstime, in clock ticks of 1/100 s); undefined where there is no /proc.
 */
function childrenCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // The command name may hold spaces: the fields counted from 3 start after its closing ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

/** The built bin auditing a 1,000-case month, start-up included, in a fresh process per round: wall and CPU time. */
function monthMain(rounds: number): void {
  const bin = join(ROOT, 'dist', 'cli', 'main.js');
  const { dir, file } = benchWorkbook(MONTH_CASES);
  if (!existsSync(file)) child(['generate', String(MONTH_CASES), dir]);
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const cpuBefore = childrenCpuMs();
    const start = performance.now();
    execFileSync(process.execPath, [...nodeFlags, bin, 'audit', file, '--out', join(dir, 'month-report.xlsx')], { cwd: ROOT, stdio: 'ignore' });
    walls.push(performance.now() - start);
    const cpuAfter = childrenCpuMs();
    if (cpuBefore !== undefined && cpuAfter !== undefined) cpus.push(cpuAfter - cpuBefore);
    process.stderr.write(`month round ${round}: ${s(walls[walls.length - 1]!)} s wall${cpus.length === round ? `, ${s(cpus[round - 1]!)} s CPU` : ''}\n`);
  }
  const cpu = cpus.length > 0 ? `; CPU median ${s(median(cpus))} s, best ${s(Math.min(...cpus))} s` : '';
  console.log(`\n${MONTH_CASES.toLocaleString('en-US')}-case month, \`node dist/cli/main.js audit\` (start-up included), ${rounds} rounds: wall median ${s(median(walls))} s, best ${s(Math.min(...walls))} s${cpu}; target < ${MONTH_TARGET_S} s wall: ${median(walls) / 1000 < MONTH_TARGET_S ? 'yes' : 'no'}`);
  console.log(`node ${process.version}${nodeFlags.length > 0 ? ` with ${nodeFlags.join(' ')}` : ' (no extra flags)'}; ${loadNote()}`);
}

const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

async function parentMain(sizes: number[], rounds: number, reportWriter: boolean): Promise<void> {
  const summary: string[][] = [];
  const cpuSummary: string[][] = [];
  const stages: string[][] = [];
  const cpuStages: string[][] = [];
  for (const cases of sizes) {
    const { dir, file } = benchWorkbook(cases);
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
      process.stderr.write(`${cases} round ${round}: audit ${s(audit.wallMs)} s (CPU ${s(audit.cpuMs)} s) ${audit.maxRssMb} MB · floor ${s(floor.wallMs)} s (CPU ${s(floor.cpuMs)} s) ${floor.maxRssMb} MB\n`);
    }
    const med = (list: Measure[], pick: (m: Measure) => number) => median(list.map(pick));
    const best = (list: Measure[], pick: (m: Measure) => number) => Math.min(...list.map(pick));
    const auditMs = med(audits, (m) => m.wallMs);
    const floorMs = med(floors, (m) => m.wallMs);
    const auditMb = Math.max(...audits.map((m) => m.maxRssMb));
    const floorMb = Math.max(...floors.map((m) => m.maxRssMb));
    const bestAuditMs = best(audits, (m) => m.wallMs);
    const bestFloorMs = best(floors, (m) => m.wallMs);
    summary.push([
      cases.toLocaleString('en-US'), String(audits[0]!.rows), String(audits[0]!.findings),
      s(auditMs), String(auditMb), s(floorMs), String(floorMb),
      ratio(auditMs, floorMs), auditMs / floorMs <= TIME_TARGET && auditMb <= RSS_TARGET_MB ? 'yes' : 'no',
      `${s(bestAuditMs)} / ${s(bestFloorMs)} = ${ratio(bestAuditMs, bestFloorMs)}`,
    ]);
    const auditCpu = med(audits, (m) => m.cpuMs);
    const floorCpu = med(floors, (m) => m.cpuMs);
    cpuSummary.push([
      cases.toLocaleString('en-US'), s(auditCpu), s(floorCpu), ratio(auditCpu, floorCpu),
      `${s(best(audits, (m) => m.cpuMs))} / ${s(best(floors, (m) => m.cpuMs))} = ${ratio(best(audits, (m) => m.cpuMs), best(floors, (m) => m.cpuMs))}`,
    ]);
    const stageRow = (prefix: string) => [
      cases.toLocaleString('en-US'),
      ...STAGES.map((stage) => s(med(audits, (m) => m.detail[`${prefix}${stage}`] ?? 0))),
      // A stage's CPU is all the CPU since the stage before it ended (bench/audit-child.mjs), so only wall time can be unmeasured.
      prefix === '' ? s(med(audits, (m) => m.wallMs - STAGES.reduce((sum, stage) => sum + (m.detail[stage] ?? 0), 0))) : '—',
      s(med(floors, (m) => m.detail[`${prefix}read`]!)),
      ratio(med(audits, (m) => m.detail[`${prefix}read`]!), med(floors, (m) => m.detail[`${prefix}read`]!)),
    ];
    stages.push(stageRow(''));
    cpuStages.push(stageRow('cpu:'));
  }
  console.log(`end to end, median of ${rounds} rounds (each step a child process; peak = max over rounds):\n`);
  console.log(table(['cases', 'rows read', 'findings', 'audit s', 'audit peak MB', 'floor s', 'floor peak MB', 'audit/floor', `≤ ${TIME_TARGET}× and ≤ ${RSS_TARGET_MB} MB`, 'best audit / best floor'], summary));
  console.log('\nthe same in CPU time (user + system, all threads), medians:\n');
  console.log(table(['cases', 'audit CPU s', 'floor CPU s', 'audit/floor', 'best audit / best floor'], cpuSummary));
  const stageHeader = ['cases', ...STAGES.map((stage) => `audit ${stage}`), 'unmeasured', 'floor', 'read/floor'];
  console.log('\nper stage, wall seconds (medians):\n');
  console.log(table(stageHeader, stages));
  console.log('\nper stage, CPU seconds (medians):\n');
  console.log(table(stageHeader, cpuStages));
  if (reportWriter) {
    console.log('\nreport writer alone (synthetic findings; streaming writer above 10,000):\n');
    const rows = [10_000, 100_000].map((n) => {
      const r = child(['report', String(n), WORK]);
      return [n.toLocaleString('en-US'), s(r.wallMs), s(r.cpuMs), String(Math.round(n / (r.wallMs / 1000))), String(r.detail['rssBeforeWriteMb']), String(r.maxRssMb)];
    });
    console.log(table(['findings', 'write s', 'CPU s', 'rows/s', 'RSS before write MB', 'peak MB'], rows));
  }
  console.log(`\nnode ${process.version}${nodeFlags.length > 0 ? ` with ${nodeFlags.join(' ')}` : ' (no extra flags)'}; ${loadNote()}; workbooks in ${WORK} (npx tsx bench/audit.ts --clean to remove them)`);
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
  ensureBuilt(ROOT);
  if (argv.includes('--month')) monthMain(Math.max(rounds, 5));
  if (!argv.includes('--month') || sizes.length > 0) await parentMain(sizes.length > 0 ? sizes : [10_000, 100_000], rounds, argv.includes('--report-writer'));
}
