/**
 * Date cells → `YYYY-MM-DD`: Excel date cells, Excel serial numbers (1900 or 1904 system),
 * and the written forms `2026-10-03`, `2026/10/3`, `2026.10.3`, `2026年10月3日` (a time of day
 * after the date is ignored). Only real calendar days pass: 2026-02-30 is a data issue.
 */
import { utcIsoDate, type RawValue } from '../raw-value.js';
import { foldText, ok, unreadable, type Parsed } from './column-types.js';

export interface DateContext {
  /** The workbook counts serials from 1904-01-01 (old Mac Excel). */
  date1904: boolean;
}

const TIME_OF_DAY = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?`;
const SEPARATED = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME_OF_DAY}$`);
const CHINESE = new RegExp(String.raw`^(\d{4})年(\d{1,2})月(\d{1,2})日?${TIME_OF_DAY}$`);
/**
 * A serial number written as text, as a CSV exported from a sheet whose date column is
 * formatted "General" carries it. Only five digits (1927-05-18 … 2173-10-14), so that a bare
 * year or a phone-like number is never taken for a date.
 */
const SERIAL_TEXT = /^\d{5}(?:\.\d+)?$/;

const MS_PER_DAY = 86_400_000;
/** Day 0 of the 1900 system as Excel counts it from serial 61 on (it believes 1900-02-29 existed). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** Serial 60 is Excel's fictitious 1900-02-29. */
const FICTITIOUS_LEAP_DAY = 60;
const LAST_SERIAL = 2_958_465; // 9999-12-31

export function parseDate(value: RawValue, context: DateContext): Parsed<string> {
  if (value instanceof Date) return fromDate(value);
  if (typeof value === 'number') return fromSerial(value, context);
  if (typeof value === 'string') return fromText(foldText(value), context);
  return unreadable('bad-date');
}

function fromDate(date: Date): Parsed<string> {
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1900) return unreadable('bad-date');
  return ok(utcIsoDate(date));
}

function fromSerial(serial: number, { date1904 }: DateContext): Parsed<string> {
  const day = Math.floor(serial);
  if (!Number.isFinite(serial) || day < 1 || day > LAST_SERIAL) return unreadable('bad-date');
  if (date1904) return ok(utcIsoDate(new Date(EPOCH_1904 + day * MS_PER_DAY)));
  if (day === FICTITIOUS_LEAP_DAY) return unreadable('bad-date');
  const shifted = day < FICTITIOUS_LEAP_DAY ? day + 1 : day;
  return ok(utcIsoDate(new Date(EPOCH_1900 + shifted * MS_PER_DAY)));
}

function fromText(text: string, context: DateContext): Parsed<string> {
  if (SERIAL_TEXT.test(text)) return fromSerial(Number(text), context);
  const separated = SEPARATED.exec(text);
  if (separated) return calendarDay(separated[1]!, separated[3]!, separated[4]!);
  const chinese = CHINESE.exec(text);
  if (chinese) return calendarDay(chinese[1]!, chinese[2]!, chinese[3]!);
  return unreadable('bad-date');
}

function calendarDay(yearText: string, monthText: string, dayText: string): Parsed<string> {
  const [year, month, day] = [Number(yearText), Number(monthText), Number(dayText)];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = year >= 1900 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? ok(utcIsoDate(date)) : unreadable('bad-date');
}
