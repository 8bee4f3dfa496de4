/**
 * The time-driven and event triggers the helpdesk runs on, all owned by the school account. `setup`
 * installs what is missing and removes a second copy of any, so nothing runs twice.
 * Apps Script allows 20 triggers per user per script (guides/services/quotas); the plan stays far below.
 */
export type FormKey = 'requests' | 'complaints';

export type TriggerSpec =
  | { handler: string; kind: 'everyMinutes'; minutes: 1 | 5 | 10 | 15 | 30 }
  | { handler: string; kind: 'everyHours'; hours: 1 | 2 | 4 | 6 | 8 | 12 }
  | { handler: string; kind: 'daily'; hour: number }
  | { handler: string; kind: 'weekly'; weekDay: 'MONDAY'; hour: number }
  | { handler: string; kind: 'spreadsheetEdit' }
  | { handler: string; kind: 'formSubmit'; form: FormKey };

export const TRIGGER_PLAN: readonly TriggerSpec[] = [
  { handler: 'runQueue', kind: 'everyMinutes', minutes: 5 },
  { handler: 'pollHelpdeskMail', kind: 'everyMinutes', minutes: 10 },
  // 152-FZ: closed requests past the retention period are anonymised at night.
  { handler: 'anonymiseExpired', kind: 'daily', hour: 2 },
  { handler: 'onFormSubmit', kind: 'formSubmit', form: 'requests' },
  { handler: 'onComplaintSubmit', kind: 'formSubmit', form: 'complaints' },
  { handler: 'runSlaSweep', kind: 'everyHours', hours: 1 },
  { handler: 'sendDailyDigest', kind: 'daily', hour: 7 },
  { handler: 'sendWeeklyReport', kind: 'weekly', weekDay: 'MONDAY', hour: 8 },
  // Hand edits of the log and the schedule (the workflow's rules, the undo window, the journal).
  { handler: 'onSheetEdit', kind: 'spreadsheetEdit' },
];

export const APPS_SCRIPT_TRIGGER_LIMIT = 20;

export interface InstalledTrigger {
  uid: string;
  handler: string;
  /** The form or spreadsheet it listens to; '' for time-driven triggers. */
  sourceId: string;
}

export interface TriggerChanges {
  create: TriggerSpec[];
  /** Second copies of a planned handler, and form triggers left on a form that is no longer ours. */
  remove: InstalledTrigger[];
}

/**
 * What to create and delete so that exactly one trigger per planned handler exists, on the right source.
 * `sourceOf` gives the source a planned trigger must listen to ('' for time-driven ones).
 */
export function planTriggers(
  installed: readonly InstalledTrigger[],
  plan: readonly TriggerSpec[] = TRIGGER_PLAN,
  sourceOf: (spec: TriggerSpec) => string = () => '',
): TriggerChanges {
  const kept = new Set<string>();
  const remove: InstalledTrigger[] = [];
  for (const t of installed) {
    const spec = plan.find((p) => p.handler === t.handler);
    if (!spec) continue;
    const wanted = sourceOf(spec);
    if (kept.has(t.handler) || (wanted !== '' && t.sourceId !== wanted)) remove.push(t);
    else kept.add(t.handler);
  }
  return { create: plan.filter((p) => !kept.has(p.handler)), remove };
}
