/** A small valid 办件台账 to start tests from: the header and rows keyed by column name. */
export const CASE_HEADER = [
  '受理编号', '受理日期', '申请人', '联系电话', '事项名称', '办件类型', '经办人', '材料齐全', '一次性告知',
  '告知日期', '告知方式', '需补材料数', '往返次数', '承诺时限(工作日)', '办结日期', '办理结果', '收费金额',
] as const;

export type CaseColumn = (typeof CASE_HEADER)[number];

export function caseRow(overrides: Partial<Record<CaseColumn, unknown>> = {}): unknown[] {
  const base: Record<CaseColumn, unknown> = {
    受理编号: 'SL-2026-10-0001',
    受理日期: '2026-10-09',
    申请人: '王芳',
    联系电话: '13812345678',
    事项名称: '居住证办理',
    办件类型: '承诺件',
    经办人: '李明',
    材料齐全: '是',
    一次性告知: '',
    告知日期: '',
    告知方式: '',
    需补材料数: '',
    往返次数: '',
    '承诺时限(工作日)': 5,
    办结日期: '2026-10-14',
    办理结果: '办结',
    收费金额: '',
  };
  const merged = { ...base, ...overrides };
  return CASE_HEADER.map((column) => merged[column]);
}

/** The letter of a case column in CASE_HEADER order. */
export function caseColumnLetter(column: CaseColumn): string {
  return String.fromCharCode(65 + CASE_HEADER.indexOf(column));
}
