/**
 * Escalation to the regional support service (regulation cl. 8, 9, 9.4; SPEC R8, R9) as pure functions: the
 * consultant's input checked, the packet cl. 9.4 asks for, the support's mail recognised (its address, its
 * ticket number) and the consultant's notice when the support writes back.
 *
 * The packet goes to an external service and carries the requester's name, category, class, e-mail and
 * phone: cl. 9.4 asks who is having the difficulty, and the support service (cl. 9.3) contacts users back, so
 * these are required by the regulation. Nothing else of the log goes: not the consultant's notes, not other
 * requests. The packet also names what was tried, the documents studied (cl. 9.4.2) and a link to the source
 * document or discussion (cl. 9.4.2), and the support's earlier ticket when the packet is sent again after a
 * rejection (cl. 9.4.3).
 */
import { escalationTexts } from '../locale/escalation';
import { format, type LocaleCode, messages } from '../locale/index';
import { mailTexts } from '../locale/mail';
import { isPlausibleEmail, normalizeEmail } from './contacts';
import type { DraftPlacement } from './helper-mail';
import { MAX_PAYLOAD_CHARS, payloadOf } from './mail-queue';
import {
  type Article,
  type Block,
  compose,
  filled,
  footer,
  formatDue,
  type MailContext,
  presentLines,
  type RenderedMail,
} from './mail-templates';
import type { RequesterType } from './request';
import { parseRequestId } from './request-id';
import { safeCutIndex } from './text-safety';

type Instant = Date | number;

// ---- the consultant's input ----------------------------------------------------------------------------------

/** What the consultant adds to the packet; each field is plain text as typed. */
export interface PacketInput {
  tried: string;
  documents: string;
  link: string;
  /** The support's ticket number when the request was passed on by phone or in the VK group (cl. 8). */
  ticket: string;
}

export const PACKET_LIMITS: Readonly<Record<keyof PacketInput, number>> = {
  tried: 4000,
  documents: 2000,
  link: 1000,
  ticket: 100,
};

export type PacketInputProblem = { code: 'badInput' } | { code: 'tooLong'; field: keyof PacketInput; max: number };

export interface EscalationRequest extends PacketInput {
  requestId: string;
}

/**
 * The sidebar's arguments as an escalation: `requestId` a non-empty string, the other fields strings when
 * given (numbers are taken as typed, e.g. a ticket 12345), none longer than its limit. Nothing is trimmed
 * away but the ends.
 */
export function readEscalationRequest(
  raw: unknown,
): { ok: true; value: EscalationRequest } | { ok: false; problem: PacketInputProblem } {
  if (raw === null || typeof raw !== 'object') return { ok: false, problem: { code: 'badInput' } };
  const r = raw as Record<string, unknown>;
  if (typeof r.requestId !== 'string' || r.requestId.trim() === '') return { ok: false, problem: { code: 'badInput' } };
  const value: EscalationRequest = { requestId: r.requestId.trim(), tried: '', documents: '', link: '', ticket: '' };
  for (const field of Object.keys(PACKET_LIMITS) as Array<keyof PacketInput>) {
    const v = r[field];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string' && typeof v !== 'number') return { ok: false, problem: { code: 'badInput' } };
    const text = String(v).trim();
    if (text.length > PACKET_LIMITS[field]) {
      return { ok: false, problem: { code: 'tooLong', field, max: PACKET_LIMITS[field] } };
    }
    value[field] = text;
  }
  return { ok: true, value };
}

// ---- the support's mail ---------------------------------------------------------------------------------------

/** Public mail services: a support address there is matched exactly, never by its domain. */
const PUBLIC_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'mail.ru',
  'bk.ru',
  'list.ru',
  'inbox.ru',
  'internet.ru',
  'yandex.ru',
  'ya.ru',
  'yandex.com',
  'rambler.ru',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'icloud.com',
  'me.com',
  'yahoo.com',
  'proton.me',
  'protonmail.com',
]);

function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : address.slice(at + 1);
}

/**
 * Whether `address` is the support service's: the address in the settings, or another address of its own
 * domain (a ticket system answers from e.g. noreply@ or robot@), unless that domain is a public mail service.
 */
export function isSupportAddress(address: string, supportEmail: string): boolean {
  const a = normalizeEmail(address);
  const s = normalizeEmail(supportEmail);
  if (!a || !isPlausibleEmail(s)) return false;
  if (a === s) return true;
  const domain = domainOf(s);
  return domain !== '' && domainOf(a) === domain && !PUBLIC_DOMAINS.has(domain);
}

