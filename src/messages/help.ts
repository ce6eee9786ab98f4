/**
 * `duty-audit --help` and each command's help: what each command does, each positional and
 * option, the usage line and the "name a command" messages. yargs' own words (Options:,
 * [default: …], its validation errors) are in src/cli/yargs-strings.ts, in yargs' own keys.
 */
import type { Localized } from '../text.js';

export const HELP_TEXT = {
  // ---- the bin ----
  'help.usage': { zh: '$0 <命令> [选项]', en: '$0 <command> [options]' },
  'help.nameCommand': { zh: '请指定命令：audit、batch、rules、facts、sample 或 serve。', en: 'Name a command: audit, batch, rules, facts, sample or serve.' },
  'help.lang': {
    zh: '语言：zh 中文，en 英文；终端提示和所写文件（报告、JSON）都用此语言。不写时终端提示随 LC_ALL、LC_MESSAGES、LANG（en_* 为英文，其余为中文），文件用中文',
    en: 'language: zh (Chinese) or en (English), for the terminal and for the files written (reports, JSON). Without it the terminal follows LC_ALL / LC_MESSAGES / LANG (en_* is English, anything else Chinese) and files are Chinese',
  },
  'help.epilogue': {
    zh: '退出码：0＝已运行；1＝有问题达到 --fail-on 等级（或规则用例失败）；2＝无法运行（提示会说明原因、位置和解决办法）。',
    en: 'Exit codes: 0 it ran; 1 findings at or above --fail-on (or a failing rule case); 2 it could not run (the message says what, where and how to fix it).',
  },

  // ---- serve ----
  'help.serve': {
    zh: '运行上传服务：各中心上传台账、督查人员下载报告的网页和 JSON 接口',
    en: 'Run the upload service: a web page and JSON API where centers upload ledgers and inspectors download reports',
  },
  'help.serve.port': { zh: '监听端口（0：任一空闲端口）', en: 'port to listen on (0: any free port)' },
  'help.serve.host': { zh: '监听地址；本机以外的地址须给出 --token', en: 'address to listen on; beyond loopback --token is required' },
  'help.serve.data': { zh: '存放上传文件、报告和 SQLite 索引的文件夹', en: 'folder for the uploads, the reports and the SQLite index' },
  'help.serve.jobs': { zh: '同时审计的数量（默认：CPU 核数，{cores}）', en: 'audits at once (default: the number of cores, {cores})' },
  'help.serve.token': {
    zh: '每个请求都须带上的密钥（请求头 Authorization: Bearer 密钥，或用 /?token=密钥 打开一次页面）',
    en: 'secret every request must carry (Authorization: Bearer T, or open /?token=T once)',
  },
  'help.serve.maxMb': { zh: '可接收的最大文件（MB），超过时回复 413', en: 'largest file accepted, in MB (413 above it)' },

  // ---- audit ----
  'help.audit': {
    zh: '审计一个月的台账（.xlsx 工作簿或装有 CSV 文件的文件夹），写出 Excel 报告',
    en: 'Audit one month’s ledger (an .xlsx workbook or a folder of CSV files) and write the Excel report',
  },
  'help.audit.input': { zh: '台账工作簿（.xlsx）或装有 .csv 文件的文件夹', en: 'the ledger workbook (.xlsx) or a folder of .csv files' },
  'help.audit.period': { zh: '所审月份，YYYY-MM（默认：受理日期最多的月份）', en: 'the audited month, YYYY-MM (default: the month holding most 受理日期)' },
  'help.asOf': { zh: '未办结事项的“今天”，YYYY-MM-DD（默认：所审月份的最后一天）', en: '"today" for open cases, YYYY-MM-DD (default: the last day of the period)' },
  'help.rules': { zh: '规则文件夹（默认：duty-audit 随附的规则）', en: 'rules folder (default: the rules shipped with duty-audit)' },
  'help.audit.out': { zh: '报告文件（默认：reports/<中心>-<月份>.xlsx，英文报告为 -en.xlsx）', en: 'report file (default: reports/<center>-<period>.xlsx; -en.xlsx for an English report)' },
  'help.audit.json': { zh: '同时把报告以 JSON 写入此文件（与 --explain 同用时：写入规则解释）', en: 'also write the report as JSON to this file (with --explain: the explanation)' },
  'help.audit.history': {
    zh: '本中心此前月份的 JSON 报告（--json 所写）所在目录或文件：此前已通报的行为显示为“已于YYYY-MM通报”，不再重复计入',
    en: 'a folder (or file) of this center’s earlier JSON reports (--json): an act an earlier month already reported is shown as 已于YYYY-MM通报 and not charged again',
  },
  'help.audit.decisions': {
    zh: '申诉复核结果（.json 或 .xlsx）：问题编号（或 规则 和 记录）、决定 维持／撤销／改为<等级>、理由、复核人、日期',
    en: 'reviewed appeals (.json or .xlsx): 问题编号 (or 规则 and 记录), 决定 维持/撤销/改为<grade>, 理由, 复核人, 日期',
  },
  'help.audit.failOn': {
    zh: '有问题达到此等级或更高时以 1 退出：reminder、criticism、notice、deduction（或 提醒、批评教育、通报批评、扣除奖金）',
    en: 'exit 1 if any finding is graded at or above: reminder, criticism, notice, deduction',
  },
  'help.audit.mask': { zh: '电话号码显示为 138****1234（--no-mask 显示完整号码）', en: 'mask phone numbers as 138****1234 (--no-mask shows them)' },
  'help.audit.engine': {
    zh: 'reference：另用 json-rules-engine 求值，两者结果不同则报错停止（较慢）',
    en: 'reference: also evaluate with json-rules-engine and stop with an error if its findings differ (slower)',
  },
  'help.audit.explain': {
    zh: '不出报告，改为解释：问题编号（F-…）、受理编号、登记编号、姓名@YYYY-MM-DD、事项名称或 center 给出该记录命中的规则和接近命中的规则（--all 列出全部规则及每个条件的值）；人员姓名给出此人的每个问题及其定级过程。--json FILE 以 JSON 写出解释；只有给出 --out 时才写报告；--fail-on 不适用',
    en: 'explain instead of reporting: a finding id (F-…), 受理编号, 登记编号, 姓名@YYYY-MM-DD, an item name or center shows the rules that fired on that record and its near misses (--all: every rule of its scope with each condition’s values); a staff name shows each of that person’s findings and how it was graded. --json FILE writes the explanation as JSON; the report is written only with --out; --fail-on does not apply',
  },
  'help.audit.all': { zh: '与 --explain 同用：列出该记录所在范围的每条规则，而不只是命中和接近命中的规则', en: 'with --explain: every rule of the record’s scope, not only those that fired and the near misses' },

  // ---- batch ----
  'help.batch': {
    zh: '审计文件夹或通配符下的每个工作簿和 CSV 文件夹；每个各出一份报告，另出一份区汇总表',
    en: 'Audit every workbook and CSV folder under folders or globs; one report each plus a district summary',
  },
  'help.batch.inputs': { zh: '文件夹、工作簿或加引号的通配符', en: 'folders, workbooks or quoted globs' },
  'help.batch.out': { zh: '存放报告、区汇总表和清单的文件夹', en: 'folder for the reports, the district summary and the manifest' },
  'help.batch.jobs': { zh: '同时审计的数量（默认：CPU 核数，{cores}）', en: 'parallel audits (default: the number of cores, {cores})' },
  'help.batch.period': { zh: 'YYYY-MM（默认：各文件自己的月份）', en: 'YYYY-MM (default: each input’s own month)' },
  'help.batch.mask': { zh: '报告中的电话号码打码（--no-mask 显示完整号码）', en: 'mask phone numbers in reports (--no-mask to show them)' },
  'help.batch.force': { zh: '审计每个文件，包括上次运行后未改动的', en: 'audit every input, even those unchanged since the last run' },
  'help.batch.failOn': { zh: '有中心的问题达到此等级或更高时以 1 退出', en: 'exit 1 when a center has a finding at or above this grade' },
  'help.batch.maxMb': { zh: '大于此大小（MB）的文件（或 CSV 文件夹的总大小）列为失败', en: 'inputs (a workbook, or a CSV folder in all) larger than this many MB are listed as failed' },

  // ---- the input limits (src/cli/limit-options.ts) ----
  'help.limits.group': { zh: '限制：', en: 'Limits:' },
  'help.limit.maxInputBytes': { zh: '拒绝大于此大小（MB）的工作簿或 CSV 文件', en: 'refuse a workbook or CSV file larger than this many MB' },
  'help.limit.maxPartBytes': { zh: '拒绝解压后大于此大小（MB）的工作簿部件（工作表）', en: 'refuse a workbook part (a sheet) that inflates to more than this many MB' },
  'help.limit.maxSharedStringsBytes': { zh: '拒绝共享字符串表解压后大于此大小（MB）的工作簿', en: 'refuse a workbook whose shared-string table inflates to more than this many MB' },
  'help.limit.maxCompressionRatio': {
    zh: '拒绝解压后超过压缩大小此倍数的工作簿部件（zip 炸弹）',
    en: 'refuse a workbook part that inflates to more than this many times its compressed size (a zip bomb)',
  },
  'help.limit.maxCellChars': { zh: '拒绝字符数超过此数的单元格', en: 'refuse a cell with more than this many characters' },
  'help.limit.maxRows': { zh: '拒绝行数超过此数的工作表', en: 'refuse a sheet with more than this many rows' },
  'help.limit.maxRuleFileBytes': { zh: '拒绝大于此大小（KB）的规则、处理政策或日历文件', en: 'refuse a rule, policy or calendar file larger than this many KB' },
  'help.limit.maxRuleNesting': { zh: '拒绝对象和列表嵌套超过此层数的规则文件', en: 'refuse a rule file whose objects and lists nest deeper than this' },

  // ---- rules ----
  'help.rules.command': { zh: '检查、测试、列出和比较规则文件：rules validate | test | list | diff', en: 'Check, test, list and diff rule files: rules validate | test | list | diff' },
  'help.rules.nameCommand': { zh: '请指定 rules 的子命令：{commands}。', en: 'Name a rules command: {commands}.' },
  'help.rules.validate': {
    zh: '检查每个规则文件、处理政策和日历；每处问题以 file:line:col 的形式列出',
    en: 'Check every rule file, the policy and the calendars; print each problem as file:line:col',
  },
  'help.rules.test': {
    zh: '运行每条规则自带的用例（必须命中和必须不命中的记录），并显示条款覆盖情况',
    en: "Run each rule's own cases (records it must and must not fire on) and show clause coverage",
  },
  'help.rules.dir': { zh: '规则文件夹（默认：duty-audit 随附的规则）', en: 'rules folder (default: the rules shipped with duty-audit)' },
  'help.rules.list': {
    zh: '规则目录：编号、条款、标题、范围 → 责任对象、参数及其取值、等级',
    en: 'The rule catalogue: id, clause, titles, scope → subject, params with their values, grade',
  },
  'help.rules.list.format': { zh: 'table（终端表格）、md（Markdown：README 页面）或 json', en: 'table (terminal), md (Markdown: the README page) or json' },
  'help.rules.list.write': { zh: '把 Markdown 目录写入 DIR/{file}（中文，除非 --lang en）', en: 'write the Markdown catalogue to DIR/{file} (in Chinese unless --lang en)' },
  'help.rules.diff': {
    zh: '某次规则改动在真实台账上新增、移除或改变等级的问题（旧规则可以是 git 版本，例如 HEAD~1:rules）',
    en: 'Which findings a rule edit adds, removes or regrades on real ledgers (old rules may be a git revision, e.g. HEAD~1:rules)',
  },
  'help.rules.diff.old': { zh: '旧规则：文件夹，或 git 版本，例如 HEAD~1:rules', en: 'the old rules: a folder, or a git revision such as HEAD~1:rules' },
  'help.rules.diff.new': { zh: '新规则：文件夹（或 git 版本）', en: 'the new rules: a folder (or a git revision)' },
  'help.rules.diff.workbooks': { zh: '用两套规则审计的台账工作簿（.xlsx）或 CSV 文件夹', en: 'ledger workbooks (.xlsx) or CSV folders to audit with both' },
  'help.rules.diff.xlsx': { zh: '同时把差异写成工作簿（新增 / 移除 / 等级变化 / 按规则 / 按人员）', en: 'also write the diff as a workbook (新增 / 移除 / 等级变化 / 按规则 / 按人员)' },
  'help.rules.diff.json': { zh: '同时把差异以 JSON 写入此文件（schemas/diff.schema.json）', en: 'also write the diff as JSON to this file (schemas/diff.schema.json)' },
  'help.rules.diff.period': { zh: '所审月份，YYYY-MM（默认：各台账自己的月份）', en: 'the audited month, YYYY-MM (default: each workbook’s own)' },

  // ---- facts ----
  'help.facts': { zh: '列出规则可以测试的事实（按范围）及其含义', en: 'List the facts a rule may test, per scope, with their meaning' },
  'help.facts.scope': { zh: '只列出此范围的事实', en: 'only the facts of this scope' },
  'help.facts.format': { zh: 'table（终端表格）、md（Markdown）或 json', en: 'table (terminal), md (Markdown) or json' },

  // ---- sample ----
  'help.sample': {
    zh: '写出一个含已知违规的仿真样例月份（工作簿、CSV 文件夹、planted.json、README.md）',
    en: 'Write a realistic sample month (workbook, CSV folder, planted.json, README.md) with known violations',
  },
  'help.sample.out': { zh: '写入的文件夹（默认：新建的临时文件夹；--out samples 改写随附的样例）', en: 'Folder to write into (default: a new temporary folder; --out samples rewrites the bundled sample)' },
  'help.sample.cases': { zh: '办件台账的行数（100000 也可以，流式写出）', en: 'Case rows in the 办件台账 (100000 works, streamed)' },
  'help.sample.seed': { zh: '随机种子：同一种子写出同一个月份', en: 'Seed: the same seed writes the same month' },
} as const satisfies Record<string, Localized>;
