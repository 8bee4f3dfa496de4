/**
 * GmailApp and its objects (reference/gmail/gmail-app, gmail-thread, gmail-message, gmail-label,
 * gmail-draft) over the persistent mailboxes of store.ts. The mailbox is the effective user's.
 */
import { CALL_COST_MS } from '../../costs';
import { isDate } from '../../realm';
import { type Execution, GasObject, unwrap } from '../../runtime';
import { messageMatches, parseQuery } from './search';
import {
  type AttachmentInfo,
  ERRORS,
  formatAddress,
  GMAIL_SCOPE,
  type Mailbox,
  type MailStore,
  type OutgoingMail,
  parseAddressList,
  plainBodyOf,
  replySubject,
  type StoredMessage,
  storeOf,
} from './store';

// ---- argument helpers shared with MailApp -------------------------------------------------------------

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'Boolean';
  if (Array.isArray(v)) return 'Object[]';
  if (isDate(v)) return 'Date';
  const host = typeof v === 'object' ? unwrap(v) : v;
  if (host instanceof GasObject) return host._gasClass;
  return 'Object';
}

/** Apps Script's message when the arguments do not fit any overload of a method. */
export function signatureError(method: string, args: unknown[]): Error {
  let n = args.length;
  while (n > 0 && args[n - 1] === undefined) n -= 1;
  const shown = args.slice(0, n).map(typeName).join(',');
  return new Error(`The parameters (${shown}) don't match the method signature for ${method}.`);
}

export function requireStrings(method: string, args: unknown[], count: number): void {
  for (let i = 0; i < count; i++) {
    const a = args[i];
    if (a === undefined || a === null || (typeof a === 'object' && !isDate(a)) || typeof a === 'function') {
      throw signatureError(method, args);
    }
  }
}

export function readOptions(method: string, args: unknown[], v: unknown): Record<string, unknown> {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw signatureError(method, args);
  return v as Record<string, unknown>;
}

export function optString(o: Record<string, unknown>, key: string): string | undefined {
  const v = o[key];
  return v === undefined || v === null ? undefined : String(v);
}

function callIfPresent(target: unknown, method: string): unknown {
  if (typeof target !== 'object' || target === null) return undefined;
  const host = unwrap(target);
  const fn = (host as Record<string, unknown>)[method];
  if (typeof fn !== 'function') return undefined;
  try {
    return (fn as () => unknown).call(host);
  } catch {
    return undefined;
  }
}

/** Attachments are recorded by name, type and size; the emulator keeps no file contents. */
export function readAttachments(v: unknown): AttachmentInfo[] {
  if (!Array.isArray(v)) return [];
  return v.map((item: unknown) => {
    const blob = callIfPresent(item, 'getBlob') ?? item;
    const bytes = callIfPresent(blob, 'getBytes');
    const name = callIfPresent(blob, 'getName');
    const type = callIfPresent(blob, 'getContentType');
    return {
      name: typeof name === 'string' ? name : '',
      contentType: typeof type === 'string' ? type : '',
      size: Array.isArray(bytes) ? bytes.length : 0,
    };
  });
}

/** The send options both services take (reference/gmail/gmail-app#sendemailrecipient,-subject,-body,-options). */
export function outgoingFrom(
  recipient: unknown,
  subject: unknown,
  body: unknown,
  o: Record<string, unknown>,
): OutgoingMail {
  return {
    to: String(recipient),
    cc: optString(o, 'cc'),
    bcc: optString(o, 'bcc'),
    subject: String(subject),
    body: String(body),
    htmlBody: optString(o, 'htmlBody'),
    name: optString(o, 'name'),
    replyTo: optString(o, 'replyTo'),
    noReply: o.noReply === true,
    attachments: readAttachments(o.attachments),
  };
}

/** Sends cost more than a Gmail read (costs.ts GmailSend); the proxy charged the Gmail rate already. */
function chargeSend(exec: Execution): void {
  exec.runtime.clock.advance(Math.max(0, (CALL_COST_MS.GmailSend ?? 0) - (CALL_COST_MS.Gmail ?? 0)));
  exec.checkTime();
}

