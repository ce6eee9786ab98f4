/**
 * Typed ledger records (docs/ledger.md). The column table itself lives in
 * `schemas/ledger.schema.json`; these types mirror it for the compiler.
 * Empty cells are absent properties, never empty strings.
 */

export const SHEET_KEYS = [
  'cases',
  'complaints',
  'attendance',
  'handovers',
  'staff',
  'items',
  'center',
  'other',
] as const;
export type SheetKey = (typeof SHEET_KEYS)[number];

/** A calendar date as `YYYY-MM-DD`; ledgers carry no times of day. */
export type IsoDate = string;

export type CaseKind = '即办件' | '承诺件' | '上报件';
export type CaseResult = '办结' | '不予办理' | '已转报' | '办理中' | '退回补正';
export type NoticeForm = '当场口头' | '书面告知单' | '电话';
export type Rating = '非常满意' | '满意' | '基本满意' | '不满意' | '非常不满意';

export interface CaseRecord {
  case_id: string;
  received_on: IsoDate;
  applicant: string;
  phone?: string;
  item: string;
  kind: CaseKind;
  handler: string;
  materials_complete: boolean;
  notified?: boolean;
  notified_on?: IsoDate;
  notice_form?: NoticeForm;
  missing_count?: number;
  /** Defaults to 1 when the cell is empty. */
  visits: number;
  promised_days?: number;
  /** 补齐日期: the day an incomplete application was made complete; limits count from it. */
  materials_completed_on?: IsoDate;
  completed_on?: IsoDate;
  result: CaseResult;
  refusal_reason?: string;
  extension_reason?: string;
  result_notified_on?: IsoDate;
  materials_logged?: boolean;
  materials_lost?: boolean;
  fee_item?: string;
  fee?: number;
  rating?: Rating;
  error?: boolean;
  deviation?: boolean;
  loss?: number;
  note?: string;
}

export type ComplaintCategory = '态度粗暴' | '接待不耐心' | '推诿扯皮' | '故意刁难' | '拖压卡' | '乱收费' | '其他';

export interface ComplaintRecord {
  complaint_id: string;
  logged_on: IsoDate;
  complainant?: string;
  contact?: string;
  respondent: string;
  category: ComplaintCategory;
  content?: string;
  substantiated: '是' | '否' | '待查';
  /** 核实日期: the day the complaint was found substantiated or not (optional). */
  verified_on?: IsoDate;
  first_responder: string;
  outcome?: string;
  case_id?: string;
}

export type AttendanceStatus = '正常' | '迟到' | '早退' | '擅自离岗' | '旷工' | '请假' | '出差' | '会议';

export interface AttendanceRecord {
  date: IsoDate;
  staff: string;
  status: AttendanceStatus;
  minutes?: number;
  approved?: boolean;
  cover?: string;
}

export interface HandoverRecord {
  date: IsoDate;
  /** 结束日期: the row covers every day from `date` to `end_date`. */
  end_date?: IsoDate;
  absent_staff: string;
  cover: string;
  reason?: string;
  approver?: string;
  items?: string;
}

export interface StaffRecord {
  name: string;
  position?: string;
  phone?: string;
  posted?: boolean;
  badge?: boolean;
}

export interface ItemRecord {
  item: string;
  procedure_posted?: boolean;
  materials_posted?: boolean;
  limit_posted?: boolean;
  statutory_days?: number;
  fee_item?: string;
  fee_standard?: number;
  fee_basis?: string;
  fee_posted?: boolean;
}

export interface CenterRecord {
  center: string;
  district?: string;
  complaint_phone?: string;
  phone_posted?: boolean;
  rules_posted?: boolean;
}

export type GradeLabelZh = '提醒' | '批评教育' | '通报批评' | '扣除奖金';

export interface OtherRecord {
  date: IsoDate;
  staff: string;
  description: string;
  grade: GradeLabelZh;
  basis?: string;
}

export interface RecordOf {
  cases: CaseRecord;
  complaints: ComplaintRecord;
  attendance: AttendanceRecord;
  handovers: HandoverRecord;
  staff: StaffRecord;
  items: ItemRecord;
  center: CenterRecord;
  other: OtherRecord;
}

/** One evaluated ledger row: where it came from and what it says. */
export interface LedgerRow<K extends SheetKey = SheetKey> {
  sheet: K;
  /** 1-based row number in the source sheet or CSV file, as a person sees it. */
  row: number;
  record: RecordOf[K];
}

/** A cell or row that could not be read (frictionless-style: stable code, location in fields). */
export interface DataIssue {
  file: string;
  /** Sheet key (`cases`, ...) when known, else the sheet's own name. */
  sheet: string;
  /** The sheet's name as written in the workbook or the CSV file name. */
  sheetName: string;
  /** 1-based row; 0 for problems with the whole sheet. */
  row: number;
  /** Column letter (`H`), or '' for row-level issues. */
  column: string;
  /** The header text of that column as written, or ''. */
  header: string;
  /** The raw value as found in the cell, rendered as text. */
  value: string;
  code: DataIssueCode;
  /** Plain-language reason in English; renderers may translate by code. */
  message: string;
  /** Values for the code's message template (issue-codes.ts), e.g. `firstRow`, `asOf`, `allowed`. */
  params?: Record<string, string | number>;
}

export type DataIssueCode =
  | 'bad-date'
  | 'bad-boolean'
  | 'bad-number'
  | 'bad-integer'
  | 'bad-enum'
  | 'out-of-range'
  | 'missing-required'
  | 'duplicate-key'
  | 'formula-error'
  | 'after-as-of'
  | 'extra-center-row'
  | 'missing-header'
  // Added by the importer (optional codes, see issue-codes.ts):
  | 'formula-no-result'
  | 'missing-column'
  | 'duplicate-sheet'
  | 'header-too-low'
  | 'wrong-delimiter'
  | 'unclosed-quote'
  | 'outside-calendar'
  // Added by the time screen (src/facts/calendar-screen.ts): a 办结日期 the time facts cannot count.
  | 'missing-completion-date'
  | 'completed-before-receipt';

export interface SheetAccount {
  /** Non-blank data rows below the header. */
  rowsRead: number;
  rowsEvaluated: number;
  rowsSetAside: number;
}

export interface LedgerSource {
  /** Path as given by the user. */
  file: string;
  kind: 'xlsx' | 'csv-folder';
  /** For a CSV folder, each CSV file read, per sheet key. */
  parts: { sheet: SheetKey; file: string; encoding?: string }[];
}

/** Where a sheet's columns were found, so later steps can cite a cell (`办件台账!H14`). */
export interface SheetLayout {
  /** The file the sheet was read from (the workbook, or the sheet's CSV file). */
  file: string;
  sheetName: string;
  /** 1-based header row; 0 when no header row was found. */
  headerRow: number;
  /** The known columns found, in sheet order. */
  columns: { key: string; letter: string; header: string }[];
}

export interface Ledger {
  source: LedgerSource;
  /** Rows per sheet; a sheet absent from the input has no entry. */
  sheets: { [K in SheetKey]?: LedgerRow<K>[] };
  /** Sheet names actually found per key (for messages and the report). */
  sheetNames: { [K in SheetKey]?: string };
  dataIssues: DataIssue[];
  accounts: { [K in SheetKey]?: SheetAccount };
  /** Column layout per sheet read (added by the importer; optional for hand-built ledgers). */
  layout?: { [K in SheetKey]?: SheetLayout };
}
