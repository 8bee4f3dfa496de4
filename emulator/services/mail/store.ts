/**
 * Persistent mail state of the embedded runtime: one Gmail mailbox per Google account, the shared
 * MailApp/GmailApp recipient quota per account, and the send pipeline both services use.
 *
 * Limits and messages (guides/services/quotas): 100 recipients a day for consumer accounts, 1500 for
 * Workspace, counted per recipient (to + cc + bcc) and reset 24 hours after the first send of the window;
 * 50 recipients per message; body 200 KB (consumer) / 400 KB (Workspace).
 */
import { CONSUMER_DOMAINS, type Execution, type Runtime } from '../../runtime';

export const DAY_MS = 24 * 60 * 60 * 1000;
export const GMAIL_SCOPE = 'https://mail.google.com/';
export const SEND_MAIL_SCOPE = 'https://www.googleapis.com/auth/script.send_mail';

export const ERRORS = {
  quota: 'Service invoked too many times for one day: email.',
  recipientsPerMessage: 'Limit Exceeded: Email Recipients Per Message.',
  bodySize: 'Limit Exceeded: Email Body Size.',
  noRecipient: 'Failed to send email: no recipient',
  subjectLength: 'Argument too large: subject',
  invalidEmail: (address: string) => `Invalid email: ${address}`,
  permission: (what: string, scope: string) =>
    `You do not have permission to call ${what}. Required permissions: ${scope}`,
};

export const MAX_RECIPIENTS_PER_MESSAGE = 50;
const MAX_SUBJECT_CHARS = 250;

export interface AttachmentInfo {
  name: string;
  contentType: string;
  size: number;
}

export interface StoredMessage {
  id: string;
  threadId: string;
  /** The mailbox holding this copy. */
  account: string;
  /** RFC 2822 Message-ID header, shared by every copy of one message. */
  header: string;
  inReplyTo: string;
  references: string;
  fromAddress: string;
  fromName: string;
  to: string[];
  cc: string[];
  /** Only the sender's copy knows the Bcc list (reference/gmail/gmail-message#getBcc). */
  bcc: string[];
  replyTo: string;
  subject: string;
  body: string;
  htmlBody: string | null;
  date: number;
  unread: boolean;
  starred: boolean;
  trashed: boolean;
  inbox: boolean;
  sent: boolean;
  draft: boolean;
  /** Lower-cased user label names (labels live on messages; a thread shows the union). */
  labels: Set<string>;
  attachments: AttachmentInfo[];
}

export interface StoredThread {
  id: string;
  messageIds: string[];
}

export interface StoredLabel {
  id: string;
  name: string;
}

export interface Mailbox {
  account: string;
  messages: Map<string, StoredMessage>;
  threads: Map<string, StoredThread>;
  /** Keyed by lower-cased name. */
  labels: Map<string, StoredLabel>;
  /** Draft id → message id. */
  drafts: Map<string, string>;
  /** Message-ID header → thread id, for threading replies. */
  byHeader: Map<string, string>;
}

interface QuotaWindow {
  windowStart?: number;
  used: number;
}

/** What a send needs, whichever service and method started it. */
export interface OutgoingMail {
  to: string;
  cc?: string;
  bcc?: string;
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  attachments?: AttachmentInfo[];
  /** The sender's message this one replies to (threads the copy and sets In-Reply-To/References). */
  replyToMessage?: StoredMessage;
  /** Keep in this thread of the sender's mailbox (forwards). */
  threadId?: string;
}

export interface ParsedAddress {
  raw: string;
  address: string;
  name: string;
}

export function isConsumer(account: string): boolean {
  return CONSUMER_DOMAINS.has(domainOf(account));
}

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/** Daily recipient quota of an account (guides/services/quotas). */
export function dailyRecipientLimit(account: string): number {
  return isConsumer(account) ? 100 : 1500;
}

/** Body size limit in bytes (guides/services/quotas: 200 KB consumer, 400 KB Workspace). */
export function bodySizeLimit(account: string): number {
  return (isConsumer(account) ? 200 : 400) * 1024;
}

const ADDRESS_RE = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\.]+$/u;

/** Splits a comma-separated recipient list; entries may be `Name <address>`. Throws "Invalid email: …". */
export function parseAddressList(list: string | undefined): ParsedAddress[] {
  if (list === undefined || list === null) return [];
  const out: ParsedAddress[] = [];
  for (const part of splitList(String(list))) {
    const raw = part.trim();
    if (!raw) continue;
    const angled = /^(.*)<([^<>]*)>\s*$/.exec(raw);
    const address = (angled ? angled[2] : raw).trim();
    const name = angled ? angled[1].trim().replace(/^"(.*)"$/, '$1') : '';
    if (!ADDRESS_RE.test(address)) throw new Error(ERRORS.invalidEmail(raw));
    out.push({ raw, address, name });
  }
  return out;
}