function rfc2822Date(ms: number): string {
  const d = new Date(ms);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

// ---- per-execution session ----------------------------------------------------------------------------

/** One execution's view of the effective user's mailbox; facades are cached so identity holds in a run. */
class GmailSession {
  readonly store: MailStore;
  readonly account: string;
  private readonly threads = new Map<string, GmailThreadImpl>();
  private readonly messages = new Map<string, GmailMessageImpl>();
  private readonly labels = new Map<string, GmailLabelImpl>();
  private readonly drafts = new Map<string, GmailDraftImpl>();

  constructor(readonly exec: Execution) {
    this.store = storeOf(exec);
    this.account = exec.effectiveUser.toLowerCase();
  }

  get box(): Mailbox {
    return this.store.mailbox(this.account);
  }

  thread(id: string): GmailThreadImpl {
    let t = this.threads.get(id);
    if (!t) {
      t = new GmailThreadImpl(this, id);
      this.threads.set(id, t);
    }
    return t;
  }

  message(id: string): GmailMessageImpl {
    let m = this.messages.get(id);
    if (!m) {
      m = new GmailMessageImpl(this, id);
      this.messages.set(id, m);
    }
    return m;
  }

  label(key: string): GmailLabelImpl {
    let l = this.labels.get(key);
    if (!l) {
      l = new GmailLabelImpl(this, key);
      this.labels.set(key, l);
    }
    return l;
  }

  draft(id: string): GmailDraftImpl {
    let d = this.drafts.get(id);
    if (!d) {
      d = new GmailDraftImpl(this, id);
      this.drafts.set(id, d);
    }
    return d;
  }

  stored(id: string): StoredMessage {
    const m = this.box.messages.get(id);
    if (!m) throw new Error('Invalid argument: id');
    return m;
  }

  threadMessages(threadId: string): StoredMessage[] {
    return this.store.threadMessages(this.box, threadId);
  }

  /** Threads matching a Gmail query, most recent first, then sliced like the paged calls. */
  search(query: string, start?: unknown, max?: unknown): GmailThreadImpl[] {
    const parsed = parseQuery(query);
    const ctx = { now: this.exec.runtime.clock.now(), timeZone: this.exec.runtime.timeZone, box: this.box };
    const hits = new Set<string>();
    for (const m of this.box.messages.values()) if (messageMatches(m, parsed, ctx)) hits.add(m.threadId);
    return this.page(this.store.sortedThreads(this.box, hits), start, max).map((id) => this.thread(id));
  }

  page<T>(items: T[], start?: unknown, max?: unknown): T[] {
    if (start === undefined && max === undefined) return items;
    const s = Math.max(0, Math.trunc(Number(start) || 0));
    const n = Math.max(0, Math.trunc(Number(max) || 0));
    return items.slice(s, s + n);
  }

  /** Realm arrays for values whose emptiness or nesting the core's export does not cover. */
  list<T extends GasObject>(items: T[]): T[] {
    return items.length === 0 ? this.exec.realm.newArray<T>([]) : items;
  }

  threadArg(method: string, args: unknown[], v: unknown): GmailThreadImpl {
    const host = typeof v === 'object' && v !== null ? unwrap(v) : v;
    if (!(host instanceof GmailThreadImpl)) throw signatureError(method, args);
    return host;
  }

  messageArg(method: string, args: unknown[], v: unknown): GmailMessageImpl {
    const host = typeof v === 'object' && v !== null ? unwrap(v) : v;
    if (!(host instanceof GmailMessageImpl)) throw signatureError(method, args);
    return host;
  }

  labelArg(method: string, args: unknown[], v: unknown): GmailLabelImpl {
    const host = typeof v === 'object' && v !== null ? unwrap(v) : v;
    if (!(host instanceof GmailLabelImpl)) throw signatureError(method, args);
    return host;
  }

  arrayArg<T>(method: string, args: unknown[], v: unknown, one: (x: unknown) => T): T[] {
    if (!Array.isArray(v)) throw signatureError(method, args);
    return v.map(one);
  }

  send(mail: OutgoingMail, draft?: StoredMessage): StoredMessage {
    chargeSend(this.exec);
    return this.store.send(this.account, mail, draft);
  }

  /** Who a reply to `m` goes to: its Reply-To or sender, or the original recipients when I sent it. */
  replyTargets(m: StoredMessage, all: boolean): { to: string; cc: string } {
    const me = this.account;
    const mine = m.fromAddress.toLowerCase() === me;
    const primary = mine ? m.to : [m.replyTo || formatAddress(m.fromAddress, m.fromName)];
    if (!all) return { to: primary.join(', '), cc: '' };
    const seen = new Set(parseAddressList(primary.join(',')).map((a) => a.address.toLowerCase()));
    seen.add(me);
    const others = parseAddressList([...m.to, ...m.cc].join(',')).filter((a) => {
      const key = a.address.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return { to: primary.join(', '), cc: others.map((a) => a.raw).join(', ') };
  }

  replyMail(m: StoredMessage, body: unknown, o: Record<string, unknown>, all: boolean): OutgoingMail {
    const targets = this.replyTargets(m, all);
    const extraCc = optString(o, 'cc');
    return {
      ...outgoingFrom(targets.to, optString(o, 'subject') ?? replySubject(m.subject), body, o),
      cc: [targets.cc, extraCc].filter(Boolean).join(', ') || undefined,
      replyToMessage: m,
    };
  }

  /** The last message of a thread a reply answers (drafts are not answered). */
  lastMessage(threadId: string): StoredMessage {
    const msgs = this.threadMessages(threadId).filter((m) => !m.draft);
    const last = msgs[msgs.length - 1] ?? this.threadMessages(threadId).at(-1);
    if (!last) throw new Error('Invalid argument: id');
    return last;
  }
}

// ---- GmailApp -----------------------------------------------------------------------------------------

export class GmailAppImpl extends GasObject {
  readonly _gasClass = 'GmailApp';
  private readonly _s: GmailSession;

  constructor(exec: Execution) {
    super(exec);
    this._s = new GmailSession(exec);
  }

  /** Every GmailApp call needs the restricted Gmail scope, which only a fully authorised run has. */
  private _auth(method: string): void {
    if (this._exec.authMode !== 'FULL') throw new Error(ERRORS.permission(`GmailApp.${method}`, GMAIL_SCOPE));
  }

  sendEmail(...args: unknown[]): this {
    this._auth('sendEmail');
    requireStrings('GmailApp.sendEmail', args, 3);
    const o = readOptions('GmailApp.sendEmail', args, args[3]);
    this._s.send(outgoingFrom(args[0], args[1], args[2], o));
    return this;
  }

  createDraft(...args: unknown[]): GmailDraftImpl {
    this._auth('createDraft');
    requireStrings('GmailApp.createDraft', args, 3);
    const o = readOptions('GmailApp.createDraft', args, args[3]);
    const { draftId } = this._s.store.saveDraft(this._s.account, outgoingFrom(args[0], args[1], args[2], o));
    return this._s.draft(draftId);
  }

  getDrafts(): GmailDraftImpl[] {
    this._auth('getDrafts');
    return this._s.list([...this._s.box.drafts.keys()].map((id) => this._s.draft(id)));
  }

  getDraftMessages(): GmailMessageImpl[] {
    this._auth('getDraftMessages');
    return this._s.list([...this._s.box.drafts.values()].map((id) => this._s.message(id)));
  }

  getAliases(): string[] {
    this._auth('getAliases');
    return this._exec.realm.newArray<string>([]);
  }

  search(...args: unknown[]): GmailThreadImpl[] {
    this._auth('search');
    requireStrings('GmailApp.search', args, 1);
    return this._s.list(this._s.search(String(args[0]), args[1], args[2]));
  }

  getInboxThreads(start?: unknown, max?: unknown): GmailThreadImpl[] {
    this._auth('getInboxThreads');
    return this._s.list(this._s.search('in:inbox', start, max));
  }

  getInboxUnreadCount(): number {
    this._auth('getInboxUnreadCount');
    return this._s.search('in:inbox is:unread').length;
  }

  getStarredThreads(start?: unknown, max?: unknown): GmailThreadImpl[] {
    this._auth('getStarredThreads');
    return this._s.list(this._s.search('is:starred', start, max));
  }

  getTrashThreads(start?: unknown, max?: unknown): GmailThreadImpl[] {
    this._auth('getTrashThreads');
    return this._s.list(this._s.search('in:trash', start, max));
  }

  /** reference/gmail/gmail-app#getthreadbyidid: null when not found. */
  getThreadById(id: unknown): GmailThreadImpl | null {
    this._auth('getThreadById');
    const key = String(id);
    return this._s.box.threads.has(key) ? this._s.thread(key) : null;
  }

  /** reference/gmail/gmail-app#getmessagebyidid: throws when not found. */
  getMessageById(id: unknown): GmailMessageImpl {
    this._auth('getMessageById');
    const key = String(id);
    this._s.stored(key);
    return this._s.message(key);
  }

  getMessagesForThread(thread: unknown): GmailMessageImpl[] {
    this._auth('getMessagesForThread');
    return this._s.threadArg('GmailApp.getMessagesForThread', [thread], thread).getMessages();
  }

  getMessagesForThreads(threads: unknown): GmailMessageImpl[][] {
    this._auth('getMessagesForThreads');
    const list = this._s.arrayArg('GmailApp.getMessagesForThreads', [threads], threads, (t) =>
      this._s.threadArg('GmailApp.getMessagesForThreads', [threads], t),
    );
    // Nested arrays are built in the script's realm here: the core converts one level only.
    const realm = this._exec.realm;
    return realm.newArray(list.map((t) => realm.newArray(t._stored().map((m) => this._s.message(m.id)._wrapped()))));
  }

  getUserLabelByName(name: unknown): GmailLabelImpl | null {
    this._auth('getUserLabelByName');
    const key = String(name).toLowerCase();
    return this._s.box.labels.has(key) ? this._s.label(key) : null;
  }

  getUserLabels(): GmailLabelImpl[] {
    this._auth('getUserLabels');
    return this._s.list([...this._s.box.labels.keys()].map((k) => this._s.label(k)));
  }

  /** An existing label of that name is returned rather than duplicated. */
  createLabel(name: unknown): GmailLabelImpl {
    this._auth('createLabel');
    const shown = String(name).trim();
    if (!shown) throw new Error('Invalid argument: name');
    const key = shown.toLowerCase();
    if (!this._s.box.labels.has(key)) this._s.box.labels.set(key, { id: this._s.store.newLabelId(), name: shown });
    return this._s.label(key);
  }

  deleteLabel(label: unknown): this {
    this._auth('deleteLabel');
    this._s.labelArg('GmailApp.deleteLabel', [label], label)._delete();
    return this;
  }

  markThreadRead(thread: unknown): this {
    this._auth('markThreadRead');
    this._s.threadArg('GmailApp.markThreadRead', [thread], thread)._setUnread(false);
    return this;
  }

  markThreadUnread(thread: unknown): this {
    this._auth('markThreadUnread');
    this._s.threadArg('GmailApp.markThreadUnread', [thread], thread)._setUnread(true);
    return this;
  }

  markThreadsRead(threads: unknown): this {
    this._auth('markThreadsRead');
    for (const t of this._threads('GmailApp.markThreadsRead', threads)) t._setUnread(false);
    return this;
  }

  markThreadsUnread(threads: unknown): this {
    this._auth('markThreadsUnread');
    for (const t of this._threads('GmailApp.markThreadsUnread', threads)) t._setUnread(true);
    return this;
  }

  markMessageRead(message: unknown): this {
    this._auth('markMessageRead');
    this._s.messageArg('GmailApp.markMessageRead', [message], message)._m().unread = false;
    return this;
  }

  markMessageUnread(message: unknown): this {
    this._auth('markMessageUnread');
    this._s.messageArg('GmailApp.markMessageUnread', [message], message)._m().unread = true;
    return this;
  }

  markMessagesRead(messages: unknown): this {
    this._auth('markMessagesRead');
    for (const m of this._messages('GmailApp.markMessagesRead', messages)) m._m().unread = false;
    return this;
  }

  markMessagesUnread(messages: unknown): this {
    this._auth('markMessagesUnread');
    for (const m of this._messages('GmailApp.markMessagesUnread', messages)) m._m().unread = true;
    return this;
  }

  moveThreadToTrash(thread: unknown): this {
    this._auth('moveThreadToTrash');
    this._s.threadArg('GmailApp.moveThreadToTrash', [thread], thread)._trash();
    return this;
  }

  moveThreadsToTrash(threads: unknown): this {
    this._auth('moveThreadsToTrash');
    for (const t of this._threads('GmailApp.moveThreadsToTrash', threads)) t._trash();
    return this;
  }

  moveMessageToTrash(message: unknown): this {
    this._auth('moveMessageToTrash');
    this._s.messageArg('GmailApp.moveMessageToTrash', [message], message)._m().trashed = true;
    return this;
  }

  moveMessagesToTrash(messages: unknown): this {
    this._auth('moveMessagesToTrash');
    for (const m of this._messages('GmailApp.moveMessagesToTrash', messages)) m._m().trashed = true;
    return this;
  }

  moveThreadToArchive(thread: unknown): this {
    this._auth('moveThreadToArchive');
    this._s.threadArg('GmailApp.moveThreadToArchive', [thread], thread)._setInbox(false);
    return this;
  }

  moveThreadsToArchive(threads: unknown): this {
    this._auth('moveThreadsToArchive');
    for (const t of this._threads('GmailApp.moveThreadsToArchive', threads)) t._setInbox(false);
    return this;
  }

  moveThreadToInbox(thread: unknown): this {
    this._auth('moveThreadToInbox');
    this._s.threadArg('GmailApp.moveThreadToInbox', [thread], thread)._setInbox(true);
    return this;
  }

  moveThreadsToInbox(threads: unknown): this {
    this._auth('moveThreadsToInbox');
    for (const t of this._threads('GmailApp.moveThreadsToInbox', threads)) t._setInbox(true);
    return this;
  }

  starMessage(message: unknown): this {
    this._auth('starMessage');
    this._s.messageArg('GmailApp.starMessage', [message], message)._m().starred = true;
    return this;
  }

  unstarMessage(message: unknown): this {
    this._auth('unstarMessage');
    this._s.messageArg('GmailApp.unstarMessage', [message], message)._m().starred = false;
    return this;
  }

  refreshThread(thread: unknown): this {
    this._auth('refreshThread');
    this._s.threadArg('GmailApp.refreshThread', [thread], thread);
    return this;
  }

  refreshThreads(threads: unknown): this {
    this._auth('refreshThreads');
    this._threads('GmailApp.refreshThreads', threads);
    return this;
  }

  refreshMessage(message: unknown): this {
    this._auth('refreshMessage');
    this._s.messageArg('GmailApp.refreshMessage', [message], message);
    return this;
  }

  refreshMessages(messages: unknown): this {
    this._auth('refreshMessages');
    this._messages('GmailApp.refreshMessages', messages);
    return this;
  }

  private _threads(method: string, v: unknown): GmailThreadImpl[] {
    return this._s.arrayArg(method, [v], v, (t) => this._s.threadArg(method, [v], t));
  }

  private _messages(method: string, v: unknown): GmailMessageImpl[] {
    return this._s.arrayArg(method, [v], v, (m) => this._s.messageArg(method, [v], m));
  }
}

// ---- GmailThread --------------------------------------------------------------------------------------

export class GmailThreadImpl extends GasObject {
  readonly _gasClass = 'GmailThread';

  constructor(
    private readonly _s: GmailSession,
    readonly _id: string,
  ) {
    super(_s.exec);
  }

  _stored(): StoredMessage[] {
    return this._s.threadMessages(this._id);
  }

  _setUnread(unread: boolean): void {
    for (const m of this._stored()) if (!m.draft) m.unread = unread;
  }

  _setInbox(inbox: boolean): void {
    for (const m of this._stored()) if (!m.draft) m.inbox = inbox;
  }

  _trash(): void {
    for (const m of this._stored()) m.trashed = true;
  }

  getId(): string {
    return this._id;
  }

  getMessages(): GmailMessageImpl[] {
    return this._s.list(this._stored().map((m) => this._s.message(m.id)));
  }

  getMessageCount(): number {
    return this._stored().length;
  }

  getFirstMessageSubject(): string {
    return this._stored()[0]?.subject ?? '';
  }

  getLastMessageDate(): Date {
    return new Date(this._s.store.lastDate(this._s.box, this._id));
  }

  getLabels(): GmailLabelImpl[] {
    const keys = new Set<string>();
    for (const m of this._stored()) for (const l of m.labels) if (this._s.box.labels.has(l)) keys.add(l);
    return this._s.list([...keys].map((k) => this._s.label(k)));
  }

  addLabel(label: unknown): this {
    this._s.labelArg('GmailThread.addLabel', [label], label).addToThread(this);
    return this;
  }

  removeLabel(label: unknown): this {
    this._s.labelArg('GmailThread.removeLabel', [label], label).removeFromThread(this);
    return this;
  }

  /** reference/gmail/gmail-thread#replybody: to the sender of the last message; returns this thread. */
  reply(body: unknown, options?: unknown): this {
    requireStrings('GmailThread.reply', [body], 1);
    const o = readOptions('GmailThread.reply', [body, options], options);
    this._s.send(this._s.replyMail(this._s.lastMessage(this._id), body, o, false));
    return this;
  }

  replyAll(body: unknown, options?: unknown): this {
    requireStrings('GmailThread.replyAll', [body], 1);
    const o = readOptions('GmailThread.replyAll', [body, options], options);
    this._s.send(this._s.replyMail(this._s.lastMessage(this._id), body, o, true));
    return this;
  }

  createDraftReply(body: unknown, options?: unknown): GmailDraftImpl {
    requireStrings('GmailThread.createDraftReply', [body], 1);
    const o = readOptions('GmailThread.createDraftReply', [body, options], options);
    const mail = this._s.replyMail(this._s.lastMessage(this._id), body, o, false);
    return this._s.draft(this._s.store.saveDraft(this._s.account, mail).draftId);
  }

  createDraftReplyAll(body: unknown, options?: unknown): GmailDraftImpl {
    requireStrings('GmailThread.createDraftReplyAll', [body], 1);
    const o = readOptions('GmailThread.createDraftReplyAll', [body, options], options);
    const mail = this._s.replyMail(this._s.lastMessage(this._id), body, o, true);
    return this._s.draft(this._s.store.saveDraft(this._s.account, mail).draftId);
  }

  markRead(): this {
    this._setUnread(false);
    return this;
  }

  markUnread(): this {
    this._setUnread(true);
    return this;
  }

  isUnread(): boolean {
    return this._stored().some((m) => m.unread && !m.trashed);
  }

  moveToTrash(): this {
    this._trash();
    return this;
  }

  moveToArchive(): this {
    this._setInbox(false);
    return this;
  }

  moveToInbox(): this {
    this._setInbox(true);
    return this;
  }

  isInTrash(): boolean {
    return this._stored().some((m) => m.trashed);
  }

  isInInbox(): boolean {
    return this._stored().some((m) => m.inbox && !m.trashed);
  }

  hasStarredMessages(): boolean {
    return this._stored().some((m) => m.starred);
  }

  getPermalink(): string {
    return `https://mail.google.com/mail/u/0/#all/${this._id}`;
  }

  refresh(): this {
    return this;
  }
}

// ---- GmailMessage -------------------------------------------------------------------------------------

export class GmailMessageImpl extends GasObject {
  readonly _gasClass = 'GmailMessage';

  constructor(
    private readonly _s: GmailSession,
    readonly _id: string,
  ) {
    super(_s.exec);
  }

  _m(): StoredMessage {
    return this._s.stored(this._id);
  }

  getId(): string {
    return this._id;
  }

  getThread(): GmailThreadImpl {
    return this._s.thread(this._m().threadId);
  }

  getSubject(): string {
    return this._m().subject;
  }

  getFrom(): string {
    const m = this._m();
    return formatAddress(m.fromAddress, m.fromName);
  }

  getTo(): string {
    return this._m().to.join(', ');
  }

  getCc(): string {
    return this._m().cc.join(', ');
  }

  getBcc(): string {
    return this._m().bcc.join(', ');
  }

  getReplyTo(): string {
    const m = this._m();
    return m.replyTo || formatAddress(m.fromAddress, m.fromName);
  }

  getDate(): Date {
    return new Date(this._m().date);
  }

  getPlainBody(): string {
    return plainBodyOf(this._m());
  }

  getBody(): string {
    const m = this._m();
    return m.htmlBody ?? m.body;
  }

  /** reference/gmail/gmail-message#getheadername: '' when the header is absent. */
  getHeader(name: unknown): string {
    const m = this._m();
    switch (String(name).toLowerCase()) {
      case 'message-id':
        return m.header;
      case 'in-reply-to':
        return m.inReplyTo;
      case 'references':
        return m.references;
      case 'subject':
        return m.subject;
      case 'from':
        return formatAddress(m.fromAddress, m.fromName);
      case 'to':
        return m.to.join(', ');
      case 'cc':
        return m.cc.join(', ');
      case 'reply-to':
        return m.replyTo;
      case 'date':
        return m.header ? rfc2822Date(m.date) : '';
      default:
        return '';
    }
  }

  getAttachments(): GasObject[] {
    this._m();
    return this._exec.realm.newArray<GasObject>([]);
  }

  isUnread(): boolean {
    return this._m().unread;
  }

  markRead(): this {
    this._m().unread = false;
    return this;
  }

  markUnread(): this {
    this._m().unread = true;
    return this;
  }

  isStarred(): boolean {
    return this._m().starred;
  }

  star(): this {
    this._m().starred = true;
    return this;
  }

  unstar(): this {
    this._m().starred = false;
    return this;
  }

  isDraft(): boolean {
    return this._m().draft;
  }

  isInTrash(): boolean {
    return this._m().trashed;
  }

  isInInbox(): boolean {
    const m = this._m();
    return m.inbox && !m.trashed;
  }

  moveToTrash(): this {
    this._m().trashed = true;
    return this;
  }

  /** reference/gmail/gmail-message#replybody: returns this message, not the reply. */
  reply(body: unknown, options?: unknown): this {
    requireStrings('GmailMessage.reply', [body], 1);
    const o = readOptions('GmailMessage.reply', [body, options], options);
    this._s.send(this._s.replyMail(this._m(), body, o, false));
    return this;
  }

  replyAll(body: unknown, options?: unknown): this {
    requireStrings('GmailMessage.replyAll', [body], 1);
    const o = readOptions('GmailMessage.replyAll', [body, options], options);
    this._s.send(this._s.replyMail(this._m(), body, o, true));
    return this;
  }

  createDraftReply(body: unknown, options?: unknown): GmailDraftImpl {
    requireStrings('GmailMessage.createDraftReply', [body], 1);
    const o = readOptions('GmailMessage.createDraftReply', [body, options], options);
    return this._s.draft(
      this._s.store.saveDraft(this._s.account, this._s.replyMail(this._m(), body, o, false)).draftId,
    );
  }

  createDraftReplyAll(body: unknown, options?: unknown): GmailDraftImpl {
    requireStrings('GmailMessage.createDraftReplyAll', [body], 1);
    const o = readOptions('GmailMessage.createDraftReplyAll', [body, options], options);
    return this._s.draft(this._s.store.saveDraft(this._s.account, this._s.replyMail(this._m(), body, o, true)).draftId);
  }

  /** reference/gmail/gmail-message#forwardrecipient: the forward stays in this conversation for the sender. */
  forward(recipient: unknown, options?: unknown): this {
    requireStrings('GmailMessage.forward', [recipient], 1);
    const o = readOptions('GmailMessage.forward', [recipient, options], options);
    const m = this._m();
    const quoted = [
      '---------- Forwarded message ---------',
      `From: ${formatAddress(m.fromAddress, m.fromName)}`,
      `Date: ${rfc2822Date(m.date)}`,
      `Subject: ${m.subject}`,
      `To: ${m.to.join(', ')}`,
      '',
      plainBodyOf(m),
    ].join('\n');
    const subject = optString(o, 'subject') ?? (/^fwd?:/i.test(m.subject) ? m.subject : `Fwd: ${m.subject}`);
    const mail = outgoingFrom(recipient, subject, quoted, o);
    if (mail.htmlBody === undefined && m.htmlBody) mail.htmlBody = m.htmlBody;
    mail.threadId = m.threadId;
    this._s.send(mail);
    return this;
  }

  refresh(): this {
    return this;
  }
}

// ---- GmailLabel ---------------------------------------------------------------------------------------

export class GmailLabelImpl extends GasObject {
  readonly _gasClass = 'GmailLabel';

  constructor(
    private readonly _s: GmailSession,
    readonly _key: string,
  ) {
    super(_s.exec);
  }

  private _label(): { id: string; name: string } {
    const l = this._s.box.labels.get(this._key);
    if (!l) throw new Error('Label not found');
    return l;
  }

  _delete(): void {
    this._label();
    this._s.box.labels.delete(this._key);
    for (const m of this._s.box.messages.values()) m.labels.delete(this._key);
  }

  private _threadIds(): string[] {
    const ids = new Set<string>();
    for (const m of this._s.box.messages.values()) if (m.labels.has(this._key) && !m.trashed) ids.add(m.threadId);
    return this._s.store.sortedThreads(this._s.box, ids);
  }

  getId(): string {
    return this._label().id;
  }

  getName(): string {
    return this._label().name;
  }

  addToThread(thread: unknown): this {
    this._label();
    const t = this._s.threadArg('GmailLabel.addToThread', [thread], thread);
    for (const m of t._stored()) m.labels.add(this._key);
    return this;
  }

  addToThreads(threads: unknown): this {
    this._label();
    const list = this._s.arrayArg('GmailLabel.addToThreads', [threads], threads, (t) =>
      this._s.threadArg('GmailLabel.addToThreads', [threads], t),
    );
    for (const t of list) for (const m of t._stored()) m.labels.add(this._key);
    return this;
  }

  removeFromThread(thread: unknown): this {
    this._label();
    const t = this._s.threadArg('GmailLabel.removeFromThread', [thread], thread);
    for (const m of t._stored()) m.labels.delete(this._key);
    return this;
  }

  removeFromThreads(threads: unknown): this {
    this._label();
    const list = this._s.arrayArg('GmailLabel.removeFromThreads', [threads], threads, (t) =>
      this._s.threadArg('GmailLabel.removeFromThreads', [threads], t),
    );
    for (const t of list) for (const m of t._stored()) m.labels.delete(this._key);
    return this;
  }

  getThreads(start?: unknown, max?: unknown): GmailThreadImpl[] {
    this._label();
    return this._s.list(this._s.page(this._threadIds(), start, max).map((id) => this._s.thread(id)));
  }

  getUnreadCount(): number {
    this._label();
    return this._threadIds().filter((id) => this._s.threadMessages(id).some((m) => m.unread && !m.trashed)).length;
  }

  deleteLabel(): void {
    this._delete();
  }
}

// ---- GmailDraft ---------------------------------------------------------------------------------------

export class GmailDraftImpl extends GasObject {
  readonly _gasClass = 'GmailDraft';

  constructor(
    private readonly _s: GmailSession,
    readonly _id: string,
  ) {
    super(_s.exec);
  }

  private _messageId(): string {
    const id = this._s.box.drafts.get(this._id);
    if (id === undefined) throw new Error('Invalid argument: draftId');
    return id;
  }

  getId(): string {
    return this._id;
  }

  getMessageId(): string {
    return this._messageId();
  }

  getMessage(): GmailMessageImpl {
    return this._s.message(this._messageId());
  }

  /** reference/gmail/gmail-draft#send: returns the sent message; a new draft's message starts its own thread. */
  send(): GmailMessageImpl {
    const m = this._s.stored(this._messageId());
    const sent = this._s.send(this._s.store.draftAsMail(this._s.box, m), m);
    return this._s.message(sent.id);
  }

  update(...args: unknown[]): this {
    requireStrings('GmailDraft.update', args, 3);
    const o = readOptions('GmailDraft.update', args, args[3]);
    const m = this._s.stored(this._messageId());
    const mail = outgoingFrom(args[0], args[1], args[2], o);
    mail.replyToMessage = this._s.store.draftAsMail(this._s.box, m).replyToMessage;
    this._s.store.saveDraft(this._s.account, mail, m);
    return this;
  }

  deleteDraft(): void {
    const id = this._messageId();
    this._s.box.drafts.delete(this._id);
    this._s.store.deleteMessage(this._s.box, id);
  }
}
