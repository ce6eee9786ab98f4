/**
 * The stages an audit reports through `onStage` (AuditStage in src/audit/audit.ts): every step
 * of the pipeline belongs to one, in the order they run, so a benchmark's sum of stages is the
 * audit's wall time; `history` only when `--history` or `--decisions` is given, `rules` and
 * `read` only when the caller did not hand them in.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit, type AuditStage } from '../../src/audit/audit.js';
import { loadValidRuleSet } from '../../src/rules/load.js';
import { readLedger } from '../../src/ledger/read-ledger.js';
import { DEFAULT_RULES_DIR, SAMPLES_DIR } from '../../src/paths.js';

const october = join(SAMPLES_DIR, '城东社区-2026-10.xlsx');

async function stagesOf(options: Parameters<typeof audit>[1] = {}): Promise<{ stages: AuditStage[]; stageMs: number; wallMs: number }> {
  const stages: AuditStage[] = [];
  let stageMs = 0;
  const start = performance.now();
  await audit(october, {
    ...options,
    onStage: (stage, ms) => {
      stages.push(stage);
      stageMs += ms;
    },
  });
  return { stages, stageMs, wallMs: performance.now() - start };
}

describe('the stages of an audit', () => {
  it('reports every stage once, in order, and the stages do not overlap', async () => {
    const { stages, stageMs, wallMs } = await stagesOf();
    expect(stages).toEqual(['rules', 'read', 'period', 'facts', 'evaluate', 'grade', 'figures']);
    expect(stageMs).toBeLessThanOrEqual(wallMs);
  });

  it('reports reading the history and the decisions as a stage of its own', async () => {
    const { stages } = await stagesOf({ history: join(SAMPLES_DIR, '城东社区-2026-09.json'), decisions: join(SAMPLES_DIR, 'decisions.json') });
    expect(stages).toEqual(['rules', 'read', 'period', 'history', 'facts', 'evaluate', 'grade', 'figures']);
  });

  it('does not report loading the rules or reading the ledger when the caller gives them', async () => {
    const ruleSet = await loadValidRuleSet(DEFAULT_RULES_DIR);
    const ledger = await readLedger(october);
    const { stages } = await stagesOf({ ruleSet, ledger });
    expect(stages).toEqual(['period', 'facts', 'evaluate', 'grade', 'figures']);
  });
});
