/**
 * Entry points only: each exported function becomes a top-level Apps Script function (gas-webpack-plugin).
 * Each one checks its caller inside the use case it calls.
 */
import { type AssignResult, assignRequest as assignFromSidebarCall } from './app/assign-request';
import {
  approveScheduleEventFromSidebar,
  approveScheduleFromMenu,
  type EventApprovalResult,
  type PeriodApprovalReport,
} from './app/approve-schedule';
import { type EscalationResult, escalateRequest as escalateCall } from './app/escalate-request';
import { type FillReport, fillOfficeHoursFromMenu } from './app/fill-office-hours';
import { handleSheetEdit } from './app/on-sheet-edit';
import { placeTrainingFromMenu, type TrainingReport } from './app/place-training';
import { type DoPostEvent, handlePost } from './app/record-satisfaction';
import {
  recordSupportOutcome as recordSupportOutcomeCall,
  type SupportOutcomeResult,
} from './app/record-support-outcome';
import { type DashboardRefresh, refreshDashboardFromMenu } from './app/refresh-dashboard';
import {
  showRequestSidebar as openRequestSidebar,
  sidebarRefresh as refreshRequestSidebar,
} from './app/show-request-sidebar';
import {
  scheduleSidebarViewFromSidebar,
  showScheduleSidebarFromMenu,
  type SidebarView as ScheduleSidebarView,
} from './app/show-schedule-sidebar';
import { showWeeklyReportDialog } from './app/show-weekly-report';
import {
  sidebarAnswer as answerFromSidebar,
  sidebarPreviewAnswer as previewAnswerFromSidebar,
} from './app/sidebar-answer';
import { sidebarAssign as assignFromSidebar } from './app/sidebar-assign';
import { sidebarAskClarification as clarifyFromSidebar } from './app/sidebar-clarify';
import { sidebarEndForEtiquette as endFromSidebar } from './app/sidebar-etiquette';
import { sidebarEscalate as escalateFromSidebar } from './app/sidebar-escalate';
import { sidebarReject as rejectFromSidebar } from './app/sidebar-reject';
import { sidebarSetStatus as setStatusFromSidebar } from './app/sidebar-status';
import { sidebarSupportRejected as supportRejectedFromSidebar } from './app/sidebar-support';
import type { AnswerPreview, SidebarResult } from './domain/request-sidebar';
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

/** Installable edit trigger (as the school account): hand edits of «Обращения» and «График», the journal. */
export function onSheetEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  handleSheetEdit(e);
}

/** The satisfaction vote posted by the confirmation page (web app, anonymous; the signed token is the credential). */
export function doPost(e: DoPostEvent): GoogleAppsScript.HTML.HtmlOutput {
  return handlePost(e);
}

// ---- the request sidebar (issue 5): each call needs a helpdesk role and validates its input ----------------

/** Menu: the sidebar for the request in the active row of «Обращения». */
export function showRequestSidebar(): void {
  openRequestSidebar();
}

export function sidebarRefresh(input: unknown): SidebarResult {
  return refreshRequestSidebar(input);
}

export function sidebarSetStatus(input: unknown): SidebarResult {
  return setStatusFromSidebar(input);
}

export function sidebarAnswer(input: unknown): SidebarResult {
  return answerFromSidebar(input);
}

export function sidebarPreviewAnswer(input: unknown): AnswerPreview {
  return previewAnswerFromSidebar(input);
}

export function sidebarAskClarification(input: unknown): SidebarResult {
  return clarifyFromSidebar(input);
}

export function sidebarReject(input: unknown): SidebarResult {
  return rejectFromSidebar(input);
}

export function sidebarEndForEtiquette(input: unknown): SidebarResult {
  return endFromSidebar(input);
}

export function sidebarEscalate(input: unknown): SidebarResult {
  return escalateFromSidebar(input);
}

export function sidebarSupportRejected(input: unknown): SidebarResult {
  return supportRejectedFromSidebar(input);
}

export function sidebarAssign(input: unknown): SidebarResult {
  return assignFromSidebar(input);
}

/** Assigns a request (cl. 7); a helper outside the circle gets it by e-mail. Needs a helpdesk role. */
export function assignRequest(input: unknown): AssignResult {
  return assignFromSidebarCall(input);
}

/** Passes a request to the regional support service with the cl. 9.4 packet. Needs a helpdesk role. */
export function escalateRequest(input: unknown): EscalationResult {
  return escalateCall(input);
}

/** The support service's outcome: answered, or rejected with a cl. 9.4.3 reason. Needs a helpdesk role. */
export function recordSupportOutcome(input: unknown): SupportOutcomeResult {
  return recordSupportOutcomeCall(input);
}

// ---- the schedule (issue 7) ---------------------------------------------------------------------------------

/** Menu: office hours on every working day of a month (cl. 5.1); they await the director's approval. */
export function fillOfficeHours(): FillReport {
  return fillOfficeHoursFromMenu();
}

/** Menu, the director (or the owner): approves the schedule for a period, as themselves (R3). */
export function approveSchedule(): PeriodApprovalReport {
  return approveScheduleFromMenu();
}

/** Menu: the sidebar of the selected «График» row (single-event approval for the director). */
export function showScheduleSidebar(): void {
  showScheduleSidebarFromMenu();
}

/** The schedule sidebar's «Обновить» (google.script.run). */
export function scheduleSidebarView(): ScheduleSidebarView {
  return scheduleSidebarViewFromSidebar();
}

/** The schedule sidebar's button (google.script.run): approves exactly the event shown; the director or the owner. */
export function approveScheduleEvent(input: unknown): EventApprovalResult {
  return approveScheduleEventFromSidebar(input);
}

/** Menu: places new staff's training in the schedule before its deadline (cl. 3.1). */
export function placeNewStaffTraining(): TrainingReport {
  return placeTrainingFromMenu();
}

// ---- the dashboard (issue 8) --------------------------------------------------------------------------------

/** Menu: «Панель» recomputed for the period its drop-down shows. */
export function refreshDashboard(): DashboardRefresh {
  return refreshDashboardFromMenu();
}

/** Menu: the week that ended as a print-friendly dialog (staff meetings). */
export function showWeeklyReport(): void {
  showWeeklyReportDialog();
}
