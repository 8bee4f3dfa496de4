// Test entry: escalation to the support service, helpers by e-mail and the mail intake that brings their
// replies back, over a workbook built by the real setup; bundled by test/helpers/gas-bundle.ts.
import { assignRequest as assign, assignRequestAs } from '../../src/app/assign-request';
import { escalateRequest as escalate, escalateRequestAs } from '../../src/app/escalate-request';
import { pollHelpdeskMail as pollMail } from '../../src/app/poll-helpdesk-mail';
import { recordSupportOutcome as supportOutcome } from '../../src/app/record-support-outcome';
import { runQueueJob } from '../../src/app/run-queue';
import { runSetup } from '../../src/app/setup';
import type { Status } from '../../src/domain/request';
import { HELPDESK_ROLES } from '../../src/domain/roles';
import { requireRole } from '../../src/gas/guard';
import { Helpdesk } from '../../src/gas/helpdesk';
import { drainWork } from '../../src/gas/pending-work';
import { AUDIT_WORK, applyAuditWork } from '../../src/gas/posted-audit';
import { changeStatus, findRequest } from '../../src/gas/request-actions';
import { activeUserEmail } from '../../src/gas/identity';
import type { Actor } from '../../src/locale/workflow';

/** Only the jobs this entry exports keep their triggers (the others would fail when the clock reaches them). */
const HERE = ['runQueue', 'pollHelpdeskMail'];

export function setupHelpdesk(): void {
  const report = runSetup();
  if (!report.ok) throw new Error(report.message);
  for (const t of ScriptApp.getProjectTriggers()) {
    if (HERE.indexOf(t.getHandlerFunction()) < 0) ScriptApp.deleteTrigger(t);
  }
}

export function pollHelpdeskMail(e: unknown) {
  return pollMail(e);
}

/** runQueue as the lead will wire it: the journal rows people's runs posted are drained too. */
export function runQueue(e: unknown) {
  const report = runQueueJob(e);
  const hd = new Helpdesk();
  const audit = drainWork((items) => applyAuditWork(hd, items), AUDIT_WORK);
  return { ...report, audit: audit.done };
}

export function escalateRequest(input: unknown) {
  return escalate(input);
}

export function recordSupportOutcome(input: unknown) {
  return supportOutcome(input);
}

export function assignRequest(input: unknown) {
  return assign(input);
}

/** A status change from the sidebar (the workflow core), as the person who clicks. */
export function setStatus(requestId: string, to: Status, extra: { answer?: string; reason?: string } = {}) {
  const caller = requireRole(HELPDESK_ROLES);
  const result = changeStatus(new Helpdesk(), { requestId, to, actor: caller, via: 'sidebar', ...extra });
  // google.script.run returns nothing with a Date in it: the sidebar gets the plain answer.
  return { ok: result.ok, message: result.message };
}

/** Whoever runs it, with whatever role «Сотрудники» gives them (or none): the sheet's edit handler's view. */
function sheetActor(): { email: string; role: Actor | undefined } {
  const email = activeUserEmail();
  try {
    return requireRole(['owner', 'consultant', 'deputy', 'director', 'teacher', 'staff']);
  } catch {
    return { email, role: undefined };
  }
}

/**
 * A person sets the status cell to «Передано в Службу поддержки» by hand and the edit handler hands the
 * escalation over (as the lead's onEdit will): the cell already holds the new status.
 */
export function escalateFromSheet(requestId: string) {
  const hd = new Helpdesk();
  const found = findRequest(hd, requestId);
  if (!found) throw new Error(`no ${requestId}`);
  const table = hd.table('requests', true);
  const statusCol = table.columns.get('status') as number;
  const from = (['new', 'inProgress', 'clarification'] as Status[]).find(
    (s) => hd.msgs.choices.status[s] === String(found.cells.status),
  );
  table.sheet.getRange(found.row, statusCol).setValue(hd.msgs.choices.status.escalated);
  return escalateRequestAs(hd, { requestId, actor: sheetActor(), via: 'sheet', from });
}

/** A person types into «Исполнитель» and the edit handler hands it over (the cell already holds it). */
export function assignFromSheet(requestId: string, typed: string) {
  const hd = new Helpdesk();
  const found = findRequest(hd, requestId);
  if (!found) throw new Error(`no ${requestId}`);
  const table = hd.table('requests', true);
  const previous = String(found.cells.assignee);
  table.sheet.getRange(found.row, table.columns.get('assignee') as number).setValue(typed);
  return assignRequestAs(hd, { requestId, assignee: typed, previous, actor: sheetActor(), via: 'sheet' });
}

/** A person puts the intake label back on a processed thread (or a filter applies it again). */
export function relabel(threadId: string, label: string): void {
  const thread = GmailApp.getThreadById(threadId);
  const intake = GmailApp.getUserLabelByName(label);
  if (thread && intake) thread.addLabel(intake);
}
