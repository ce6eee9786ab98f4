/**
 * A month across the district (GET /api/periods/:period, the page's month view, the district
 * summary download): every center's standing audit of the month with its counts by grade, its
 * service figures (按期办结率, 满意率) and its rank by each, and the change from the center's month
 * before when that month was audited too. Ranks follow the district summary's rule
 * (src/batch/center-ranking.ts): highest first, ties share a rank.
 */
import { rankByFigure } from '../batch/center-ranking.js';
import { writeDistrictSummary } from '../batch/district-summary.js';
import type { BatchEntry, CenterSummary, Grade, Lang } from '../index.js';
import { GRADES } from '../index.js';
import type { AuditStatus, StandingAudit, Store } from './store.js';

export interface MonthFigures {
  byGrade: Record<Grade, number>;
  findings: number;
  dataIssues: number;
  handled: number | null;
  onTimeRate: number | null;
  satisfactionRate: number | null;
}

export interface MonthCenter extends MonthFigures {
  auditId: string;
  center: string;
  district: string | null;
  /** `done`, or `queued`/`running` while it is audited again (the figures are the last audit's). */
  status: AuditStatus;
  ranks: { onTime: number | null; satisfaction: number | null };
  previous: (MonthFigures & { period: string; auditId: string }) | null;
  /** This month minus the month before: findings in count, rates in fractions (0.05 = 5 points). */
  change: { findings: number; onTimeRate: number | null; satisfactionRate: number | null } | null;
}

export interface MonthView {
  period: string;
  previousPeriod: string;
  centers: MonthCenter[];
  totals: { byGrade: Record<Grade, number>; findings: number; dataIssues: number; handled: number };
}

export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function previousPeriod(period: string): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

function figures(summary: CenterSummary): MonthFigures {
  return {
    byGrade: { ...summary.byGrade },
    findings: summary.findings,
    dataIssues: summary.dataIssues,
    handled: summary.service?.handled ?? null,
    onTimeRate: summary.service?.onTimeRate ?? null,
    satisfactionRate: summary.service?.satisfactionRate ?? null,
  };
}

function difference(now: number | null, before: number | null): number | null {
  return now === null || before === null ? null : Math.round((now - before) * 10_000) / 10_000;
}

/** The month's view, or undefined when no center has a finished audit of it. */
export function monthView(store: Store, period: string): MonthView | undefined {
  const standing = store.standingAudits(period);
  if (standing.length === 0) return undefined;
  const before = new Map(store.standingAudits(previousPeriod(period)).map((s) => [s.center, s]));
  const onTime = rankByFigure(standing.map((s) => s.summary.service?.onTimeRate));
  const satisfaction = rankByFigure(standing.map((s) => s.summary.service?.satisfactionRate));
  const centers = standing.map((s, i): MonthCenter => {
    const now = figures(s.summary);
    const prior = before.get(s.center);
    const previous = prior ? { period: prior.period, auditId: prior.auditId, ...figures(prior.summary) } : null;
    return {
      auditId: s.auditId,
      center: s.center,
      district: s.summary.district ?? null,
      status: s.status,
      ...now,
      ranks: { onTime: onTime[i]!, satisfaction: satisfaction[i]! },
      previous,
      change: previous
        ? {
            findings: now.findings - previous.findings,
            onTimeRate: difference(now.onTimeRate, previous.onTimeRate),
            satisfactionRate: difference(now.satisfactionRate, previous.satisfactionRate),
          }
        : null,
    };
  });
  const byGrade = Object.fromEntries(GRADES.map((g) => [g, centers.reduce((n, c) => n + c.byGrade[g], 0)])) as Record<Grade, number>;
  return {
    period,
    previousPeriod: previousPeriod(period),
    centers,
    totals: {
      byGrade,
      findings: centers.reduce((n, c) => n + c.findings, 0),
      dataIssues: centers.reduce((n, c) => n + c.dataIssues, 0),
      handled: centers.reduce((n, c) => n + (c.handled ?? 0), 0),
    },
  };
}

/** The month's district summary (一区一表) by the batch's writer, one row per center's standing audit. */
export async function writeMonthSummary(store: Store, period: string, file: string, lang: Lang): Promise<void> {
  const entries = store.standingAudits(period).map(summaryEntry);
  await writeDistrictSummary(entries, file, lang);
}

function summaryEntry(s: StandingAudit): BatchEntry {
  const name = s.names[0] ?? s.sha256;
  return {
    status: 'audited',
    input: { path: name, display: name, kind: s.kind === 'xlsx' ? 'xlsx' : 'csv-folder' },
    sha256: s.sha256,
    report: `/api/audits/${s.auditId}/report.xlsx`,
    summary: s.summary,
  };
}
