/**
 * E-mail intake as plain data (SPEC R5.1/R6.1, R5.3): what a message under the helpdesk's Gmail label is —
 * the helpdesk's own mail, machine mail (an auto-reply, a bounce), or a person's message — and, for a
 * person's message, the request it would become and the request IDs it mentions. The use case decides
 * between a new request and a reply to a known one, since only the log knows which IDs exist.
 *
 * Rules chosen where the spec is silent:
 * - the requester's address is the Reply-To when it names one plausible address other than the helpdesk's
 *   (that is where Gmail sends a reply), else the From; the display name comes with it;
 * - a message from one of the school's own forwarding addresses (the «school.email» setting) is a person at
 *   the school forwarding by hand: the requester is the «From:/От:» line of the forwarded block, when there
 *   is one; an address that is not plausible is kept as written, so intake flags it (invalid e-mail, call
 *   back) instead of dropping the message;
 * - machine mail: an Auto-Submitted header other than "no", Precedence auto_reply/bulk/junk/list, an empty
 *   Return-Path, a mailer-daemon/postmaster sender, an auto-reply subject («Автоответ:», «Автоматический
 *   ответ:», "Automatic reply:", "Out of office:" — the colon is required, so «Автоответ не работает» is a
 *   person's question), or a no-reply sender without a Reply-To to answer;
 * - the description is the subject as its first line, then the body; quoted history is cut only where it
 *   is recognisable and nothing the person wrote follows it (a quote block that runs to the end, an
 *   "-----Original Message-----" separator), a signature only after a "-- " line followed by a few lines;
 *   a forwarded message is never cut; whatever was cut is named by a note (it stays in the mailbox);
 * - IDs are looked for in the subject first, then in the whole body (quotes included: a reply to the
 *   acknowledgement quotes its ID and key footer);
 * - mail from the regional support service (its address in «support.email», or its own domain: see
 *   support-packet.ts) is a person's message even when it is automatic — a registration receipt carries the
 *   ticket number — unless it is a bounce; the use case records its ticket and, when a person wrote it, its
 *   text as the answer draft;
 * - who wrote a message that reached a known request (`replyParty`): the requester (the request's address), the
 *   support service, a helper (the request's assignee, outside the circle that works the log: cl. 7, they work
 *   by e-mail), or someone else.
 */
import { emailIntakeTexts } from '../locale/email-intake';
import { format, type LocaleCode } from '../locale/index';
import { mailTexts } from '../locale/mail';
import { isPlausibleEmail, normalizeEmail } from './contacts';
import { escapeHtml, type RenderedMail } from './mail-templates';
import type { IncomingRequest, Status } from './request';
import { findRequestIds } from './request-id';
import { isSupportAddress } from './support-packet';

/** What the Gmail adapter reads of one message. */
export interface MailFacts {
  /** Gmail's message ID (`GmailMessage.getId()`): the request's source key is `email:<id>`. */
  id: string;
  threadId: string;
  /** `Name <address>` as Gmail gives it. */
  from: string;
  /** Gmail gives the From when there is no Reply-To. */
  replyTo: string;
  subject: string;
  plainBody: string;
  date: Date;
  /** Header values, '' when absent. */
  autoSubmitted: string;
  precedence: string;
  returnPath: string;
}

export interface MailIntakeContext {
  /** The helpdesk account and its aliases: their mail is the helpdesk's own. */
  ownAddresses: readonly string[];
  /** The school's own addresses that forward mail into the helpdesk (the «school.email» setting). */
  forwarderAddresses: readonly string[];
  /** The regional support service's address (the «support.email» setting; '' when not filled in). */
  supportAddress?: string;
  locale: string;
}

export type IgnoreReason = 'bounce' | 'auto-reply' | 'automated';

