/**
 * The e-mails the service-level jobs owe, built from their decisions: one message per reader (so the mailer
 * can fold a reader's alerts into one digest when the day's quota is short), each with its idempotency key
 * `request|kind|event-reader`, so a rerun or a late sweep never sends the same alert twice.
 */
import { isPlausibleEmail, normalizeEmail } from './contacts';
import type { RequesterType } from './deadlines';
import { type MailKind, mailKey, type OutgoingMessage } from './mail-queue';
import {
  type DailyDigestEntry,
  type MailContext,
  renderAutoCloseNotice,
  renderDailyDigest,
  renderSlaAlert,
  renderTrainingAlert,
} from './mail-templates';
import type { TrainingAlert } from './new-staff-training';
import type { Audience, OwedAlert } from './sla-sweep';
import { HOUR_MS } from './zoned-time';

/** The helpdesk's people by role: addresses from «Настройки» and «Сотрудники» ('' when not set). */
export interface Addresses {
  consultant: string;
  deputy: string;
  director: string;
}

export interface Sender {
  senderName?: string;
}

/** A request as its alerts show it: nothing the requester wrote. */
export interface AlertSubject {
  id: string;
  topic: string;
  requesterType: RequesterType | '';
  statusLabel: string;
  assignee: string;
  supportTicket: string;
}

/** The address of a reader; an assignee who is not an address (a name typed in) is the consultant's concern. */
export function addressFor(audience: Audience, assignee: string, people: Addresses): string {
  const address =
    audience === 'assignee' ? (isPlausibleEmail(assignee) ? assignee : people.consultant) : people[audience];
  return isPlausibleEmail(address) ? address.trim() : '';
}

/** Each reader once: the first role that names an address keeps it. */
function readers<A extends string>(audience: readonly A[], addressOf: (a: A) => string): Array<[A, string]> {
  const seen = new Set<string>();
  const out: Array<[A, string]> = [];
  for (const who of audience) {
    const address = addressOf(who);
    const normalized = normalizeEmail(address);
    if (!address || seen.has(normalized)) continue;
    seen.add(normalized);
    out.push([who, address]);
  }
  return out;
}

function message(
  key: string,
  requestId: string,
  kind: MailKind,
  to: string,
  body: { subject: string; text: string; html: string },
  sender: Sender,
): OutgoingMessage {
  return { key, requestId, kind, to, ...body, ...sender };
}

export function alertMessages(
  ctx: MailContext,
  sender: Sender,
  people: Addresses,
  request: AlertSubject,
  alerts: readonly OwedAlert[],
  directorAfterMs: number,
): OutgoingMessage[] {
  const out: OutgoingMessage[] = [];
  for (const alert of alerts) {
    for (const [who, to] of readers(alert.audience, (a) => addressFor(a, request.assignee, people))) {
      const key = mailKey(request.id, alert.kind, `${alert.event}-${who}`);
      const body = renderSlaAlert(ctx, {
        key,
        requestId: request.id,
        track: alert.track,
        level: alert.level,
        topic: request.topic,
        requesterType: request.requesterType,
        statusLabel: request.statusLabel,
        assignee: request.assignee,
        dueAt: alert.dueAt,
        directorAfterHours: Math.round((directorAfterMs / HOUR_MS) * 10) / 10,
        waitingSince: alert.since,
        supportTicket: request.supportTicket,
      });
      out.push(message(key, request.id, alert.kind, to, body, sender));
    }
  }
  return out;
}

/** The requester's notice of an automatic closure; none without an address to write to. */
export function autoCloseMessage(
  ctx: MailContext,
  sender: Sender,
  requestId: string,
  email: string,
  days: number,
  reason: string,
): OutgoingMessage | undefined {
  if (!isPlausibleEmail(email)) return undefined;
  const key = mailKey(requestId, 'notice', 'autoclosed');
  const body = renderAutoCloseNotice(ctx, { key, requestId, days, reason });
  return message(key, requestId, 'notice', email.trim(), body, sender);
}

export interface TrainingSubject {
  key: string;
  name: string;
  startDate: string;
}

/** The queue's request part of a training task's mail: the staff key, marked as training. */
export function trainingTaskId(staffKey: string): string {
  return `training-${staffKey}`;
}

export function trainingMessages(
  ctx: MailContext,
  sender: Sender,
  people: Addresses,
  staff: TrainingSubject,
  alerts: readonly TrainingAlert[],
): OutgoingMessage[] {
  const id = trainingTaskId(staff.key);
  const out: OutgoingMessage[] = [];
  for (const alert of alerts) {
    for (const [who, to] of readers(alert.audience, (a) => (isPlausibleEmail(people[a]) ? people[a].trim() : ''))) {
      const key = mailKey(id, alert.kind, `${alert.event}-${who}`);
      const body = renderTrainingAlert(ctx, {
        key,
        level: alert.level,
        name: staff.name,
        startDate: staff.startDate,
        dueAt: alert.dueAt,
      });
      out.push(message(key, id, alert.kind, to, body, sender));
    }
  }
  return out;
}

/** One assignee's morning digest; the key is per day and reader, so a second run that day adds nothing. */
export function digestMessage(
  ctx: MailContext,
  sender: Sender,
  to: string,
  date: string,
  items: readonly DailyDigestEntry[],
): OutgoingMessage {
  const id = `digest-${date}`;
  const key = mailKey(id, 'report', normalizeEmail(to).replace(/[\s|"]/g, ''));
  return message(key, id, 'report', to, renderDailyDigest(ctx, { key, date, items }), sender);
}
