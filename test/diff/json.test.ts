/** `rules diff --json FILE`: the diff as data, valid against schemas/diff.schema.json, same bytes each run. */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { runRulesDiff, type RulesDiffArgs, type RulesDiffRun } from '../../src/cli/commands/rules-diff.js';
import { DutyAuditError } from '../../src/errors.js';
import { DEFAULT_RULES_DIR, schemaPath } from '../../src/paths.js';
import { CASE_OVERDUE, copyRules, REPEATED_ERRORS, SAMPLE, setParam } from './helpers.js';

const validate = new Ajv2020({ strict: true, allErrors: true }).compile(JSON.parse(readFileSync(schemaPath('diff.schema.json'), 'utf8')));

let cwd: string;
let args: RulesDiffArgs;
let run: RulesDiffRun;

beforeAll(async () => {
  cwd = mkdtempSync(join(tmpdir(), 'duty-audit-diff-json-'));
  const dir = copyRules();
  setParam(dir, REPEATED_ERRORS, 'minErrors', 2);
  setParam(dir, CASE_OVERDUE, 'noticeFrom', 11);
  args = { old: DEFAULT_RULES_DIR, new: dir, workbooks: [SAMPLE], lang: 'en', json: 'out/diff.json' };
  run = await runRulesDiff(args, cwd);
});

describe('rules diff --json', () => {
  it('writes the diff result itself, and says where', () => {
    const written = JSON.parse(readFileSync(join(cwd, 'out', 'diff.json'), 'utf8'));
    expect(written).toEqual(JSON.parse(JSON.stringify(run.result)));
    expect(written.totals.added).toBeGreaterThan(0);
    expect(written.totals.regraded).toBeGreaterThan(0);
    expect(written.changes.some((change: { kind: string; before?: unknown; after?: unknown }) => change.kind === 'regraded' && change.before && change.after)).toBe(true);
    expect(run.text).toContain(`Diff JSON: ${join('out', 'diff.json')}`);
  });

  it('is valid against schemas/diff.schema.json', () => {
    const written = JSON.parse(readFileSync(join(cwd, 'out', 'diff.json'), 'utf8'));
    expect(validate(written), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the schema refuses a change of an unknown kind', () => {
    const written = JSON.parse(readFileSync(join(cwd, 'out', 'diff.json'), 'utf8'));
    written.changes[0].kind = 'moved';
    expect(validate(written)).toBe(false);
  });

  it('the same inputs write the same bytes', async () => {
    const first = readFileSync(join(cwd, 'out', 'diff.json'));
    await runRulesDiff(args, cwd);
    expect(readFileSync(join(cwd, 'out', 'diff.json')).equals(first)).toBe(true);
  });

  it('a path it cannot write is a usage error naming the file and --json', async () => {
    mkdirSync(join(cwd, 'taken.json'));
    const err = await runRulesDiff({ ...args, json: 'taken.json' }, cwd).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(DutyAuditError);
    expect((err as DutyAuditError).message).toContain(join(cwd, 'taken.json'));
    expect((err as DutyAuditError).hint).toContain('--json');
  });
});
