/**
 * The audit step of bench/audit.ts, run as users run duty-audit: the compiled library (dist/,
 * `npm run build`) in a plain node process. Run from source instead, through the tsx loader,
 * the same audit peaked ~40 MB higher (tsx's loader thread and its transpiled sources) and ran
 * a few percent slower: a cost no user pays. Plain JavaScript, so node needs no loader for it.
 *
 * `node [flags] bench/audit-child.mjs FILE` audits FILE, writes the Excel and JSON reports
 * beside it as the CLI does, and prints one line of JSON: wall and CPU ms, peak RSS, rows read,
 * findings, and the wall and CPU ms of every stage.
 */
import { writeFile } from 'node:fs/promises';
import { audit, reportJsonText, writeReportXlsx } from '../dist/index.js';

const file = process.argv[2];
if (!file) throw new Error('usage: node bench/audit-child.mjs FILE.xlsx');

const cpuMsSince = (start) => {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
};
const detail = {};
const cpuStart = process.cpuUsage();
let stageCpu = cpuStart;
// Stages run one after another and together cover the audit (AuditStage in src/audit/audit.ts):
// the CPU used since the last stage ended is this stage's, so CPU spent between two stages, were
// there any, would show in the next; the wall times show it (bench/audit.ts's 'unmeasured').
const onStage = (stage, ms) => {
  detail[stage] = ms;
  detail[`cpu:${stage}`] = cpuMsSince(stageCpu);
  stageCpu = process.cpuUsage();
};
const start = performance.now();
const result = await audit(file, { onStage });
const audited = performance.now();
await writeReportXlsx(result, `${file}.report.xlsx`, { lang: 'zh', mask: true });
await writeFile(`${file}.report.json`, reportJsonText(result, { lang: 'zh', mask: true }));
const end = performance.now();
onStage('report', end - audited);
const measure = {
  wallMs: end - start,
  cpuMs: cpuMsSince(cpuStart),
  maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  rows: result.summary.rowsRead,
  findings: result.findings.length,
  detail,
};
process.stdout.write(`${JSON.stringify(measure)}\n`);
