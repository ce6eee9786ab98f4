/**
 * What the commands print on the terminal, around the data they render: the fatal-error lines,
 * the audit's one-screen summary, batch progress and its closing lines, `rules test` and
 * `rules validate`, `audit --explain`, and the "written" lines of rules list, rules diff and
 * sample. (The report files' own words are in src/report/labels.ts.)
 */
import type { Localized } from '../text.js';

export const OUTPUT_TEXT = {
  // ---- shared words ----
  'word.none': { zh: '无', en: 'none' },
  'word.yes': { zh: '是', en: 'true' },
  'word.no': { zh: '否', en: 'false' },

  // ---- fatal errors (exit 2), printed by the bin ----
  'cli.fatal': { zh: 'duty-audit：{message}', en: 'duty-audit: {message}' },
  'cli.fix': { zh: '  解决办法：{hint}', en: '  fix: {hint}' },
  'cli.internalError': { zh: '内部错误：{reason}', en: 'internal error: {reason}' },
  'cli.internalError.hint': { zh: '请连同所运行的命令一起报告此问题', en: 'please report it with the command you ran' },
  'cli.usage.hint': { zh: '运行 `duty-audit --help` 查看命令和选项', en: 'run `duty-audit --help` for the commands and options' },

  // ---- audit: the one-screen summary ----
  'summary.header': { zh: '{center} · {period}{inferred} · 截止日期 {asOf}', en: '{center} · {period}{inferred} · as of {asOf}' },
  'summary.periodInferred': { zh: '（未指定，按受理日期最多的月份推断）', en: ' (not given: inferred from the month holding most 受理日期)' },
  'summary.counts': { zh: '问题数：{counts}（合计 {total}）', en: 'Findings: {counts} (total {total})' },
  'summary.people': { zh: '需处理人员：', en: 'People to act on:' },
  'summary.people.none': { zh: '需处理人员：无', en: 'People to act on: none' },
  'summary.deduct': { zh: '扣款 ¥{yuan}', en: 'deduct ¥{yuan}' },
  'summary.more': { zh: '另有 {n} 人', en: '{n} more' },
  'summary.dataIssues': { zh: '数据问题：{n}（读取 {read} 行，搁置 {setAside} 行）', en: 'Data issues: {n} ({setAside} of {read} rows set aside)' },
  'summary.rulesNotRun': { zh: '未运行的规则：{n}', en: 'Rules that did not run: {n}' },
  'summary.rulesNotRun.none': { zh: '未运行的规则：无', en: 'Rules that did not run: none' },
  'summary.notRunGroup': { zh: '{reason}：{ids}', en: '{reason}: {ids}' },
  'summary.report': { zh: '报告：{path}', en: 'Report: {path}' },
  'summary.json': { zh: 'JSON：{path}', en: 'JSON: {path}' },
  'summary.crossChecked': {
    zh: '交叉核对：参考引擎 json-rules-engine 得出相同的 {n} 条问题',
    en: 'cross-checked: json-rules-engine (the reference) gives the same {n} finding(s)',
  },

  // ---- batch: progress and the closing lines ----
  'batch.progress.audited': { zh: '已审计  {input}  {center} {period}：{findings} 个问题，{issues} 个数据问题', en: 'audited   {input}  {center} {period}: {findings} finding(s), {issues} data issue(s)' },
  'batch.progress.unchanged': { zh: '未改动  {input}  {center} {period}：{findings} 个问题，{issues} 个数据问题', en: 'unchanged {input}  {center} {period}: {findings} finding(s), {issues} data issue(s)' },
  'batch.progress.failed': { zh: '失败    {input}  {code}：{reason}', en: 'FAILED    {input}  {code}: {reason}' },
  'batch.progress.bar': { zh: '失败 {failed}', en: '{failed} failed' },
  'batch.closing.counts': {
    zh: '批量审计：已审计 {audited} 个，未改动（保留）{skipped} 个，失败 {failed} 个',
    en: 'batch: {audited} audited, {skipped} unchanged (kept), {failed} failed',
  },
  'batch.closing.summary': { zh: '区汇总表：{path}', en: 'district summary: {path}' },
  'batch.closing.failed': { zh: '失败：{input}（{code}）', en: 'failed: {input} ({code})' },

  // ---- rules validate ----
  'validate.problems.one': { zh: '1 处问题；未载入任何规则', en: '1 problem; nothing was loaded' },
  'validate.problems': { zh: '{n} 处问题；未载入任何规则', en: '{n} problems; nothing was loaded' },
  'validate.ok': {
    zh: '规则无误：{rules} 条规则、处理政策和 {calendars} 个日历文件均有效（规则集 {hash}）',
    en: 'rules OK: {rules} rules, the policy and {calendars} calendar files valid (rule set {hash})',
  },
  'validate.ok.oneCalendar': {
    zh: '规则无误：{rules} 条规则、处理政策和 1 个日历文件均有效（规则集 {hash}）',
    en: 'rules OK: {rules} rules, the policy and 1 calendar file valid (rule set {hash})',
  },

  // ---- rules test ----
  'test.ruleLine': { zh: '{mark} {id}  {clause}  {n} 个用例', en: '{mark} {id}  {clause}  {n} cases' },
  'test.ruleLine.one': { zh: '{mark} {id}  {clause}  1 个用例', en: '{mark} {id}  {clause}  1 case' },
  'test.absent': { zh: '（无）', en: '(absent)' },
  'test.param': { zh: '（参数 {name}）', en: ' (param {name})' },
  'test.condition': { zh: '{result}  {fact} {operator} {expected}{param}   实际 {actual}', en: '{result}  {fact} {operator} {expected}{param}   actual {actual}' },
  'test.expected.fires': { zh: '一个问题，等级 {grade}', en: 'one finding, grade {grade}' },
  'test.noFinding': { zh: '无问题', en: 'no finding' },
  'test.actual.error': { zh: '出错：{error}', en: 'error: {error}' },
  'test.actual.notRun': { zh: '规则未运行（{reason}）', en: 'rule did not run ({reason})' },
  'test.record': { zh: '记录：{record}{asOf}', en: 'record:   {record}{asOf}' },
  'test.asOf': { zh: '（截止日期 {asOf}）', en: '  (as-of {asOf})' },
  'test.expected': { zh: '应为：{what}', en: 'expected: {what}' },
  'test.actual': { zh: '实际：{what}', en: 'actual:   {what}' },
  'test.conditions': { zh: '条件：', en: 'conditions:' },
  'test.coverage': { zh: '条款覆盖：', en: 'clause coverage:' },
  'test.coverage.viaItems': { zh: '（由其各项覆盖：{items}）', en: '(by its items: {items})' },
  'test.coverage.noRule': { zh: '（无规则）', en: '(no rule)' },
  'test.coverage.count': { zh: '{n} 个条款中有 {covered} 个有带用例的规则', en: '{covered} of {n} clauses have a rule with cases' },
  'test.coverage.gaps': { zh: '✗ 没有规则的必备条款：{clauses}', en: '✗ required clauses without a rule: {clauses}' },
  'test.summary.ok': {
    zh: 'rules test 通过：{rules} 条规则，{cases} 个用例，{failedCases} 个用例失败，{failedRules} 条规则失败',
    en: 'rules test OK: {rules} rules, {cases} cases, {failedCases} failed cases, {failedRules} failed rules',
  },
  'test.summary.failed': {
    zh: 'rules test 未通过：{rules} 条规则，{cases} 个用例，{failedCases} 个用例失败，{failedRules} 条规则失败',
    en: 'rules test FAILED: {rules} rules, {cases} cases, {failedCases} failed cases, {failedRules} failed rules',
  },
  'test.failure.notRun': { zh: '规则未运行：{reason}', en: 'the rule did not run: {reason}' },
  'test.failure.didNotFire': { zh: '应在该记录上命中，但没有命中', en: 'expected the rule to fire on the record, it did not' },
  'test.failure.manyFindings': { zh: '应在该记录上产生一个问题，实际产生 {n} 个', en: 'expected one finding on the record, got {n}' },
  'test.failure.wrongGrade': { zh: '应为等级 {expected}，实际为 {actual}', en: 'expected grade {expected}, got {actual}' },
  'test.failure.fired': { zh: '不应在该记录上产生问题，实际产生 {n} 个（{grades}）', en: 'expected no finding on the record, got {n} ({grades})' },
  'test.noDate': {
    zh: '无法确定用例的月份：记录及其 `with` 行都没有日期；请添加 "asOf"',
    en: 'cannot tell the case\'s month: the record and its `with` rows carry no date; add "asOf"',
  },
  'test.sheetsAbsent': { zh: '用例中缺少工作表 {sheets}；请在 "with" 下添加', en: 'sheet(s) {sheets} absent from the case; add them under "with"' },
  'test.notAudited': {
    zh: '该记录不在审计范围内（在所审月份之外，或晚于截止日期？）',
    en: 'the record is not among the audited records (outside the period, or after as-of?)',
  },
  'test.couldNotRun': { zh: '用例无法运行：{reason}', en: 'the case could not run: {reason}' },
  'test.noFireCase': { zh: '没有命中用例：从未证明该规则会命中', en: 'no fire case: the rule is never shown to fire' },
  'test.noPassCase': { zh: '没有不命中用例：从未证明该规则会保持沉默', en: 'no pass case: the rule is never shown to stay quiet' },

  // ---- audit --explain ----
  'explain.title': { zh: '规则解释：{target}', en: 'Rule explanation: {target}' },
  'explain.byFinding': { zh: '问题 {id} 所在的记录', en: 'the record of finding {id}' },
  'explain.byPerson': { zh: '人员 {name}', en: 'person {name}' },
  'explain.header': { zh: '{center} · {period}{inferred} · 截止日期 {asOf}', en: '{center} · {period}{inferred} · as of {asOf}' },
  'explain.periodInferred': { zh: '（按受理日期推断）', en: ' (inferred)' },
  'explain.record': { zh: '■ {key} · {sheet}第 {row} 行 · {date}', en: '■ {key} · {sheet} row {row} · {date}' },
  'explain.derived': { zh: '派生事实', en: 'Derived facts' },
  'explain.columns': { zh: '台账字段', en: 'Ledger columns' },
  'explain.rulesHead': {
    zh: '规则（{scope}）：共 {total} 条：命中 {fired} · 未命中 {notFired}（其中接近命中 {near}）· 未运行 {notRun}',
    en: 'Rules ({scope}): {total}: {fired} fired · {notFired} did not fire ({near} near misses) · {notRun} did not run',
  },
  'explain.fired': { zh: '命中', en: 'fired' },
  'explain.notFired': { zh: '未命中', en: 'did not fire' },
  'explain.notRun': { zh: '未运行', en: 'did not run' },
  'explain.sheetAbsent': { zh: '缺少工作表 {sheets}，本规则未运行', en: 'sheet absent: {sheets}; the rule did not run' },
  'explain.because': { zh: '原因：{leaves}', en: 'because: {leaves}' },
  'explain.nearHead': { zh: '接近命中（只差一个条件）：', en: 'Near misses (one condition short):' },
  'explain.shortOf': { zh: '只差：{leaf}', en: 'short of: {leaf}' },
  'explain.rest': { zh: '其余 {n} 条规则未命中；加 --all 列出每条规则的每个条件', en: '{n} more rules did not fire; add --all for every rule with each condition' },
  'explain.leaf': { zh: '{fact} {comparison}{param}  实际：{actual}', en: '{fact} {comparison}{param}  actual: {actual}' },
  'explain.param': { zh: '（参数 {name}）', en: ' (param {name})' },
  'explain.group.all': { zh: '全部满足（all）', en: 'all of' },
  'explain.group.any': { zh: '任一满足（any）', en: 'any of' },
  'explain.group.not': { zh: '不成立（not）', en: 'not' },
  'explain.isEmpty': { zh: '为空', en: 'is empty' },
  'explain.isNotEmpty': { zh: '不为空', en: 'is not empty' },
  'explain.empty': { zh: '空', en: 'empty' },
  'explain.baseGrade': { zh: '基础等级：{grade} — {why}', en: 'Base grade: {grade} — {why}' },
  'explain.ladder': { zh: '阶梯：{steps}', en: 'ladder: {steps}' },
  'explain.ladderBase': { zh: '基础 {grade}', en: 'base {grade}' },
  'explain.finalGrade': { zh: '最终等级：{grade}（{escalation}）', en: 'Final grade: {grade} ({escalation})' },
  'explain.notEscalated': { zh: '未升级', en: 'not escalated' },
  'explain.findingLine': { zh: '问题编号 {id} · 责任对象 {subject}{deduction}', en: 'finding {id} · subject {subject}{deduction}' },
  'explain.deduction': { zh: ' · 扣款 ¥{yuan}', en: ' · deduct ¥{yuan}' },
  'explain.evidence': { zh: '问题描述：{text}', en: 'Evidence: {text}' },
  'explain.why.base': { zh: '固定基础等级', en: 'fixed base grade' },
  'explain.why.byValue': { zh: '按取值 {fact} = {value} → {grade}', en: 'by value {fact} = {value} → {grade}' },
  'explain.why.fromFact': { zh: '取自事实 {fact} = {value} → {grade}', en: 'from fact {fact} = {value} → {grade}' },
  'explain.why.ladder': { zh: '阶梯 {fact} {value} ≥ {threshold} → {grade}', en: 'ladder {fact} {value} ≥ {threshold} → {grade}' },
  'explain.why.ladderNone': { zh: '阶梯 {fact} {value}{below}（未达最低一级）→ 基础 {grade}', en: 'ladder {fact} {value}{below} (below the lowest step) → base {grade}' },
  'explain.noGradedFinding': { zh: '（完整审计中未找到对应问题）', en: '(no matching finding in the full audit)' },
  'explain.alsoMatches': {
    zh: '同名的其他记录（未展开，可用 --explain 指定其一）：{keys}',
    en: 'Other records of this name (not explained; name one with --explain): {keys}',
  },
  'explain.person.head': { zh: '■ 人员 {name}：本月问题 {n} 条', en: '■ Person {name}: {n} findings this period' },
  'explain.person.none': { zh: '■ 人员 {name}：本月没有问题', en: '■ Person {name}: no findings this period' },
  'explain.person.where': { zh: '{key} · {sheet}第 {row} 行 · {date}', en: '{key} · {sheet} row {row} · {date}' },
  'explain.person.path': { zh: '定级：基础 {base}（{why}）→ {escalation} → 最终 {final}{deduction}', en: 'grading: base {base} ({why}) → {escalation} → final {final}{deduction}' },
  'explain.person.total': { zh: '合计：{counts}；最高 {highest}{deduction}', en: 'Total: {counts}; highest {highest}{deduction}' },
  'explain.person.records': { zh: '此人的记录（可用 --explain 逐条解释）：{keys}', en: "This person's records (explain one with --explain): {keys}" },

  // ---- the "written" lines of rules list --write, rules diff and sample ----
  'list.written': { zh: '已写入 {path}（{n} 条规则）', en: 'wrote {path} ({n} rules)' },
  'diff.written.xlsx': { zh: '差异表：{path}', en: 'Diff workbook: {path}' },
  'diff.written.json': { zh: '差异 JSON：{path}', en: 'Diff JSON: {path}' },
  'sample.written': {
    zh: '已写入 {xlsx}\n      {csvDir}/（{csvFiles} 个 CSV 文件）\n      {planted}\n      {readme}\n{cases} 件办件；{violations} 处预置违规，涉及 {rules} 条规则；{unreadable} 个无法读取的单元格',
    en: 'wrote {xlsx}\n      {csvDir}/ ({csvFiles} CSV files)\n      {planted}\n      {readme}\n{cases} cases; {violations} planted violations of {rules} rules; {unreadable} unreadable cells',
  },
} as const satisfies Record<string, Localized>;
