/**
 * The public page's model (R2, R4, R7.1, R11; cl. 4, 7.1, 8): the school, the approved upcoming events,
 * how to get help, the public knowledge-base articles. Pure: the page template only prints these strings.
 * Nothing of a requester is an input here, so nothing of a requester can reach the page.
 */
import { format } from '../locale/index';
import type { ScheduleTexts } from '../locale/schedule';
import { escapeHtml } from './mail-templates';
import { type Audience, formatMinutes, type ScheduleEvent, type ScheduleKind, upcomingApproved } from './schedule';
import { parseTimeOfDay } from './settings-catalog';
import { dateOf, parseIsoDate, weekday } from './zoned-time';

/**
 * The documented query parameters: `view=print` (the A4 page for the information board) and `feedback=<token>`
 * (a satisfaction link of the answer e-mail: src/app/satisfaction-page.ts), not both; nothing else.
 */
export type PageView = 'page' | 'print';

export type ParamsCheck = { ok: true; view: PageView; feedback?: string } | { ok: false };

/**
 * Reads `e.parameters` of doGet. Unknown names are ignored (sites and messengers append their own, such
 * as utm_*), but a documented name with a value it does not know, or given twice, is a bad request.
 */
export function checkPageParams(parameters: Readonly<Record<string, readonly string[]>> | undefined): ParamsCheck {
  const feedback = parameters ? parameters.feedback : undefined;
  if (Array.isArray(feedback)) {
    if (feedback.length !== 1 || parameters?.view !== undefined) return { ok: false };
    return { ok: true, view: 'page', feedback: feedback[0] };
  }
  const given = parameters ? parameters.view : undefined;
  const views: readonly string[] = Array.isArray(given) ? given : [];
  if (views.length === 0) return { ok: true, view: 'page' };
  if (views.length > 1) return { ok: false };
  const v = views[0].trim().toLowerCase();
  if (v === '' || v === 'page') return { ok: true, view: 'page' };
  if (v === 'print') return { ok: true, view: 'print' };
  return { ok: false };
}

export interface PublicArticle {
  topic: string;
  question: string;
  answer: string;
  link: string;
  public: boolean;
}

export interface PublicPageInput {
  now: number;
  zone: string;
  lang: string;
  view: PageView;
  /** «Настройки» by key. */
  settings: ReadonlyMap<string, string>;
  events: readonly ScheduleEvent[];
  articles: readonly PublicArticle[];
  formUrl: string;
  complaintsUrl: string;
  /** The web app's own URL, for the print link; '' when unknown (the link is left out). */
  pageUrl: string;
  texts: ScheduleTexts;
  kindLabels: Readonly<Record<ScheduleKind, string>>;
  audienceLabels: Readonly<Record<Audience, string>>;
  /** How many events at most (default 60); the print view also stops where its A4 sheet is full. */
  maxEvents?: number;
}

export interface PageEvent {
  date: string;
  weekday: string;
  time: string;
  kind: string;
  audience: string;
  topic: string;
  place: string;
}

/** One line of contacts; `href` is a safe link (https, http, mailto, tel) or ''. */
export interface PageContact {
  label: string;
  value: string;
  href: string;
  note: string;
}

export interface PageArticle {
  topic: string;
  question: string;
  answer: string;
  href: string;
}

export interface PublicPageModel {
  lang: string;
  view: PageView;
  title: string;
  schoolName: string;
  heading: string;
  intro: string;
  printUrl: string;
  printLinkText: string;
  eventsHeading: string;
  noEvents: string;
  columns: ScheduleTexts['page']['columns'];
  events: PageEvent[];
  helpHeading: string;
  help: PageContact[];
  supportHeading: string;
  supportIntro: string;
  support: PageContact[];
  articlesHeading: string;
  noArticles: string;
  articles: PageArticle[];
  updated: string;
}

