/** Installing the plan's triggers for the owning account (ScriptApp lists only the caller's own triggers). */
import { planTriggers, TRIGGER_PLAN, type TriggerSpec } from '../domain/trigger-plan';

function create(spec: TriggerSpec, ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const builder = ScriptApp.newTrigger(spec.handler);
  switch (spec.kind) {
    case 'everyMinutes':
      builder.timeBased().everyMinutes(spec.minutes).create();
      return;
    case 'everyHours':
      builder.timeBased().everyHours(spec.hours).create();
      return;
    case 'daily':
      builder.timeBased().everyDays(1).atHour(spec.hour).create();
      return;
    case 'weekly':
      builder.timeBased().onWeekDay(ScriptApp.WeekDay[spec.weekDay]).atHour(spec.hour).create();
      return;
    case 'spreadsheetEdit':
      builder.forSpreadsheet(ss).onEdit().create();
      return;
  }
}

/** Creates what is missing and deletes second copies; returns the handlers created. */
export function ensureTriggers(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string[] {
  const triggers = ScriptApp.getProjectTriggers();
  const changes = planTriggers(
    triggers.map((t) => ({ uid: t.getUniqueId(), handler: t.getHandlerFunction() })),
    TRIGGER_PLAN,
  );
  for (const extra of changes.remove) {
    const t = triggers.find((x) => x.getUniqueId() === extra.uid);
    if (t) ScriptApp.deleteTrigger(t);
  }
  for (const spec of changes.create) create(spec, ss);
  return changes.create.map((s) => s.handler);
}
