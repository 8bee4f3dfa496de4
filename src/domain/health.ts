/**
 * How fresh the scheduled jobs are. A job silent for longer than its schedule allows is worth telling
 * people about: two hours for the frequent ones (issue "Service levels": the sweep), a day and two hours for
 * the nightly and daily ones. Event-driven handlers (a form's submit) are silent when nobody submits.
 */
import type { TriggerSpec } from './trigger-plan';

export const STALE_AFTER_MS = 2 * 60 * 60 * 1000;
const DAILY_STALE_AFTER_MS = 26 * 60 * 60 * 1000;
const WEEKLY_STALE_AFTER_MS = (7 * 24 + 2) * 60 * 60 * 1000;

export type JobHealth = { job: string; state: 'never' } | { job: string; state: 'ok' | 'stale'; lastRun: Date };

/** How long a job may stay silent; undefined for event-driven ones. */
export function staleAfter(spec: TriggerSpec | undefined): number | undefined {
  switch (spec?.kind) {
    case 'daily':
      return DAILY_STALE_AFTER_MS;
    case 'weekly':
      return WEEKLY_STALE_AFTER_MS;
    case 'formSubmit':
    case 'spreadsheetEdit':
      return undefined;
    default:
      return STALE_AFTER_MS;
  }
}

export function jobHealth(job: string, lastRun: Date | undefined, now: Date, limitMs = STALE_AFTER_MS): JobHealth {
  if (!lastRun) return { job, state: 'never' };
  return { job, state: now.getTime() - lastRun.getTime() > limitMs ? 'stale' : 'ok', lastRun };
}
