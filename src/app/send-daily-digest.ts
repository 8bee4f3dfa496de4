/**
 * `sendDailyDigest`, every morning as the school account, on the production calendar's working days only:
 * each assignee gets their open requests by urgency — IDs, topics, statuses and due times, no requester's
 * data. Requests assigned to nobody, or to a name rather than an address, go to the consultant.
 * Reads the log as the sweep does: its status column, then the span of its open rows.
 */
import { isInHelpdeskCircle } from '../gas/helpdesk-circle';
import { isPlausibleEmail } from '../domain/contacts';
import { digestsByAssignee } from '../domain/daily-digest';
import { mailContextOf } from '../domain/mail-templates';
import { digestMessage } from '../domain/sla-messages';
import { dateOf } from '../domain/zoned-time';
import { requireTriggerEvent } from '../gas/guard';
import { Helpdesk } from '../gas/helpdesk';
import { enqueueMail } from '../gas/mailer';
import { recordHeartbeat } from '../gas/properties';
import { isOpenStatusCell, logFactsOf, readRowsByStatus } from '../gas/sla-repo';
import { text } from '../gas/table';
import type { LocaleCode } from '../locale/index';

export const DAILY_DIGEST_JOB = 'sendDailyDigest';
const DIGEST_KEYS = ['id', 'createdAt', 'topic', 'status', 'assignee', 'dueAt', 'firstResponseAt', 'resolvedAt'];

export interface DigestReport {
  /** 'day-off': not a working day of the production calendar, nothing sent. */
  skipped?: 'day-off';
  date: string;
  /** Open requests listed, and the messages queued (one per reader). */
  requests: number;
  messages: number;
}

export function sendDailyDigestJob(event: unknown): DigestReport {
  requireTriggerEvent(event);
  const now = Date.now();
  recordHeartbeat(DAILY_DIGEST_JOB, new Date(now));
  const hd = new Helpdesk();
  const date = dateOf(now, hd.zone);
  if (!hd.sla().working.isWorkingDay(date)) return { skipped: 'day-off', date, requests: 0, messages: 0 };
  const rows = readRowsByStatus(hd.table('requests', true), DIGEST_KEYS, isOpenStatusCell).map(({ values }) => {
    const assignee = text(values.assignee).trim();
    return {
      facts: logFactsOf(values),
      topic: text(values.topic),
      statusLabel: text(values.status),
      // A helper by e-mail cannot open the log (cl. 7): their requests are in the consultant's digest.
      assignee: isPlausibleEmail(assignee) && isInHelpdeskCircle(hd, assignee) ? assignee : '',
    };
  });
  const consultant = hd.setting('consultant.email');
  const groups = digestsByAssignee(rows, isPlausibleEmail(consultant) ? consultant : '', now);
  const locale: LocaleCode = hd.locale;
  const ctx = mailContextOf(hd.settings(), { locale, timeZone: hd.zone, spreadsheetUrl: hd.ss.getUrl() });
  const sender = { senderName: hd.setting('school.name') || hd.msgs.appName };
  const messages = [...groups].map(([to, items]) => digestMessage(ctx, sender, to, date, items));
  if (messages.length > 0) enqueueMail(messages);
  let requests = 0;
  for (const items of groups.values()) requests += items.length;
  return { date, requests, messages: messages.length };
}
