// Test entry: working in the sheet (issue 5 parts 1, 3, 7) over a workbook built by the real setup, bundled by
// test/helpers/gas-bundle.ts (src/main.ts does not export onSheetEdit yet). Setup installs the plan's
// triggers; this entry keeps runQueue (every 5 minutes) and creates the installable edit trigger as the owner,
// as the trigger plan will.
import { handleSheetEdit } from '../../src/app/on-sheet-edit';
import { notifyRegistration } from '../../src/app/notify-registration';
import { registerRequest } from '../../src/app/register-request';
import { runQueueJob } from '../../src/app/run-queue';
import { runSetup } from '../../src/app/setup';
import { Helpdesk } from '../../src/gas/helpdesk';

/** Jobs of the plan this entry does not export: their triggers would only fail here. */
const NOT_HERE = [
  'pollHelpdeskMail',
  'anonymiseExpired',
  'onFormSubmit',
  'onComplaintSubmit',
  'runSlaSweep',
  'sendDailyDigest',
  'sendWeeklyReport',
];

export function setupHelpdesk(): void {
  const report = runSetup();
  if (!report.ok) throw new Error(report.message);
  for (const t of ScriptApp.getProjectTriggers()) {
    if (NOT_HERE.indexOf(t.getHandlerFunction()) >= 0) ScriptApp.deleteTrigger(t);
  }
  // Once the plan has it, setup creates it; a second one would handle every edit twice.
  if (!ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === 'onSheetEdit')) {
    ScriptApp.newTrigger('onSheetEdit').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onEdit().create();
  }
}

export function onSheetEdit(e: unknown): void {
  handleSheetEdit(e);
}

export function runQueue(e: unknown) {
  return runQueueJob(e);
}

/** A phone call the consultant registers, as the owner's run (the bookkeeping and the journal written at once). */
export function registerCall(token: string, email: string): string {
  const hd = new Helpdesk();
  const registration = registerRequest(
    hd,
    {
      source: { kind: 'manual', registeredBy: 'consultant', token },
      channel: 'phone',
      receivedAt: new Date(),
      requesterType: 'parent',
      name: 'Сидорова Мария Петровна',
      className: '5Б',
      email,
      phone: '+79120000000',
      preferredChannel: 'email',
      topic: hd.msgs.choices.topic.grades,
      description: 'Ребёнок не видит итоговые отметки за четверть в электронном дневнике.',
      consent: true,
    },
    { actor: 'consultant', asOwner: true },
  );
  if (registration.record) notifyRegistration(hd, registration.record);
  return registration.id;
}
