/**
 * What a DutyAuditError says (exit 2): what went wrong, where, and — in the `.hint` entry beside
 * it — how to fix it. By the part of the tool that stops: the ledger reader, the period, the
 * calendar, the rules, the commands' own options, --explain, rules diff, batch, sample.
 */
import type { Localized } from '../text.js';

export const ERROR_TEXT = {
  // ---- the ledger: file, container, encoding, sheets ----
  'ledger.notFound': { zh: '{file}：找不到该文件或文件夹', en: '{file}: no such file or folder' },
  'ledger.notFound.hint': { zh: '请检查路径；应给出一个 .xlsx 工作簿，或一个装有 .csv 文件的文件夹', en: 'check the path; give an .xlsx workbook or a folder of .csv files' },
  'ledger.empty': { zh: '{file}：文件是空的（0 字节）', en: '{file}: the file is empty (0 bytes)' },
  'ledger.empty.hint': { zh: '请重新导出台账；该文件没有完整写入', en: 'export the ledger again; the file was not written completely' },
  'ledger.encrypted': { zh: '{file}：工作簿设有密码保护（加密的 CDFV2 容器）', en: '{file}: the workbook is protected with a password (an encrypted CDFV2 container)' },
  'ledger.encrypted.hint': {
    zh: '请在 Excel 或 WPS 中打开，取消密码（文件 → 信息 → 保护工作簿）后重新保存',
    en: 'open it in Excel or WPS, remove the password (File → Info → Protect Workbook) and save it again',
  },
  'ledger.oldXls': { zh: '{file}：这是旧版 Excel 97–2003（.xls）文件，无法读取', en: '{file}: an old Excel 97–2003 (.xls) file, which cannot be read' },
  'ledger.saveAsXlsx.hint': {
    zh: '请在 Excel 或 WPS 中打开，另存为 .xlsx（文件 → 另存为 → Excel 工作簿）',
    en: 'open it in Excel or WPS and save it as .xlsx (File → Save As → Excel Workbook)',
  },
  'ledger.notXlsx': { zh: '{file}：不是 Excel 工作簿（.xlsx）', en: '{file}: not an Excel workbook (.xlsx)' },
  'ledger.notXlsx.hint': { zh: '请把台账另存为 .xlsx', en: 'save the ledger as .xlsx' },
  'ledger.notXlsx.csvHint': {
    zh: '请把各 CSV 文件放进一个文件夹并给出该文件夹，或把台账另存为 .xlsx',
    en: 'put the CSV files in a folder and give the folder; or save the ledger as .xlsx',
  },
  'ledger.damaged': { zh: '{file}：{what}', en: '{file}: {what}' },
  'ledger.resave.hint': {
    zh: '请在 Excel 或 WPS 中打开，重新另存为 .xlsx（文件 → 另存为 → Excel 工作簿）',
    en: 'open it in Excel or WPS and save it again as .xlsx (File → Save As → Excel Workbook)',
  },

  // ---- the ledger's limits (src/ledger/limits.ts): what was over, and the option that raises it ----
  'ledger.badLimit': { zh: '台账限制 {name} 须为正数（实际为 {value}）', en: 'the ledger limit {name} must be a positive number (got {value})' },
  'ledger.badLimit.hint': { zh: '请把 {name} 设为正数，或不设置以使用默认值 {default}', en: 'give {name} as a positive number, or leave it out for the default of {default}' },
  'ledger.overLimit': { zh: '{file}：{what}（限制 {limit} = {value}）', en: '{file}: {what} (limit {limit} = {value})' },
  'ledger.overLimit.hint': {
    zh: '一个月的台账远小于此：请确认文件是否正确；如确实如此，请调高限制选项 {limit}（命令行选项 {flag}）',
    en: "a month's ledger is far smaller: check it is the right file; if it is genuine, raise the limit option {limit} ({flag} on the command line)",
  },
  'ledger.over.inputBytes': { zh: '{size} 字节，超过了 {max} 字节的上限', en: '{size} bytes is over the limit of {max} bytes' },

  // ---- inside a workbook (src/ledger/xlsx): which part, and what is wrong with it ----
  'xlsx.part': { zh: '部件 {part}', en: 'the part {part}' },
  'xlsx.sheetPart': { zh: '工作表 {sheet}（{part}）', en: 'sheet {sheet} ({part})' },
  'xlsx.sharedStrings': { zh: '共享字符串表（{part}）', en: 'the shared-string table ({part})' },
  'xlsx.tokenTooLong': { zh: '{label}中有超过 {n} 个字符的单元格或标签', en: '{label} holds a cell or tag of more than {n} characters' },
  'xlsx.notXml': { zh: '{label}不是格式正确的 XML：{reason}', en: '{label} is not well-formed XML: {reason}' },
  'xlsx.notUtf8': { zh: '{label}不是有效的 UTF-8 文本', en: '{label} is not valid UTF-8 text' },
  'xlsx.zipDamaged': { zh: '无法读取的 .xlsx：zip 压缩包已损坏（{reason}）', en: 'not a readable .xlsx: the zip container is damaged ({reason})' },
  'xlsx.zipDirectoryDamaged': { zh: '无法读取的 .xlsx：zip 目录已损坏（{reason}）', en: 'not a readable .xlsx: the zip directory is damaged ({reason})' },
  'xlsx.tooManyParts': { zh: 'zip 中列有 {n} 个部件；一个工作簿只有几十个', en: 'the zip lists {n} parts; a workbook has a few dozen' },
  'xlsx.partMissing': { zh: 'zip 中缺少{label}', en: '{label} is missing from the zip' },
  'xlsx.partUnreadable': { zh: '无法从 zip 中读取{label}（{reason}）', en: '{label} cannot be read from the zip ({reason})' },
  'xlsx.inflatesBeyondDeclared': {
    zh: '{label}解压后超过 zip 目录声明的 {declared} 字节：文件已损坏，或是为耗尽内存而构造的',
    en: '{label} inflates to more than the {declared} bytes its zip directory declares: the file is damaged or built to exhaust memory',
  },
  'xlsx.cannotInflate': { zh: '{label}无法解压（{reason}）：文件已损坏或不完整', en: '{label} cannot be inflated ({reason}): the file is damaged or cut off' },
  'xlsx.inflatesOtherThanDeclared': {
    zh: '{label}解压后为 {total} 字节，而不是 zip 目录声明的 {declared} 字节：文件已损坏或不完整',
    en: '{label} inflates to {total} bytes, not the {declared} its zip directory declares: the file is damaged or cut off',
  },
  'xlsx.partEncrypted': { zh: '{label}在 zip 中被加密', en: '{label} is encrypted inside the zip' },
  'xlsx.zipMethod': { zh: '{label}使用了 zip 压缩方式 {method}，Excel 不会写出这种文件', en: '{label} is compressed with zip method {method}, which Excel does not write' },
  'xlsx.partTooLarge': { zh: '{label}解压后为 {size} 字节，超过限制', en: '{label} inflates to {size} bytes, over the limit' },
  'xlsx.zipBomb': {
    zh: '{label}解压后膨胀 {ratio} 倍（{compressed} → {size} 字节），是 zip 炸弹的压缩比',
    en: "{label} inflates {ratio}-fold ({compressed} → {size} bytes), a zip bomb's ratio",
  },
  'xlsx.xlsb': { zh: '这是 Excel 二进制工作簿（.xlsb），无法读取', en: 'an Excel binary workbook (.xlsb), which cannot be read' },
  'xlsx.ods': { zh: '这是 OpenDocument 电子表格（.ods），不是 Excel 工作簿', en: 'an OpenDocument spreadsheet (.ods), not an Excel workbook' },
  'xlsx.noWorkbookPart': { zh: '是 zip 文件，但不是 Excel 工作簿（没有 xl/workbook.xml）', en: 'a zip file, but not an Excel workbook (no xl/workbook.xml)' },
  'xlsx.sheetPartMissing': {
    zh: '工作表 {sheet} 在 zip 中没有工作表部件（缺少其关系或部件）',
    en: 'sheet {sheet} has no worksheet part in the zip (its relationship or part is missing)',
  },
  'xlsx.sharedStringTooLong': { zh: '{label}中的共享字符串 {index} 超过单元格长度限制', en: 'shared string {index} in {label} is longer than the cell limit' },
  'xlsx.cellTooLong': { zh: '单元格 {cell} 超过 {n} 个字符', en: 'cell {cell} has more than {n} characters' },
  'xlsx.tooManyRows': { zh: '工作表 {sheet} 超过 {n} 行', en: 'sheet {sheet} has more than {n} rows' },
  'xlsx.sheetDamaged': { zh: '工作表 {sheet}（{part}）中有{what}：文件已损坏', en: 'sheet {sheet} ({part}) has {what}: the file is damaged' },
  'xlsx.badRowNumber': { zh: '行号为 {r} 的行（超出 1–{max}）', en: 'a row numbered {r}, outside 1–{max}' },
  'xlsx.badCellRef': { zh: '不在表格范围内的单元格引用 {ref}', en: 'a cell reference {ref} that is not a cell of the grid' },
  'xlsx.badSharedString': {
    zh: '单元格 {cell} 引用了共享字符串 {index}，而共享字符串表只有 {n} 个（0–{last}）',
    en: 'cell {cell} refers to shared string {index}, but the shared-string table has {n} strings (0–{last})',
  },
  'ledger.noCasesSheet': { zh: '{file}：没有办件台账（cases）工作表；现有工作表：{sheets}', en: '{file}: no 办件台账 (cases) sheet; sheets found: {sheets}' },
  'ledger.noCasesSheet.xlsxHint': { zh: '办件台账工作表须命名为“办件台账”或“cases”', en: 'the case ledger sheet must be named 办件台账 or cases' },
  'ledger.noCasesSheet.csvHint': {
    zh: '办件台账的 CSV 文件名须以“办件台账”或“cases”结尾，例如 城东社区-2026-10-办件台账.csv',
    en: 'the case ledger CSV file name must end with 办件台账 or cases, e.g. 城东社区-2026-10-办件台账.csv',
  },
  'ledger.badEncoding': { zh: '{file}：文本既不是 UTF-8 也不是 GBK/GB18030 编码', en: '{file}: the text is neither UTF-8 nor GBK/GB18030' },
  'ledger.badEncoding.guess': {
    zh: '{file}：文本既不是 UTF-8 也不是 GBK/GB18030 编码（看起来像 {guess}）',
    en: '{file}: the text is neither UTF-8 nor GBK/GB18030 (it looks like {guess})',
  },
  'ledger.badEncoding.hint': { zh: '请在 Excel 或 WPS 中打开，另存为 UTF-8 或 GBK 编码的 CSV', en: 'open it in Excel or WPS and save it as CSV in UTF-8 or GBK' },
  'ledger.csvUtf16': {
    zh: '{file}：文本是 UTF-16 编码（Excel 的“Unicode 文本”），不是 UTF-8 或 GBK 编码的 CSV',
    en: '{file}: the text is UTF-16 (Excel\'s "Unicode text"), not a CSV in UTF-8 or GBK',
  },
  'ledger.csvUtf16NoBom': {
    zh: '{file}：文本是不带字节顺序标记的 UTF-16（每隔一个字节就是 NUL），不是 UTF-8 或 GBK 编码的 CSV',
    en: '{file}: the text is UTF-16 without a byte-order mark (every other byte is NUL), not a CSV in UTF-8 or GBK',
  },
  'ledger.csvNul': {
    zh: '{file}：第 {line} 行（第 {byte} 字节）有 NUL 字节：它不是文本 CSV，或已损坏',
    en: '{file}: the file holds a NUL byte at line {line} (byte {byte}): it is not a text CSV, or it is damaged',
  },
  'ledger.csvNul.hint': {
    zh: '请确认文件是否正确；如是，请在 Excel 或 WPS 中打开，另存为 UTF-8 或 GBK 编码的 CSV',
    en: 'check it is the right file; if it is, open it in Excel or WPS and save it as CSV in UTF-8 or GBK',
  },
  'ledger.csvBomNotUtf8': {
    zh: '{file}：文件以 UTF-8 字节顺序标记开头，但其后的文本不是 UTF-8',
    en: '{file}: the file begins with a UTF-8 byte-order mark, but the text after it is not UTF-8',
  },
  'ledger.csvBomGbk': {
    zh: '{file}：文件以 UTF-8 字节顺序标记开头，但其后的文本不是 UTF-8（而是 GBK）：某个程序把 GBK 文本标成了 UTF-8',
    en: '{file}: the file begins with a UTF-8 byte-order mark, but the text after it is not UTF-8 (it is GBK): a program marked GBK text as UTF-8',
  },
  'ledger.csvBomGbk.hint': {
    zh: '请用能改编码的文本编辑器打开（记事本：另存为，编码选 UTF-8）另存为 UTF-8；或删去文件开头的三个字节',
    en: 'open it in a text editor that can change the encoding (Notepad: Save As, encoding UTF-8) and save it as UTF-8; or remove the first three bytes',
  },
  'ledger.csvCellTooLong': { zh: '第 {row} 行第 {column} 列的单元格超过 {n} 个字符', en: 'the cell in row {row}, column {column} has more than {n} characters' },
  'ledger.csvRecordTooLong': {
    zh: '第 {row} 行（文件第 {line} 行）超过 {bytes} 字节：其中有单元格远超 {n} 个字符',
    en: 'row {row} (line {line}) is longer than {bytes} bytes: a cell in it is far longer than {n} characters',
  },
  'ledger.csvQuotingBroken': {
    zh: '{file}：超过 {n} 行的引号没有闭合：文件的引号已整体错乱',
    en: "{file}: more than {n} rows open a quote that is not closed: the file's quoting is broken",
  },
  'ledger.csvQuotingBroken.hint': {
    zh: '请在 Excel 或 WPS 中打开，重新另存为 CSV；CSV 单元格内的引号应写作 ""',
    en: 'open it in Excel or WPS and save it again as CSV; a quote inside a cell is written "" in CSV',
  },
  'ledger.csvLinkBroken': { zh: '{path}：符号链接已失效（指向的 {target} 不存在）', en: '{path}: a broken symbolic link (to {target}, which does not exist)' },
  'ledger.csvLinkBroken.hint': { zh: '请把 CSV 文件本身复制进文件夹，或修好该链接', en: 'copy the CSV file itself into the folder, or fix the link' },
  'ledger.csvLinkOutside': {
    zh: '{path}：指向文件夹 {folder} 之外 {real} 的符号链接，不予读取',
    en: '{path}: a symbolic link to {real}, outside the folder {folder}: it is not read',
  },
  'ledger.csvLinkOutside.hint': { zh: '请把 CSV 文件本身复制进文件夹（链接只能指向文件夹内部）', en: 'copy the CSV file itself into the folder (links may only point inside it)' },
  'ledger.headerTooLow': {
    zh: '{file}：工作表 {sheet} 的表头在第 {row} 行，不在查找表头的前 10 行内',
    en: '{file}: sheet {sheet}: the header row is row {row}, below the first 10 rows where it is looked for',
  },
  'ledger.headerTooLow.hint': { zh: '请删除表头上方多余的标题行，使表头位于前 10 行内', en: 'delete the title rows above the header, so that it is within the first 10 rows' },
  'ledger.wrongDelimiter': {
    zh: '{file}：工作表 {sheet}：此 CSV 文件用“{delimiter}”而不是逗号分隔各列，无法读出任何列',
    en: '{file}: sheet {sheet}: the CSV file separates its cells with "{delimiter}", not commas, so no column can be read',
  },
  'ledger.wrongDelimiter.hint': {
    zh: '请在 Excel 或 WPS 中重新另存为“CSV（逗号分隔）”（CSV UTF-8 或 CSV），或把分隔符替换为逗号',
    en: 'save it again from Excel or WPS as "CSV (comma delimited)" (CSV UTF-8 or CSV), or replace the separators with commas',
  },
  'ledger.casesSheetEmpty': { zh: '{file}：工作表 {sheet} 是空的：没有表头，也没有一行办件', en: '{file}: sheet {sheet} is empty: no header and no case rows' },
  'ledger.casesSheetEmpty.hint': {
    zh: '请在办件台账中填入本月办件（表头写受理编号、受理日期、申请人……），或检查是否交错了文件',
    en: 'fill in the month\'s cases (under a header of 受理编号, 受理日期, 申请人…), or check that this is the right file',
  },
  'ledger.noHeader': {
    zh: '{file}：工作表 {sheet} 没有表头行：前 10 行中没有一行包含受理编号、受理日期、申请人、事项名称等三个列名',
    en: '{file}: sheet {sheet}: no header row: none of the first 10 rows holds three column names such as 受理编号, 受理日期, 申请人, 事项名称',
  },
  'ledger.noHeader.hint': { zh: '请把列名（受理编号、受理日期、申请人……）写在前 10 行内的同一行', en: 'put the column names (受理编号, 受理日期, 申请人…) in one row within the first 10 rows' },
  'ledger.csvNone': { zh: '{folder}：文件夹里没有 .csv 文件', en: '{folder}: the folder holds no .csv files' },
  'ledger.csvNone.hint': {
    zh: '请给出 .xlsx 工作簿，或每张表一个 CSV 文件的文件夹，文件名形如 城东社区-2026-10-办件台账.csv',
    en: 'give an .xlsx workbook, or a folder with one CSV per sheet named like 城东社区-2026-10-办件台账.csv',
  },
  'ledger.csvUnreadable': { zh: '{file}：无法读取的 CSV 文件（{reason}）', en: '{file}: not a readable CSV file ({reason})' },
  'ledger.csvUnreadable.hint': { zh: '请在 Excel 或 WPS 中打开，重新另存为 CSV', en: 'open it in Excel or WPS and save it again as CSV' },

  // ---- the audited month and as-of ----
  'period.badPeriod': { zh: '--period “{value}” 不是 YYYY-MM 格式的月份', en: '--period "{value}" is not a month written YYYY-MM' },
  'period.badPeriod.hint': {
    zh: '请写成 --period 2026-10，或不写 --period，按受理日期最多的月份审计',
    en: 'write the month as --period 2026-10, or leave --period out to use the month holding most 受理日期',
  },
  'period.badAsOf': { zh: '--as-of “{value}” 不是 YYYY-MM-DD 格式的日期', en: '--as-of "{value}" is not a date written YYYY-MM-DD' },
  'period.badAsOf.hint': {
    zh: '请写成 --as-of 2026-10-31，或不写 --as-of，以所审月份的最后一天为截止日期',
    en: 'write the date as --as-of 2026-10-31, or leave --as-of out to use the last day of the period',
  },
  'period.asOfBefore': {
    zh: '--as-of {asOf} 早于所审月份 {period}：本月的每条记录都在截止日期之后，无可审计的内容',
    en: '--as-of {asOf} is before the audited month {period}: every record of the month would be after it, and nothing would be audited',
  },
  'period.asOfBefore.hint': {
    zh: '请把 --as-of 设在 {period} 之内或之后（不写则为 {last}），或用 --period 指定所审月份',
    en: 'give an --as-of within or after {period} (left out, it is {last}), or name the audited month with --period',
  },
  'period.cannotInfer': { zh: '{file}：无法推断所审月份：办件台账中没有可读的受理日期', en: '{file}: cannot infer the audited month: the cases sheet has no readable 受理日期' },
  'period.cannotInfer.hint': {
    zh: '请用 --period YYYY-MM 指定月份，或修正受理日期列（见数据问题）',
    en: 'name the month with --period YYYY-MM, or fix the 受理日期 column (see the data issues)',
  },
  'period.cannotInfer.missingColumns': {
    zh: '{file}：无法推断所审月份：工作表 {sheet} 的表头（第 {row} 行）缺少必需列 {columns}，没有一行办件能读出',
    en: '{file}: cannot infer the audited month: sheet {sheet}: the header (row {row}) lacks the required column {columns}, so no case can be read',
  },
  'period.cannotInfer.missingColumns.hint': {
    zh: '请在表头补上这些列（或把记有这些内容的列改用这些列名），再重新审计',
    en: 'add these columns to the header row (or give the columns that hold them these names), then audit again',
  },
  'period.cannotInfer.noCaseRead': {
    zh: '{file}：无法推断所审月份：工作表 {sheet} 的 {n} 行办件都因数据问题搁置，没有可读的受理日期；首个问题在 {cell}：{reason}',
    en: '{file}: cannot infer the audited month: sheet {sheet}: all {n} case rows were set aside with data issues, so no 受理日期 can be read; the first is at {cell}: {reason}',
  },
  'period.cannotInfer.emptyFirstSheet': {
    zh: '{file}：无法推断所审月份：读取的办件台账 {sheet} 没有一行办件，另有同名的 {others} 未读取',
    en: '{file}: cannot infer the audited month: the case sheet read, {sheet}, has no case rows, and {others}, another 办件台账, was not read',
  },
  'period.cannotInfer.emptyFirstSheet.hint': {
    zh: '一个月只保留一张办件台账：请删除或改名空白的那张（同名的表只读取第一张）',
    en: 'keep one case sheet for the month: delete or rename the empty one (of sheets with the same name only the first is read)',
  },
  'period.cannotInfer.noCaseRead.hint': {
    zh: '请按数据问题修正办件台账后重新审计，或用 --period YYYY-MM 指定月份（报告的“数据问题”表会列出每一处）',
    en: 'fix the cases sheet as its data issues say and audit again, or name the month with --period YYYY-MM (the report\'s 数据问题 sheet then lists each one)',
  },

  // ---- the working-day calendar ----
  'calendar.unreadableFolder': { zh: '无法读取日历文件夹 {dir}', en: 'cannot read the calendar folder {dir}' },
  'calendar.unreadableFolder.hint': { zh: '请让 --rules 指向含有 calendar/cn-YYYY.json 的文件夹', en: 'point --rules at a folder holding calendar/cn-YYYY.json' },
  'calendar.badJson': { zh: '{file}：不是有效的 JSON（{reason}）', en: '{file}: not valid JSON ({reason})' },
  'calendar.badJson.hint': { zh: '请修正 JSON 语法', en: 'fix the JSON syntax' },
  'calendar.schema': { zh: '{file}：{pointer} {reason}', en: '{file}: {pointer} {reason}' },
  'calendar.schema.hint': { zh: '文件须符合 schemas/calendar.schema.json', en: 'the file must follow schemas/calendar.schema.json' },
  'calendar.sense.hint': { zh: '请按当年国务院办公厅的放假通知填写日期', en: 'copy the dates from the 国务院办公厅 notice for that year' },
  'calendar.noFiles': { zh: '{dir} 中没有日历文件', en: 'no calendar files in {dir}' },
  'calendar.noFiles.hint': { zh: '请为台账涉及的每一年添加 rules/calendar/cn-YYYY.json', en: 'add rules/calendar/cn-YYYY.json for every year the ledger touches' },
  'calendar.duplicateYear': { zh: '{file}：/year {year} 已由 {earlier} 给出', en: '{file}: /year {year} is already given by {earlier}' },
  'calendar.duplicateYear.hint': { zh: '每年只保留一个文件', en: 'keep one file per year' },
  'calendar.noYear': { zh: '没有载入任何日历年份', en: 'no calendar year loaded' },
  'calendar.noYear.hint': { zh: '请添加 rules/calendar/cn-YYYY.json', en: 'add rules/calendar/cn-YYYY.json' },
  'calendar.notADate': { zh: '不是日历日期：“{value}”', en: 'not a calendar date: "{value}"' },
  'calendar.notADate.hint': { zh: '日期请写成 YYYY-MM-DD', en: 'write dates as YYYY-MM-DD' },
  'calendar.outside': { zh: '{what}（已载入年份：{years}）；{year} 年的工作日未知', en: '{what} (loaded years: {years}); working days in {year} are unknown' },
  'calendar.outside.date': { zh: '{date} 不在工作日日历范围内', en: '{date} is outside the working-day calendar' },
  'calendar.outside.pastLast': { zh: '{date} 之后 {n} 个工作日超出了最后一个已载入的年份', en: '{n} working days after {date} run past the last loaded year' },
  'calendar.outside.hint': {
    zh: '请添加 rules/calendar/cn-{year}.json，写明 {year} 年的法定节假日和调休上班日',
    en: "add rules/calendar/cn-{year}.json with {year}'s official holidays and make-up working days",
  },
  'calendar.asOfOutside': {
    zh: '截止日期 {asOf} 不在工作日日历范围内（已载入年份：{years}）',
    en: 'the as-of date {asOf} is outside the working-day calendar (loaded years: {years})',
  },
  'calendar.asOfOutside.hint': {
    zh: '请添加 rules/calendar/cn-{year}.json，或用 --as-of 指定已载入年份内的日期',
    en: 'add rules/calendar/cn-{year}.json, or audit with --as-of inside a loaded year',
  },
  'calendar.rowOutside': { zh: '{file}：{sheet}第 {row} 行（{key}）：无法计算{what}：{reason}', en: '{file}: {sheet} row {row} ({key}): cannot count {what}: {reason}' },
  'calendar.rowOutside.hint': {
    zh: '请更正该行的日期，或为其所在年份添加 rules/calendar/cn-YYYY.json',
    en: 'correct the date in that row, or add rules/calendar/cn-YYYY.json for the year it falls in',
  },
  'calendar.what.workingDaysFrom': { zh: '自 {dates} 起的工作日', en: 'working days from {dates}' },
  'calendar.what.deadline': {
    zh: '办结期限（受理日期 {received}，补齐日期 {completed}，承诺时限 {promised} 个工作日）',
    en: 'the deadline (受理日期 {received}, 补齐日期 {completed}, 承诺时限 {promised} working days)',
  },

  // ---- the rules: loading, evaluating, grading, coverage ----
  'rules.folderNotFound': { zh: '找不到规则文件夹：{dir}', en: 'rules folder not found: {dir}' },
  'rules.notAFolder': { zh: '{dir} 是文件，不是规则文件夹', en: '{dir} is a file, not a folder of rules' },
  'rules.folderNotFound.hint': { zh: '请给出存放规则文件的文件夹（默认：随附的 rules/）', en: 'pass the folder holding the rule files (default: the shipped rules/)' },
  'rules.folderNotFound.auditHint': {
    zh: '请给出存放规则文件的文件夹，或不写 --rules，使用 duty-audit 随附的规则',
    en: 'name a folder that holds rule files, or leave --rules out to use the rules shipped with duty-audit',
  },
  'rules.problems': { zh: '{label} 中的规则有 {n} 处问题：\n{lines}', en: 'the rules in {label} have {n} problem(s):\n{lines}' },
  'rules.problems.hint': {
    zh: '请在所列位置修改规则文件（`duty-audit rules validate {label}` 可再次列出）',
    en: 'fix the rule files at the places listed (`duty-audit rules validate {label}` shows them again)',
  },
  'rules.notEvaluable': {
    zh: '{scope}范围的规则无法在{sheet}第 {row} 行（{key}）上求值：{reason}',
    en: 'the {scope} rules could not be evaluated on {sheet} row {row} ({key}): {reason}',
  },
  'rules.notEvaluable.hint': {
    zh: '请检查上述规则的条件：所用事实不在 `duty-audit facts` 之列，或取值与运算符不符',
    en: 'look at the conditions of the rules named above: a fact they name is not among `duty-audit facts`, or a value does not fit its operator',
  },
  'rules.ladderParamNotNumber': {
    zh: '{rule}：阶梯使用的参数“{param}”不是该规则的数值参数',
    en: '{rule}: ladder step uses param "{param}", which is not a number param of the rule',
  },
  'rules.fromFactNotGrade': { zh: '{rule}：事实“{fact}”的值为 {value}，不是处理等级', en: '{rule}: fact "{fact}" is {value}, not a grade' },
  'rules.byValueUnlisted': { zh: '{rule}：事实“{fact}”的值为 {value}，grade.byValue.map 中没有列出', en: '{rule}: fact "{fact}" is {value}, which grade.byValue.map does not list' },
  'rules.gradeGap.hint': {
    zh: '请在规则的 "grade"（grade.byValue.map）中为该值指定等级，或增加一个条件将其排除',
    en: 'give that value a grade in the rule\'s "grade" (grade.byValue.map), or add a condition that leaves it out',
  },
  'rules.uncoveredClauses': { zh: '没有带命中和不命中用例的规则覆盖 {clauses}', en: 'no rule with fire and pass cases covers {clauses}' },
  'rules.uncoveredClauses.hint': {
    zh: '请为每个条款增加一条规则，并附上必须命中和必须不命中的用例',
    en: 'add a rule citing each of these clauses, with cases it must and must not fire on',
  },

  // ---- the commands' own options ----
  'cli.badLang': { zh: '--lang “{value}” 不是可用的语言', en: '--lang "{value}" is not a report language' },
  'cli.badLang.hint': { zh: '请用 --lang zh 或 --lang en', en: 'use --lang zh or --lang en' },
  'cli.badFailOn': { zh: '--fail-on “{value}” 不是处理等级', en: '--fail-on "{value}" is not a grade' },
  'cli.badFailOn.hint': {
    zh: '请用 reminder、criticism、notice、deduction（或 提醒、批评教育、通报批评、扣除奖金）',
    en: 'use reminder, criticism, notice or deduction (or 提醒, 批评教育, 通报批评, 扣除奖金)',
  },
  'cli.badEngine': { zh: '--engine “{value}” 不是可用的引擎', en: '--engine "{value}" is not an engine' },
  'cli.badEngine.hint': {
    zh: '请用 --engine reference 与 json-rules-engine 交叉核对，或不写此选项',
    en: 'use --engine reference to cross-check with json-rules-engine, or leave it out',
  },
  'cli.notPositive': { zh: '{flag} {value} 必须是正数', en: '{flag} {value} must be a positive number' },
  'cli.notPositive.hint': { zh: '请给 {flag} 一个大于 0 的数', en: 'pass {flag} with a number above 0' },
  'cli.cannotWrite': { zh: '无法把{what}写入 {file}：{reason}（{code}）', en: 'cannot write the {what} to {file}: {reason} ({code})' },
  // Why a write failed (src/output/write-error.ts), and what to do about that cause.
  'write.elsewhere': { zh: '，或用 --{option} 写到别处', en: ', or write it elsewhere with --{option}' },
  'write.diskFull': { zh: '磁盘已满', en: 'the disk is full' },
  'write.diskFull.hint': { zh: '请清理磁盘空间{elsewhere}', en: 'free space on the disk{elsewhere}' },
  'write.quota': { zh: '磁盘配额已用完', en: 'the disk quota is used up' },
  'write.quota.hint': { zh: '请清理配额内的空间{elsewhere}', en: 'free space in your quota{elsewhere}' },
  'write.readOnly': { zh: '磁盘是只读的', en: 'the disk is read-only' },
  'write.readOnly.hint': { zh: '请写到可写的磁盘{elsewhere}', en: 'write to a disk that is not read-only{elsewhere}' },
  'write.denied': { zh: '没有写入权限', en: 'permission denied' },
  'write.denied.hint': { zh: '请确认有权写入该文件夹（ls -ld）{elsewhere}', en: 'check you may write to the folder (ls -ld){elsewhere}' },
  'write.deniedWindows': { zh: '拒绝访问', en: 'access is denied' },
  'write.deniedWindows.hint': {
    zh: '如果该文件正在 Excel 或 WPS 中打开，请先关闭，或确认有权写入该文件夹{elsewhere}',
    en: 'close the file if it is open in Excel or WPS, or check you may write to its folder{elsewhere}',
  },
  'write.busy': { zh: '文件正被其他程序占用', en: 'the file is in use by another program' },
  'write.busy.hint': { zh: '如果该文件正在 Excel 或 WPS 中打开，请先关闭{elsewhere}', en: 'close the file if it is open in Excel or WPS{elsewhere}' },
  'write.nameTooLong': { zh: '路径太长（{bytes} 字节）', en: 'the path is too long ({bytes} bytes)' },
  'write.nameTooLong.hint': { zh: '请换一个较短的文件名或文件夹{elsewhere}', en: 'choose a shorter file name or folder{elsewhere}' },
  'write.folderInTheWay': { zh: '同名的文件夹挡住了', en: 'a folder of that name is in the way' },
  'write.folderInTheWay.hint': { zh: '请给出文件名而不是文件夹{elsewhere}', en: 'name a file, not a folder{elsewhere}' },
  'write.fileInPath': { zh: '路径中有一段是文件而不是文件夹', en: 'part of the path is a file, not a folder' },
  'write.fileInTheWay': { zh: '同名的文件挡住了要建的文件夹', en: 'a file of that name is in the way of the folder' },
  'write.noFolder': { zh: '所在文件夹不存在，或在写入时被删除', en: 'its folder does not exist or was removed while writing' },
  'write.checkPath.hint': { zh: '请检查路径{elsewhere}', en: 'check the path{elsewhere}' },
  'write.tooManyFiles': { zh: '打开的文件太多', en: 'too many files are open' },
  'write.tooManyFiles.hint': { zh: '请关闭其他程序，或减小 --jobs', en: 'close other programs, or run fewer --jobs' },
  'write.notAFile': {
    zh: '那里是设备、管道或其他特殊文件，不是普通文件；报告只写入普通文件，不会取而代之',
    en: 'it is a device, a pipe or another special file, not a regular file; reports are written only to files, never in place of one',
  },
  'write.notAFile.hint': { zh: '请给出一个文件路径（不需要该输出时不写这个选项）{elsewhere}', en: 'name a file (leave the option out when the output is not wanted){elsewhere}' },
  'write.io': { zh: '磁盘报告了读写错误', en: 'the disk reported an input/output error' },
  'write.io.hint': { zh: '请检查磁盘{elsewhere}', en: 'check the disk{elsewhere}' },
  'write.refused': { zh: '系统拒绝了写入', en: 'the system refused the write' },
  'write.refused.hint': { zh: '请检查路径和磁盘{elsewhere}', en: 'check the path and the disk{elsewhere}' },
  'write.clash.input': {
    zh: '{label} {path} 与{other}是同一个文件{otherPath}：写入会覆盖输入',
    en: '{label} {path} is the same file as {other}{otherPath}: writing it would overwrite the input',
  },
  'write.clash.output': {
    zh: '{label} {path} 与{other}是同一个文件{otherPath}：一个输出会覆盖另一个',
    en: '{label} {path} is the same file as {other}{otherPath}: one output would overwrite the other',
  },
  'write.clash.hint': { zh: '请给 {label} 另选一个路径', en: 'give {label} a path of its own' },
  'write.otherPath': { zh: '（{path}）', en: ' ({path})' },
  'write.label.theLedger': { zh: '台账 {path}', en: 'the ledger {path}' },
  'write.label.ledgerFile': { zh: '台账文件 {path}', en: 'the ledger file {path}' },
  'write.label.ruleFile': { zh: '规则文件 {path}', en: 'the rule file {path}' },
  'write.label.workbook': { zh: '工作簿 {path}', en: 'the workbook {path}' },
  'write.label.report': { zh: '报告', en: 'the report' },
  'cli.what.report': { zh: '报告', en: 'report' },
  'cli.what.json': { zh: 'JSON', en: 'JSON' },
  'cli.what.explanation': { zh: '规则解释 JSON', en: 'explanation JSON' },
  'cli.what.diffWorkbook': { zh: '差异表', en: 'diff workbook' },
  'cli.what.diffJson': { zh: '差异 JSON', en: 'diff JSON' },
  'cli.what.reports': { zh: '各中心报告', en: 'reports' },
  'cli.what.manifest': { zh: '批量清单', en: 'batch manifest' },
  'cli.what.districtSummary': { zh: '街道汇总表', en: 'district summary' },
  'cli.what.outFolder': { zh: '输出文件夹', en: 'out folder' },
  'cli.badLimit': { zh: '{flag} {value} 不是正数', en: '{flag} {value} is not a positive number' },
  'cli.badLimit.hint': { zh: '请给 {flag} 一个大于 0 的数，或不写以使用默认值', en: 'give {flag} a number above 0, or leave it out for the default' },
  'batch.outFolderBusy': { zh: '另一个批量审计正在写入 {out}（{who}）', en: 'another batch is writing into {out} ({who})' },
  'batch.outFolderBusy.owner': { zh: '进程 {pid}，主机 {host}，开始于 {started}', en: 'process {pid} on {host}, started {started}' },
  'batch.outFolderBusy.unknown': { zh: '另一个进程', en: 'another process' },
  'batch.outFolderBusy.hint': {
    zh: '请等它结束，或给本次批量审计另选一个 --out 文件夹；如果并没有批量审计在运行，请删除 {lock}',
    en: 'wait for it to finish, or give this batch another --out folder; if no batch is running, delete {lock}',
  },
  'batch.linkBroken': { zh: '{input} 是失效的符号链接（指向的 {target} 不存在）', en: '{input} is a broken symbolic link (to {target}, which does not exist)' },
  'batch.linkBroken.hint': { zh: '请修好或删除该链接；把台账本身复制进文件夹', en: 'fix or remove the link; copy the ledger itself into the folder' },
  'batch.unreadable': { zh: '无法读取 {input}（{reason}），其中的台账没有审计', en: 'cannot read {input} ({reason}); no ledger in it was audited' },
  'batch.unreadable.hint': { zh: '请让运行 duty-audit 的用户有权读取它，或把台账复制到能读取的文件夹', en: 'let the user running duty-audit read it, or copy the ledgers into a folder it can read' },
  'batch.linkOutside': {
    zh: '{input} 是指向 {real} 的符号链接，在文件夹之外：批量审计不会顺着链接走出其文件夹',
    en: '{input} is a symbolic link to {real}, outside the folder: a batch does not follow links out of its folders',
  },
  'batch.linkOutside.hint': { zh: '请把台账本身复制进文件夹，或把它作为单独的参数给出', en: 'copy the ledger itself into the folder, or name it as an argument of its own' },
  'batch.severalLedgers': {
    zh: '{input} 中有 {count} 个办件台账 CSV（{files}）：一个文件夹只放一个中心一个月的台账，无法判断审计哪一个，均未审计',
    en: '{input} holds {count} cases CSV files ({files}): a folder holds one center\'s month, so which one to audit cannot be told, and none was audited',
  },
  'batch.severalLedgers.hint': {
    zh: '请把每个中心每个月的 CSV 文件放进各自的文件夹（例如 城东社区-2026-10/）',
    en: 'put each center\'s month of CSV files in a folder of its own (e.g. 城东社区-2026-10/)',
  },
  'batch.nameNotUtf8': {
    zh: '{input}：文件名不是 UTF-8 编码（此处按 GBK 显示），无法打开，没有审计',
    en: '{input}: the file name is not UTF-8 (shown here as read in GBK), so it cannot be opened and was not audited',
  },
  'batch.nameNotUtf8.hint': {
    zh: '请把文件名转成 UTF-8（例如 convmv -f gbk -t utf8 -r --notest 文件夹），或解压时指明编码（unzip -O GBK）',
    en: 'convert the file names to UTF-8 (e.g. convmv -f gbk -t utf8 -r --notest FOLDER), or unzip with the encoding given (unzip -O GBK)',
  },
  'batch.insideOut': {
    zh: '{input} 在输出文件夹 {out} 之内：批量审计不审计自己写报告的文件夹，其中的台账没有审计',
    en: '{input} lies inside the out folder {out}: a batch does not audit the folder it writes its reports into, so no ledger in it was audited',
  },
  'batch.insideOut.hint': { zh: '请把上传的台账移出 {out}，或给 --out 另选一个文件夹', en: 'move the uploaded ledgers out of {out}, or give --out another folder' },

  // ---- audit --explain ----
  'explain.emptyTarget': { zh: '--explain 需要一个问题编号或记录编号', en: '--explain needs a finding id or a record key' },
  'explain.emptyTarget.hint': { zh: '例如 --explain {example}', en: 'e.g. --explain {example}' },
  'explain.noFinding': { zh: '本次审计中没有问题 {id}', en: 'no finding {id} in this audit' },
  'explain.noFinding.hintNear': {
    zh: '问题编号取自同一台账、同一月份、同一套规则所出报告的“问题编号”列；本次最接近的编号：{near}',
    en: 'finding ids come from the 问题编号 / ID column of a report of the same ledger, period and rules; nearest ids here: {near}',
  },
  'explain.noFinding.hintKey': {
    zh: '问题编号取自同一台账、同一月份、同一套规则所出报告的“问题编号”列；也可以用记录编号（如受理编号）指定记录',
    en: 'finding ids come from the 问题编号 / ID column of a report of the same ledger, period and rules; or name the record by its key (e.g. its 受理编号)',
  },
  'explain.findingNotAudited': {
    zh: '问题 {id} 引用的{sheet}第 {row} 行（{key}）不是本次审计的记录',
    en: 'finding {id} cites {sheet} row {row} ({key}), which is not an audited record',
  },
  'explain.findingNotAudited.hint': { zh: '请改用其记录编号解释', en: 'explain it by its record key instead' },
  'explain.noMatch': { zh: '本次审计中没有名为“{target}”的记录、问题或人员', en: 'no record, finding or person is named "{target}" in this audit' },
  'explain.noMatch.hint': {
    zh: '请给出问题编号（F- 加 12 位十六进制数字）、记录编号或人员姓名：{examples}',
    en: 'name a finding id (F- and 12 hex digits), a record key or a person: {examples}',
  },
  'explain.noMatch.hintNear': {
    zh: '请给出问题编号（F- 加 12 位十六进制数字）、记录编号或人员姓名：{examples}；本次最接近的编号：{near}',
    en: 'name a finding id (F- and 12 hex digits), a record key or a person: {examples}; nearest keys here: {near}',
  },
  'explain.example.case': { zh: '受理编号（{key}）', en: '受理编号 ({key})' },
  'explain.example.complaint': { zh: '登记编号（{key}）', en: '登记编号 ({key})' },
  'explain.example.attendance': { zh: '姓名@YYYY-MM-DD（{key}）', en: '姓名@YYYY-MM-DD ({key})' },
  'explain.example.staff': { zh: '人员姓名（{key}）', en: 'a staff name ({key})' },
  'explain.example.item': { zh: '事项名称（{key}）', en: 'an item name ({key})' },
  'explain.example.other': { zh: '其他失职的 姓名@YYYY-MM-DD（{key}）', en: '姓名@YYYY-MM-DD (other) ({key})' },
  'explain.caseNotAudited': {
    zh: '受理编号 {key} 在{sheet}第 {row} 行，但不在 {period} 的审计范围内（审计范围：本月受理的，或此前受理、至今未办结或在本月办结的）',
    en: '受理编号 {key} is on row {row} of {sheet} but is not audited in {period} (audited: received in the period, or before it and still open or completed inside it)',
  },
  'explain.complaintNotAudited': {
    zh: '登记编号 {key} 在{sheet}第 {row} 行，但登记日期不在 {period}',
    en: '登记编号 {key} is on row {row} of {sheet} but is not dated in {period}',
  },
  'explain.setAside': { zh: '{key} 在{sheet}第 {row} 行，该行已搁置：{reason}', en: '{key} is on row {row} of {sheet}, which was set aside: {reason}' },

  // ---- rules diff: old rules from git ----
  'diff.gitMissing': { zh: '无法读取 {spec}：未安装 git，或 git 不在 PATH 中', en: 'cannot read {spec}: git is not installed or not on PATH' },
  'diff.gitMissing.hint': {
    zh: '请安装 git，或把旧规则检出到一个文件夹并给出该文件夹',
    en: 'install git, or check out the old rules into a folder and pass that folder',
  },
  'diff.gitFailed': { zh: '无法在 {cwd} 从 git 读取规则 {spec}：{reason}', en: 'cannot read the rules {spec} from git in {cwd}: {reason}' },
  'diff.gitFailed.hint': {
    zh: '请在仓库内以 <版本>:<文件夹> 给出旧规则，例如 HEAD~1:rules，或直接给出文件夹',
    en: 'give the old rules as <revision>:<folder>, e.g. HEAD~1:rules, from inside the repository, or pass a folder',
  },
  'diff.notFolder': { zh: '{spec} 在 git 中是 {kind}，不是文件夹', en: '{spec} is a {kind} in git, not a folder' },
  'diff.notFolder.hint': { zh: '请在冒号后写规则文件夹，例如 HEAD~1:rules', en: 'name the rules folder after the colon, e.g. HEAD~1:rules' },

  // ---- serve: its options, and what an upload's audit can stop at (src/serve) ----
  'serve.openHost': { zh: '拒绝在 {host} 上无 --token 监听：报告含有姓名和电话号码', en: 'refusing to listen on {host} without --token: the reports hold names and phone numbers' },
  'serve.openHost.hint': {
    zh: '请用 --token 给出一个足够长的随机密钥（例如 `openssl rand -hex 16`），或在 127.0.0.1 上监听',
    en: 'pass --token with a long random secret (e.g. `openssl rand -hex 16`), or listen on 127.0.0.1',
  },
  'serve.badPort': { zh: '--port {value} 不是端口号', en: '--port {value} is not a port number' },
  'serve.badPort.hint': { zh: '请给 --port 一个 0 到 65535 之间的数', en: 'pass --port between 0 and 65535' },
  'serve.badJobs': { zh: '--jobs {value} 至少应为 1', en: '--jobs {value} must be at least 1' },
  'serve.badJobs.hint': { zh: '请给 --jobs 一个整数，例如 2', en: 'pass --jobs with a whole number, e.g. 2' },
  'serve.shortToken': { zh: '--token 短于 16 个字符', en: '--token is shorter than 16 characters' },
  'serve.shortToken.hint': { zh: '请用足够长的随机密钥，例如 `openssl rand -hex 16`', en: 'use a long random secret, e.g. `openssl rand -hex 16`' },
  'serve.zipTooLarge': { zh: '{file}：{what}', en: '{file}: {what}' },
  'serve.zipTooLarge.total': { zh: '解压后超过 {mb} MB', en: 'over {mb} MB once inflated' },
  'serve.zipTooLarge.hint': { zh: '这不像正常的台账（疑似压缩炸弹）；请重新导出台账', en: 'this is not what a ledger looks like (a zip bomb?); export the ledger again' },
  'serve.zipDamaged': { zh: '{file}：压缩包已损坏（{reason}）', en: '{file}: the zip is damaged ({reason})' },
  'serve.zipDamaged.hint': { zh: '请把各 csv 文件重新打包后上传', en: 'zip the csv files again and upload that' },
  'serve.zipNoCases': { zh: '{file}：压缩包中没有办件台账（cases）csv', en: '{file}: the zip holds no 办件台账 (cases) csv' },
  'serve.zipNoCases.hint': { zh: '办件台账 csv 的文件名应以表名结尾，如 城东社区-2026-10-办件台账.csv', en: 'name the cases csv like 城东社区-2026-10-办件台账.csv' },
  'serve.zipSeveralLedgers': {
    zh: '{file}：压缩包中有 {count} 个办件台账 csv（{files}）：一个压缩包只放一个中心一个月的台账，无法判断审计哪一个，均未审计',
    en: '{file}: the zip holds {count} cases csv files ({files}): a zip holds one center\'s month, so which one to audit cannot be told, and none was audited',
  },
  'serve.zipSeveralLedgers.hint': { zh: '请为每个中心每个月分别上传（每个压缩包一个月）', en: 'upload each center\'s month on its own (one month per zip)' },
  // A standing report that could not be copied into the history folder stops the service (src/serve/store.ts).
  'serve.historyCopy.what': { zh: '本月报告的历史副本', en: "history copy of the month's report" },
  'serve.historyCopyFailed': {
    zh: '{failure}（复制自 {report}）。服务已停止：此后审计的月份将读不到本月的报告；下次启动时会重新复制',
    en: "{failure} (copied from {report}). The service stops: a month audited from now on would not read this month's report; the next start copies it again",
  },
  'serve.historyCopyFailed.hint': { zh: '{fix}，然后重新启动服务', en: '{fix}, then start the service again' },
  'serve.historyCopyFailed.inTheWay.hint': { zh: '请移走 {folder} 中挡住 {file} 的东西', en: 'move away what is in the way of {file} in {folder}' },

  // ---- batch: usage, and the failures it lists for one input ----
  'batch.noInputs': { zh: '请至少给出一个要审计的文件夹、工作簿或通配符', en: 'name at least one folder, workbook or glob to audit' },
  'batch.nothingToAudit': { zh: '{inputs} 中没有可审计的内容：没有工作簿、CSV 文件夹或其他文件', en: 'nothing to audit in {inputs}: no workbooks, CSV folders or other files' },
  'batch.usage.hint': {
    zh: '用法：duty-audit batch <文件夹|通配符...> --out 目录（通配符请加引号，例如 "uploads/**/*.xlsx"）',
    en: 'usage: duty-audit batch <folder|glob...> --out DIR (quote globs, e.g. "uploads/**/*.xlsx")',
  },
  'batch.notFound': { zh: '{input}：没有对应的文件、文件夹或通配符匹配', en: '{input}: no file, folder or glob match' },
  'batch.notFound.hint': {
    zh: '请检查路径（通配符请加引号，以免被 shell 展开，例如 "uploads/**/*.xlsx"）',
    en: 'check the path (quote globs so the shell passes them through, e.g. "uploads/**/*.xlsx")',
  },
  'batch.tooLarge': { zh: '{input} 有 {mb} MB，超过批量审计的上限 {max} MB', en: '{input} is {mb} MB, over the batch limit of {max} MB' },
  'batch.tooLarge.hint': {
    zh: '一个月的台账远小于此：请确认文件是否正确；如确实如此，可用 --max-mb 调高上限',
    en: 'a month ledger is far smaller: check it is the right file, or raise the limit with --max-mb if it is genuine',
  },
  'batch.oldFormat': { zh: '{input} 是旧格式的电子表格（{ext}），不是 .xlsx 工作簿', en: '{input} is an old-format spreadsheet ({ext}), not an .xlsx workbook' },
  'batch.oldFormat.hint': {
    zh: '请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”，再重新运行批量审计',
    en: 'open it in Excel or WPS and save it as "Excel 工作簿 (*.xlsx)", then run the batch again',
  },
  'batch.wrongKind': { zh: '{input} 是 {ext} 文件，不是 .xlsx 工作簿或装有 CSV 文件的文件夹', en: '{input} is a {ext} file, not an .xlsx workbook or a folder of CSV files' },
  'batch.noExtension': {
    zh: '{input} 是没有扩展名的文件，不是 .xlsx 工作簿或装有 CSV 文件的文件夹',
    en: '{input} is a file without an extension, not an .xlsx workbook or a folder of CSV files',
  },
  'batch.wrongKind.hint': {
    zh: '请以 .xlsx 工作簿上传当月台账，或把每张表一个 CSV 文件放在一个文件夹中（压缩包请先解压）',
    en: 'upload the month ledger as an .xlsx workbook, or as one CSV file per sheet in a folder (unzip archives first)',
  },
  'batch.workerCrashed': { zh: '审计此文件的工作线程意外停止：{reason}', en: 'the worker auditing this input stopped: {reason}' },
  'batch.workerCrashed.hint': {
    zh: '该文件可能过大或格式有误；请用 `duty-audit audit` 单独审计它，或调低 --jobs',
    en: 'the file may be too large for memory or malformed; try it alone with `duty-audit audit`, or lower --jobs',
  },
  'batch.internalError': { zh: 'duty-audit 处理此文件时出错：{reason}', en: 'duty-audit failed on this input: {reason}' },
  'batch.internalError.hint': {
    zh: '请附上该文件（或隐去姓名的副本）报告此问题；其他文件已正常审计',
    en: 'please report it with the file (or a copy with the names blanked); the other inputs were audited',
  },

  // ---- sample ----
  'sample.tooFewCases': { zh: '--cases {total} 太少：样例手工预置了 {fixed} 件', en: '--cases {total} is too few: the sample plants {fixed} cases by hand' },
  'sample.tooFewCases.hint': { zh: '请至少指定 {fixed} 件', en: 'ask for at least {fixed} cases' },
  'sample.badSeed': { zh: '--seed 须为整数，实际为 {value}', en: '--seed must be a whole number, got {value}' },
  'sample.badSeed.hint': { zh: '例如 --seed 7', en: 'e.g. --seed 7' },
  'sample.badCases': { zh: '--cases 须为不小于 1 的整数，实际为 {value}', en: '--cases must be a whole number ≥ 1, got {value}' },
  'sample.badCases.hint': { zh: '例如 --cases 300', en: 'e.g. --cases 300' },
  'sample.badPeriod': { zh: '月份须为 YYYY-MM，实际为 {value}', en: 'period must be YYYY-MM, got {value}' },
  'sample.badPeriod.hint': { zh: '例如 2026-10', en: 'e.g. 2026-10' },
  'sample.outsideCalendar': {
    zh: '样例月份 {period} 需要 {from} 至 {to} 的工作日，而 {date} 不在日历范围内',
    en: 'the sample month {period} needs working days from {from} to {to}, and {date} is outside the calendar',
  },
  'sample.outsideCalendar.hint': {
    zh: '请选择日历覆盖的月份，或添加 rules/calendar/cn-{year}.json',
    en: 'choose a period the calendar covers, or add rules/calendar/cn-{year}.json',
  },
  'sample.fewWorkingDays': { zh: '{period} 只有 {n} 个工作日', en: '{period} has only {n} working days' },
  'sample.fewWorkingDays.hint': { zh: '请选择一个普通月份', en: 'choose an ordinary month' },

  // ---- earlier reports (--history, src/history) ----
  'history.notFound': { zh: '--history {source}：找不到该文件夹或文件', en: '--history {source}: no such folder or file' },
  'history.badFile': { zh: '历史报告 {file}：{reason}', en: 'history file {file}: {reason}' },
  'history.notJson': { zh: '不是 JSON（{reason}）', en: 'it is not JSON ({reason})' },
  'history.notReport': { zh: '不是 duty-audit 报告（没有 "tool": {"name": "duty-audit"}）', en: 'it is not a duty-audit report (no "tool": {"name": "duty-audit"})' },
  'history.noCenter': { zh: '没有写明中心', en: 'it names no center' },
  'history.badPeriod': { zh: '其 "period" 不是 YYYY-MM 形式的月份', en: 'its "period" is not a month written YYYY-MM' },
  'history.badAsOf': { zh: '其 "asOf" 不是 YYYY-MM-DD 形式的日期', en: 'its "asOf" is not a date written YYYY-MM-DD' },
  'history.noFindings': { zh: '没有 "findings" 列表', en: 'it has no "findings" list' },
  'history.badFinding': { zh: 'findings[{n}] 缺少问题编号、基础等级或已知的状态', en: 'findings[{n}] lacks a finding id, a base grade or a known status' },
  'history.badYuan': { zh: 'findings[{n}].deductionYuan 不是扣款金额（元）', en: 'findings[{n}].deductionYuan is not a number of yuan' },
  'history.otherCenter': { zh: '历史报告 {file} 是 {center} 的报告，不是 {target} 的', en: 'history file {file} is the report of {center}, not of {target}' },
  'history.hint': {
    zh: '--history 应指向只装有本中心此前月份 JSON 报告（`duty-audit audit --json` 所写）的文件夹',
    en: 'point --history at a folder holding only this center\'s earlier JSON reports (written by `duty-audit audit --json`)',
  },

  // ---- appeal decisions (--decisions, src/decisions, src/grade/settle.ts): `<where>: <what>` ----
  'decisions.at': { zh: '{at}：{what}', en: '{at}: {what}' },
  'decisions.format.hint': {
    zh: '每行一条决定：问题编号（或 规则 和 记录）、决定（维持、撤销 或 改为提醒／批评教育／通报批评）、理由、复核人、日期',
    en: 'write one decision per row: 问题编号 (or 规则 and 记录), 决定 (维持, 撤销 or 改为提醒/批评教育/通报批评), 理由, 复核人, 日期',
  },
  'decisions.noTarget': { zh: '该决定没有指明问题', en: 'the decision names no finding' },
  'decisions.noTarget.hint': {
    zh: '请填写报告中的问题编号，或填写规则编号（规则）和记录编号（记录）',
    en: 'give the finding\'s id (问题编号) as the report shows it, or its rule id (规则) and record key (记录)',
  },
  'decisions.emptyVerdict': { zh: '决定为空', en: 'the decision (决定) is empty' },
  'decisions.badVerdict': { zh: '决定“{text}”不是 维持、撤销 或 改为<等级>', en: '决定 "{text}" is not 维持, 撤销 or 改为<grade>' },
  'decisions.verdict.hint': {
    zh: '请写 维持、撤销，或 改为 加等级：改为提醒、改为批评教育、改为通报批评',
    en: 'write 维持 (upheld), 撤销 (withdrawn) or 改为 and a grade: 改为提醒, 改为批评教育, 改为通报批评',
  },
  'decisions.emptyReason': { zh: '理由为空', en: 'the reason (理由) is empty' },
  'decisions.emptyReason.hint': { zh: '请写明维持、撤销或改变等级的理由', en: 'write why the finding was upheld, withdrawn or regraded' },
  'decisions.emptyReviewer': { zh: '复核人为空', en: 'the reviewer (复核人) is empty' },
  'decisions.emptyReviewer.hint': { zh: '请写明由谁复核', en: 'write who reviewed the appeal' },
  'decisions.badDate': { zh: '日期“{text}”不是日期', en: '日期 "{text}" is not a date' },
  'decisions.emptyDate': { zh: '日期为空', en: 'the date (日期) is empty' },
  'decisions.date.hint': { zh: '请写复核日期，例如 2026-11-05', en: 'write the date of the review as 2026-11-05' },
  'decisions.notList': { zh: '应为决定的列表（或 {"decisions": [...]}）', en: 'expected a list of decisions (or {"decisions": [...]})' },
  'decisions.notObject': { zh: '每条决定须为一个对象', en: 'a decision must be an object' },
  'decisions.unknownField': { zh: '未知字段“{name}”', en: 'unknown field "{name}"' },
  'decisions.notText': { zh: '“{name}”须为文本', en: '"{name}" must be text' },
  'decisions.badJson': { zh: '不是有效的 JSON：{reason}', en: 'not valid JSON: {reason}' },
  'decisions.notFound': { zh: '--decisions {file}：找不到该文件', en: '--decisions {file}: no such file' },
  'decisions.isFolder': { zh: '--decisions {file}：这是文件夹，不是文件', en: '--decisions {file}: a folder, not a file' },
  'decisions.notFound.hint': { zh: '请给出复核决定的 JSON 或 xlsx 文件', en: 'give the JSON or xlsx file of reviewed appeals' },
  'decisions.wrongKind': { zh: '--decisions {file}：应为 .json 或 .xlsx 文件', en: '--decisions {file}: expected a .json or .xlsx file' },
  'decisions.badXlsx': { zh: '--decisions {file}：不是可读取的 xlsx 工作簿（{reason}）', en: '--decisions {file}: not a readable xlsx workbook ({reason})' },
  'decisions.badXlsx.hint': { zh: '请把复核决定另存为 Excel 工作簿（.xlsx），或写成 JSON', en: 'save the decisions as an Excel workbook (.xlsx) or write them as JSON' },
  'decisions.noHeader': { zh: '--decisions {file}：没有工作表的表头含 决定 和 问题编号（或 规则 和 记录）', en: '--decisions {file}: no sheet has a header row with 决定 and 问题编号 (or 规则 and 记录)' },
  'decisions.noHeader.hint': {
    zh: '请在复核决定工作表的第一行写表头：问题编号、规则、记录、决定、理由、复核人、日期',
    en: 'put the header 问题编号, 规则, 记录, 决定, 理由, 复核人, 日期 in the first row of the decisions sheet',
  },
  'decisions.unknownId': { zh: '该决定指明的 {id} 不是本次审计的问题', en: 'the decision names {id}, which is no finding of this audit' },
  'decisions.unknownId.hint': {
    zh: '请从本月报告中复制问题编号，或用规则编号（规则）和记录编号（记录）指明问题',
    en: 'copy the finding id (问题编号) from this month\'s report, or name the finding by its rule (规则) and record (记录)',
  },
  'decisions.unknownRecord': { zh: '该决定指明的规则 {ruleId}、记录 {key} 不是本次审计的问题', en: 'the decision names rule {ruleId} on record {key}, which is no finding of this audit' },
  'decisions.unknownRecord.hint': {
    zh: '请对照本月报告核对规则编号和记录（受理编号、登记编号、姓名@日期等）',
    en: 'check the rule id and the record key (受理编号, 登记编号, 姓名@日期…) against this month\'s report',
  },
  'decisions.ambiguous': {
    zh: '该决定指明的规则 {ruleId}、记录 {key} 对应 {n} 个问题（{ids}）',
    en: 'the decision names rule {ruleId} on record {key}, which matches {n} findings ({ids})',
  },
  'decisions.ambiguous.hint': { zh: '请改用问题编号指明问题', en: 'name the finding by its id (问题编号) instead' },
  'decisions.second': { zh: '{id}（{target}）有第二条决定；第一条在 {first}', en: 'a second decision for {id} ({target}); the first is at {first}' },
  'decisions.second.hint': { zh: '每个问题只保留一条决定', en: 'keep one decision per finding' },
  'decisions.merged': { zh: '{id} 已并入 {into}（同一行为），不计入', en: '{id} is merged into {into} (the same act) and counts for nothing' },
  'decisions.merged.hint': { zh: '请对计入的问题 {into} 作出决定', en: 'decide on {into}, the finding that counts' },
  'decisions.reportedBefore': { zh: '{id} 已于 {month} 通报，本月不计入', en: '{id} was reported in {month} and counts for nothing this month' },
  'decisions.reportedBefore.hint': { zh: '请把该申诉记入 {month} 审计的复核决定', en: 'record the appeal with the decisions of the {month} audit' },
  'decisions.raises': {
    zh: '改为{grade} 会使 {id} 高于其本月等级（{current}）；申诉只能降低等级',
    en: '改为{grade} would raise {id} above its grade this month ({current}); an appeal may only lower a grade',
  },
  'decisions.raises.hint': { zh: '请用 维持 维持原等级，或 改为 不高于{current}的等级', en: 'use 维持 to uphold it, or 改为 a grade at or below {current}' },
} as const satisfies Record<string, Localized>;
