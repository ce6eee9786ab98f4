import { readFileSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { msg, render } from '../../src/messages/catalogue.js';
import { DutyAuditError } from '../../src/errors.js';
import { loadRuleSet, loadValidRuleSet } from '../../src/rules/load.js';
import { formatProblem } from '../../src/rules/problems.js';
import { sha256 } from '../../src/rules/hash.js';
import type { RuleProblem } from '../../src/rules/types.js';
import { fixture, tempRules } from './helpers.js';

const en = (p: RuleProblem): string => render(p.message, 'en');

/** `file:line:col code` with the file relative to the fixture set: what a reviewer sees, as data. */
function where(set: string, problems: RuleProblem[]): string[] {
  return problems.map((p) => `${p.file.slice(fixture(set).length + 1)}:${p.line}:${p.column} ${p.code}`);
}

async function problemsOf(set: string): Promise<RuleProblem[]> {
  const { ruleSet, problems } = await loadRuleSet(fixture(set));
  expect(ruleSet).toBeUndefined();
  return problems;
}

describe('loadRuleSet reports each kind of problem at its exact line:column', () => {
  it('bad JSON: the parser position (a trailing comma is found at the closing brace)', async () => {
    const problems = await problemsOf('bad-json');
    expect(where('bad-json', problems)).toEqual(['bad-json.json:8:3 bad-json']);
    expect(en(problems[0]!)).toBe('not valid JSON: Unexpected token RBrace found.');
    expect(render(problems[0]!.message, 'zh')).toBe('不是有效的 JSON：此处不应出现“}”');
  });

  it('schema: one problem per violation, each at its node; a missing property at its parent', async () => {
    const problems = await problemsOf('schema');
    expect(where('schema', problems)).toEqual([
      'schema-broken.json:1:1 schema',
      'schema-broken.json:4:14 schema',
      'schema-broken.json:88:18 schema',
      'schema-broken.json:127:3 schema',
    ]);
    expect(problems.map(en)).toEqual([
      'the file is missing "clauseText"',
      'version must be ≥ 1, not 0',
      'cases.fire[0].grade must be one of "reminder", "criticism", "notice", "deduction", not "warning"',
      'the file has an unknown property "severity"',
    ]);
  });

  it('unknown fact: in a condition, and in an evidence placeholder (at the placeholder itself)', async () => {
    const problems = await problemsOf('unknown-fact');
    expect(where('unknown-fact', problems)).toEqual(['unknown-fact.json:41:17 unknown-fact', 'unknown-fact.json:70:32 unknown-fact']);
    expect(en(problems[0]!)).toContain('"notice_given"');
    expect(en(problems[1]!)).toContain('{notice_days}');
  });

  it('unknown operator: at the operator', async () => {
    const problems = await problemsOf('unknown-operator');
    expect(where('unknown-operator', problems)).toEqual(['unknown-operator.json:47:21 unknown-operator']);
    expect(en(problems[0]!)).toContain('"moreThan"');
  });

  it('undeclared param at the reference; the declared param left unused at its key', async () => {
    const problems = await problemsOf('undeclared-param');
    expect(where('undeclared-param', problems)).toEqual([
      'undeclared-param.json:18:5 unused-param',
      'undeclared-param.json:49:20 undeclared-param',
    ]);
    expect(en(problems[0]!)).toContain('"maxDelay"');
    expect(en(problems[1]!)).toContain('"maxDays"');
  });

  it('unknown clause: at the clause', async () => {
    const problems = await problemsOf('unknown-clause');
    expect(where('unknown-clause', problems)).toEqual(['unknown-clause.json:9:13 unknown-clause']);
    expect(en(problems[0]!)).toContain('一次性告知制/九');
  });

  it('duplicate ids: at the second file\'s id, naming the first file', async () => {
    const problems = await problemsOf('duplicate-id');
    expect(where('duplicate-id', problems)).toEqual(['b/same-rule.json:3:9 duplicate-id']);
    expect(en(problems[0]!)).toContain('a/same-rule.json');
  });

  it('missing cases: an empty fire list at the list, an absent pass list at cases — once each, not also as schema', async () => {
    const problems = await problemsOf('missing-cases');
    expect(where('missing-cases', problems)).toEqual(['missing-cases.json:72:3 missing-cases', 'missing-cases.json:73:13 missing-cases']);
    expect(en(problems[0]!)).toContain('no pass case');
    expect(en(problems[1]!)).toContain('no fire case');
  });

  it('id ≠ file name: at the id', async () => {
    const problems = await problemsOf('id-not-file-name');
    expect(where('id-not-file-name', problems)).toEqual(['notice-late-test.json:3:9 id-not-file-name']);
    expect(en(problems[0]!)).toContain('notice-late-other');
  });

  it('collects every problem of every file in one run', async () => {
    const problems = await problemsOf('many');
    expect(where('many', problems)).toEqual([
      'many-problems.json:4:14 schema',
      'many-problems.json:9:13 unknown-clause',
      'many-problems.json:36:17 unknown-fact',
      'many-problems.json:42:21 unknown-operator',
      'other.json:1:18 bad-json',
    ]);
  });

  it('validates the policy and the calendars the same way', async () => {
    const problems = await problemsOf('bad-policy');
    expect(where('bad-policy', problems)).toEqual([
      'calendar/cn-2025.json:1:15 bad-json',
      'calendar/cn-2026.json:44:15 schema',
      'policy.json:3:21 schema',
      'policy.json:4:19 schema',
      'policy.json:7:3 schema',
    ]);
    expect(en(problems[1]!)).toBe('2026-01-05 is a weekday; a make-up working day is a Saturday or Sunday');
    expect(en(problems[4]!)).toBe('sanctions is missing "deduction"');
  });
});

describe('schema messages are one plain sentence per mistake', () => {
  const rule = (mutate: (r: Record<string, unknown>) => void): string => {
    const r = JSON.parse(readFileSync(fixture('valid', '一次性告知制', 'notice-late-test.json'), 'utf8'));
    mutate(r);
    return JSON.stringify(r, null, 2);
  };

  async function messages(text: string): Promise<string[]> {
    const dir = tempRules({ 'notice-late-test.json': text });
    return (await loadRuleSet(dir)).problems.map((p) => `${p.line}:${p.column} ${en(p)}`);
  }

  it('the event: a date fact of the scope, reported at the event itself', async () => {
    const line = (text: string) => text.split('\n').findIndex((l) => l.includes('"event"')) + 1;
    const notDate = rule((r) => { r['event'] = 'handler'; });
    expect(await messages(notDate)).toEqual([
      `${line(notDate)}:12 event "handler" is a string fact; the event is the date that places a finding in a month, one of scope case's date facts: received_on, notified_on, materials_completed_on, completed_on, result_notified_on, clock_start, deadline, deadline_after, notice_event_on, result_notice_event_on, same_day_event_on, overdue_event_on, outcome_on`,
    ]);
    const unknown = rule((r) => { r['event'] = 'notified_at'; });
    expect((await messages(unknown))[0]).toMatch(new RegExp(`^${line(unknown)}:12 event "notified_at" is not a fact of scope case; name one of its date facts: received_on, `));
    const missing = rule((r) => { delete r['event']; });
    expect(await messages(missing)).toEqual(['1:1 the file is missing "event"']);
  });

  it('a grade mixing forms gets one message naming the forms (and the ladder\'s param is now unused)', async () => {
    const out = await messages(rule((r) => { r['grade'] = { base: 'reminder', fromFact: 'notice_delay' }; }));
    expect(out).toEqual([
      '25:5 param "criticismFrom" is declared but no condition, ladder or evidence uses it',
      '54:12 grade must be {"base": grade, "ladder"?: {...}}, or {"byValue": {...}}, or {"fromFact": fact}',
    ]);
  });

  it('a condition value that is neither a literal nor a reference', async () => {
    const out = await messages(rule((r) => { (r['conditions'] as { all: { value: unknown }[] }).all[0]!.value = { params: 'x' }; }));
    expect(out).toEqual(['38:18 conditions.all[0].value must be a literal (text, number, true/false, null or a list), or {"param": name}, or {"fact": name}']);
  });

  it('a test missing its operator, and a group holding both all and any', async () => {
    const out = await messages(rule((r) => {
      const all = (r['conditions'] as { all: Record<string, unknown>[] }).all;
      delete all[0]!['operator'];
      all.push({ all: [{ fact: 'notified', operator: 'equal', value: true }], any: [{ fact: 'notified', operator: 'equal', value: true }] });
    }));
    expect(out).toEqual([
      '35:7 conditions.all[0] is missing "operator"',
      '51:7 conditions.all[3] must be a group with exactly one of all, any, not — or a test with fact, operator and value',
    ]);
  });

  it('top-level conditions must be a group, and a test with a group inside is flagged at the group', async () => {
    const leaf = await messages(rule((r) => { r['conditions'] = { fact: 'notice_delay', operator: 'greaterThan', value: { param: 'maxDelay' } }; }));
    expect(leaf).toEqual(['33:17 conditions must be a group: all, any or not']);
    const mixed = await messages(rule((r) => { r['conditions'] = { fact: 'notice_delay', operator: 'greaterThan', value: { param: 'maxDelay' }, all: [] }; }));
    expect(mixed).toEqual(['39:12 conditions.all is not allowed here', '39:12 conditions.all must have at least 1 item']);
  });

  it('a bad id form gives an example', async () => {
    const out = await messages(rule((r) => { r['id'] = 'Notice_Late'; }));
    expect(out).toContain('3:9 id "Notice_Late" is not in the expected form, e.g. "case-overdue"');
  });
});

describe('a valid rule set', () => {
  it('loads with no problems, params substituted and remembered', async () => {
    const { ruleSet, problems } = await loadRuleSet(fixture('valid'));
    expect(problems).toEqual([]);
    const rules = ruleSet!.rules;
    expect(rules.map((r) => r.file)).toEqual(['一次性告知制/notice-late-test.json', '失职追究制/rude-complaint-test.json']);
    const late = rules[0]!;
    expect(late.resolvedConditions).toEqual({
      all: [
        { fact: 'materials_complete', operator: 'equal', value: false },
        { fact: 'notified', operator: 'equal', value: true },
        { fact: 'notice_delay', operator: 'greaterThan', value: 5 },
      ],
    });
    expect(late.paramOf).toEqual({ '/all/2': 'maxDelay' });
    // The file's own conditions keep their references (evidence walks them beside the result).
    expect((late.conditions as { all: { value: unknown }[] }).all[2]!.value).toEqual({ param: 'maxDelay' });
    expect(late.resolvedGrade).toEqual({ base: 'reminder', ladder: { fact: 'notice_delay', steps: [{ min: 8, grade: 'criticism', param: 'criticismFrom' }] } });
    expect(late.requires).toEqual(['cases']);
    expect(late.sha256).toBe(sha256(readFileSync(fixture('valid', '一次性告知制', 'notice-late-test.json'))));
    const rude = rules[1]!;
    expect(rude.resolvedConditions).toEqual({
      all: [
        { fact: 'category', operator: 'in', value: ['态度粗暴', '接待不耐心'] },
        { fact: 'substantiated', operator: 'in', value: ['是', '待查'] },
      ],
    });
    expect(rude.requires).toEqual(['complaints']);
    expect(rude.resolvedGrade).toEqual({ byValue: { fact: 'substantiated', map: { 是: 'criticism', 待查: 'reminder' } } });
  });

  it('without its own policy.json uses the shipped policy', async () => {
    const { ruleSet } = await loadRuleSet(fixture('valid'));
    expect(ruleSet!.policy).toMatchObject({ escalate_every: 2, escalate_cap: 'deduction', deduction_yuan: 200, monthly_cap_yuan: 500 });
    expect(ruleSet!.policy).not.toHaveProperty('$schema');
  });

  it('a resolved param list is a copy: changing it leaves the file\'s params alone', async () => {
    const { ruleSet } = await loadRuleSet(fixture('valid'));
    const rude = ruleSet!.rules[1]!;
    ((rude.resolvedConditions as { all: { value: string[] }[] }).all[0]!.value).push('x');
    expect(rude.params['categories']!.value).toEqual(['态度粗暴', '接待不耐心']);
  });

  it('skips policy, clauses, calendars and Markdown when looking for rules', async () => {
    const dir = tempRules({ 'FORMAT.md': '# notes', 'clauses.json': readFileSync(join(fixture('..', '..', '..', 'rules'), 'clauses.json'), 'utf8') }, 'valid');
    const { ruleSet, problems } = await loadRuleSet(dir);
    expect(problems).toEqual([]);
    expect(ruleSet!.rules).toHaveLength(2);
  });

  it('the rule-set hash is stable, and changes with any rule byte, a rename or the policy', async () => {
    const a = (await loadRuleSet(fixture('valid'))).ruleSet!.hash;
    expect((await loadRuleSet(fixture('valid'))).ruleSet!.hash).toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    const copy = tempRules({}, 'valid');
    expect((await loadRuleSet(copy)).ruleSet!.hash).toBe(a);
    const edited = tempRules({ '失职追究制/rude-complaint-test.json': readFileSync(fixture('valid', '失职追究制', 'rude-complaint-test.json'), 'utf8') + ' ' }, 'valid');
    expect((await loadRuleSet(edited)).ruleSet!.hash).not.toBe(a);
    const policy = JSON.parse(readFileSync(join(fixture('..', '..', '..', 'rules'), 'policy.json'), 'utf8'));
    policy.deduction_yuan = 300;
    delete policy.overlaps; // they name shipped rules this folder does not have
    const withPolicy = tempRules({ 'policy.json': JSON.stringify(policy) }, 'valid');
    const loaded = await loadRuleSet(withPolicy);
    expect(loaded.ruleSet!.policy.deduction_yuan).toBe(300);
    expect(loaded.ruleSet!.hash).not.toBe(a);
  });

  it('a folder that does not exist is a fatal error, not a problem list', async () => {
    await expect(loadRuleSet(fixture('no-such-folder'))).rejects.toMatchObject({ code: 'file-not-found' });
  });
});

describe('loadValidRuleSet: the rule set a command needs, or one bad-rules error', () => {
  async function failure(work: Promise<unknown>): Promise<DutyAuditError> {
    const err = await work.then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(DutyAuditError);
    return err as DutyAuditError;
  }

  it('returns the same rule set loadRuleSet does for a clean folder', async () => {
    const ruleSet = await loadValidRuleSet(fixture('valid'));
    expect(ruleSet.hash).toBe((await loadRuleSet(fixture('valid'))).ruleSet!.hash);
    expect(ruleSet.rules.length).toBeGreaterThan(0);
  });

  it('lists every problem as file:line:col under the folder\'s label, with the command that shows them again', async () => {
    const err = await failure(loadValidRuleSet(fixture('bad-json'), 'HEAD~1:rules'));
    expect(err.code).toBe('bad-rules');
    expect(err.message).toMatch(/^the rules in HEAD~1:rules have 1 problem\(s\):\n {2}\S*bad-json\.json:8:3 {2}not valid JSON/);
    expect(err.hint).toBe('fix the rule files at the places listed (`duty-audit rules validate HEAD~1:rules` shows them again)');
    expect(err.file).toBe(fixture('bad-json'));
  });

  it('a missing folder is bad-rules too, named as given', async () => {
    const err = await failure(loadValidRuleSet(fixture('no-such-folder'), 'my-rules'));
    expect(err.code).toBe('bad-rules');
    expect(err.message).toBe('rules folder not found: my-rules');
  });
});

describe('formatProblem', () => {
  it('prints file:line:col, two spaces, the message, with the file relative to the cwd', () => {
    const message = msg('problem.schema', { path: 'version', reason: msg('schema.type', { type: { zh: '整数', en: 'integer' }, value: '"1"' }) });
    const p: RuleProblem = { file: join(process.cwd(), 'rules', 'x.json'), line: 12, column: 7, code: 'schema', message };
    expect(formatProblem(p, 'en')).toBe(join('rules', 'x.json') + ':12:7  version must be integer, not "1"');
    expect(formatProblem(p, 'en', join(process.cwd(), 'rules'))).toBe('x.json:12:7  version must be integer, not "1"');
    expect(formatProblem(p, 'zh', join(process.cwd(), 'rules'))).toBe('x.json:12:7  version：必须是整数，而不是 "1"');
  });
});

describe('a rule file that is not UTF-8', () => {
  it('is said to look like GBK when its bytes read as GB18030, and only "not UTF-8" when they do not, at the first bad character', async () => {
    const text = readFileSync(fixture('valid', '一次性告知制', 'notice-late-test.json'), 'utf8');
    const dir = tempRules({});
    writeFileSync(join(dir, 'gbk.json'), iconv.encode(text, 'gbk'));
    writeFileSync(join(dir, 'neither.json'), Buffer.concat([Buffer.from('{\n  "id": "'), Buffer.from([0xff, 0xfe, 0xff]), Buffer.from('"\n}\n')]));
    const { problems } = await loadRuleSet(dir);
    const encoding = problems.filter((p) => p.code === 'bad-encoding').map((p) => ({ file: p.file.slice(dir.length + 1), line: p.line, column: p.column, message: p.message }));
    // (test/hostile/limits.test.ts L16 pins the GBK file's line and column.)
    expect(encoding).toEqual([
      { file: 'gbk.json', line: expect.any(Number), column: expect.any(Number), message: msg('problem.notUtf8Gbk') },
      { file: 'neither.json', line: 2, column: 10, message: msg('problem.notUtf8') },
    ]);
  });
});
