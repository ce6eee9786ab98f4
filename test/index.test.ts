/**
 * The library entry (src/index.ts, package.json `exports`): a program that audits ledgers, such
 * as the upload service, gets the whole pipeline through this one door, and what it gets there
 * is the pipeline itself: the stages run one by one give the report `audit` gives.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  audit,
  completeAudit,
  countsToward,
  DEFAULT_RULES_DIR,
  DutyAuditError,
  GRADES,
  loadRuleSet,
  loadValidRuleSet,
  prepareAudit,
  readLedger,
  reportJsonText,
  runBatch,
  terminalSummary,
  toReportJson,
  type AuditResult,
} from '../src/index.js';
import { SAMPLES_DIR } from '../src/paths.js';

const ROOT = resolve(import.meta.dirname, '..');
const SAMPLE = join(SAMPLES_DIR, '城东社区-2026-10.xlsx');
const now = () => new Date('2026-11-02T08:00:00Z');
const planted = JSON.parse(readFileSync(join(SAMPLES_DIR, 'planted.json'), 'utf8')) as {
  violations: { ruleId: string; sheet: string; key: string }[];
};

describe('the pipeline through src/index.ts', () => {
  let whole: AuditResult;
  beforeAll(async () => {
    whole = await audit(SAMPLE, { now });
  });

  it('audit finds the sample month’s planted violations', () => {
    const found = whole.findings.map((f) => `${f.ruleId} ${f.ref.sheet} ${f.ref.key}`).sort();
    expect(found).toEqual(planted.violations.map((v) => `${v.ruleId} ${v.sheet} ${v.key}`).sort());
  });

  it('the stages run one by one (read, load rules, prepare, complete) give the same result', async () => {
    const ledger = await readLedger(SAMPLE);
    const ruleSet = await loadValidRuleSet(DEFAULT_RULES_DIR);
    expect((await loadRuleSet(DEFAULT_RULES_DIR)).problems).toEqual([]);
    const prepared = await prepareAudit(SAMPLE, { ledger, ruleSet });
    expect(prepared.ctx.period).toBe('2026-10');
    expect(await completeAudit(prepared, { now })).toEqual(whole);
  });

  it('the report writers render that result', () => {
    const json = toReportJson(whole, { lang: 'en', mask: true });
    expect(json.findings.map((f) => f.id)).toEqual(whole.findings.map((f) => f.id));
    expect(JSON.parse(reportJsonText(whole, { lang: 'en', mask: true }))).toEqual(JSON.parse(JSON.stringify(json)));
    const counts = GRADES.map((g) => whole.summary.byGrade[g]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(whole.findings.filter(countsToward).length);
    expect(terminalSummary(whole, { lang: 'en' })).toContain(whole.center);
  });

  it('runBatch audits an upload folder on the worker pool and agrees with audit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duty-audit-index-'));
    try {
      const uploads = join(dir, 'uploads');
      mkdirSync(uploads);
      cpSync(SAMPLE, join(uploads, '城东社区-2026-10.xlsx'));
      const result = await runBatch([uploads], { out: join(dir, 'reports'), jobs: 1 });
      expect(result.counts).toEqual({ audited: 1, skipped: 0, failed: 0 });
      const entry = result.entries[0]!;
      expect(entry.status === 'audited' && entry.summary.findings).toBe(whole.findings.filter(countsToward).length);
      expect(entry.status === 'audited' && entry.summary.byGrade).toEqual(whole.summary.byGrade);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('its errors are the one DutyAuditError class, with a code to act on', async () => {
    const err = await loadValidRuleSet(join(tmpdir(), 'no-such-rules-folder')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DutyAuditError);
    expect((err as DutyAuditError).code).toBe('bad-rules');
  });
});

describe('package.json', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    exports: Record<string, { types: string; default: string }>;
    bin: Record<string, string>;
  };
  const build = JSON.parse(readFileSync(join(ROOT, 'tsconfig.build.json'), 'utf8')) as {
    compilerOptions: { rootDir: string; outDir: string; declaration: boolean };
  };
  const built = (source: string, ext: string) =>
    './' + source.replace(`${build.compilerOptions.rootDir}/`, `${build.compilerOptions.outDir}/`).replace(/\.ts$/, ext);

  it('exports src/index.ts as the package itself, with its declarations', () => {
    expect(Object.keys(pkg.exports)).toEqual(['.', './package.json']);
    expect(pkg.exports['.']).toEqual({ types: built('src/index.ts', '.d.ts'), default: built('src/index.ts', '.js') });
    expect(build.compilerOptions.declaration).toBe(true);
  });

  it('keeps the bin, built from src/cli/main.ts', () => {
    expect(pkg.bin['duty-audit']).toBe(built('src/cli/main.ts', '.js').slice(2));
  });
});
