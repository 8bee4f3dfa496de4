/**
 * The helpdesk's e-mails as pure functions of plain data: each returns a subject, an HTML body and its
 * plain-text twin, both built from the same blocks, in the school's language, with the key footer that
 * lets the mailer find a sent message again. Every value that reaches HTML is escaped here.
 */
import { format, type LocaleCode, messages } from '../locale/index';
import { type MailTexts, mailTexts } from '../locale/mail';
import type { Channel, RequesterType } from './request';
import { wallClockOf } from './zoned-time';

/** What the templates know about the school, all from the settings and the manifest. */
export interface MailContext {
  locale: LocaleCode;
  timeZone: string;
  schoolName: string;
  schoolPhone: string;
  schoolEmail: string;
  officeHours: { start: string; end: string };
  consultantName: string;
  appointmentOrder: string;
  support: { phone: string; vk: string; email: string; start: string; end: string };
  spreadsheetUrl: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface Article {
  title: string;
  link: string;
}

type Instant = Date | number;

// ---- blocks: one description, two renderings -------------------------------------------------------------

export type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; text: string }
  | { type: 'lines'; lines: string[] }
  | { type: 'fields'; rows: Array<readonly [string, string]> }
  | { type: 'links'; items: Article[] }
  | { type: 'quote'; text: string }
  | { type: 'footer'; lines: string[] };

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Only web and mail links become links; anything else (javascript:, data:) is shown as text. */
function isSafeUrl(url: string): boolean {
  return /^(https?:\/\/|mailto:)[^\s]+$/i.test(url.trim());
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return block.text;
    case 'heading':
      return block.text;
    case 'lines':
      return block.lines.join('\n');
    case 'fields':
      return block.rows.map(([label, value]) => `${label}: ${value}`).join('\n');
    case 'links':
      return block.items.map((a) => (a.link ? `• ${a.title} — ${a.link}` : `• ${a.title}`)).join('\n');
    case 'quote':
      return block.text
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
    case 'footer':
      return `--\n${block.lines.join('\n')}`;
  }
}

function linkHtml(item: Article): string {
  const title = escapeHtml(item.title);
  if (isSafeUrl(item.link)) return `<a href="${escapeHtml(item.link.trim())}">${title}</a>`;
  return item.link ? `${title} — ${escapeHtml(item.link)}` : title;
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'heading':
      return `<h3 style="margin:16px 0 4px">${escapeHtml(block.text)}</h3>`;
    case 'lines':
      return `<p>${block.lines.map(escapeHtml).join('<br>')}</p>`;
    case 'fields':
      return `<table cellpadding="2">${block.rows
        .map(
          ([label, value]) => `<tr><td style="color:#555">${escapeHtml(label)}</td><td>${escapeHtml(value)}</td></tr>`,
        )
        .join('')}</table>`;
    case 'links':
      return `<ul>${block.items.map((a) => `<li>${linkHtml(a)}</li>`).join('')}</ul>`;
    case 'quote':
      return `<blockquote style="white-space:pre-wrap;border-left:3px solid #ccc;margin:8px 0;padding-left:8px">${escapeHtml(block.text)}</blockquote>`;
    case 'footer':
      return `<p style="color:#777;font-size:12px">${block.lines.map(escapeHtml).join('<br>')}</p>`;
  }
}

/** A subject is one line (no header injection) within Apps Script's 250 characters. */
function oneLine(value: string, max = 250): string {
  return shorten(value.replace(/\s+/g, ' ').trim(), max);
}

/** Cuts by code points, so an emoji is never split into half a surrogate pair. */
export function shorten(value: string, max: number): string {
  const chars = Array.from(value);
  return chars.length <= max ? value : `${chars.slice(0, max).join('').trimEnd()}…`;
}

export function compose(subject: string, blocks: Block[]): RenderedMail {
  return {
    subject: oneLine(subject),
    text: `${blocks.map(blockText).join('\n\n')}\n`,
    html: `<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.4">${blocks
      .map(blockHtml)
      .join('')}</div>`,
  };
}

