/** Installing the plan's triggers for the owning account (ScriptApp lists only the caller's own triggers). */
import { type FormKey, planTriggers, TRIGGER_PLAN, type TriggerSpec } from '../domain/trigger-plan';

function create(
  spec: TriggerSpec,
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  formIds: Record<FormKey, string>,
): void {
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
    case 'formSubmit':
      // The form's own trigger gives a real FormResponse with item IDs (guides/triggers/events).
      builder.forForm(formIds[spec.form]).onFormSubmit().create();
      return;
  }
}

/** Creates what is missing, deletes second copies and triggers on forms no longer ours; returns the handlers created. */
export function ensureTriggers(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  formIds: Record<FormKey, string>,
): string[] {
  const triggers = ScriptApp.getProjectTriggers();
  const sourceOf = (spec: TriggerSpec) =>
    spec.kind === 'formSubmit' ? formIds[spec.form] : spec.kind === 'spreadsheetEdit' ? ss.getId() : '';
  const changes = planTriggers(
    triggers.map((t) => ({
      uid: t.getUniqueId(),
      handler: t.getHandlerFunction(),
      sourceId: String(t.getTriggerSourceId() ?? ''),
    })),
    TRIGGER_PLAN,
    sourceOf,
  );
  for (const extra of changes.remove) {
    const t = triggers.find((x) => x.getUniqueId() === extra.uid);
    if (t) ScriptApp.deleteTrigger(t);
  }
  for (const spec of changes.create) create(spec, ss, formIds);
  return changes.create.map((s) => s.handler);
}
