/**
 * A valid rules folder is parsed by JSON.parse alone: momoa, which gives a problem its
 * `line:column`, parses a file only when it has a problem (src/rules/json-source.ts). It cost
 * 40-65 ms of a 1,000-case month's audit when every file went through it, and a check that
 * asks for a position before it knows there is a problem brings that back (checkEvent did,
 * 159 ms in a CPU profile of the bundled bin).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const momoa = vi.hoisted(() => ({ parses: 0 }));

vi.mock('@humanwhocodes/momoa', async (importOriginal) => {
  const original = await importOriginal<typeof import('@humanwhocodes/momoa')>();
  return {
    ...original,
    parse: (...args: Parameters<typeof original.parse>) => {
      momoa.parses += 1;
      return original.parse(...args);
    },
  };
});

const { loadRuleSet } = await import('../../src/rules/load.js');
const { fixture } = await import('./helpers.js');

describe('positions on demand', () => {
  beforeEach(() => {
    momoa.parses = 0;
  });

  it('loads the shipped rules, policy and calendars without parsing any file for positions', async () => {
    const { ruleSet, problems } = await loadRuleSet();
    expect(problems).toEqual([]);
    expect(ruleSet!.rules.length).toBeGreaterThan(20);
    expect(momoa.parses).toBe(0);
  });

  it('parses a file with a problem for its position', async () => {
    const { problems } = await loadRuleSet(fixture('unknown-fact'));
    expect(problems.some((p) => p.code === 'unknown-fact' && p.line > 1)).toBe(true);
    expect(momoa.parses).toBeGreaterThan(0);
  });
});
