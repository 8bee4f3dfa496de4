/**
 * GmailApp and MailApp for the embedded runtime, plus the helpers tests use to look into mailboxes,
 * deliver mail from outside and spend an account's recipient quota.
 */
import { isDate } from '../realm';
import { registerService, type Runtime } from '../runtime';
import { GmailAppImpl } from './mail/gmail';
import { MailAppImpl } from './mail/mail-app';
import { labelSearchKey } from './mail/search';
import { type AttachmentInfo, mailStore, parseAddressList, type StoredMessage } from './mail/store';

export { dailyRecipientLimit } from './mail/store';

registerService({
  globals: (exec) => ({
    GmailApp: new GmailAppImpl(exec)._wrapped(),
    MailApp: new MailAppImpl(exec)._wrapped(),
  }),
});

/** A plain snapshot of one stored message, for assertions. */
export interface MailRecord {
  id: string;
  threadId: string;
  account: string;
  /** The Message-ID header. */
  messageId: string;
  inReplyTo: string;
  references: string;
  from: string;
  fromName: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string;
  subject: string;
  body: string;
  htmlBody: string | null;
  date: Date;
  labels: string[];
  unread: boolean;
  starred: boolean;
  trashed: boolean;
  inbox: boolean;
  sent: boolean;
  draft: boolean;
  attachments: AttachmentInfo[];
}

function snapshot(rt: Runtime, m: StoredMessage): MailRecord {
  const box = mailStore(rt).mailbox(m.account);
  return {
    id: m.id,
    threadId: m.threadId,
    account: m.account,
    messageId: m.header,
    inReplyTo: m.inReplyTo,
    references: m.references,
    from: m.fromAddress,
    fromName: m.fromName,
    to: [...m.to],
    cc: [...m.cc],
    bcc: [...m.bcc],
    replyTo: m.replyTo,
    subject: m.subject,
    body: m.body,
    htmlBody: m.htmlBody,
    date: new Date(m.date),
    labels: [...m.labels].map((k) => box.labels.get(k)?.name ?? k),
    unread: m.unread,
    starred: m.starred,
    trashed: m.trashed,
    inbox: m.inbox,
    sent: m.sent,
    draft: m.draft,
    attachments: m.attachments.map((a) => ({ ...a })),
  };
}

/** Every message in an account's mailbox (sent, received, drafts, trash), oldest first. */
export function mailbox(rt: Runtime, account: string): MailRecord[] {
  const store = mailStore(rt);
  if (!store.hasMailbox(account)) return [];
  return [...store.mailbox(account).messages.values()].sort((a, b) => a.date - b.date).map((m) => snapshot(rt, m));
}

/** What the account has sent (by either service), oldest first. */
export function sentMail(rt: Runtime, account: string): MailRecord[] {
  return mailbox(rt, account).filter((m) => m.sent);
}

/** Recipients counted against the account's quota in the current 24-hour window. */
export function quotaUsed(rt: Runtime, account: string): number {
  return mailStore(rt).quotaUsed(account);
}

/** Sets what `MailApp.getRemainingDailyQuota()` will report for the account (0 spends it all). */
export function setMailQuota(rt: Runtime, account: string, remaining: number): void {
  mailStore(rt).setRemaining(account, remaining);
}

/** Declares a Google mailbox outside the automatic ones (gmail.com, the owner's Workspace domain). */
export function addMailAccount(rt: Runtime, account: string): void {
  mailStore(rt).extraAccounts.add(account.toLowerCase());
}

export interface IncomingMail {
  from: string;
  /** Comma-separated; each Google mailbox among them receives a copy. */
  to: string;
  cc?: string;
  subject: string;
  body: string;
  htmlBody?: string;
  /** The Message-ID header (or the Gmail id, in the recipient's mailbox) of the message this one answers. */
  inReplyToMessageId?: string;
  /** User labels to put on the received copies (created when missing). */
  labels?: string[];
  date?: Date | number | string;
  /** Display name of the sender. */
  fromName?: string;
  replyTo?: string;
}

export interface Delivered {
  /** The Message-ID header shared by every copy. */
  messageId: string;
  /** Per receiving account: the copy's Gmail id and thread id. */
  copies: Record<string, { id: string; threadId: string }>;
}

/**
 * A message from outside arriving now (or at `date`): unread in each recipient's inbox, threaded onto the
 * conversation of the message it answers, as Gmail threads replies.
 */
export function deliverMail(rt: Runtime, mail: IncomingMail): Delivered {
  const store = mailStore(rt);
  const from = parseAddressList(mail.from)[0];
  if (!from) throw new Error('deliverMail: from is required');
  const recipients = [...parseAddressList(mail.to), ...parseAddressList(mail.cc)];
  const header = store.newHeader(from.address, !store.isGoogleMailbox(from.address));
  const date =
    mail.date === undefined ? rt.clock.now() : isDate(mail.date) ? mail.date.getTime() : new Date(mail.date).getTime();
  const copies: Delivered['copies'] = {};
  for (const r of recipients) {
    const account = r.address.toLowerCase();
    if (copies[account]) continue;
    const box = store.mailbox(account);
    let inReplyTo = '';
    let references = '';
    const wanted = mail.inReplyToMessageId;
    if (wanted) {
      const parent = box.messages.get(wanted) ?? [...box.messages.values()].find((m) => m.header === wanted);
      inReplyTo = parent ? parent.header : wanted;
      references = parent ? [parent.references, parent.header].filter(Boolean).join(' ') : wanted;
    }
    const labels = new Set<string>();
    for (const name of mail.labels ?? []) {
      const key = name.trim().toLowerCase();
      if (!box.labels.has(key)) box.labels.set(key, { id: store.newLabelId(), name: name.trim() });
      labels.add(key);
    }
    const copy = store.receive(account, {
      header,
      inReplyTo,
      references,
      fromAddress: from.address.toLowerCase(),
      fromName: mail.fromName ?? from.name,
      to: parseAddressList(mail.to).map((a) => a.raw),
      cc: parseAddressList(mail.cc).map((a) => a.raw),
      replyTo: mail.replyTo ?? '',
      subject: mail.subject,
      body: mail.body,
      htmlBody: mail.htmlBody ?? null,
      date,
      labels,
    });
    copies[account] = { id: copy.id, threadId: copy.threadId };
  }
  return { messageId: header, copies };
}

/** The name Gmail search uses for a label (`label:` with dashes for spaces and slashes). */
export function labelQueryName(name: string): string {
  return labelSearchKey(name);
}
