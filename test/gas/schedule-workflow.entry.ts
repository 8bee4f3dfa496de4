// Test entry: the consultation schedule (issue 7 parts 1, 2, 3, 5) over a workbook built by the real setup,
// bundled by test/helpers/gas-bundle.ts (src/main.ts does not export these yet). The names are the ones the
// report asks main.ts to export; the sidebar page calls scheduleSidebarView and approveScheduleEvent.
import { approveScheduleEventFromSidebar, approveScheduleFromMenu } from '../../src/app/approve-schedule';
import { fillOfficeHoursFromMenu } from '../../src/app/fill-office-hours';
import { placeTrainingFromMenu } from '../../src/app/place-training';
import { type DoGetEvent, renderPublicPage } from '../../src/app/public-page';
import { runQueueJob } from '../../src/app/run-queue';
import { handleScheduleEdit, refreshApprovalEditors } from '../../src/app/schedule-edit';
import { applyScheduleAuditWork, SCHEDULE_AUDIT_WORK } from '../../src/app/schedule-notify';
import { runSetup } from '../../src/app/setup';
import { scheduleSidebarViewFromSidebar, showScheduleSidebarFromMenu } from '../../src/app/show-schedule-sidebar';
import { requireTriggerEvent } from '../../src/gas/guard';
import { Helpdesk } from '../../src/gas/helpdesk';
import { drainWork } from '../../src/gas/pending-work';

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

export function setupHelpdesk(): string {
  const report = runSetup();
  if (!report.ok) throw new Error(report.message);
  for (const t of ScriptApp.getProjectTriggers()) {
    if (NOT_HERE.indexOf(t.getHandlerFunction()) >= 0) ScriptApp.deleteTrigger(t);
  }
  // Once the plan has it, setup creates it; a second one would handle every edit twice.
  if (!ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === 'onSheetEdit')) {
    ScriptApp.newTrigger('onSheetEdit').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onEdit().create();
  }
  return report.message;
}

export function rerunSetup(): string {
  return runSetup().message;
}

/**
 * The schedule's branches of the installable edit dispatcher (src/app/on-sheet-edit.ts), as the lead wires
 * them: «График» edits to handleScheduleEdit, «Настройки» and «Сотрудники» edits to refreshApprovalEditors.
 */
export function onSheetEdit(e: GoogleAppsScript.Events.SheetsOnEdit) {
  requireTriggerEvent(e);
  const hd = new Helpdesk();
  const sheetId = e.range.getSheet().getSheetId();
  if (sheetId === hd.sheet('settings').getSheetId() || sheetId === hd.sheet('staff').getSheetId()) {
    refreshApprovalEditors(hd);
    return undefined;
  }
  return handleScheduleEdit(e, hd);
}

/** runQueue with the one line the lead adds: the schedule's posted journal rows. */
export function runQueue(e: unknown) {
  requireTriggerEvent(e);
  const hd = new Helpdesk();
  const audit = drainWork((items) => applyScheduleAuditWork(hd, items), SCHEDULE_AUDIT_WORK);
  return { audit, queue: runQueueJob(e) };
}

export function fillOfficeHours() {
  return fillOfficeHoursFromMenu();
}

export function approveSchedule() {
  return approveScheduleFromMenu();
}

export function showScheduleSidebar() {
  showScheduleSidebarFromMenu();
}

export function scheduleSidebarView() {
  return scheduleSidebarViewFromSidebar();
}

export function approveScheduleEvent(input: unknown) {
  return approveScheduleEventFromSidebar(input);
}

export function placeNewStaffTraining() {
  return placeTrainingFromMenu();
}

export function doGet(e?: DoGetEvent) {
  return renderPublicPage(e);
}
