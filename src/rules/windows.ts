/**
 * The duty windows the fact library dates a notice never given by (src/facts/events.ts): a
 * one-time notice or a result notice not given is an event once its window has closed. Each
 * window is the param of the rule that judges the duty done late, so a reviewer tunes it in one
 * place and both rules on the duty move with it. A rule set without that rule (or that param)
 * keeps the default.
 */
import { DEFAULT_DUTY_WINDOWS, type DutyWindows } from '../facts/events.js';
import type { Rule } from './types.js';

/** Which rule's param is each window. */
export const WINDOW_PARAMS: Record<keyof DutyWindows, { rule: string; param: string }> = {
  notice: { rule: 'notice-late', param: 'maxNoticeDays' },
  resultNotice: { rule: 'result-notice-late', param: 'maxResultNoticeDays' },
};

export function dutyWindows(rules: readonly Pick<Rule, 'id' | 'params'>[]): DutyWindows {
  const windows: DutyWindows = { ...DEFAULT_DUTY_WINDOWS };
  for (const key of Object.keys(WINDOW_PARAMS) as (keyof DutyWindows)[]) {
    const { rule, param } = WINDOW_PARAMS[key];
    const value = rules.find((r) => r.id === rule)?.params[param]?.value;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) windows[key] = value;
  }
  return windows;
}