// Commas inside a quoted display name do not separate recipients.
function splitList(list: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of list) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

/** `Name <address>` as a From header shows it; the name is quoted where RFC 2822 needs it. */
export function formatAddress(address: string, name: string): string {
  if (!name) return address;
  const shown = /[",;:<>@()[\]\\.]/.test(name) ? `"${name.replace(/(["\\])/g, '\\$1')}"` : name;
  return `${shown} <${address}>`;
}

export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6])>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

export function plainBodyOf(m: StoredMessage): string {
  if (m.body === '' && m.htmlBody) return htmlToText(m.htmlBody);
  return m.body;
}

function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

export function replySubject(subject: string): string {
  return /^re:/i.test(subject.trim()) ? subject : `Re: ${subject}`;
}

export class MailStore {
  private readonly mailboxes = new Map<string, Mailbox>();
  private readonly quotas = new Map<string, QuotaWindow>();
  /** Accounts declared as Google mailboxes in addition to the automatic ones. */
  readonly extraAccounts = new Set<string>();
  private seq = 0;

  constructor(readonly rt: Runtime) {}

  private now(): number {
    return this.rt.clock.now();
  }

  private nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  /** A Gmail-like hex id: time-ordered, unique in this runtime. */
  newId(): string {
    return (BigInt(Math.floor(this.now())) * 4096n + BigInt(this.nextSeq() % 4096)).toString(16);
  }

  newLabelId(): string {
    return `Label_${this.nextSeq()}`;
  }

  newDraftId(): string {
    return `r-${(BigInt(Math.floor(this.now())) * 1000n + BigInt(this.nextSeq() % 1000)).toString()}`;
  }

  newHeader(fromAddress: string, external: boolean): string {
    const token = `${this.now().toString(36)}${this.nextSeq().toString(36)}`.toUpperCase();
    return external ? `<${token}@${domainOf(fromAddress)}>` : `<CA+${token}@mail.gmail.com>`;
  }

  /**
   * A Google mailbox the emulator keeps: consumer Gmail addresses, the owner's Workspace domain, accounts
   * declared with `addMailAccount`, and any account that already has a mailbox. Other addresses are outside.
   */
  isGoogleMailbox(address: string): boolean {
    const a = address.toLowerCase();
    if (this.mailboxes.has(a) || this.extraAccounts.has(a)) return true;
    const d = domainOf(a);
    if (CONSUMER_DOMAINS.has(d)) return true;
    return !isConsumer(this.rt.owner) && d === domainOf(this.rt.owner);
  }

  mailbox(account: string): Mailbox {
    const key = account.toLowerCase();
    let box = this.mailboxes.get(key);
    if (!box) {
      box = {
        account: key,
        messages: new Map(),
        threads: new Map(),
        labels: new Map(),
        drafts: new Map(),
        byHeader: new Map(),
      };
      this.mailboxes.set(key, box);
    }
    return box;
  }

  hasMailbox(account: string): boolean {
    return this.mailboxes.has(account.toLowerCase());
  }

  // ---- quota -------------------------------------------------------------------------------------------

  private window(account: string): QuotaWindow {
    const key = account.toLowerCase();
    let q = this.quotas.get(key);
    if (!q || (q.windowStart !== undefined && this.now() >= q.windowStart + DAY_MS)) {
      q = { used: 0 };
      this.quotas.set(key, q);
    }
    return q;
  }

  quotaUsed(account: string): number {
    return this.window(account).used;
  }

  remainingQuota(account: string): number {
    return dailyRecipientLimit(account) - this.window(account).used;
  }

  setRemaining(account: string, remaining: number): void {
    const q = this.window(account);
    q.used = dailyRecipientLimit(account) - remaining;
    q.windowStart ??= this.now();
  }

  private spend(account: string, recipients: number): void {
    const q = this.window(account);
    q.windowStart ??= this.now();
    q.used += recipients;
  }

  // ---- messages and threads ----------------------------------------------------------------------------

  /** Files a message in its mailbox, on `threadId` or on a new thread of its own. */
  file(box: Mailbox, m: StoredMessage, threadId?: string): StoredMessage {
    const thread = threadId ? box.threads.get(threadId) : undefined;
    if (thread) {
      m.threadId = thread.id;
      // A new message joins the conversation's labels, as Gmail shows them on the thread.
      for (const other of thread.messageIds) for (const l of box.messages.get(other)?.labels ?? []) m.labels.add(l);
      thread.messageIds.push(m.id);
    } else {
      m.threadId = m.id;
      box.threads.set(m.id, { id: m.id, messageIds: [m.id] });
    }
    box.messages.set(m.id, m);
    if (m.header && !box.byHeader.has(m.header)) box.byHeader.set(m.header, m.threadId);
    return m;
  }

  /** The thread of the message this one answers, found by In-Reply-To or References, as Gmail threads. */
  threadFor(box: Mailbox, inReplyTo: string, references: string): string | undefined {
    const wanted = [inReplyTo, ...references.split(/\s+/).reverse()].filter(Boolean);
    for (const header of wanted) {
      const threadId = box.byHeader.get(header);
      if (threadId !== undefined && box.threads.has(threadId)) return threadId;
    }
    return undefined;
  }

  threadMessages(box: Mailbox, threadId: string): StoredMessage[] {
    const t = box.threads.get(threadId);
    if (!t) return [];
    return t.messageIds.map((id) => box.messages.get(id)).filter((m): m is StoredMessage => m !== undefined);
  }

  /** Threads sorted as Gmail lists them: most recent message first. */
  sortedThreads(box: Mailbox, threadIds: Iterable<string>): string[] {
    const last = new Map<string, number>();
    for (const id of threadIds) last.set(id, this.lastDate(box, id));
    return [...last.keys()].sort((a, b) => last.get(b)! - last.get(a)! || (a < b ? 1 : -1));
  }

  lastDate(box: Mailbox, threadId: string): number {
    let last = 0;
    for (const m of this.threadMessages(box, threadId)) if (m.date > last) last = m.date;
    return last;
  }

  newMessage(account: string, fields: Partial<StoredMessage> & Pick<StoredMessage, 'fromAddress'>): StoredMessage {
    return {
      id: this.newId(),
      threadId: '',
      account: account.toLowerCase(),
      header: '',
      inReplyTo: '',
      references: '',
      fromName: '',
      to: [],
      cc: [],
      bcc: [],
      replyTo: '',
      subject: '',
      body: '',
      htmlBody: null,
      date: this.now(),
      unread: false,
      starred: false,
      trashed: false,
      inbox: false,
      sent: false,
      draft: false,
      labels: new Set(),
      attachments: [],
      ...fields,
    };
  }

  // ---- sending -----------------------------------------------------------------------------------------

  /** Checks addresses, limits and the quota the way Apps Script does before anything leaves. */
  validate(account: string, mail: OutgoingMail): { to: ParsedAddress[]; cc: ParsedAddress[]; bcc: ParsedAddress[] } {
    const to = parseAddressList(mail.to);
    const cc = parseAddressList(mail.cc);
    const bcc = parseAddressList(mail.bcc);
    const count = to.length + cc.length + bcc.length;
    if (count === 0) throw new Error(ERRORS.noRecipient);
    if (count > MAX_RECIPIENTS_PER_MESSAGE) throw new Error(ERRORS.recipientsPerMessage);
    if (mail.subject.length > MAX_SUBJECT_CHARS) throw new Error(ERRORS.subjectLength);
    if (utf8Bytes(mail.body) + utf8Bytes(mail.htmlBody ?? '') > bodySizeLimit(account))
      throw new Error(ERRORS.bodySize);
    if (this.remainingQuota(account) < count) throw new Error(ERRORS.quota);
    return { to, cc, bcc };
  }

  /**
   * Sends one message as `account`: the sender's copy goes to Sent (and the inbox when sent to oneself),
   * each recipient with a Google mailbox gets an unread copy, the quota is charged per recipient.
   * `draft` is the sender's draft being sent, which becomes the sent copy.
   */
  send(account: string, mail: OutgoingMail, draft?: StoredMessage): StoredMessage {
    const { to, cc, bcc } = this.validate(account, mail);
    const sender = account.toLowerCase();
    const box = this.mailbox(sender);
    const workspaceNoReply = mail.noReply === true && !isConsumer(sender);
    const fromAddress = workspaceNoReply ? `noreply@${domainOf(sender)}` : sender;
    const header = this.newHeader(sender, false);
    const parent = mail.replyToMessage;
    const inReplyTo = parent ? parent.header : '';
    const references = parent ? [parent.references, parent.header].filter(Boolean).join(' ') : '';
    const everyone = [...to, ...cc, ...bcc];
    const toSelf = everyone.some((a) => a.address.toLowerCase() === sender);
    const fields = {
      ...this.composed(mail, { to, cc, bcc }),
      header,
      inReplyTo,
      references,
      fromAddress,
      sent: true,
      draft: false,
      unread: false,
      inbox: toSelf,
    };
    let own: StoredMessage;
    if (draft) {
      own = Object.assign(draft, fields);
      box.byHeader.set(header, own.threadId);
      for (const [draftId, messageId] of box.drafts) if (messageId === draft.id) box.drafts.delete(draftId);
    } else {
      own = this.file(box, this.newMessage(sender, fields), parent?.threadId ?? mail.threadId);
    }
    const delivered = new Set<string>([sender]);
    for (const r of everyone) {
      const addr = r.address.toLowerCase();
      if (delivered.has(addr) || !this.isGoogleMailbox(addr)) continue;
      delivered.add(addr);
      this.receive(addr, { ...fields, bcc: [], sent: false, inbox: true, unread: true, labels: new Set<string>() });
    }
    this.spend(sender, everyone.length);
    return own;
  }

  /** A copy landing in `account`'s inbox, threaded onto the conversation it answers. */
  receive(
    account: string,
    fields: Partial<StoredMessage> & Pick<StoredMessage, 'fromAddress' | 'header'>,
  ): StoredMessage {
    const box = this.mailbox(account);
    const threadId = this.threadFor(box, fields.inReplyTo ?? '', fields.references ?? '');
    return this.file(box, this.newMessage(account, { inbox: true, unread: true, ...fields }), threadId);
  }

  /** What the writer composed, as stored on a sent message or a draft. */
  private composed(
    mail: OutgoingMail,
    recipients: Record<'to' | 'cc' | 'bcc', ReadonlyArray<{ raw: string }>>,
  ): Pick<
    StoredMessage,
    'fromName' | 'to' | 'cc' | 'bcc' | 'replyTo' | 'subject' | 'body' | 'htmlBody' | 'date' | 'attachments'
  > {
    return {
      fromName: mail.name ?? '',
      to: recipients.to.map((a) => a.raw),
      cc: recipients.cc.map((a) => a.raw),
      bcc: recipients.bcc.map((a) => a.raw),
      replyTo: mail.replyTo ?? '',
      subject: mail.subject,
      body: mail.body,
      htmlBody: mail.htmlBody ?? null,
      date: this.now(),
      attachments: mail.attachments ?? [],
    };
  }

  /** Drafts: stored in the sender's mailbox, addresses checked, nothing sent and no quota spent. */
  saveDraft(
    account: string,
    mail: OutgoingMail,
    existing?: StoredMessage,
  ): { draftId: string; message: StoredMessage } {
    const to = parseAddressList(mail.to);
    const cc = parseAddressList(mail.cc);
    const bcc = parseAddressList(mail.bcc);
    const box = this.mailbox(account);
    const parent = mail.replyToMessage;
    const fields = {
      ...this.composed(mail, { to, cc, bcc }),
      inReplyTo: parent ? parent.header : '',
      references: parent ? [parent.references, parent.header].filter(Boolean).join(' ') : '',
      fromAddress: account.toLowerCase(),
      draft: true,
    };
    if (existing) {
      Object.assign(existing, fields);
      const draftId = [...box.drafts].find(([, mid]) => mid === existing.id)?.[0] ?? this.newDraftId();
      box.drafts.set(draftId, existing.id);
      return { draftId, message: existing };
    }
    const message = this.file(box, this.newMessage(account, fields), parent?.threadId);
    const draftId = this.newDraftId();
    box.drafts.set(draftId, message.id);
    return { draftId, message };
  }

  /** The outgoing-mail shape of a stored draft, for `GmailDraft.send()`. */
  draftAsMail(box: Mailbox, draft: StoredMessage): OutgoingMail {
    const parent = draft.inReplyTo
      ? [...box.messages.values()].find((m) => m.header === draft.inReplyTo && m.id !== draft.id)
      : undefined;
    return {
      to: draft.to.join(', '),
      cc: draft.cc.join(', '),
      bcc: draft.bcc.join(', '),
      subject: draft.subject,
      body: draft.body,
      htmlBody: draft.htmlBody ?? undefined,
      name: draft.fromName || undefined,
      replyTo: draft.replyTo || undefined,
      attachments: draft.attachments,
      replyToMessage: parent,
    };
  }

  deleteMessage(box: Mailbox, id: string): void {
    const m = box.messages.get(id);
    if (!m) return;
    box.messages.delete(id);
    const t = box.threads.get(m.threadId);
    if (t) {
      t.messageIds = t.messageIds.filter((x) => x !== id);
      if (t.messageIds.length === 0) box.threads.delete(t.id);
    }
  }
}

export function mailStore(rt: Runtime): MailStore {
  return rt.store('mail', () => new MailStore(rt));
}

export function storeOf(exec: Execution): MailStore {
  return mailStore(exec.runtime);
}