export type MailVerdict =
  /** Sent by the helpdesk itself (an acknowledgement in the thread): the IDs it carries name the thread's request. */
  | { kind: 'own'; requestIds: string[] }
  | { kind: 'ignore'; reason: IgnoreReason }
  /** A person's message: a reply if one of `referencedIds` (in order) exists, else a new request. */
  | {
      kind: 'person';
      referencedIds: string[];
      incoming: IncomingRequest;
      trimmed: boolean;
      /** What the person wrote in this message: the body without quoted history and signature. */
      replyText: string;
      /** Sent by the regional support service. */
      fromSupport: boolean;
      /** Support mail only: it is automatic (a receipt), so its text is no answer. */
      automated?: IgnoreReason;
    };

export interface Mailbox {
  name: string;
  address: string;
}

/** `"Иванова, Анна" <anna@mail.ru>`, `anna@mail.ru (Анна)`, `<anna@mail.ru>` or a bare address. */
export function parseMailbox(text: string): Mailbox {
  const raw = text.trim();
  const angled = /^([\s\S]*?)<([^<>]*)>\s*$/.exec(raw);
  if (angled) return { name: unquote(angled[1]), address: angled[2].trim() };
  const commented = /^(\S+)\s*\(([^()]*)\)\s*$/.exec(raw);
  if (commented) return { name: commented[2].trim(), address: commented[1] };
  return { name: '', address: raw };
}

function unquote(text: string): string {
  const t = text.trim();
  return /^"[\s\S]*"$/.test(t) ? t.slice(1, -1).replace(/\\(.)/g, '$1').trim() : t;
}