// A ticket number: an optional prefix of letters, then digits, maybe in dash- or slash-separated groups (at
// least three digits in all, so «№ 98-од» or «п. 9.4» is none).
const TOKEN = '([A-ZА-ЯЁ]{0,6}[-_]?\\d+(?:[-_/]\\d+)*)';
const BEFORE = '(?<![\\p{L}\\p{N}])';
const AFTER = '(?![\\p{L}\\p{N}])';
/** «заявка № 12345», «номер обращения: SD-2026-0042», "Ticket #12345", "Request ID: 77-123". */
const NAMED_TICKET = new RegExp(
  `${BEFORE}(?:заявк\\p{L}*|обращени\\p{L}*|тикет\\p{L}*|инцидент\\p{L}*|ticket|request|case|incident)` +
    `(?:\\s+(?:номер|number|id|no\\.?))?\\s*(?:№|#|no\\.|n°|:)?\\s*#?\\s*${TOKEN}${AFTER}`,
  'giu',
);
/** «под номером SD-2026-0042», «номер: 12345», "number 12345". */
const NUMBER_TICKET = new RegExp(`${BEFORE}(?:номер(?:ом)?|number)\\s*(?:№|#|:)?\\s*${TOKEN}${AFTER}`, 'giu');
/** A bare «№ 12345» or "[#12345]". */
const MARKED_TICKET = new RegExp(`(?:№|#)\\s*${TOKEN}${AFTER}`, 'giu');

function isTicket(token: string): boolean {
  return token.replace(/\D/g, '').length >= 3 && !parseRequestId(token);
}

/**
 * The support's ticket number in its message (the subject first, then the text it wrote), or undefined. The
 * school's own request IDs are never taken for one.
 */
export function findSupportTicket(subject: string, text: string): string | undefined {
  for (const source of [subject, text]) {
    for (const pattern of [NAMED_TICKET, NUMBER_TICKET, MARKED_TICKET]) {
      for (const match of source.matchAll(pattern)) {
        if (isTicket(match[1])) return match[1];
      }
    }
  }
  return undefined;
}

// ---- the packet ------------------------------------------------------------------------------------------------

export interface PacketRequester {
  name: string;
  requesterType: RequesterType | '';
  className: string;
  email: string;
  phone: string;
}

export interface PacketData extends PacketInput {
  key: string;
  requestId: string;
  requester: PacketRequester;
  topic: string;
  description: string;
  receivedAt: Instant | null;
  escalatedAt: Instant;
  /** The support's number of an earlier submission of this request ('' for the first one). */
  previousTicket: string;
  consultant: { name: string; email: string };
}

/** The description in the packet starts at this and halves until the message fits the queue's payload cell. */
export const PACKET_DESCRIPTION_MAX = 15_000;
const PACKET_DESCRIPTION_MIN = 500;

function cut(text: string, max: number): { text: string; shortened: boolean } {
  if (text.length <= max) return { text, shortened: false };
  return { text: `${text.slice(0, safeCutIndex(text, max)).trimEnd()}…`, shortened: true };
}

function packetWith(ctx: MailContext, data: PacketData, descriptionMax: number): RenderedMail {
  const t = escalationTexts(ctx.locale).packet;
  const choices = messages(ctx.locale).choices;
  const r = data.requester;
  const school = ctx.schoolName.trim() || messages(ctx.locale).appName;
  const when = (at: Instant | null) => (at === null ? '' : formatDue(at, ctx.timeZone, ctx.locale));
  const described = cut(data.description.trim(), descriptionMax);
  const blocks: Block[] = [{ type: 'paragraph', text: format(t.intro, { school }) }];
  if (filled(data.previousTicket))
    blocks.push({ type: 'paragraph', text: format(t.repeat, { ticket: data.previousTicket }) });
  const who: Array<readonly [string, string]> = [
    [t.name, r.name],
    [t.requesterType, r.requesterType ? choices.requesterType[r.requesterType] : ''],
    [t.className, r.className],
    [t.email, r.email],
    [t.phone, r.phone],
  ];
  const what: Array<readonly [string, string]> = [
    [t.request, data.requestId],
    [t.topic, data.topic],
    [t.received, when(data.receivedAt)],
    [t.escalated, when(data.escalatedAt)],
  ];
  blocks.push(
    { type: 'heading', text: t.whoHeading },
    { type: 'fields', rows: who.filter(([, v]) => filled(v)) },
    { type: 'heading', text: t.whatHeading },
    { type: 'fields', rows: what.filter(([, v]) => filled(v)) },
    { type: 'heading', text: t.description },
    { type: 'quote', text: described.text || t.notStated },
  );
  if (described.shortened) blocks.push({ type: 'paragraph', text: t.shortened });
  blocks.push(
    { type: 'heading', text: t.triedHeading },
    { type: 'paragraph', text: data.tried.trim() || t.notStated },
    { type: 'heading', text: t.documentsHeading },
    { type: 'paragraph', text: data.documents.trim() || t.notStated },
    { type: 'heading', text: t.linkHeading },
  );
  const link = data.link.trim();
  const item: Article = { title: link, link };
  blocks.push(link ? { type: 'links', items: [item] } : { type: 'paragraph', text: t.notStated });
  const contacts = presentLines([
    [`${t.consultant}: {value}`, data.consultant.name],
    [`${t.consultantEmail}: {value}`, data.consultant.email],
    [`${t.schoolPhone}: {value}`, ctx.schoolPhone],
    [`${t.schoolEmail}: {value}`, ctx.schoolEmail],
  ]);
  if (contacts.length > 0) blocks.push({ type: 'heading', text: t.contactHeading }, { type: 'lines', lines: contacts });
  blocks.push({ type: 'paragraph', text: format(t.replyHint, { id: data.requestId }) });
  blocks.push(footer(mailTexts(ctx.locale), [data.key]));
  const subject = filled(data.previousTicket) ? t.subjectRepeat : t.subject;
  return compose(format(subject, { school, id: data.requestId }), blocks);
}

