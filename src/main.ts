/**
 * Entry points only: each exported function becomes a top-level Apps Script function (gas-webpack-plugin).
 * Each one checks its caller inside the use case it calls.
 */
import { type AnonymiseReport, anonymiseExpiredJob } from './app/anonymise-expired';
import { type ErasureSummary, erasePersonFromMenu } from './app/erase-person';
import { handleComplaintSubmit } from './app/on-complaint-submit';
import { handleFormSubmit } from './app/on-form-submit';
import {
  registerManualRequest as registerManual,
  type ManualRegistrationResult,
  showRegistrationDialog as showDialog,
} from './app/manual-registration';
import { buildMenu } from './app/open-menu';
import { type DoGetEvent, renderPublicPage } from './app/public-page';
import { type MailPollReport, pollHelpdeskMail as pollMail } from './app/poll-helpdesk-mail';
import { type QueueRunReport, runQueueJob } from './app/run-queue';
import { runSetup, type SetupReport } from './app/setup';
import { runSlaSweepJob, type SweepReport } from './app/run-sla-sweep';
import { type DigestReport, sendDailyDigestJob } from './app/send-daily-digest';
import { sendWeeklyReportJob, type WeeklyReportOutcome } from './app/send-weekly-report';
import { showHealthDialog } from './app/show-health';
import { readLocale } from './gas/properties';
import { tellUser } from './gas/ui';
import { messages } from './locale/index';

/** Simple trigger: the menu. */
export function onOpen(): void {
  buildMenu();
}

/** Owner only: creates or upgrades the helpdesk's sheets, forms, settings and triggers. Returns what it did. */
export function setup(): SetupReport {
  const report = runSetup();
  tellUser(messages(readLocale()).appName, report.message);
  return report;
}

/** The request form's submit trigger: registers the request and acknowledges it. */
export function onFormSubmit(e: GoogleAppsScript.Events.FormsOnFormSubmit): string {
  return handleFormSubmit(e);
}

/** The complaints form's submit trigger: tells the director (cl. 10). */
export function onComplaintSubmit(e: GoogleAppsScript.Events.FormsOnFormSubmit): void {
  handleComplaintSubmit(e);
}

/** Time-driven, every 5 minutes: posted work, reconciliation of form responses, the mail queue. */
export function runQueue(e: GoogleAppsScript.Events.TimeDriven): QueueRunReport {
  return runQueueJob(e);
}

/** Time-driven, every 10 minutes: mail under the helpdesk label becomes requests; replies reach theirs. */
export function pollHelpdeskMail(e: GoogleAppsScript.Events.TimeDriven): MailPollReport {
  return pollMail(e);
}

/** Menu: the dialog for requests by phone, in person, at meetings, by e-mail (cl. 5.1, 6.1). */
export function showRegistrationDialog(): void {
  showDialog();
}

/** The dialog's button (google.script.run): registers the request; needs a helpdesk role. */
export function registerManualRequest(input: unknown): ManualRegistrationResult {
  return registerManual(input);
}

/** Time-driven, hourly: clocks, reminders, escalations, auto-close (cl. 9.4.3), new staff training (cl. 3.1). */
export function runSlaSweep(e: GoogleAppsScript.Events.TimeDriven): SweepReport {
  return runSlaSweepJob(e);
}

/** Time-driven, every morning at 7, working days only: each assignee's open requests by urgency. */
export function sendDailyDigest(e: GoogleAppsScript.Events.TimeDriven): DigestReport {
  return sendDailyDigestJob(e);
}

/** Time-driven, Monday morning: the director's week in one e-mail, no requester's personal data. */
export function sendWeeklyReport(e: GoogleAppsScript.Events.TimeDriven): WeeklyReportOutcome {
  return sendWeeklyReportJob(e);
}

/** Daily at night: closed requests past the retention period lose their personal data (152-FZ). */
export function anonymiseExpired(e: GoogleAppsScript.Events.TimeDriven): AnonymiseReport {
  return anonymiseExpiredJob(e);
}

/** Menu: erase one person's data on their request, found by e-mail or phone. */
export function erasePersonData(): ErasureSummary {
  return erasePersonFromMenu();
}

/** The public page (web app, anonymous, as the school account): approved events, contacts, articles; no personal data. */
export function doGet(e: DoGetEvent): GoogleAppsScript.HTML.HtmlOutput {
  return renderPublicPage(e);
}

/** Menu: the helpdesk's status. */
export function showHealth(): string {
  return showHealthDialog();
}
