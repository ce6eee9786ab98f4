/**
 * How much of a ledger the importer will read before it refuses: each limit is an option with
 * a default safe for an upload service, so a hostile or broken file (a zip bomb, a million rows,
 * one endless cell) stops with a clear message instead of taking the machine's memory or hours
 * of CPU. A genuine file over a limit gets the option's name in the refusal, to raise it.
 *
 * The defaults leave room for the largest real months (a center's month is a few thousand rows;
 * the benchmarks read 100,000 cases in about 160 MB) and keep the worst accepted input within
 * 400 MB of memory.
 */
import { DutyAuditError } from '../errors.js';
import { msg, type Message } from '../messages/catalogue.js';

export interface LedgerLimits {
  /** The workbook file (or each CSV file), in bytes. */
  maxInputBytes: number;
  /** Any one part of a workbook once inflated (a sheet's XML streams through, so this bounds time, not memory). */
  maxPartBytes: number;
  /** The shared-string table once inflated: it is held in memory while the sheets are read. */
  maxSharedStringsBytes: number;
  /** Inflated bytes per compressed byte of a part larger than 1 MiB: a zip bomb's ratio is near 1,000. */
  maxCompressionRatio: number;
  /** Characters in one cell (Excel's own limit is 32,767). */
  maxCellChars: number;
  /** Rows with a value in one ledger sheet (records are held for the audit: this bounds memory). */
  maxRows: number;
}

export const DEFAULT_LEDGER_LIMITS: Readonly<LedgerLimits> = Object.freeze({
  maxInputBytes: 100 * 1024 * 1024,
  maxPartBytes: 512 * 1024 * 1024,
  maxSharedStringsBytes: 64 * 1024 * 1024,
  maxCompressionRatio: 100,
  maxCellChars: 32_767,
  // A held row costs ~1.5 KB: refused at 250,001 rows, a 1,000,000-row workbook peaked at 492 MB
  // and a CSV at 439 MB; refused at 150,001, 209 and 296 MB (bench/hostile.ts). A month at the
  // limit that is audited whole costs more with its findings: ~500 MB with a finding on nearly
  // every row (csv-150k), as before these limits; the findings' cost is the engine's.
  maxRows: 150_000,
});

export type LimitName = keyof LedgerLimits;

/** The command-line option that sets each limit, and the unit it is given in (docs/cli.md). */
export const LEDGER_LIMIT_FLAGS: Record<LimitName, { flag: string; unit: number }> = {
  maxInputBytes: { flag: '--max-input-mb', unit: 1024 * 1024 },
  maxPartBytes: { flag: '--max-part-mb', unit: 1024 * 1024 },
  maxSharedStringsBytes: { flag: '--max-shared-strings-mb', unit: 1024 * 1024 },
  maxCompressionRatio: { flag: '--max-compression-ratio', unit: 1 },
  maxCellChars: { flag: '--max-cell-chars', unit: 1 },
  maxRows: { flag: '--max-rows', unit: 1 },
};

/** The defaults with the given options over them (undefined options keep the default). */
export function ledgerLimits(options: Partial<LedgerLimits> = {}): LedgerLimits {
  const limits = { ...DEFAULT_LEDGER_LIMITS };
  for (const name of Object.keys(DEFAULT_LEDGER_LIMITS) as LimitName[]) {
    const value = options[name];
    if (value === undefined) continue;
    if (!(typeof value === 'number' && value > 0)) {
      throw new DutyAuditError('bad-usage', msg('ledger.badLimit', { name, value: String(value) }), {
        hint: msg('ledger.badLimit.hint', { name, default: DEFAULT_LEDGER_LIMITS[name] }),
      });
    }
    limits[name] = value;
  }
  return limits;
}

/**
 * The refusal of input over a limit: what was over, where, and the option that raises it.
 * `what` reads after the file name, e.g. `sheet 办件台账 has more than 150000 rows`.
 */
export function limitExceeded(file: string, what: Message, limit: LimitName, value: number): DutyAuditError {
  return new DutyAuditError('file-too-large', msg('ledger.overLimit', { file, what, limit, value }), {
    file,
    hint: msg('ledger.overLimit.hint', { limit, flag: LEDGER_LIMIT_FLAGS[limit].flag }),
  });
}
