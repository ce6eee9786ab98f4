/**
 * The month before the sample's, written beside it as its history (docs/grading.md, "Each act
 * is judged once, across months"): that month's ledger — the cases the sample carries over
 * (received before the period), as they stood at its end, with the lookup sheets — and the JSON
 * report its audit writes. Auditing the sample with `--history` that report shows acts charged
 * last month as reported before, and a case that kept slipping charged only the difference.
 * The report is the real pipeline's output for that ledger, so its ids are the ones an
 * inspector's September report would hold.
 */
import { basename } from 'node:path';
import { audit } from '../audit/audit.js';
import { lastDayOfMonth } from '../calendar/dates.js';
import { reportJsonText } from '../report/json.js';
import type { SheetKey } from '../ledger/types.js';
import type { SheetSource } from './generate.js';
import { previousPeriod } from './month-days.js';
import type { SampleRecord, SampleRow } from './types.js';

export interface EarlierMonth {
  stem: string;
  period: string;
  asOf: string;
  sheets: SheetSource[];
}

/** Sheets the earlier month's ledger holds: its cases and the lookups they are judged with. */
export const EARLIER_SHEETS: readonly SheetKey[] = ['cases', 'staff', 'items', 'center'];

/** Date columns of a case that record something happening, and what goes with them. */
const LATER_DATES = ['notified_on', 'materials_completed_on', 'completed_on', 'result_notified_on'] as const;

/** A carried-over case as the earlier month's ledger held it at that month's end: nothing after it written yet. */
export function asItStood(values: SampleRecord['values'], end: string): SampleRecord['values'] {
  const v = { ...values };
  for (const key of LATER_DATES) if (typeof v[key] === 'string' && (v[key] as string) > end) delete v[key];
  if (values.completed_on !== undefined && v.completed_on === undefined) {
    for (const key of ['result_notified_on', 'rating', 'refusal_reason'] as const) delete v[key];
    if (v.result !== '退回补正') v.result = '办理中';
  }
  if (values.notified_on !== undefined && v.notified_on === undefined) delete v.notice_form;
  return v;
}

/**
 * The earlier month from the sample's sheets: `carried` are the cases received before the
 * period (already rendered for the sample; rendered again here as they stood), `render` writes a
 * record's cells.
 */
export function earlierMonth(
  stem: string,
  period: string,
  sheets: readonly SheetSource[],
  carried: readonly SampleRecord[],
  render: (key: SheetKey, records: SampleRecord[]) => Iterable<SampleRow>,
  title: (key: SheetKey) => string,
): EarlierMonth {
  const earlier = previousPeriod(period);
  const end = lastDayOfMonth(earlier);
  const records = carried.map((r) => ({ values: asItStood(r.values, end), plants: [] }));
  const out = sheets
    .filter((s) => EARLIER_SHEETS.includes(s.key))
    .map((s): SheetSource => {
      const base = { ...s, title: title(s.key) };
      return s.key === 'cases' ? { ...base, rowCount: records.length, rows: () => render('cases', records) } : base;
    });
  return { stem, period: earlier, asOf: end, sheets: out };
}

/**
 * The earlier month's JSON report: the workbook audited by the shipped pipeline. Inputs are
 * named as from inside the samples folder, so the report does not depend on where it was made.
 */
export async function earlierReport(workbook: string, month: EarlierMonth, rulesDir?: string): Promise<string> {
  const result = await audit(workbook, { period: month.period, asOf: month.asOf, ...(rulesDir ? { rulesDir } : {}) });
  result.inputs = result.inputs.map((i) => ({ ...i, file: basename(i.file) }));
  return reportJsonText(result, { lang: 'zh', mask: true });
}
