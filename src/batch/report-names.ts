/**
 * Report file names: `<center>-<period>.xlsx`, with `-2`, `-3`… when two inputs give the same
 * center and month. Settled after every audit has finished and in input order, so the same
 * batch always gives the same names; a kept report and an input's earlier name are honoured.
 * Each new report is then moved from its temporary name to its own, and an input's old report
 * under a name nobody holds any more is removed, so the folder matches the manifest.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Lang } from '../text.js';
import { safeFileStem } from '../output/file-name.js';
import type { Fresh } from './pool.js';

export { safeFileStem };

/** `<center>-<period>`, and `-en` after it for an English report, so it never takes the Chinese one's name. */
export function reportStem(center: string, period: string, lang: Lang = 'zh'): string {
  return `${safeFileStem(center)}-${safeFileStem(period)}${lang === 'zh' ? '' : `-${lang}`}`;
}

export interface NameRequest {
  stem: string;
  /** A name this input had before (manifest); kept when it still fits the stem and is free. */
  previous?: string;
  /** True when the name is fixed already (an unchanged input whose report is kept). */
  fixed?: boolean;
}

/** One name per request, in request order: fixed names first, then earlier names, then new ones. */
export function assignReportNames(requests: NameRequest[], reserved: Iterable<string> = []): string[] {
  const taken = new Set<string>(reserved);
  const names = new Array<string | undefined>(requests.length);
  const claim = (i: number, name: string): void => {
    names[i] = name;
    taken.add(name);
  };
  requests.forEach((r, i) => {
    if (r.fixed && r.previous) claim(i, r.previous);
  });
  requests.forEach((r, i) => {
    if (names[i] === undefined && r.previous && fitsStem(r.previous, r.stem) && !taken.has(r.previous)) claim(i, r.previous);
  });
  requests.forEach((r, i) => {
    if (names[i] !== undefined) return;
    let n = 1;
    let name = `${r.stem}.xlsx`;
    while (taken.has(name)) name = `${r.stem}-${++n}.xlsx`;
    claim(i, name);
  });
  return names as string[];
}

function fitsStem(name: string, stem: string): boolean {
  if (name === `${stem}.xlsx`) return true;
  const prefix = `${stem}-`;
  return name.startsWith(prefix) && /^\d+\.xlsx$/.test(name.slice(prefix.length));
}

/** Returns the final file name per audited input path. */
export async function placeReports(fresh: Fresh[], keptNames: string[], outDir: string, lang: Lang = 'zh'): Promise<Map<string, string>> {
  const audited = fresh.flatMap((f) => (f.outcome.ok ? [{ f, summary: f.outcome.summary }] : []));
  const names = assignReportNames(
    audited.map(({ f, summary }) => {
      const before = f.previous?.status === 'audited' ? f.previous.report : undefined;
      return { stem: reportStem(summary.center, summary.period, lang), ...(before ? { previous: before } : {}) };
    }),
    keptNames,
  );
  const claimed = new Set([...keptNames, ...names]);
  const placed = new Map<string, string>();
  for (const [k, { f }] of audited.entries()) {
    const name = names[k] as string;
    await f.temp.commit(join(outDir, name));
    // The JSON report travels with the xlsx (history for the center's later months).
    if (existsSync(f.jsonTemp.path)) await f.jsonTemp.commit(join(outDir, jsonReportOf(name)));
    else await f.jsonTemp.discard();
    placed.set(f.input.path, name);
    if (f.previous?.status === 'audited' && !claimed.has(f.previous.report)) {
      await rm(join(outDir, f.previous.report), { force: true });
      await rm(join(outDir, jsonReportOf(f.previous.report)), { force: true });
    }
  }
  return placed;
}

/** The JSON report kept beside an xlsx report (the center's history): the same name ending in .json. */
export function jsonReportOf(xlsxFile: string): string {
  return xlsxFile.replace(/\.xlsx$/i, '') + '.json';
}
