/**
 * One audit scenario of bench/hostile.ts, run as users run duty-audit: the compiled library
 * (dist/) in a plain node process, so the peak RSS is the audit's and not also tsx's loader
 * thread's (through tsx the 150,000-row CSV month peaked ~25 MB higher). Plain JavaScript, so
 * node needs no loader for it.
 *
 * `node bench/hostile-child.mjs NAME INPUT` audits INPUT (period 2026-10, default limits) and
 * prints one line of JSON for hostile.ts: what happened (rows read, or the refusal's code and
 * message), the wall time and the peak RSS.
 */
import { dirname } from 'node:path';
import { audit, DutyAuditError } from '../dist/index.js';

const [name, input] = process.argv.slice(2);
if (!name || !input) throw new Error('usage: node bench/hostile-child.mjs NAME INPUT');

const started = performance.now();
let outcome;
try {
  const result = await audit(input, { period: '2026-10' });
  outcome = `audited: ${result.summary.rowsRead} rows read`;
} catch (error) {
  if (!(error instanceof DutyAuditError)) throw error;
  const message = error.message.replace(dirname(input), '…');
  outcome = `refused (${error.code}): ${message.slice(0, 110)}${message.length > 110 ? '…' : ''}`;
}
const seconds = (performance.now() - started) / 1000;
const rssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ outcome, seconds, rssMb })}\n`);
