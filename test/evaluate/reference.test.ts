/**
 * json-rules-engine as the reference (src/evaluate/reference.ts): the same errors as the
 * evaluator, the cross-check that stops on any disagreement, and `audit --engine reference` as a
 * user runs it: the same report, plus a line saying the reference agreed.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditContext } from '../../src/facts/types.js';
import { runAudit } from '../../src/cli/commands/audit.js';
import { DutyAuditError } from '../../src/errors.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { crossChecked, disagreements, EnginesDisagree, evaluateByReference } from '../../src/evaluate/reference.js';
import { buildScopeRecords } from '../../src/facts/build.js';
import { SAMPLES_DIR } from '../../src/paths.js';
import { contextOf, ledgerOf } from '../facts/helpers.js';
import { overdueRule, ruleOf } from './helpers.js';

const month = () => {
  const ctx: AuditContext = contextOf(
    ledgerOf({
      cases: [
        { case_id: 'LATE', received_on: '2026-10-08', kind: '上报件', promised_days: 3, completed_on: undefined, result: '办理中', visits: 4, loss: 0 },
        { case_id: 'ON-TIME', received_on: '2026-10-12', kind: '承诺件', promised_days: 5, completed_on: '2026-10-14', visits: 1, loss: 0 },
      ],
    }),
  );
  return { ctx, records: buildScopeRecords(ctx) };
};

describe('the reference engine', () => {
  it('gives the evaluator\'s findings on a month built in code', async () => {
    const { ctx, records } = month();
    const reference = await evaluateByReference([overdueRule()], records, ctx);
    expect(reference.raw.map((f) => f.ref.key)).toEqual(['LATE']);
    expect(reference).toEqual(evaluate([overdueRule()], records, ctx));
  });

  it('a fact the record lacks is the same bad-rules error, word for word', async () => {
    const { ctx, records } = month();
    const typo = ruleOf({ id: 'typo', scope: 'case', conditions: { all: [{ fact: 'overdue_dayz', operator: 'greaterThan', value: 0 }] } });
    const ours = (() => {
      try {
        evaluate([typo], records, ctx);
      } catch (e) {
        return e as DutyAuditError;
      }
    })();
    const theirs = (await evaluateByReference([typo], records, ctx).catch((e: unknown) => e)) as DutyAuditError;
    expect(ours).toBeInstanceOf(DutyAuditError);
    expect(theirs).toBeInstanceOf(DutyAuditError);
    expect(theirs.message).toBe(ours!.message);
    expect(ours!.message).toMatch(/cases row 2 \(LATE\): Undefined fact: overdue_dayz$/);
  });
});

describe('the cross-check', () => {
  it('returns the evaluator\'s findings when the engines agree', async () => {
    const { ctx, records } = month();
    expect(await crossChecked([overdueRule()], records, ctx)).toEqual(evaluate([overdueRule()], records, ctx));
  });

  it('stops on a disagreement: a `priority` (no longer in the schema) makes json-rules-engine skip a leaf', async () => {
    const { ctx, records } = month();
    const prioritised = ruleOf({
      id: 'visits-or-loss',
      scope: 'case',
      conditions: { any: [{ fact: 'visits', operator: 'greaterThanInclusive', value: 3, priority: 2 }, { fact: 'loss', operator: 'greaterThan', value: 0, priority: 1 }] },
    });
    const error = await crossChecked([prioritised], records, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EnginesDisagree);
    expect((error as EnginesDisagree).differences).toEqual(['visits-or-loss on cases row 2 (LATE): both fire, with different evidence']);
    expect((error as Error).message).toBe(
      'the evaluator and json-rules-engine (the reference) disagree on 1 finding:\n' +
        '  visits-or-loss on cases row 2 (LATE): both fire, with different evidence\n' +
        '  no report was written: findings the two engines do not agree on cannot be trusted',
    );
  });

  it('names findings only one engine has', () => {
    const { ctx, records } = month();
    const evaluation = evaluate([overdueRule()], records, ctx);
    const none = { raw: [], runs: evaluation.runs };
    expect(disagreements(evaluation, none)).toEqual(['case-overdue on cases row 2 (LATE): only the evaluator fires']);
    expect(disagreements(none, evaluation)).toEqual(['case-overdue on cases row 2 (LATE): only json-rules-engine fires']);
    expect(disagreements(evaluation, evaluation)).toEqual([]);
  });
});

describe('audit --engine reference', () => {
  const sample = join(SAMPLES_DIR, '城东社区-2026-10.xlsx');
  const now = () => new Date('2026-11-02T08:00:00Z');

  it('writes the same report and JSON as the evaluator alone, and says the reference agreed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duty-audit-engine-'));
    const plain = await runAudit({ input: sample, lang: 'en', mask: true, out: join(dir, 'a.xlsx'), json: join(dir, 'a.json') }, dir, now);
    const checked = await runAudit({ input: sample, lang: 'en', mask: true, out: join(dir, 'b.xlsx'), json: join(dir, 'b.json'), engine: 'reference' }, dir, now);
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe(readFileSync(join(dir, 'a.json'), 'utf8'));
    expect(checked.exitCode).toBe(plain.exitCode);
    expect(checked.summary.replaceAll('b.', 'a.')).toBe(`${plain.summary}cross-checked: json-rules-engine (the reference) gives the same ${plain.result.findings.length} finding(s)\n`);
  });

  it('an engine it does not know is a usage error', async () => {
    const error = await runAudit({ input: sample, lang: 'zh', mask: true, engine: 'compiled' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DutyAuditError);
    expect((error as DutyAuditError).code).toBe('bad-usage');
    expect((error as DutyAuditError).hint).toMatch(/--engine reference/);
  });
});