/**
 * The cl. 9.4 packet. A description too long for the mail queue's payload cell (the escaped HTML can be
 * several times the text) is shortened until the message fits, with a remark; the school keeps the whole.
 */
export function renderSupportPacket(ctx: MailContext, data: PacketData): RenderedMail {
  let max = PACKET_DESCRIPTION_MAX;
  let mail = packetWith(ctx, data, max);
  while (payloadOf(mail).length > MAX_PAYLOAD_CHARS && max > PACKET_DESCRIPTION_MIN) {
    max = Math.max(PACKET_DESCRIPTION_MIN, Math.floor(max / 2));
    mail = packetWith(ctx, data, max);
  }
  return mail;
}

// ---- the support's outcome ----------------------------------------------------------------------------------

export type SupportOutcome = 'answered' | 'rejected';

export function isSupportOutcome(value: unknown): value is SupportOutcome {
  return value === 'answered' || value === 'rejected';
}

/** The line «Заметки» gets when the support rejects a packet (cl. 9.4.3). */
export function supportRejectedNote(
  locale: LocaleCode,
  data: { at: Instant; timeZone: string; ticket: string; reason: string },
): string {
  const t = escalationTexts(locale);
  const ticket = filled(data.ticket) ? ` (№ ${data.ticket.trim()})` : '';
  return format(t.rejectedNote, { date: formatDue(data.at, data.timeZone, locale), ticket, reason: data.reason });
}

// ---- the consultant's notice when the support writes ----------------------------------------------------------

export interface SupportNoticeData {
  key: string;
  requestId: string;
  /** The ticket number found in the message, and what the row held before. */
  ticket?: string;
  recordedTicket: string;
  /** An automatic message (a registration receipt): its text is not a draft. */
  automated: boolean;
  placement?: DraftPlacement;
  requestLink: string;
  mailLink: string;
}

export function renderSupportNotice(ctx: MailContext, data: SupportNoticeData): RenderedMail {
  const t = escalationTexts(ctx.locale).supportNotice;
  const paragraphs = [format(t.intro, { id: data.requestId })];
  const ticket = data.ticket?.trim() ?? '';
  const recorded = data.recordedTicket.trim();
  if (ticket && (!recorded || recorded === ticket)) paragraphs.push(format(t.ticketRecorded, { ticket }));
  if (ticket && recorded && recorded !== ticket) paragraphs.push(format(t.ticketDiffers, { ticket, recorded }));
  if (data.automated) paragraphs.push(t.automated);
  else if (data.placement === 'cell') paragraphs.push(t.inCell);
  else if (data.placement === 'note') paragraphs.push(t.inNote);
  else if (data.placement === 'already') paragraphs.push(t.already);
  else if (data.placement === 'empty') paragraphs.push(t.empty);
  paragraphs.push(t.whatNext);
  const links = [
    { title: t.openRequest, link: data.requestLink },
    { title: t.openMail, link: data.mailLink },
  ].filter((l) => /^https:\/\/\S+$/.test(l.link));
  const blocks: Block[] = paragraphs.map((text) => ({ type: 'paragraph', text }));
  if (links.length > 0) blocks.push({ type: 'links', items: links });
  blocks.push(footer(mailTexts(ctx.locale), [data.key]));
  return compose(format(t.subject, { id: data.requestId }), blocks);
}
