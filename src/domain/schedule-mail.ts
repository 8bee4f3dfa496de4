/**
 * The director's e-mails about the consultation schedule (R3): a period awaits approval, and an approved
 * event was changed so its approval was removed. Pure render functions; every value is escaped by `compose`.
 */
import { format, messages } from '../locale/index';
import { mailTexts } from '../locale/mail';
import { scheduleTexts } from '../locale/schedule';
import { type Block, compose, filled, footer, type MailContext, type RenderedMail } from './mail-templates';
import { type ApprovedFields, formatMinutes } from './schedule';

/** 'YYYY-MM-DD' as the school writes it, 'dd.mm.yyyy'; anything unreadable as it is. */
export function russianDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : date;
}

/** An event's times, '15:00–16:00'; '?' where a time cannot be read. */
export function timesOf(e: Pick<ApprovedFields, 'startMin' | 'endMin'>): { start: string; end: string } {
  const show = (m: number) => (Number.isFinite(m) ? formatMinutes(m) : '?');
  return { start: show(e.startMin), end: show(e.endMin) };
}

/** The label of an event's kind in the school's language ('' stays ''). */
export function kindLabel(locale: string, kind: ApprovedFields['kind']): string {
  return kind ? messages(locale).choices.scheduleKind[kind] : '';
}

/** One line per event: '15.09.2026 15:00–16:00, Приёмные часы, каб. 12'. */
export function eventSummary(locale: string, e: ApprovedFields): string {
  const { start, end } = timesOf(e);
  return [`${russianDate(e.date)} ${start}–${end}`, kindLabel(locale, e.kind), e.place.trim()]
    .filter((x) => x !== '')
    .join(', ');
}

export interface AwaitingApprovalData {
  key: string;
  /** The period as shown, e.g. 'сентябрь 2026'. */
  period: string;
  events: readonly ApprovedFields[];
}

/** At most this many events are listed; the rest are counted. */
const LISTED_EVENTS = 40;

export function renderAwaitingApproval(ctx: MailContext, data: AwaitingApprovalData): RenderedMail {
  const t = scheduleTexts(ctx.locale).mail;
  const lines = data.events.slice(0, LISTED_EVENTS).map((e) => eventSummary(ctx.locale, e));
  if (data.events.length > LISTED_EVENTS) lines.push(`… +${data.events.length - LISTED_EVENTS}`);
  const blocks: Block[] = [
    { type: 'paragraph', text: format(t.awaiting, { count: data.events.length, period: data.period }) },
    { type: 'lines', lines },
    { type: 'paragraph', text: t.howToApprove },
    { type: 'paragraph', text: t.notPublished },
  ];
  if (filled(ctx.spreadsheetUrl)) blocks.push({ type: 'links', items: [{ title: t.open, link: ctx.spreadsheetUrl }] });
  blocks.push(footer(mailTexts(ctx.locale), [data.key]));
  return compose(format(t.awaitingSubject, { period: data.period }), blocks);
}

export interface ApprovalLostData {
  key: string;
  /** Who changed it (an address), or the locale's "unknown". */
  who: string;
  event: ApprovedFields;
  /** The one cell changed, when the edit was one cell: its column's label and the values before and after. */
  change?: { column: string; before: string; after: string };
}

export function renderApprovalLost(ctx: MailContext, data: ApprovalLostData): RenderedMail {
  const t = scheduleTexts(ctx.locale).mail;
  const msgs = messages(ctx.locale);
  const labels = msgs.columns.schedule as Record<string, string>;
  const e = data.event;
  const { start, end } = timesOf(e);
  const rows: Array<readonly [string, string]> = [
    [labels.date, russianDate(e.date)],
    [t.time, `${start}–${end}`],
    [labels.kind, kindLabel(ctx.locale, e.kind)],
    [labels.audience, e.audience ? msgs.choices.audience[e.audience] : ''],
    [labels.topic, e.topic],
    [labels.place, e.place],
    [labels.consultant, e.consultant],
  ];
  const blocks: Block[] = [
    { type: 'paragraph', text: format(t.lost, { who: data.who }) },
    { type: 'fields', rows: rows.filter(([, v]) => filled(v)) },
  ];
  if (data.change) blocks.push({ type: 'paragraph', text: format(t.change, data.change) });
  blocks.push({ type: 'paragraph', text: t.approveAgain });
  if (filled(ctx.spreadsheetUrl)) blocks.push({ type: 'links', items: [{ title: t.open, link: ctx.spreadsheetUrl }] });
  blocks.push(footer(mailTexts(ctx.locale), [data.key]));
  const subject = format(t.lostSubject, {
    date: russianDate(e.date),
    start,
    end,
    kind: kindLabel(ctx.locale, e.kind),
  });
  return compose(subject, blocks);
}