/** A header that names several recipients (commas outside quotes) does not name the one to answer. */
function isSingleMailbox(text: string): boolean {
  return !/,(?=(?:[^"]*"[^"]*")*[^"]*$)/.test(text);
}

function localPart(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? address : address.slice(0, at);
}

const BOUNCE_SENDER = /^(mailer-daemon|postmaster)$/i;
const NO_REPLY_SENDER = /^(no-?reply|do-?not-?reply)([+._-].*)?$/i;
// The colon after the marker is required: a person may write «Автоответ не работает».
const AUTO_REPLY_SUBJECT =
  /^(?:(?:re|aw|ответ)\s*:\s*)*(?:автоответ|автоматический ответ|auto(?:matic)?[\s-]?reply|autoreply|out of (?:the )?office(?: reply| autoreply)?)\s*(?::|$)/i;
const MACHINE_PRECEDENCE = /^(auto_reply|bulk|junk|list)$/i;

/** Machine mail that no person wrote; undefined for a person's message. */
export function machineMailReason(facts: MailFacts, sender: Mailbox, hasReplyTo: boolean): IgnoreReason | undefined {
  const fromAddress = parseMailbox(facts.from).address;
  if (BOUNCE_SENDER.test(localPart(fromAddress)) || facts.returnPath.trim() === '<>') return 'bounce';
  const autoSubmitted = facts.autoSubmitted.trim().toLowerCase();
  if ((autoSubmitted !== '' && autoSubmitted !== 'no') || AUTO_REPLY_SUBJECT.test(facts.subject.trim())) {
    return 'auto-reply';
  }
  if (MACHINE_PRECEDENCE.test(facts.precedence.trim())) return 'automated';
  if (NO_REPLY_SENDER.test(localPart(sender.address)) && !hasReplyTo) return 'automated';
  return undefined;
}

// ---- the text -----------------------------------------------------------------------------------------------

const QUOTED = /^\s*>/;
const FORWARD_MARKER =
  /^\s*(?:-{2,}\s*(?:forwarded message|пересылаемое сообщение|пересланное сообщение)\s*-{2,}|begin forwarded message:|начало переадресованного сообщения:)\s*$/im;
const ORIGINAL_MARKER = /^\s*-{2,}\s*(?:original message|исходное сообщение)\s*-{2,}\s*$/i;
const OUTLOOK_RULE = /^\s*_{10,}\s*$/;
const HEADER_FIELD = /^\s*(?:from|от|от кого)\s*:/i;
// "On …, Anna <a@b.ru> wrote:", «…, Анна пишет:», mail.ru's «… от Анна <a@b.ru>:».
const REPLY_HEADER_END =
  /(?:wrote|пишет|написал|написала|написал\(а\)|писал|писала)\s*:\s*$|<[^<>\s]+@[^<>\s]+>\s*:\s*$/i;
const SIGNATURE_RULE = /^--\s?$/;
const MAX_SIGNATURE_LINES = 8;
const DEVICE_FOOTER =
  /^\s*(?:sent from .{1,60}|отправлено (?:из|с|со) .{1,60}|get outlook for .{1,30}|скачайте outlook для .{1,30})\s*$/i;

function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** Every line from `start` on is quoted or blank, and there is a quote. */
function onlyQuotesFrom(lines: readonly string[], start: number): boolean {
  const rest = lines.slice(start);
  return rest.some((l) => QUOTED.test(l)) && rest.every((l) => isBlank(l) || QUOTED.test(l));
}

/** Gmail wraps a long "On … <\naddress> wrote:" line; the header then starts one line up. */
function headerStart(lines: readonly string[], end: number): number {
  const previous = lines[end - 1];
  if (previous === undefined || isBlank(previous) || QUOTED.test(previous)) return end;
  return /<\s*$/.test(previous) || /^\s*<?[^\s<>@]+@/.test(lines[end]) ? end - 1 : end;
}

/** Where the earlier correspondence starts, when it is recognisable and nothing written follows it. */
function quotedHistoryStart(lines: readonly string[]): number | undefined {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (ORIGINAL_MARKER.test(line)) return i;
    if (OUTLOOK_RULE.test(line) && HEADER_FIELD.test(lines[i + 1] ?? '')) return i;
    if (REPLY_HEADER_END.test(line) && onlyQuotesFrom(lines, i + 1)) return headerStart(lines, i);
  }
  let start = lines.length;
  while (start > 0 && (isBlank(lines[start - 1]) || QUOTED.test(lines[start - 1]))) start--;
  return lines.slice(start).some((l) => QUOTED.test(l)) ? start : undefined;
}

/** A "-- " line near the end starts a signature; a device footer ("Sent from my iPhone") is one too. */
function signatureStart(lines: readonly string[]): number | undefined {
  for (let i = lines.length - 1; i > 0; i--) {
    if (!SIGNATURE_RULE.test(lines[i])) continue;
    const after = lines.slice(i + 1).filter((l) => !isBlank(l)).length;
    return after <= MAX_SIGNATURE_LINES ? i : undefined;
  }
  let last = lines.length - 1;
  while (last > 0 && isBlank(lines[last])) last--;
  return last > 0 && DEVICE_FOOTER.test(lines[last]) ? last : undefined;
}

export interface TrimmedBody {
  text: string;
  /** Something recognisable as quoted history or a signature was left out. */
  trimmed: boolean;
}

/** The part of a body the person wrote for this message; the whole body when unsure or when nothing is left. */
export function trimReplyText(body: string): TrimmedBody {
  const whole = body.replace(/\r\n?/g, '\n').trim();
  if (FORWARD_MARKER.test(whole)) return { text: whole, trimmed: false };
  let lines = whole.split('\n');
  const quote = quotedHistoryStart(lines);
  if (quote !== undefined) lines = lines.slice(0, quote);
  const signature = signatureStart(lines);
  if (signature !== undefined) lines = lines.slice(0, signature);
  const text = lines.join('\n').trim();
  if (text === '' || text === whole) return { text: whole, trimmed: false };
  return { text, trimmed: true };
}

/** In a message forwarded by hand, the sender of the forwarded block ("From:"/«От:»), if it names one. */
export function forwardedSender(body: string): Mailbox | undefined {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const marker = lines.findIndex((l) => FORWARD_MARKER.test(l));
  if (marker < 0) return undefined;
  for (const line of lines.slice(marker + 1, marker + 10)) {
    const field = /^\s*(?:from|от|от кого)\s*:\s*(.+)$/i.exec(line);
    if (field) return parseMailbox(field[1].replace(/\*/g, ''));
  }
  return undefined;
}

// ---- the verdict --------------------------------------------------------------------------------------------

function addressSet(list: readonly string[]): Set<string> {
  return new Set(list.map(normalizeEmail).filter((a) => a !== ''));
}

/** Who wrote the message, as the helpdesk should answer them. */
function requesterOf(facts: MailFacts, own: Set<string>): { sender: Mailbox; hasReplyTo: boolean } {
  const from = parseMailbox(facts.from);
  const replyTo = isSingleMailbox(facts.replyTo) ? parseMailbox(facts.replyTo) : undefined;
  const usable =
    replyTo !== undefined &&
    isPlausibleEmail(replyTo.address) &&
    normalizeEmail(replyTo.address) !== normalizeEmail(from.address) &&
    !own.has(normalizeEmail(replyTo.address));
  if (!usable) return { sender: from, hasReplyTo: false };
  return { sender: { name: replyTo.name || from.name, address: replyTo.address }, hasReplyTo: true };
}

function describe(facts: MailFacts, locale: string, forwarded: boolean): { description: string; trimmed: boolean } {
  const subject = facts.subject.replace(/\s+/g, ' ').trim();
  const body = forwarded
    ? { text: facts.plainBody.replace(/\r\n?/g, '\n').trim(), trimmed: false }
    : trimReplyText(facts.plainBody);
  const parts = [subject, body.text].filter((p) => p !== '');
  if (body.trimmed) parts.push(`\n${emailIntakeTexts(locale).trimmedNote}`);
  return { description: parts.join('\n'), trimmed: body.trimmed };
}

export function incomingFromMail(facts: MailFacts, requester: Mailbox, description: string): IncomingRequest {
  return {
    source: { kind: 'email', messageId: facts.id, threadId: facts.threadId },
    channel: 'email',
    receivedAt: facts.date,
    requesterType: '',
    name: requester.name,
    className: '',
    email: requester.address,
    phone: '',
    preferredChannel: 'email',
    topic: '',
    description,
    // The form's consent question cannot be asked by mail: intake flags it for the consultant.
    consent: false,
  };
}

/** What one message under the helpdesk label is. Pure: the use case looks the IDs up and writes. */
export function classifyMail(facts: MailFacts, ctx: MailIntakeContext): MailVerdict {
  const own = addressSet(ctx.ownAddresses);
  if (own.has(normalizeEmail(parseMailbox(facts.from).address))) {
    return { kind: 'own', requestIds: findRequestIds(facts.plainBody) };
  }
  const { sender, hasReplyTo } = requesterOf(facts, own);
  const supportEmail = ctx.supportAddress ?? '';
  const fromSupport =
    isSupportAddress(parseMailbox(facts.from).address, supportEmail) || isSupportAddress(sender.address, supportEmail);
  const ignore = machineMailReason(facts, sender, hasReplyTo);
  if (ignore && (!fromSupport || ignore === 'bounce')) return { kind: 'ignore', reason: ignore };

  const byForwarder = addressSet(ctx.forwarderAddresses).has(normalizeEmail(sender.address));
  const requester = byForwarder ? (forwardedSender(facts.plainBody) ?? sender) : sender;
  const { description, trimmed } = describe(facts, ctx.locale, byForwarder);
  const referencedIds = [...findRequestIds(facts.subject), ...findRequestIds(facts.plainBody)].filter(
    (id, i, all) => all.indexOf(id) === i,
  );
  const replyText = byForwarder ? '' : trimReplyText(facts.plainBody).text;
  return {
    kind: 'person',
    referencedIds,
    incoming: incomingFromMail(facts, requester, description),
    trimmed,
    replyText,
    fromSupport,
    ...(ignore ? { automated: ignore } : {}),
  };
}

// ---- labels and queries ---------------------------------------------------------------------------------

/** Gmail search writes a label's spaces, slashes and other separators as dashes (`label:помощь-эж`). */
export function labelSearchName(label: string): string {
  return label
    .trim()
    .toLowerCase()
    .replace(/[\s/\\&,;:()[\]{}"']+/g, '-');
}

export interface IntakeLabelNames {
  intake: string;
  processed: string;
}

export function intakeLabelNames(setting: string, locale: string): IntakeLabelNames {
  const texts = emailIntakeTexts(locale);
  const intake = setting.trim().replace(/\/+$/, '') || texts.defaultLabel;
  return { intake, processed: `${intake}/${texts.processedSuffix}` };
}

/**
 * Threads with a message under the intake label. Not `-label:<processed>`: a reply arriving in a processed
 * thread carries the thread's labels too (as Gmail shows a conversation), so it would never be found.
 */
export function intakeQuery(names: IntakeLabelNames): string {
  return `label:${labelSearchName(names.intake)}`;
}

// ---- a reply to a known request -----------------------------------------------------------------------------

export type ReplySender = 'requester' | 'other';
/** Who wrote a message that reached a known request. */
export type ReplyParty = 'requester' | 'support' | 'helper' | 'other';

/**
 * Whose message reached a known request: the requester's only from the address the request holds. Anyone
 * else (a helper, a colleague answering an internal notice, the parent from a second address) is told to
 * the assignee but does not resume the request: a person decides.
 */
export function replySender(senderAddress: string, requestEmail: string): ReplySender {
  const sender = normalizeEmail(senderAddress);
  return sender !== '' && sender === normalizeEmail(requestEmail) ? 'requester' : 'other';
}

export interface ReplyPartyFacts {
  senderAddress: string;
  fromSupport: boolean;
  /** The request's «Эл. почта» and «Исполнитель» cells. */
  requestEmail: string;
  assignee: string;
  /** The assignee works the log in the spreadsheet (consultant, deputy, director, the school account). */
  assigneeInCircle: boolean;
}

/**
 * The requester first (a parent writing from their own address is never taken for anyone else), then the
 * support service, then a helper: the request's assignee when they are outside the circle that works the log
 * (a consultant answering in the thread is a colleague's message, not a draft).
 */
export function replyParty(f: ReplyPartyFacts): ReplyParty {
  if (replySender(f.senderAddress, f.requestEmail) === 'requester') return 'requester';
  if (f.fromSupport) return 'support';
  const sender = normalizeEmail(f.senderAddress);
  if (sender !== '' && sender === normalizeEmail(f.assignee) && !f.assigneeInCircle) return 'helper';
  return 'other';
}

/** The requester's answer resumes a request that waited for it (R5.3: the paused clock runs again). */
export function statusAfterRequesterReply(status: Status | undefined): Status | undefined {
  return status === 'clarification' ? 'inProgress' : undefined;
}

export interface ReplyNoticeData {
  key: string;
  requestId: string;
  from: ReplySender;
  /** The status labels before and after, when the reply changed it. */
  statusChange?: { before: string; after: string };
  requestLink: string;
  mailLink: string;
}

/** The assignee's notice: that a reply came and where to read it, never the reply's text (personal data). */
export function renderReplyNotice(locale: LocaleCode, data: ReplyNoticeData): RenderedMail {
  const t = emailIntakeTexts(locale).replyNotice;
  const m = mailTexts(locale);
  const paragraphs = [format(data.from === 'requester' ? t.intro : t.introOther, { id: data.requestId })];
  if (data.statusChange) paragraphs.push(format(t.resumed, data.statusChange));
  paragraphs.push(t.whereToRead);
  const links = [
    { title: t.openRequest, link: data.requestLink },
    { title: t.openMail, link: data.mailLink },
  ].filter((l) => /^https:\/\/\S+$/.test(l.link));
  const footer = [m.automatic, format(m.keyLine, { key: data.key })];
  const text = [
    ...paragraphs,
    links.map((l) => `• ${l.title} — ${l.link}`).join('\n'),
    `--\n${footer.join('\n')}`,
  ].filter((block) => block !== '');
  const html = [
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    links.length
      ? `<ul>${links.map((l) => `<li><a href="${escapeHtml(l.link)}">${escapeHtml(l.title)}</a></li>`).join('')}</ul>`
      : '',
    `<p style="color:#777;font-size:12px">${footer.map(escapeHtml).join('<br>')}</p>`,
  ].join('');
  return {
    subject: format(t.subject, { id: data.requestId }),
    text: `${text.join('\n\n')}\n`,
    html: `<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.4">${html}</div>`,
  };
}
