/**
 * The time-driven and event triggers the helpdesk runs on, all owned by the school account. `setup`
 * installs what is missing and removes a second copy of any, so nothing runs twice.
 * Apps Script allows 20 triggers per user per script (guides/services/quotas); the plan stays far below.
 */
export type TriggerSpec =
  | { handler: string; kind: 'everyMinutes'; minutes: 1 | 5 | 10 | 15 | 30 }
  | { handler: string; kind: 'everyHours'; hours: 1 | 2 | 4 | 6 | 8 | 12 }
  | { handler: string; kind: 'daily'; hour: number }
  | { handler: string; kind: 'weekly'; weekDay: 'MONDAY'; hour: number }
  | { handler: string; kind: 'spreadsheetEdit' };

export const TRIGGER_PLAN: readonly TriggerSpec[] = [{ handler: 'runQueue', kind: 'everyMinutes', minutes: 5 }];

export const APPS_SCRIPT_TRIGGER_LIMIT = 20;

export interface InstalledTrigger {
  uid: string;
  handler: string;
}

export interface TriggerChanges {
  create: TriggerSpec[];
  /** Second copies of a planned handler: one of each is kept. */
  remove: InstalledTrigger[];
}

/** What to create and delete so that exactly one trigger per planned handler exists. */
export function planTriggers(installed: readonly InstalledTrigger[], plan: readonly TriggerSpec[] = TRIGGER_PLAN): TriggerChanges {
  const seen = new Set<string>();
  const remove: InstalledTrigger[] = [];
  for (const t of installed) {
    if (!plan.some((p) => p.handler === t.handler)) continue;
    if (seen.has(t.handler)) remove.push(t);
    else seen.add(t.handler);
  }
  return { create: plan.filter((p) => !seen.has(p.handler)), remove };
}
