/**
 * The mail queue as plain data: what a message to send is, its idempotency key, the order messages go out
 * in, what fits the day's recipient quota, and each entry's life: queued → pending → sent | queued | failed.
 * The adapter (src/gas/mailer.ts) reads and writes these entries; every decision is made here.
 */

/** Kinds of mail and the class that sets their priority. Internal alerts may be folded into a digest. */
export const MAIL_KINDS = {
  answer: 'reply',
  clarification: 'reply',
  notice: 'reply', // any other requester-facing message: escalation notice, closure, satisfaction question
  support: 'reply', // the packet to the regional support service: external, never folded
  helper: 'reply', // a question to a helper by e-mail (cl. 7): never folded into a digest
  ack: 'ack',
  assignee: 'internal',
  reminder: 'internal',
  escalation: 'internal',
  etiquette: 'internal',
  complaint: 'internal',
  report: 'internal',
} as const;

export type MailKind = keyof typeof MAIL_KINDS;
export type MailClass = (typeof MAIL_KINDS)[MailKind];

/** Lower goes first: replies to requesters, then acknowledgements, then alerts to staff. */
const CLASS_PRIORITY: Record<MailClass, number> = { reply: 1, ack: 2, internal: 3 };

export const MAIL_STATUSES = ['queued', 'pending', 'sent', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** The body of a message, kept in the queue's payload cell until it is sent. */
export interface MailBody {
  text: string;
  html: string;
  replyTo?: string;
  senderName?: string;
}

/** A message to send, as callers hand it to the mailer. */
export interface OutgoingMessage extends MailBody {
  /** `request|kind|event`, unique in the queue: enqueueing the same key twice adds nothing. */
  key: string;
  requestId: string;
  kind: MailKind;
  /** One address or several, comma-separated; the quota counts each. */
  to: string;
  subject: string;
  /** Continue this Gmail thread (the request's conversation). */
  threadId?: string;
}

/** One row of the queue. */
export interface QueueEntry {
  key: string;
  requestId: string;
  kind: string;
  to: string;
  subject: string;
  status: MailStatus;
  createdAt: number;
  /** When it was sent; while pending, when the send began (so a fresh pending entry is given time). */
  sentAt?: number;
  messageId: string;
  /** The thread to continue before the send, the message's thread after it. */
  threadId: string;
  attempts: number;
  error: string;
  body: MailBody;
}

/** A cell holds at most 50 000 characters; the payload (text + html as JSON) must fit one. */
export const MAX_PAYLOAD_CHARS = 50_000;
/** Transient failures are retried this many times, then the entry is failed for a person to look at. */
export const MAX_ATTEMPTS = 8;
/** A digest stays readable and far below the 200 KB body limit. */
export const MAX_DIGEST_ITEMS = 30;
/**
 * Gmail's search index can lag a moment behind a send, so a pending entry is looked up only after this;
 * until then it stays pending and is neither resent nor given up.
 */
export const PENDING_GRACE_MS = 2 * 60_000;

const KEY_PART = /^[^\s|"]+$/;

export function mailKey(requestId: string, kind: MailKind, event: string): string {
  return `${requestId}|${kind}|${event}`;
}

/** A key is three parts without spaces, quotes or extra bars, so it can be searched for as one phrase. */
export function isValidKey(key: string): boolean {
  const parts = key.split('|');
  return parts.length === 3 && parts.every((p) => KEY_PART.test(p));
}

// A set of own keys: `in` would also accept 'toString', and Object.hasOwn is newer than Apps Script's ES2020.
const KIND_NAMES = new Set<string>(Object.keys(MAIL_KINDS));

export function isMailKind(kind: string): kind is MailKind {
  return KIND_NAMES.has(kind);
}

/** Unknown kinds (a row edited by hand) go last and are never folded. */
export function priorityOf(kind: string): number {
  return isMailKind(kind) ? CLASS_PRIORITY[MAIL_KINDS[kind]] : CLASS_PRIORITY.internal;
}

export function isFoldable(kind: string): boolean {
  return isMailKind(kind) && MAIL_KINDS[kind] === 'internal';
}

/** The addresses of a recipient list, lower-cased; `Name <address>` gives its address. */
export function addressesOf(list: string): string[] {
  return list
    .split(',')
    .map((part) => {
      const angled = /<([^<>]*)>\s*$/.exec(part);
      return (angled ? angled[1] : part).trim().toLowerCase();
    })
    .filter((a) => a !== '');
}

/** Apps Script's quota counts recipients, not messages (guides/services/quotas). */
export function recipientCount(to: string): number {
  return addressesOf(to).length;
}

export function sameRecipients(a: string, b: string): boolean {
  const left = [...new Set(addressesOf(a))].sort();
  const right = [...new Set(addressesOf(b))].sort();
  return left.length === right.length && left.every((x, i) => x === right[i]);
}

export type MessageProblem =
  | { code: 'badKey'; key: string }
  | { code: 'badKind'; key: string; kind: string }
  | { code: 'noRecipient'; key: string }
  | { code: 'noSubject'; key: string }
  | { code: 'tooLarge'; key: string; size: number; max: number };

export function payloadOf(message: MailBody): string {
  const body: MailBody = { text: message.text, html: message.html };
  if (message.replyTo) body.replyTo = message.replyTo;
  if (message.senderName) body.senderName = message.senderName;
  return JSON.stringify(body);
}

/** What is wrong with a message before it may enter the queue; an empty list when nothing is. */
export function checkMessage(message: OutgoingMessage): MessageProblem[] {
  const key = String(message.key ?? '');
  const problems: MessageProblem[] = [];
  if (!isValidKey(key)) problems.push({ code: 'badKey', key });
  if (!isMailKind(message.kind)) problems.push({ code: 'badKind', key, kind: String(message.kind) });
  if (recipientCount(String(message.to ?? '')) === 0) problems.push({ code: 'noRecipient', key });
  if (!String(message.subject ?? '').trim()) problems.push({ code: 'noSubject', key });
  const size = payloadOf(message).length;
  if (size > MAX_PAYLOAD_CHARS) problems.push({ code: 'tooLarge', key, size, max: MAX_PAYLOAD_CHARS });
  return problems;
}

export function newEntry(message: OutgoingMessage, now: number): QueueEntry {
  return {
    key: message.key,
    requestId: message.requestId,
    kind: message.kind,
    to: message.to,
    subject: message.subject,
    status: 'queued',
    createdAt: now,
    messageId: '',
    threadId: message.threadId ?? '',
    attempts: 0,
    error: '',
    body: { text: message.text, html: message.html, replyTo: message.replyTo, senderName: message.senderName },
  };
}

/** The entries to add for `messages`: keys already queued, or repeated in the batch, add nothing. */
export function entriesToAdd(
  existingKeys: ReadonlySet<string>,
  messages: readonly OutgoingMessage[],
  now: number,
): QueueEntry[] {
  const seen = new Set(existingKeys);
  const out: QueueEntry[] = [];
  for (const message of messages) {
    if (seen.has(message.key)) continue;
    seen.add(message.key);
    out.push(newEntry(message, now));
  }
  return out;
}

/** Queued entries in the order they go out: priority, then oldest first, then queue position. */
export function sendOrder<T extends QueueEntry>(entries: readonly T[]): T[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => entry.status === 'queued')
    .sort(
      (a, b) =>
        priorityOf(a.entry.kind) - priorityOf(b.entry.kind) ||
        a.entry.createdAt - b.entry.createdAt ||
        a.index - b.index,
    )
    .map(({ entry }) => entry);
}

export type SendStep<T extends QueueEntry = QueueEntry> =
  | { type: 'single'; entry: T }
  | { type: 'digest'; to: string; entries: T[] };

export interface SendPlan<T extends QueueEntry = QueueEntry> {
  steps: SendStep<T>[];
  /** What does not fit today's quota: stays queued for a later run. */
  deferred: T[];
}

export function stepRecipients(step: SendStep): number {
  return step.type === 'single' ? recipientCount(step.entry.to) : 1;
}

/**
 * What to send with `remaining` recipients left today. Replies and acknowledgements go first, each on its
 * own; internal alerts follow. When the alerts do not all fit, those to the same single recipient are
 * folded into one digest each, so every alert still reaches its reader and none waits a day needlessly.
 */
export function planSends<T extends QueueEntry>(entries: readonly T[], remaining: number): SendPlan<T> {
  const ordered = sendOrder(entries);
  const direct = ordered.filter((e) => !isFoldable(e.kind));
  const alerts = ordered.filter((e) => isFoldable(e.kind));
  const plan: SendPlan<T> = { steps: [], deferred: [] };
  let left = remaining;
  const take = (step: SendStep<T>, members: T[]): void => {
    const cost = stepRecipients(step);
    if (cost <= left) {
      plan.steps.push(step);
      left -= cost;
    } else plan.deferred.push(...members);
  };
  for (const entry of direct) take({ type: 'single', entry }, [entry]);
  const alertCost = alerts.reduce((n, e) => n + recipientCount(e.to), 0);
  const alertSteps =
    alertCost <= left ? alerts.map((entry): SendStep<T> => ({ type: 'single', entry })) : foldAlerts(alerts);
  for (const step of alertSteps) take(step, step.type === 'single' ? [step.entry] : step.entries);
  return plan;
}

/** Groups alerts by their single recipient, in the order of each group's first alert; a lone alert stays single. */
export function foldAlerts<T extends QueueEntry>(alerts: readonly T[]): SendStep<T>[] {
  const groups = new Map<string, T[]>();
  const steps: Array<{ group?: T[]; entry?: T }> = [];
  for (const entry of alerts) {
    const addresses = addressesOf(entry.to);
    if (addresses.length !== 1) {
      steps.push({ entry });
      continue;
    }
    let group = groups.get(addresses[0]);
    if (!group || group.length >= MAX_DIGEST_ITEMS) {
      group = [];
      groups.set(addresses[0], group);
      steps.push({ group });
    }
    group.push(entry);
  }
  return steps.map((s): SendStep<T> => {
    if (s.entry) return { type: 'single', entry: s.entry };
    const group = s.group as T[];
    return group.length === 1
      ? { type: 'single', entry: group[0] }
      : { type: 'digest', to: group[0].to, entries: group };
  });
}

// ---- an entry's life -----------------------------------------------------------------------------------

/** Written (and flushed) before the send: a run that dies after it leaves a trace to resolve. */
export function asPending<T extends QueueEntry>(entry: T, at: number): T {
  return { ...entry, status: 'pending', sentAt: at, error: '' };
}

export interface SentReceipt {
  messageId: string;
  threadId: string;
  sentAt: number;
}

export function asSent<T extends QueueEntry>(entry: T, receipt: SentReceipt): T {
  return {
    ...entry,
    status: 'sent',
    messageId: receipt.messageId,
    threadId: receipt.threadId,
    sentAt: receipt.sentAt,
    error: '',
  };
}

/**
 * A transient failure, or a pending entry not found in the sent mail (the run died before the send): queued
 * again with the attempt counted, and failed after too many, so a message that kills every run stops.
 */
export function asRetry<T extends QueueEntry>(entry: T, error: string): T {
  const attempts = entry.attempts + 1;
  return { ...entry, status: attempts >= MAX_ATTEMPTS ? 'failed' : 'queued', attempts, error, sentAt: undefined };
}

/** A permanent failure (an invalid address): the caller flags the request for a call back. */
export function asFailed<T extends QueueEntry>(entry: T, error: string): T {
  return { ...entry, status: 'failed', attempts: entry.attempts + 1, error, sentAt: undefined };
}

export type SendFailure = 'quota' | 'permanent' | 'transient';

/** Apps Script's messages (guides/services/quotas, reference/gmail): what waits, what never will work. */
export function classifySendError(message: string): SendFailure {
  if (/too many times for one day: email/i.test(message)) return 'quota';
  if (
    /^Invalid (email|argument: (recipient|to))|no recipient|Limit Exceeded: Email (Body Size|Recipients Per Message)|Argument too large: subject/i.test(
      message,
    )
  )
    return 'permanent';
  return 'transient';
}

/** Pending entries old enough to be looked up in the sent mail; younger ones wait for the next run. */
export function pendingToResolve<T extends QueueEntry>(entries: readonly T[], now: number): T[] {
  return entries.filter((e) => e.status === 'pending' && now - (e.sentAt ?? 0) >= PENDING_GRACE_MS);
}

/** Whether a run that started at `startedAt` with `budgetMs` still has room for one more send. */
export function hasTimeFor(startedAt: number, now: number, budgetMs: number, stepMs: number): boolean {
  return now - startedAt + stepMs <= budgetMs;
}
