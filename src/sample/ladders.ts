/**
 * The base grades the shipped rules give, for the planted list. They mirror the thresholds of
 * rules/失职追究制/{case-overdue,repeated-visits,policy-deviation-loss}.json as shipped with the
 * sample; the sample test checks them against those files' params.
 */
import type { Grade } from '../grade-scale.js';

export function overdueGrade(overdueDays: number): Grade {
  if (overdueDays >= 11) return 'deduction';
  if (overdueDays >= 6) return 'notice';
  if (overdueDays >= 3) return 'criticism';
  return 'reminder';
}

export function visitsGrade(visits: number): Grade {
  return visits >= 4 ? 'notice' : 'criticism';
}

export function lossGrade(loss: number): Grade {
  return loss >= 1000 ? 'deduction' : 'notice';
}

export function errorsGrade(errors: number): Grade {
  return errors >= 5 ? 'notice' : 'criticism';
}
