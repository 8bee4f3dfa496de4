// Test entry: «Панель», the weekly report and its print dialog (issue 8 parts 2–4) over a workbook built by
// the real setup, bundled by test/helpers/gas-bundle.ts (src/main.ts does not export these yet). The names
// are the ones the report asks main.ts to export; runSlaSweep ends with the hook the lead adds to the sweep.
import {
  refreshDashboardAfterSweep,
  refreshDashboardFromMenu,
  refreshDashboardOnEdit,
} from '../../src/app/refresh-dashboard';
import { notifyRegistration } from '../../src/app/notify-registration';
import { registerRequest } from '../../src/app/register-request';
import { runQueueJob } from '../../src/app/run-queue';
import { runSlaSweepJob } from '../../src/app/run-sla-sweep';
import { sendWeeklyReportJob } from '../../src/app/send-weekly-report';
import { runSetup } from '../../src/app/setup';
import { showWeeklyReportDialog } from '../../src/app/show-weekly-report';
import type { Channel, RequesterType } from '../../src/domain/request';
import { requireTriggerEvent } from '../../src/gas/guard';
import { Helpdesk } from '../../src/gas/helpdesk';

/** Jobs of the plan this entry does not export: their triggers would only fail here. */
// runQueue too: the weekly report sends its own message, and a run every 5 minutes only slows the test.
const NOT_HERE = [
  'runQueue',
  'pollHelpdeskMail',
  'anonymiseExpired',
  'onFormSubmit',
  'onComplaintSubmit',
  'sendDailyDigest',
];

export function setupHelpdesk(): void {
  const report = runSetup();
  if (!report.ok) throw new Error(report.message);
  for (const t of ScriptApp.getProjectTriggers()) {
    if (NOT_HERE.indexOf(t.getHandlerFunction()) >= 0) ScriptApp.deleteTrigger(t);
  }
  // The lead's edit dispatcher (src/app/on-sheet-edit.ts) gets the dashboard's branch; here it stands alone.
  if (!ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === 'onSheetEdit')) {
    ScriptApp.newTrigger('onSheetEdit').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onEdit().create();
  }
}

export function onSheetEdit(e: GoogleAppsScript.Events.SheetsOnEdit): boolean {
  requireTriggerEvent(e);
  return refreshDashboardOnEdit(e);
}

export function refreshDashboard() {
  return refreshDashboardFromMenu();
}

export function showWeeklyReport(): void {
  showWeeklyReportDialog();
}

export function sendWeeklyReport(e: unknown) {
  return sendWeeklyReportJob(e);
}

export function runQueue(e: unknown) {
  return runQueueJob(e);
}

/** The sweep as the lead wires it: its own work, then the dashboard when it has time left. */
export function runSlaSweep(e: unknown) {
  const started = Date.now();
  const report = runSlaSweepJob(e);
  return { ...report, dashboard: refreshDashboardAfterSweep(new Helpdesk(), started) };
}

export interface Call {
  token: string;
  requesterType: RequesterType;
  channel: Channel;
  name: string;
  className: string;
  email: string;
  phone: string;
  topic: string;
  description: string;
}

/** A request the consultant registers by hand, as the school account's run (the bookkeeping written at once). */
export function registerCall(call: Call): string {
  const hd = new Helpdesk();
  const registration = registerRequest(
    hd,
    {
      source: { kind: 'manual', registeredBy: 'consultant', token: call.token },
      channel: call.channel,
      receivedAt: new Date(),
      requesterType: call.requesterType,
      name: call.name,
      className: call.className,
      email: call.email,
      phone: call.phone,
      preferredChannel: call.email ? 'email' : 'phone',
      topic: call.topic,
      description: call.description,
      consent: true,
    },
    { actor: 'consultant', asOwner: true },
  );
  if (registration.record) notifyRegistration(hd, registration.record);
  return registration.id;
}

/** A copy of the volume chart left by a run that died after inserting it, and a chart a person added. */
export function addStrayCharts(): void {
  const sheet = new Helpdesk().sheet('dashboard');
  sheet.insertChart(
    sheet.newChart().asColumnChart().addRange(sheet.getRange('Q2:R3')).setPosition(60, 7, 0, 0).build(),
  );
  sheet.insertChart(sheet.newChart().asPieChart().addRange(sheet.getRange('A8:B9')).setPosition(80, 7, 0, 0).build());
}
