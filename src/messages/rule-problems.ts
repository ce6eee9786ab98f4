/**
 * What `rules validate` says about a rule, policy or calendar file, one problem per place
 * (`file:line:col  message`): JSON syntax, the schema (in words, not ajv's), facts, operators
 * and params, json-rules-engine features the format leaves out, values against their operators,
 * grades and ladders, the clause and the id, the cases, and a calendar year's dates.
 */
import type { Localized } from '../text.js';

export const RULE_PROBLEM_TEXT = {
  // ---- JSON syntax (the parser's reasons, in words) ----
  'problem.badJson': { zh: '不是有效的 JSON：{reason}', en: 'not valid JSON: {reason}' },
  'json.unexpectedToken': { zh: '此处不应出现{token}', en: 'Unexpected token {token} found.' },
  'json.unexpectedChar': { zh: '此处不应出现字符“{char}”', en: "Unexpected character '{char}' found." },
  'json.unexpectedIdentifier': { zh: '此处不应出现标识符“{name}”', en: "Unexpected identifier '{name}' found." },
  'json.unexpectedEnd': { zh: '文件意外结束', en: 'Unexpected end of input found.' },
  'json.parserSays': { zh: '解析器报告：{reason}', en: '{reason}' },

  // ---- before parsing (src/rules/limits.ts, src/rules/files.ts): size, encoding, nesting, links ----
  'problem.tooLarge': {
    zh: '文件有 {size} 字节，超过规则文件 {max} 字节的上限（maxRuleFileBytes）：一条规则只有几 KB；如文件确实如此，请用 {flag} 调高上限',
    en: 'the file is {size} bytes, over the limit of {max} bytes for a rule file (maxRuleFileBytes): a rule is a few kilobytes; if this file is genuine, raise the limit with {flag}',
  },
  'problem.notUtf8': {
    zh: '文件不是 UTF-8 编码：规则文件须为 UTF-8；请在编辑器中另存为 UTF-8（如 VS Code：“通过编码保存”→ UTF-8）',
    en: 'the file is not UTF-8: rule files are UTF-8; save it as UTF-8 in your editor (e.g. VS Code: "Save with Encoding" → UTF-8)',
  },
  'problem.notUtf8Gbk': {
    zh: '文件不是 UTF-8 编码（看起来是 GBK/GB18030）：规则文件须为 UTF-8；请在编辑器中另存为 UTF-8（如 VS Code：“通过编码保存”→ UTF-8）',
    en: 'the file is not UTF-8 (it looks like GBK/GB18030): rule files are UTF-8; save it as UTF-8 in your editor (e.g. VS Code: "Save with Encoding" → UTF-8)',
  },
  'problem.tooDeep': {
    zh: '此处对象和列表嵌套超过 {max} 层（maxRuleNesting）：请把条件写得平一些（用一个 all 或 any 列表代替层层嵌套的分组）；如嵌套确有必要，请用 {flag} 调高上限',
    en: 'objects and lists nest more than {max} levels deep here (maxRuleNesting): write the conditions flatter (an "all" or "any" list instead of groups inside groups); if the nesting is genuine, raise the limit with {flag}',
  },
  'problem.linkBroken': { zh: '符号链接已失效：{target} 不存在；请修好或删除该链接', en: 'broken symbolic link: {target} does not exist; fix the link or remove it' },
  'problem.linkLoop': { zh: '指向 {target} 的符号链接绕回了自身：请删除该链接', en: 'symbolic link to {target} loops back on itself: remove the link' },
  'problem.linkRepeated': {
    zh: '这是指向 {first} 的链接，而它已经读过：请删除该链接（每条规则只读一次）',
    en: 'a link to {first}, which is read already: remove the link (each rule is read once)',
  },

  // ---- the schema, in words: `<where> <reason>` ----
  'problem.schema': { zh: '{path}：{reason}', en: '{path} {reason}' },
  'schema.theFile': { zh: '文件', en: 'the file' },
  'schema.required': { zh: '缺少“{name}”', en: 'is missing "{name}"' },
  'schema.additionalProperty': { zh: '有未知属性“{name}”', en: 'has an unknown property "{name}"' },
  'schema.notAllowed': { zh: '不允许出现在此处', en: 'is not allowed here' },
  'schema.type': { zh: '必须是{type}，而不是 {value}', en: 'must be {type}, not {value}' },
  'schema.enum': { zh: '必须是 {values} 之一，而不是 {value}', en: 'must be one of {values}, not {value}' },
  'schema.const': { zh: '必须是 {value}', en: 'must be {value}' },
  'schema.pattern': { zh: '{value} 的格式不对', en: '{value} is not in the expected form' },
  'schema.patternExample': { zh: '{value} 的格式不对，应形如 {example}', en: '{value} is not in the expected form, e.g. {example}' },
  'schema.minItems.one': { zh: '至少要有 1 项', en: 'must have at least 1 item' },
  'schema.minItems': { zh: '至少要有 {n} 项', en: 'must have at least {n} items' },
  'schema.minProperties.one': { zh: '至少要有 1 个条目', en: 'must have at least 1 entry' },
  'schema.minProperties': { zh: '至少要有 {n} 个条目', en: 'must have at least {n} entries' },
  'schema.notEmpty': { zh: '不能为空', en: 'must not be empty' },
  'schema.minLength': { zh: '长度至少为 {n} 个字符', en: 'must be at least {n} characters long' },
  'schema.minimum': { zh: '必须 ≥ {limit}，而不是 {value}', en: 'must be ≥ {limit}, not {value}' },
  'schema.maximum': { zh: '必须 ≤ {limit}，而不是 {value}', en: 'must be ≤ {limit}, not {value}' },
  'schema.forms': { zh: '必须是 {forms}', en: 'must be {forms}' },
  'schema.anyForm': { zh: '允许的形式之一', en: 'one of the allowed forms' },
  'schema.or': { zh: '，或 ', en: ', or ' },
  'schema.notProperty': { zh: '有此处不允许的属性', en: 'has a property that is not allowed here' },
  'schema.format': { zh: '{value} 不是有效的 {format}', en: '{value} is not a valid {format}' },
  'schema.invalid': { zh: '无效', en: 'is invalid' },
  'schema.ajvSays': { zh: '不符合 schema（{reason}）', en: '{reason}' },
  'schema.type.string': { zh: '文本', en: 'string' },
  'schema.type.number': { zh: '数值', en: 'number' },
  'schema.type.integer': { zh: '整数', en: 'integer' },
  'schema.type.boolean': { zh: 'true/false', en: 'boolean' },
  'schema.type.object': { zh: '对象', en: 'object' },
  'schema.type.array': { zh: '列表', en: 'array' },
  'schema.type.null': { zh: 'null', en: 'null' },
  'schema.typeOr': { zh: '或', en: ' or ' },

  // ---- facts, operators, params, evidence placeholders ----
  'problem.unknownFact': {
    zh: '范围 {scope} 中没有事实“{fact}”；`duty-audit facts` 列出了各范围的事实',
    en: 'unknown fact "{fact}" for scope {scope}; `duty-audit facts` lists the facts of each scope',
  },
  'problem.event.unknown': {
    zh: 'event“{event}”不是范围 {scope} 的事实；请指定其日期事实之一：{dates}',
    en: 'event "{event}" is not a fact of scope {scope}; name one of its date facts: {dates}',
  },
  'problem.event.notDate': {
    zh: 'event“{event}”是 {type} 类型的事实；事件是把问题归入某月的日期，应为范围 {scope} 的日期事实之一：{dates}',
    en: 'event "{event}" is a {type} fact; the event is the date that places a finding in a month, one of scope {scope}\'s date facts: {dates}',
  },
  'problem.overlap.unknownRule': {
    zh: 'overlaps 中的规则“{id}”不是本文件夹的规则；请使用某个规则文件的编号（`duty-audit rules list` 会列出）',
    en: 'overlaps names rule "{id}", which is not a rule of this folder; use the id of a rule file (`duty-audit rules list` shows them)',
  },
  'problem.overlap.self': { zh: 'overlaps 把规则“{id}”与它自己配对；一对应为两条不同的规则', en: 'overlaps pairs rule "{id}" with itself; a pair names two different rules' },
  'problem.overlap.scopes': {
    zh: 'overlaps 把“{a}”（{sa} 范围）与“{b}”（{sb} 范围）配对：它们的问题不会是同一行为；请配对同一范围的规则，或一条投诉规则与一条办件规则',
    en: 'overlaps pairs "{a}" ({sa} scope) with "{b}" ({sb} scope): their findings are never about one act; pair rules of one scope, or a complaint rule with a case rule',
  },
  'problem.overlap.twice': {
    zh: 'overlaps 再次列出“{a}”、“{b}”这一对（首次在 overlaps[{first}]）；每对只列一次',
    en: 'overlaps lists the pair "{a}", "{b}" again (first at overlaps[{first}]); list each pair once',
  },
  'problem.undeclaredParam': { zh: '参数“{name}”没有在 params 中声明', en: 'param "{name}" is not declared under params' },
  'problem.unknownPlaceholder': {
    zh: '证据模板中的占位符 {{name}} 既不是范围 {scope} 的事实，也不是参数',
    en: 'evidence placeholder {{name}} is neither a fact of scope {scope} nor a param',
  },
  'problem.unknownOperator': {
    zh: '未知运算符“{operator}”；请使用 rules/FORMAT.md 中列出的运算符',
    en: 'unknown operator "{operator}"; use one of the operators listed in rules/FORMAT.md',
  },
  'problem.unusedParam': { zh: '参数“{name}”已声明，但没有任何条件、阶梯或证据模板使用它', en: 'param "{name}" is declared but no condition, ladder or evidence uses it' },

  // ---- json-rules-engine features the rule format leaves out, and what to write instead ----
  'problem.leftOut.priority': {
    zh: '规则格式不支持 "priority"：条件组中的每个条件都按书写顺序判断；请删除它',
    en: '"priority" is not part of the rule format: every condition of a group is judged, in the order written; remove it',
  },
  'problem.leftOut.path': {
    zh: '规则格式不支持 "path"：条件判断的是事实的完整取值；如只需其中一部分，请用派生事实（`duty-audit facts` 列出了它们）',
    en: '"path" is not part of the rule format: a condition tests a fact\'s whole value; for a part of one, use a derived fact (`duty-audit facts` lists them)',
  },
  'problem.leftOut.params': {
    zh: '规则格式不支持 "params"（json-rules-engine 的事实参数）：事实不带参数；门槛值请在 "value" 中写成 {"param": name}，并在规则的 params 中声明',
    en: '"params" (json-rules-engine fact parameters) is not part of the rule format: facts take no parameters; put a threshold in "value" as {"param": name} and declare it under the rule\'s params',
  },
  'problem.leftOut.condition': {
    zh: '规则格式不支持共享条件（"condition"）：请在此处完整写出该测试，{"fact": …, "operator": …, "value": …}',
    en: 'shared conditions ("condition") are not part of the rule format: write the test here in full, {"fact": …, "operator": …, "value": …}',
  },
  'problem.leftOut.name': {
    zh: '规则格式不支持 "name"：条件的含义请写在规则的证据模板或用例的说明中',
    en: '"name" is not part of the rule format: say what the condition means in the rule\'s evidence or in a case\'s description',
  },
  'problem.decorator': {
    zh: '运算符“{name}”：规则格式不支持 json-rules-engine 的修饰符（“{decorators}”）；{advice}',
    en: 'operator "{name}": json-rules-engine\'s decorators ("{decorators}") are not part of the rule format; {advice}',
  },
  'problem.decorator.not': {
    zh: '请把该测试写在条件组中，{"not": {"fact": …, "operator": "{operator}", "value": …}}',
    en: 'write the test inside a group, {"not": {"fact": …, "operator": "{operator}", "value": …}}',
  },
  'problem.decorator.someFact': {
    zh: '列表型事实请用 "intersects"（与列表有共同元素）或 "contains"',
    en: 'for a list fact use "intersects" (shares an element with a list) or "contains"',
  },
  'problem.decorator.everyFact': {
    zh: '请测试一个描述整个列表的派生事实（`duty-audit facts` 列出了它们）',
    en: 'test a derived fact that says it of the whole list (`duty-audit facts` lists them)',
  },
  'problem.decorator.someValue': {
    zh: '多个取值之一请用 "in" 或 "inList"，或写成若干 "{operator}" 测试的 {"any": [...]}',
    en: 'use "in" or "inList" for one of several values, or an {"any": [...]} of "{operator}" tests',
  },
  'problem.decorator.everyValue': {
    zh: '请写成若干 "{operator}" 测试的 {"all": [...]}，每个取值一个',
    en: 'use an {"all": [...]} of "{operator}" tests, one per value',
  },
  'problem.decorator.swap': {
    zh: '请把事实写在左边，并选用与之相符的运算符（事实在列表中用 "in"，列表型事实用 "contains"）',
    en: 'put the fact on the left and choose the operator that reads that way ("in" for a fact in a list, "contains" for a list fact)',
  },

  // ---- the clause, the id, the cases ----
  'problem.unknownClause': {
    zh: '条款“{clause}”不在 rules/clauses.json（制度原文的条款，例如 失职追究制/二.6）中',
    en: 'clause "{clause}" is not in rules/clauses.json (the seed\'s clauses, e.g. 失职追究制/二.6)',
  },
  'problem.idNotFileName': {
    zh: 'id“{id}”与文件名不一致；请把文件改名为 {id}.json，或把 id 改为“{expected}”',
    en: 'id "{id}" differs from the file name; rename the file to {id}.json or set the id to "{expected}"',
  },
  'problem.duplicateId': { zh: 'id“{id}”已被 {first} 使用；每条规则须有自己的 id', en: 'id "{id}" is already used by {first}; every rule needs its own id' },
  'problem.noCases': {
    zh: '规则没有用例：请添加 cases.fire（必须命中的记录）和 cases.pass（必须不命中的记录）',
    en: 'the rule has no cases: add cases.fire (records it must fire on) and cases.pass (records it must not)',
  },
  'problem.noFireCase': {
    zh: '规则没有命中用例：请在 cases.fire 下至少添加一条必须命中的记录',
    en: 'the rule has no fire case: add at least one record it must fire on under cases.fire',
  },
  'problem.noPassCase': {
    zh: '规则没有不命中用例：请在 cases.pass 下至少添加一条必须不命中的记录',
    en: 'the rule has no pass case: add at least one record it must not fire on under cases.pass',
  },

  // ---- values against their operators, grades and ladders ----
  'problem.where.param': { zh: '参数“{name}”', en: 'param "{name}"' },
  'problem.where.value': { zh: '取值', en: 'the value' },
  'problem.valueShape': {
    zh: '{where}为 {value}，但 conditions{path}（“{fact}”的 {operator}）处的条件需要{shape}',
    en: '{where} is {value}, but the condition at conditions{path} ({operator} on "{fact}") needs {shape}',
  },
  'problem.shape.list': { zh: '列表，例如 ["a", "b"]', en: 'a list such as ["a", "b"]' },
  'problem.shape.number': { zh: '数值', en: 'a number' },
  'problem.shape.date': { zh: '写成 YYYY-MM-DD 的日期', en: 'a date written YYYY-MM-DD' },
  'problem.shape.boolean': { zh: 'true 或 false', en: 'true or false' },
  'problem.shape.scalar': { zh: '单个值（文本、数值、true/false 或 null），而不是列表', en: 'a single value (text, number, true/false or null), not a list' },
  'problem.factType': {
    zh: '运算符 {operator} 比较的是 {types} 类型的值，而事实“{fact}”是 {type} 类型；该条件永远不会成立',
    en: 'operator {operator} compares {types} values, but fact "{fact}" is {type}; the condition could never hold',
  },
  'problem.impossibleValue': {
    zh: '{value} 不会是“{fact}”的取值（其取值：{values}）；请检查拼写',
    en: '{value} is never a value of "{fact}" (its values: {values}); check the spelling',
  },
  'problem.impossibleValue.nullable': {
    zh: '{value} 不会是“{fact}”的取值（其取值：{values}，或为空）；请检查拼写',
    en: '{value} is never a value of "{fact}" (its values: {values}, or empty); check the spelling',
  },
  'problem.emptyValue': { zh: '空值', en: 'an empty value' },
  'problem.byValueUnlimited': {
    zh: 'grade.byValue 按“{fact}”定级，但条件没有把它限定在列出的取值内，记录可能带有 map 中没有等级的取值：请加入条件 { "fact": "{fact}", "operator": "in", "value": [...] }，列出 map 所定级的取值',
    en: 'grade.byValue grades by "{fact}", but the conditions do not limit it to listed values, so a record could carry a value the map has no grade for: add a condition { "fact": "{fact}", "operator": "in", "value": [...] } naming the values the map grades',
  },
  'problem.byValueGap': {
    zh: '条件允许“{fact}” = {value}，但 grade.byValue.map 没有为它指定等级：{fix}',
    en: 'the conditions admit "{fact}" = {value}, but grade.byValue.map has no grade for it: {fix}',
  },
  'problem.byValueGap.fixEmpty': {
    zh: '请在条件中加入 { "fact": "{fact}", "operator": "isEmpty", "value": false }',
    en: 'add { "fact": "{fact}", "operator": "isEmpty", "value": false } to the conditions',
  },
  'problem.byValueGap.fix': {
    zh: '请在 grade.byValue.map 中加入 {key}: "<grade>"，或在条件中去掉 {value}',
    en: 'add {key}: "<grade>" to grade.byValue.map, or leave {value} out of the conditions',
  },
  'problem.fromFactUnlimited': {
    zh: 'grade.fromFact 从“{fact}”取等级，但它的取值不限于处理等级；请使用存放等级的事实（如 suggested_grade），或使用带 map 的 grade.byValue',
    en: 'grade.fromFact reads the grade from "{fact}", whose values are not limited to grades; use a fact that holds a grade (such as suggested_grade) or grade.byValue with a map',
  },
  'problem.fromFactNotGrade': {
    zh: '条件允许“{fact}” = {value}，这不是处理等级；grade.fromFact 需要一个始终存放等级的事实（reminder / criticism / notice / deduction）',
    en: 'the conditions admit "{fact}" = {value}, which is not a grade; grade.fromFact needs a fact that always holds one (reminder / criticism / notice / deduction)',
  },
  'problem.ladderParamNotNumber': {
    zh: '参数“{param}”为 {value}，但阶梯第 {step} 级（{pointer}）把它用作门槛，需要数值',
    en: 'param "{param}" is {value}, but ladder step {step} ({pointer}) uses it as a threshold and needs a number',
  },
  'problem.ladderNotNumber': { zh: '阶梯须按数值升级，而事实“{fact}”是 {type} 类型', en: 'a ladder climbs on a number, but fact "{fact}" is {type}' },
  'problem.ladderNotRising': {
    zh: '第 {step} 级给出“{grade}”，并不高于{than}：每一级都须提高等级',
    en: 'step {step} gives "{grade}", which is not above {than}: each step must raise the grade',
  },
  'problem.ladderThan.base': { zh: '基础等级“{grade}”', en: 'the base grade "{grade}"' },
  'problem.ladderThan.step': { zh: '第 {step} 级的“{grade}”', en: 'step {step}\'s "{grade}"' },
  'problem.ladderFalling': {
    zh: '第 {step} 级从 {min} 开始，低于第 {previous} 级的 {previousMin}：门槛须随等级上升，否则第 {previous} 级永远达不到',
    en: 'step {step} starts at {min}, below step {previous}\'s {previousMin}: thresholds must rise with the grade, or step {previous} is never reached',
  },

  // ---- a calendar year's dates (what its schema cannot say) ----
  'calendar.notInYear': { zh: '{date} 不是 {year} 年的日期', en: '{date} is not a date in {year}' },
  'calendar.toBeforeFrom': { zh: '{to} 早于 {from}', en: '{to} is before {from}' },
  'calendar.weekdayMakeup': { zh: '{date} 是周一至周五；调休上班日应是周六或周日', en: '{date} is a weekday; a make-up working day is a Saturday or Sunday' },
  'calendar.makeupInHoliday': { zh: '{date} 同时在节假日之内', en: '{date} is also inside a holiday' },
  'calendar.notSchema': { zh: '不符合日历的 schema', en: 'does not match the calendar schema' },
} as const satisfies Record<string, Localized>;

/**
 * The titles schemas/rule.schema.json gives its forms (a `oneOf` names them when none fits), in
 * Chinese. An untitled or new form shows its English title.
 */
export const SCHEMA_FORM_TITLES_ZH: Readonly<Record<string, string>> = {
  '{"param": name}': '{"param": name}',
  '{"fact": name}': '{"fact": name}',
  'a literal (text, number, true/false, null or a list)': '字面值（文本、数值、true/false、null 或列表）',
  'a group: all, any or not': '条件组：all、any 或 not',
  'a group with exactly one of all, any, not — or a test with fact, operator and value': '恰好含 all、any、not 之一的条件组，或含 fact、operator 和 value 的测试',
};
