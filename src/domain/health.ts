/** How fresh the scheduled jobs are: a job silent for two hours is worth telling people about. */
export const STALE_AFTER_MS = 2 * 60 * 60 * 1000;

export type JobHealth = { job: string; state: 'never' } | { job: string; state: 'ok' | 'stale'; lastRun: Date };

export function jobHealth(job: string, lastRun: Date | undefined, now: Date): JobHealth {
  if (!lastRun) return { job, state: 'never' };
  return { job, state: now.getTime() - lastRun.getTime() > STALE_AFTER_MS ? 'stale' : 'ok', lastRun };
}
