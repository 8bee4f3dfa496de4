/**
 * The mail a new request starts: the requester's acknowledgement (capped per address per day, and only to
 * an address that can take it), the assignee's notice, and the director's alert on an etiquette breach.
 * Everything is enqueued; the owner's runs send it.
 */
import { isPlausibleEmail, normalizeEmail } from '../domain/contacts';
import { mailKey, type OutgoingMessage } from '../domain/mail-queue';
import {
  mailContextOf,
  renderAcknowledgement,
  renderAssigneeNotice,
  renderEtiquetteAlert,
} from '../domain/mail-templates';
import type { RequestRecord } from '../domain/request';
import { dateOf } from '../domain/zoned-time';
import type { Helpdesk } from '../gas/helpdesk';
import { articlesOfTopic, readKnowledge } from '../gas/knowledge-repo';
import { enqueueMail } from '../gas/mailer';
import { markNotified } from '../gas/state-repo';
import type { Registration } from './register-request';
import { isDateCell, readRecords, text } from '../gas/table';

/** How many recent queue rows are read to count today's acknowledgements to one address. */
const RECENT_QUEUE_ROWS = 500;

export function registrationMail(hd: Helpdesk, record: RequestRecord): OutgoingMessage[] {
  const ctx = mailContextOf(hd.settings(), {
    locale: hd.locale,
    timeZone: hd.zone,
    spreadsheetUrl: hd.ss.getUrl(),
  });
  const sender = { senderName: hd.setting('school.name') || hd.msgs.appName };
  const out: OutgoingMessage[] = [];
  if (isPlausibleEmail(record.email) && ackAllowed(hd, record)) {
    const key = mailKey(record.id, 'ack', 'received');
    const articles = articlesOfTopic(readKnowledge(hd.table('knowledge')), record.topic)
      .filter((a) => a.link !== '')
      .map((a) => ({ title: a.question, link: a.link }));
    const body = renderAcknowledgement(ctx, { key, requestId: record.id, dueAt: record.dueAt, articles });
    out.push({ key, requestId: record.id, kind: 'ack', to: record.email, ...body, ...sender });
  }
  if (isPlausibleEmail(record.assignee)) {
    const key = mailKey(record.id, 'assignee', 'registered');
    const body = renderAssigneeNotice(ctx, {
      key,
      requestId: record.id,
      topic: record.topic,
      requesterType: record.requesterType,
      channel: record.channel,
      dueAt: record.dueAt,
      description: record.description,
    });
    out.push({ key, requestId: record.id, kind: 'assignee', to: record.assignee, ...body, ...sender });
  }
  const director = hd.setting('director.email');
  if (record.flags.includes('etiquette') && isPlausibleEmail(director)) {
    const key = mailKey(record.id, 'etiquette', 'flagged');
    const body = renderEtiquetteAlert(ctx, { key, requestId: record.id, event: 'flagged' });
    out.push({ key, requestId: record.id, kind: 'etiquette', to: director, ...body, ...sender });
  }
  return out;
}

export function notifyRegistration(hd: Helpdesk, record: RequestRecord): void {
  const mail = registrationMail(hd, record);
  if (mail.length > 0) enqueueMail(mail);
}

/**
 * The registration's mail, unless it was enqueued before; the bookkeeping row records that it was. The
 * mailer keeps one message per key, so a second attempt (a retried trigger, reconciliation) sends nothing twice.
 */
export function notifyOnce(hd: Helpdesk, registration: Registration): void {
  if (!registration.record || registration.notified) return;
  notifyRegistration(hd, registration.record);
  if (registration.stateRow) markNotified(hd.table('state'), registration.stateRow, new Date());
}

/**
 * Nobody verified the address in a form: at most N acknowledgements a day to one address (a setting), so the
 * school cannot be made to mail a stranger again and again.
 */
function ackAllowed(hd: Helpdesk, record: RequestRecord): boolean {
  const cap = Number(hd.setting('intake.ackPerAddressPerDay'));
  if (!Number.isFinite(cap) || cap <= 0) return false;
  const table = hd.table('mailQueue', true);
  const day = dateOf(record.createdAt.getTime(), hd.zone);
  const to = normalizeEmail(record.email);
  let sent = 0;
  for (const { values } of readRecords(table, ['to', 'kind', 'createdAt'], RECENT_QUEUE_ROWS)) {
    if (text(values.kind) !== 'ack' || normalizeEmail(text(values.to)) !== to) continue;
    const created = values.createdAt;
    if (isDateCell(created) && dateOf(created.getTime(), hd.zone) === day) sent++;
  }
  return sent < cap;
}