/** Only web, mail and phone links become links; anything else (javascript:, data:) stays text. */
export function safeHref(url: string): string {
  const u = url.trim();
  return /^(https?:\/\/|mailto:)[^\s"'<>`]+$/i.test(u) ? u : '';
}

/**
 * The iframe a school site pastes to show the page (R4: embeddable; the page allows any frame ancestor).
 * Its fallback link serves a browser without frames. '' while the web app has no https URL.
 */
export function embedSnippet(pageUrl: string, title: string): string {
  const src = safeHref(pageUrl);
  if (!/^https:\/\//i.test(src)) return '';
  const url = escapeHtml(src);
  const name = escapeHtml(title);
  return (
    `<iframe src="${url}" title="${name}" width="100%" height="${EMBED_HEIGHT_PX}" ` +
    `style="border:0;max-width:100%" loading="lazy"><a href="${url}">${name}</a></iframe>`
  );
}

/** Tall enough for the page at desktop width without an inner scroll bar in the usual case (browser test). */
export const EMBED_HEIGHT_PX = 1600;

function telHref(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  return digits.length >= 5 ? `tel:${digits}` : '';
}

function vkHref(vk: string): string {
  const v = vk.trim();
  if (!v) return '';
  if (/^https?:\/\//i.test(v)) return safeHref(v);
  const name = v.replace(/^@/, '').replace(/^(www\.)?vk\.com\//i, '');
  return /^[\w.]+$/.test(name) ? `https://vk.com/${name}` : '';
}

function ruDate(iso: string): string {
  const p = parseIsoDate(iso);
  return p ? `${String(p.d).padStart(2, '0')}.${String(p.m).padStart(2, '0')}.${p.y}` : iso;
}

function timeSetting(settings: ReadonlyMap<string, string>, key: string, fallback: string): string {
  const min = parseTimeOfDay(settings.get(key) ?? '');
  return formatMinutes(min ?? (parseTimeOfDay(fallback) as number));
}

/**
 * The print view is one A4 sheet (cl. 4: the board): its table gets the text lines that the heading and the
 * contacts leave, in the print CSS of public-page.html (9 pt Arial, fixed column widths). The browser test
 * prints a sheet full of the longest rows to check these figures.
 */
export const PRINT_LINE_BUDGET = 32;
/** Characters that fit one line of each wrapping column of the print table (the others never wrap). */
const PRINT_COLUMN_CHARS = { kind: 14, audience: 11, topic: 30, place: 14 } as const;

/** Lines a text takes in a column `width` characters wide, wrapped at spaces as a browser does. */
export function wrappedLines(text: string, width: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (used > 0 && used + 1 + word.length <= width) {
      used += 1 + word.length;
      continue;
    }
    if (used > 0) lines++;
    lines += Math.ceil(word.length / width) - 1;
    used = word.length % width || width;
  }
  return lines;
}

/** A row's height in fifths of a line: its tallest cell, plus a fifth for its padding and border. */
function printRowFifths(e: PageEvent): number {
  const c = PRINT_COLUMN_CHARS;
  const lines = Math.max(
    wrappedLines(e.kind, c.kind),
    wrappedLines(e.audience, c.audience),
    wrappedLines(e.topic, c.topic),
    wrappedLines(e.place, c.place),
  );
  return lines * 5 + 1;
}

/** The first events, in date order, that fit the sheet. */
export function fitOnSheet(events: readonly PageEvent[], budgetLines = PRINT_LINE_BUDGET): PageEvent[] {
  const out: PageEvent[] = [];
  let used = 0;
  for (const e of events) {
    used += printRowFifths(e);
    if (used > budgetLines * 5) break;
    out.push(e);
  }
  return out;
}

export function buildPublicPage(input: PublicPageInput): PublicPageModel {
  const t = input.texts.page;
  const s = (key: string) => (input.settings.get(key) ?? '').trim();
  const orNotSet = (v: string) => v || t.notSet;
  const contact = (label: string, value: string, href = '', note = ''): PageContact => ({
    label,
    value: orNotSet(value),
    href: value ? href : '',
    note,
  });
  const schoolName = s('school.name');
  const upcoming = upcomingApproved(input.events, input.now, input.zone)
    .slice(0, input.maxEvents ?? 60)
    .map((e) => ({
      date: ruDate(e.date),
      weekday: input.texts.weekdays[weekday(e.date) - 1] ?? '',
      time: `${formatMinutes(e.startMin)}–${formatMinutes(e.endMin)}`,
      kind: e.kind ? input.kindLabels[e.kind] : '',
      audience: e.audience ? input.audienceLabels[e.audience] : '',
      topic: e.topic.trim(),
      place: e.place.trim(),
    }));
  const events = input.view === 'print' ? fitOnSheet(upcoming) : upcoming;
  // cl. 5.1: the days and hours, and the room where the school gave one.
  const officeHours = [
    format(t.officeHoursValue, {
      start: timeSetting(input.settings, 'office.start', '15:00'),
      end: timeSetting(input.settings, 'office.end', '16:00'),
    }),
    s('office.place'),
  ]
    .filter(Boolean)
    .join(', ');
  const phone = s('school.phone');
  const email = s('school.email');
  const consultant = s('consultant.name');
  const order = s('consultant.appointmentOrder');
  const help: PageContact[] = [
    contact(t.officeHours, officeHours),
    contact(t.phone, phone, telHref(phone)),
    contact(t.email, email, email ? `mailto:${email}` : ''),
    contact(t.form, input.formUrl ? t.formLinkText : '', safeHref(input.formUrl)),
    contact(t.complaints, input.complaintsUrl ? t.complaintsLinkText : '', safeHref(input.complaintsUrl)),
    contact(t.online, t.onlineValue),
    contact(t.consultant, consultant),
    contact(t.order, order),
  ];
  if (s('regulation.order')) help.push(contact(t.regulation, s('regulation.order')));
  const supportPhone = s('support.phone') || '8 800 300 4444';
  const supportEmail = s('support.email');
  const support: PageContact[] = [
    contact(t.supportPhone, supportPhone, telHref(supportPhone), t.supportPhoneNote),
    contact(t.supportVk, s('support.vk'), vkHref(s('support.vk'))),
  ];
  if (supportEmail) support.push(contact(t.supportEmail, supportEmail, `mailto:${supportEmail}`));
  support.push(
    contact(
      t.supportHours,
      format(t.supportHoursValue, {
        start: timeSetting(input.settings, 'support.start', '09:00'),
        end: timeSetting(input.settings, 'support.end', '18:00'),
      }),
    ),
  );
  const articles = input.articles
    .filter((a) => a.public && a.question.trim() !== '')
    .map((a) => ({
      topic: a.topic.trim(),
      question: a.question.trim(),
      answer: a.answer.trim(),
      href: safeHref(a.link),
    }));
  const nowDate = dateOf(input.now, input.zone);
  return {
    lang: input.lang === 'en' ? 'en' : 'ru',
    view: input.view,
    title: format(t.title, { school: schoolName }),
    schoolName,
    heading: input.view === 'print' ? t.printHeading : t.eventsHeading,
    intro: t.intro,
    printUrl: input.pageUrl && input.view === 'page' ? `${input.pageUrl}?view=print` : '',
    printLinkText: t.printLink,
    eventsHeading: t.eventsHeading,
    noEvents: t.noEvents,
    columns: t.columns,
    events,
    helpHeading: t.helpHeading,
    help,
    supportHeading: t.supportHeading,
    supportIntro: t.supportIntro,
    support,
    articlesHeading: t.articlesHeading,
    noArticles: t.noArticles,
    articles,
    updated: `${t.updated}: ${ruDate(nowDate)}`,
  };
}
