/**
 * rules/README.md is generated (`duty-audit rules list --write`); this fails when a rule file or
 * the fact library changed and the page was not regenerated.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogueReadme } from '../../src/catalogue/catalogue.js';
import { README_FILE } from '../../src/catalogue/readme.js';
import { rulesListCommand } from '../../src/cli/commands/rules-list.js';
import { DEFAULT_RULES_DIR } from '../../src/paths.js';

describe('rules/README.md', () => {
  it('is up to date (regenerate with `duty-audit rules list --write`)', async () => {
    const committed = readFileSync(join(DEFAULT_RULES_DIR, README_FILE), 'utf8');
    const fresh = await catalogueReadme(DEFAULT_RULES_DIR);
    expect(committed, 'rules/README.md is stale: run `npx tsx src/cli/main.ts rules list --write`').toBe(fresh);
  });
});

describe('rules list --write', () => {
  let out: string[];
  beforeEach(() => {
    out = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('writes DIR/README.md, which then reflects an edited param', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'duty-audit-readme-')), 'rules');
    cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
    const file = join(dir, '失职追究制', 'repeated-errors.json');
    const rule = JSON.parse(readFileSync(file, 'utf8'));
    rule.params.minErrors.value = 2;
    writeFileSync(file, JSON.stringify(rule, null, 2));

    await rulesListCommand.handler({ dir, format: 'table', lang: 'zh', write: true, _: [], $0: 'duty-audit' } as never);
    const written = readFileSync(join(dir, README_FILE), 'utf8');
    expect(written).toBe(await catalogueReadme(dir));
    expect(written).toContain('`minErrors = 2`');
    expect(out.join('')).toMatch(/^已写入 .*README\.md \(\d+ 条规则\)\n$/);
    expect(process.exitCode).toBe(0);
  });

  it('without --write prints the chosen format to stdout', async () => {
    await rulesListCommand.handler({ dir: DEFAULT_RULES_DIR, format: 'md', lang: 'zh', write: false, _: [], $0: 'duty-audit' } as never);
    expect(out.join('')).toBe(await catalogueReadme(DEFAULT_RULES_DIR));
  });
});
