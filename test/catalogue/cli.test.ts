/** The catalogue commands through the real bin: registered, parsed, exit codes. */
import { describe, expect, it } from 'vitest';
import type { FactEntry, RuleEntry } from '../../src/catalogue/entries.js';
import { FACTS } from '../../src/facts/catalogue.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { runCli } from '../audit/run-cli.js';
import { shippedRules } from './helpers.js';

describe('the bin', () => {
  it('rules list --format json prints every rule and exits 0', () => {
    const r = runCli(['rules', 'list', '--format', 'json'], PACKAGE_ROOT);
    expect(r.status).toBe(0);
    const { rules } = JSON.parse(r.stdout) as { rules: RuleEntry[] };
    expect(rules.map((x) => x.id).sort()).toEqual(shippedRules().map((x) => x.id).sort());
  });

  it('facts --scope case --lang en prints the case facts in English', () => {
    const r = runCli(['facts', '--scope', 'case', '--lang', 'en'], PACKAGE_ROOT);
    expect(r.status).toBe(0);
    for (const f of FACTS.filter((x) => x.scope === 'case')) expect(r.stdout).toContain(f.description.en);
  });

  it('facts --format json parses', () => {
    const r = runCli(['facts', '--format', 'json'], PACKAGE_ROOT);
    expect((JSON.parse(r.stdout) as { facts: FactEntry[] }).facts).toHaveLength(FACTS.length);
  });

  it('an unknown format or scope is a usage error (exit 2)', () => {
    expect(runCli(['rules', 'list', '--format', 'xml'], PACKAGE_ROOT).status).toBe(2);
    const r = runCli(['facts', '--scope', 'nope'], PACKAGE_ROOT);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('nope');
  });
});