export function footer(t: MailTexts, keys: readonly string[]): Block {
  return { type: 'footer', lines: [t.automatic, ...keys.map((key) => format(t.keyLine, { key }))] };
}

/** «02.09.2026 15:00» on the wall clock of the school's zone, whatever the machine's zone. */
export function formatDue(at: Instant, timeZone: string, locale: LocaleCode = 'ru'): string {
  const w = wallClockOf(typeof at === 'number' ? at : at.getTime(), timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return format(mailTexts(locale).dueFormat, {
    day: two(w.d),
    month: two(w.m),
    year: String(w.y),
    hour: two(w.hour),
    minute: two(w.minute),
  });
}

export function filled(value: string): boolean {
  return value.trim() !== '';
}

/** Lines for the values the school filled in; an empty setting leaves no empty line. */
export function presentLines(pairs: Array<readonly [string, string]>): string[] {
  return pairs
    .filter(([, value]) => filled(value))
    .map(([template, value]) => format(template, { value: value.trim() }));
}

// ---- the requester's acknowledgement -----------------------------------------------------------------------

export interface AcknowledgementData {
  key: string;
  requestId: string;
  dueAt: Instant | null;
  /** The knowledge-base articles of the request's topic (written by the school, never by the requester). */
  articles: readonly Article[];
}

/**
 * Goes to an address nobody verified, so it carries nothing the requester typed (no name, no description,
 * not even the topic as entered): a stranger's address in the form must not make the school a spam relay.
 */
export function renderAcknowledgement(ctx: MailContext, data: AcknowledgementData): RenderedMail {
  const t = mailTexts(ctx.locale);
  const a = t.ack;
  const blocks: Block[] = [{ type: 'paragraph', text: format(a.registered, { id: data.requestId }) }];
  if (data.dueAt !== null) {
    blocks.push({ type: 'paragraph', text: format(a.due, { due: formatDue(data.dueAt, ctx.timeZone, ctx.locale) }) });
  }
  blocks.push({ type: 'paragraph', text: a.replyHint });
  const contacts = presentLines([
    [a.schoolPhone, ctx.schoolPhone],
    [a.schoolEmail, ctx.schoolEmail],
    [a.consultant, ctx.consultantName],
    [a.appointment, ctx.appointmentOrder],
  ]);
  if (filled(ctx.officeHours.start) && filled(ctx.officeHours.end)) {
    contacts.push(format(a.officeHours, { start: ctx.officeHours.start, end: ctx.officeHours.end }));
  }
  if (contacts.length > 0) {
    blocks.push({ type: 'heading', text: ctx.schoolName.trim() || a.contactsHeading });
    blocks.push({ type: 'lines', lines: contacts });
  }
  const s = ctx.support;
  const support = presentLines([
    [a.supportPhone, s.phone],
    [a.supportVk, s.vk],
    [a.supportEmail, s.email],
  ]);
  if (support.length > 0 && filled(s.start) && filled(s.end)) {
    support.push(format(a.supportHours, { start: s.start, end: s.end }));
  }
  if (support.length > 0) blocks.push({ type: 'heading', text: a.supportHeading }, { type: 'lines', lines: support });
  const articles = data.articles.filter((x) => filled(x.title));
  if (articles.length > 0)
    blocks.push({ type: 'heading', text: a.articlesHeading }, { type: 'links', items: articles });
  blocks.push(footer(t, [data.key]));
  return compose(format(a.subject, { id: data.requestId }), blocks);
}

// ---- internal mail to staff --------------------------------------------------------------------------------

/** Staff see the description in the spreadsheet anyway; the notice shows its beginning only. */
export const DESCRIPTION_PREVIEW_CHARS = 300;

export interface AssigneeNoticeData {
  key: string;
  requestId: string;
  topic: string;
  requesterType: RequesterType | '';
  channel: Channel;
  dueAt: Instant | null;
  description: string;
}

export function renderAssigneeNotice(ctx: MailContext, data: AssigneeNoticeData): RenderedMail {
  const t = mailTexts(ctx.locale);
  const n = t.assignee;
  const choices = messages(ctx.locale).choices;
  const rows: Array<readonly [string, string]> = [
    [n.request, data.requestId],
    [n.topic, data.topic],
    [n.requester, data.requesterType ? choices.requesterType[data.requesterType] : ''],
    [n.channel, choices.channel[data.channel] ?? data.channel],
  ];
  if (data.dueAt !== null) rows.push([n.due, formatDue(data.dueAt, ctx.timeZone, ctx.locale)]);
  const blocks: Block[] = [
    { type: 'paragraph', text: n.intro },
    { type: 'fields', rows },
  ];
  const description = data.description.trim();
  if (description) {
    blocks.push({ type: 'heading', text: n.description });
    blocks.push({ type: 'quote', text: shorten(description, DESCRIPTION_PREVIEW_CHARS) });
  }
  if (filled(ctx.spreadsheetUrl)) blocks.push({ type: 'links', items: [{ title: n.open, link: ctx.spreadsheetUrl }] });
  blocks.push(footer(t, [data.key]));
  return compose(format(n.subject, { id: data.requestId, topic: data.topic }), blocks);
}

export interface EtiquetteAlertData {
  key: string;
  requestId: string;
  /** 'flagged': the words were found in incoming text; 'ended': the consultant ended the consultation. */
  event: 'flagged' | 'ended';
}

/** Tells the director where to look; the offending words themselves are not repeated. */
export function renderEtiquetteAlert(ctx: MailContext, data: EtiquetteAlertData): RenderedMail {
  const t = mailTexts(ctx.locale);
  const e = t.etiquette;
  const blocks: Block[] = [
    { type: 'paragraph', text: format(data.event === 'ended' ? e.ended : e.flagged, { id: data.requestId }) },
    { type: 'paragraph', text: format(e.where, { id: data.requestId }) },
  ];
  if (filled(ctx.spreadsheetUrl)) {
    blocks.push({ type: 'links', items: [{ title: t.assignee.open, link: ctx.spreadsheetUrl }] });
  }
  blocks.push(footer(t, [data.key]));
  return compose(format(e.subject, { id: data.requestId }), blocks);
}

export interface ComplaintNoticeData {
  key: string;
  receivedAt: Instant;
  /** The separate complaints spreadsheet only the director and the owner can open. */
  complaintsUrl: string;
}

/** Only that a complaint arrived and where to read it: its text stays in the director's spreadsheet. */
export function renderComplaintNotice(ctx: MailContext, data: ComplaintNoticeData): RenderedMail {
  const t = mailTexts(ctx.locale);
  const c = t.complaint;
  const blocks: Block[] = [
    { type: 'paragraph', text: format(c.arrived, { at: formatDue(data.receivedAt, ctx.timeZone, ctx.locale) }) },
    { type: 'paragraph', text: c.where },
  ];
  if (filled(data.complaintsUrl))
    blocks.push({ type: 'links', items: [{ title: c.subject, link: data.complaintsUrl }] });
  blocks.push(footer(t, [data.key]));
  return compose(c.subject, blocks);
}

export interface DigestItem {
  key: string;
  subject: string;
  text: string;
}

/**
 * Several internal alerts to one reader in one message, when the day's quota is short. The footer lists
 * every folded key, so each of them is found in the sent mail if the run dies after the send.
 */
export function renderDigest(ctx: Pick<MailContext, 'locale'>, items: readonly DigestItem[]): RenderedMail {
  const t = mailTexts(ctx.locale);
  const blocks: Block[] = [{ type: 'paragraph', text: t.digest.intro }];
  for (const item of items) {
    blocks.push({ type: 'heading', text: oneLine(item.subject) }, { type: 'quote', text: item.text.trim() });
  }
  blocks.push(
    footer(
      t,
      items.map((i) => i.key),
    ),
  );
  return compose(format(t.digest.subject, { count: items.length }), blocks);
}

/** The context from the «Настройки» values (by setting key) and what the script knows about itself. */
export function mailContextOf(
  settings: ReadonlyMap<string, string>,
  self: { locale: LocaleCode; timeZone: string; spreadsheetUrl: string },
): MailContext {
  const get = (key: string) => (settings.get(key) ?? '').trim();
  return {
    ...self,
    schoolName: get('school.name'),
    schoolPhone: get('school.phone'),
    schoolEmail: get('school.email'),
    officeHours: { start: get('office.start'), end: get('office.end') },
    consultantName: get('consultant.name'),
    appointmentOrder: get('consultant.appointmentOrder'),
    support: {
      phone: get('support.phone'),
      vk: get('support.vk'),
      email: get('support.email'),
      start: get('support.start'),
      end: get('support.end'),
    },
  };
}

// ---- service levels: alerts, auto-close, new staff, the morning digest -----------------------------------

export interface SlaAlertData {
  key: string;
  requestId: string;
  track: 'firstResponse' | 'resolution' | 'support';
  /** 1 reminder, 2 overdue, 3 the director's escalation (support: 2). */
  level: number;
  /** The school's topic label (not the requester's words). */
  topic: string;
  requesterType: RequesterType | '';
  statusLabel: string;
  assignee: string;
  dueAt: Instant;
  /** Hours overdue before the director is told (level 3). */
  directorAfterHours?: number;
  /** When the request went to the support service (support alerts). */
  waitingSince?: Instant;
  supportTicket?: string;
}

/** To staff about one request: its ID, topic, status and due time; nothing the requester wrote. */
export function renderSlaAlert(ctx: MailContext, data: SlaAlertData): RenderedMail {
  const t = mailTexts(ctx.locale);
  const s = t.sla;
  const choices = messages(ctx.locale).choices;
  const due = formatDue(data.dueAt, ctx.timeZone, ctx.locale);
  const what = data.track === 'support' ? '' : s.what[data.track];
  const values = { id: data.requestId, what, due, hours: String(data.directorAfterHours ?? '') };
  let subject: string;
  let lead: string;
  if (data.track === 'support') {
    subject = s.supportSubject;
    const since = data.waitingSince === undefined ? '' : formatDue(data.waitingSince, ctx.timeZone, ctx.locale);
    lead = format(s.support, { ...values, since });
  } else {
    subject = data.level === 1 ? s.reminderSubject : data.level === 2 ? s.overdueSubject : s.directorSubject;
    lead = format(data.level === 1 ? s.reminder : data.level === 2 ? s.overdue : s.director, values);
  }
  const rows: Array<readonly [string, string]> = [
    [s.request, data.requestId],
    [s.topic, data.topic],
    [s.requester, data.requesterType ? choices.requesterType[data.requesterType] : ''],
    [s.status, data.statusLabel],
    [s.assignee, data.assignee.trim() || s.unassigned],
    [s.due, due],
  ];
  if (data.supportTicket?.trim()) rows.push([s.ticket, data.supportTicket.trim()]);
  const blocks: Block[] = [
    { type: 'paragraph', text: lead },
    { type: 'fields', rows: rows.filter(([, v]) => filled(v)) },
  ];
  if (filled(ctx.spreadsheetUrl))
    blocks.push({ type: 'links', items: [{ title: t.assignee.open, link: ctx.spreadsheetUrl }] });
  blocks.push(footer(t, [data.key]));
  return compose(format(subject, values), blocks);
}

export interface AutoCloseNoticeData {
  key: string;
  requestId: string;
  days: number;
  /** The reason's label (cl. 9.4.3), from the school's locale. */
  reason: string;
}

/** To the requester: only the ID and the regulation's reason, never their own text. */
export function renderAutoCloseNotice(ctx: MailContext, data: AutoCloseNoticeData): RenderedMail {
  const t = mailTexts(ctx.locale);
  const a = t.autoClose;
  const blocks: Block[] = [
    { type: 'paragraph', text: format(a.closed, { id: data.requestId, days: data.days }) },
    { type: 'paragraph', text: format(a.reason, { reason: data.reason }) },
    { type: 'paragraph', text: a.again },
    footer(t, [data.key]),
  ];
  return compose(format(a.subject, { id: data.requestId }), blocks);
}

export interface TrainingAlertData {
  key: string;
  /** 1 new task, 2 its last day, 3 missed. */
  level: number;
  /** The new staff member, as «Сотрудники» lists them. */
  name: string;
  /** 'YYYY-MM-DD' */
  startDate: string;
  dueAt: Instant;
}

export function renderTrainingAlert(ctx: MailContext, data: TrainingAlertData): RenderedMail {
  const t = mailTexts(ctx.locale);
  const tr = t.training;
  const [y, m, d] = data.startDate.split('-');
  const values = { name: data.name, start: `${d}.${m}.${y}`, due: formatDue(data.dueAt, ctx.timeZone, ctx.locale) };
  const [subject, body] =
    data.level === 1
      ? [tr.assignedSubject, tr.assigned]
      : data.level === 2
        ? [tr.lastDaySubject, tr.lastDay]
        : [tr.missedSubject, tr.missed];
  const blocks: Block[] = [
    { type: 'paragraph', text: format(body, values) },
    { type: 'paragraph', text: tr.hint },
  ];
  if (filled(ctx.spreadsheetUrl))
    blocks.push({ type: 'links', items: [{ title: t.assignee.open, link: ctx.spreadsheetUrl }] });
  blocks.push(footer(t, [data.key]));
  return compose(format(subject, values), blocks);
}

export interface DailyDigestEntry {
  id: string;
  topic: string;
  statusLabel: string;
  dueAt?: Instant;
  overdue: boolean;
  waiting: boolean;
}

export interface DailyDigestData {
  key: string;
  /** 'YYYY-MM-DD' in the school's zone. */
  date: string;
  /** In order of urgency (domain/daily-digest.ts). */
  items: readonly DailyDigestEntry[];
}

/** One assignee's open requests: IDs, topics, statuses and due times only. */
export function renderDailyDigest(ctx: MailContext, data: DailyDigestData): RenderedMail {
  const t = mailTexts(ctx.locale);
  const g = t.dailyDigest;
  const line = (e: DailyDigestEntry) =>
    format(e.dueAt === undefined ? g.lineNoDue : g.line, {
      id: e.id,
      topic: e.topic,
      status: e.statusLabel,
      due: e.dueAt === undefined ? '' : formatDue(e.dueAt, ctx.timeZone, ctx.locale),
    });
  const groups: Array<[string, DailyDigestEntry[]]> = [
    [g.overdueHeading, data.items.filter((e) => e.overdue)],
    [g.upcomingHeading, data.items.filter((e) => !e.overdue && !e.waiting && e.dueAt !== undefined)],
    [g.waitingHeading, data.items.filter((e) => e.waiting)],
    [g.noDueHeading, data.items.filter((e) => !e.waiting && e.dueAt === undefined)],
  ];
  const blocks: Block[] = [{ type: 'paragraph', text: g.intro }];
  for (const [heading, entries] of groups) {
    if (entries.length > 0)
      blocks.push({ type: 'heading', text: heading }, { type: 'lines', lines: entries.map(line) });
  }
  if (filled(ctx.spreadsheetUrl))
    blocks.push({ type: 'links', items: [{ title: t.assignee.open, link: ctx.spreadsheetUrl }] });
  blocks.push(footer(t, [data.key]));
  const [y, m, d] = data.date.split('-');
  return compose(format(g.subject, { date: `${d}.${m}.${y}`, count: data.items.length }), blocks);
}
