/**
 * Gives each new report its final name (report-names.ts) and moves it there; an input's old
 * report under a name nobody holds any more is removed, so the folder matches the manifest.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { assignReportNames, jsonReportOf, reportStem } from './report-names.js';
import type { Fresh } from './dispatch.js';

/** Returns the final file name per audited input path. */
export function placeReports(fresh: Fresh[], keptNames: string[], outDir: string): Map<string, string> {
  const audited = fresh.flatMap((f) => (f.outcome.ok ? [{ f, summary: f.outcome.summary }] : []));
  const names = assignReportNames(
    audited.map(({ f, summary }) => {
      const before = f.previous?.status === 'audited' ? f.previous.report : undefined;
      return { stem: reportStem(summary.center, summary.period), ...(before ? { previous: before } : {}) };
    }),
    keptNames,
  );
  const claimed = new Set([...keptNames, ...names]);
  const placed = new Map<string, string>();
  audited.forEach(({ f }, k) => {
    const name = names[k] as string;
    renameSync(f.tempFile, join(outDir, name));
    // The JSON report travels with the xlsx (history for the center's later months).
    if (existsSync(jsonReportOf(f.tempFile))) renameSync(jsonReportOf(f.tempFile), join(outDir, jsonReportOf(name)));
    placed.set(f.input.path, name);
    if (f.previous?.status === 'audited' && !claimed.has(f.previous.report)) {
      rmSync(join(outDir, f.previous.report), { force: true });
      rmSync(join(outDir, jsonReportOf(f.previous.report)), { force: true });
    }
  });
  return placed;
}
