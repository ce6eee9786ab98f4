/**
 * V8 makes a slice of 13 characters or more as a view into the string it was cut from. Text cut
 * from a 64 KB chunk of sheet XML would keep the whole chunk alive for as long as the record
 * holding it: a sheet's worth of chunks, memory growing with the sheet. Strings that outlive
 * their chunk are copied first. (Measured: without the copy, 100,000 rows of inline strings kept
 * ~300 MB of chunks alive.)
 */
const SLICE_MIN_LENGTH = 13;

export function ownCopy(text: string): string {
  // Concatenating flattens into a new string; the slice of it then views that string only.
  return text.length < SLICE_MIN_LENGTH ? text : (' ' + text).slice(1);
}
