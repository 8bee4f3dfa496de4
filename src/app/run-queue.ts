/**
 * `runQueue`, every 5 minutes as the owning account: applies what people's runs posted (bookkeeping of
 * requests they registered, mail they enqueued), registers form responses no request exists for yet (a
 * trigger that failed, a lock that timed out), and sends the mail queue within the quota.
 * Each step is bounded so the run ends far inside Apps Script's 6 minutes.
 */
import { readFormsRecord } from '../gas/forms';
import { requireTriggerEvent } from '../gas/guard';
import { Helpdesk } from '../gas/helpdesk';
import { drainMailWork, runMailQueue } from '../gas/mailer';
import { drainWork } from '../gas/pending-work';
import { readHeartbeat, recordHeartbeat } from '../gas/properties';
import { applyTransitionWork, TRANSITION_WORK, type TransitionWork } from '../gas/request-actions';
import { AUDIT_WORK, applyAuditWork } from '../gas/posted-audit';
import { findSourceRecord } from '../gas/state-repo';
import { sourceKey } from '../domain/request';
import { applyErasureWork, ERASURE_WORK } from './erase-person';
import { applyBookkeepingWork, BOOKKEEPING_WORK, type BookkeepingWork } from './register-request';
import { registerFormResponse } from './register-form-response';
import { applyScheduleAuditWork, SCHEDULE_AUDIT_WORK } from './schedule-notify';
import { sendStagedAnswers } from './send-staged-answers';

export const RUN_QUEUE_JOB = 'runQueue';
/** Apps Script stops a run at 6 minutes; the queue's work stops well before. */
const RUN_BUDGET_MS = 4 * 60_000;
/** Responses re-checked on each run reach back this far before the last run (triggers can be late). */
const RECONCILE_OVERLAP_MS = 24 * 60 * 60_000;
/** At most this many missed responses registered per run; the rest on the next run. */
const RECONCILE_BATCH = 50;

export interface QueueRunReport {
  bookkeeping: number;
  /** Status changes made in people's runs whose bookkeeping and journal rows were applied now. */
  transitions: number;
  /** Answers typed into the sheet whose undo window passed: applied now, their e-mail sent below. */
  stagedAnswers: number;
  mailMoved: number;
  erased: number;
  reconciled: string[];
  sent: number;
  left: number;
}

export function runQueueJob(event: unknown): QueueRunReport {
  requireTriggerEvent(event);
  const started = Date.now();
  const previous = readHeartbeat(RUN_QUEUE_JOB);
  recordHeartbeat(RUN_QUEUE_JOB, new Date(started));
  const hd = new Helpdesk();

  const bookkeeping = drainWork((items) => {
    for (const item of items) applyBookkeepingWork(hd, item.payload as BookkeepingWork);
    return items.map((i) => i.key);
  }, BOOKKEEPING_WORK);
  // In the order they were made, each with its own time: a pause begins and ends when the person acted.
  const transitions = drainWork((items) => {
    for (const item of items) applyTransitionWork(hd, item.payload as TransitionWork);
    return items.map((i) => i.key);
  }, TRANSITION_WORK);
  // Journal rows of people's runs (assignments, escalations, approvals of the schedule).
  drainWork((items) => applyAuditWork(hd, items), AUDIT_WORK);
  drainWork((items) => applyScheduleAuditWork(hd, items), SCHEDULE_AUDIT_WORK);
  // Before the mail queue runs, so an answer whose undo window has passed leaves in this same run.
  const stagedAnswers = sendStagedAnswers(hd, new Date()).sent;
  const mailMoved = drainMailWork().moved;
  // Erasures before reconciliation: a response deleted on a person's request must not come back as a request.
  const erased = drainWork((items) => applyErasureWork(hd, items), ERASURE_WORK).done;
  const reconciled = reconcileFormResponses(hd, previous);
  const remaining = RUN_BUDGET_MS - (Date.now() - started);
  const mail = runMailQueue(new Date(), Math.max(0, remaining));
  return {
    bookkeeping: bookkeeping.done,
    transitions: transitions.done,
    stagedAnswers,
    mailMoved,
    erased,
    reconciled,
    sent: mail.sent,
    left: mail.left,
  };
}

/** The form's own responses are the source of truth: any without a request is registered now, once. */
function reconcileFormResponses(hd: Helpdesk, previousRun: Date | undefined): string[] {
  const record = readFormsRecord().requests;
  if (!record) return [];
  const form = FormApp.openById(record.formId);
  const since = previousRun ? new Date(previousRun.getTime() - RECONCILE_OVERLAP_MS) : undefined;
  const responses = since ? form.getResponses(since) : form.getResponses();
  if (responses.length === 0) return [];
  const state = hd.table('state', true);
  // Not registered, or registered by a run that died before its row or its mail: both are repaired here.
  // One lookup per response of the window (a day's worth), not a read of the whole bookkeeping.
  const owed = responses.filter(
    (r) => !findSourceRecord(state, sourceKey({ kind: 'form', responseId: r.getId() }))?.notified,
  );
  return owed.slice(0, RECONCILE_BATCH).map((r) => registerFormResponse(hd, r, record, true).id);
}
