/**
 * Helpers who work by e-mail (regulation cl. 7, SPEC R7), as pure functions: what a teacher outside the
 * consultant–deputy–director circle is sent, the consultant's notice when the teacher replies, and the note
 * that goes with an answer draft.
 *
 * What the helper receives (a choice, since the description is personal data): the request ID, the school's
 * topic, the requester's category (parent / student / staff), the due time and the question itself — a helper
 * cannot answer without it — with the requester's name, e-mail addresses and phone numbers masked in the text.
 * Never the requester's name, class, e-mail, phone or the consultant's notes as fields. The helper answers by
 * replying; the reply reaches the consultant as a draft, so the helper needs no access to the spreadsheet.
 *
 * Where a draft lives: the request's «Ответ» cell when it is empty (with a note naming its source; the status
 * is unchanged, so nothing reaches the requester until the consultant sets «Дан ответ»), else the cell's note,
 * so an answer the consultant typed is never overwritten.
 */
import { helpersTexts } from '../locale/helpers';
import { format, type LocaleCode, messages } from '../locale/index';
import { mailTexts } from '../locale/mail';
import { type Block, compose, filled, footer, formatDue, type MailContext, type RenderedMail } from './mail-templates';
import type { RequesterType } from './request';
import { safeCutIndex } from './text-safety';

type Instant = Date | number;

/** The question a helper reads is at most this long: the mail stays far below the queue's 50 000-character payload. */
export const HELPER_QUESTION_MAX = 4000;
/** A note holds the draft text up to this; the whole message stays in the helpdesk mailbox. */
export const DRAFT_NOTE_MAX = 20_000;

// ---- masking the requester's data -------------------------------------------------------------------------

export interface RequesterIdentity {
  name: string;
  email: string;
  phone: string;
}

export interface MaskedText {
  text: string;
  /** Something was hidden. */
  masked: boolean;
}

const EMAIL_IN_TEXT = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.\p{L}{2,}/gu;
// A run of digits, spaces, brackets and dashes between two digits; a phone when it holds 10 to 15 digits.
// Dots are not in it, so dates («15.01.2026») never join into a number.
const PHONE_IN_TEXT = /(?<![\p{L}\p{N}])\+?\d[\d\s()\u2010-\u2015-]{6,24}\d(?![\p{L}\p{N}])/gu;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A pattern for one word of a name, declined as Russian names are («Петрова» → «Петровой», «Анна» → «Анну»):
 * the word less its last letter, then up to three letters, as a whole word.
 */
function namePattern(word: string): RegExp {
  const stem = word.length >= 4 ? word.slice(0, -1) : word;
  const ending = word.length >= 4 ? '\\p{L}{0,3}' : '\\p{L}{0,2}';
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(stem)}${ending}(?![\\p{L}\\p{N}])`, 'giu');
}

/**
 * The text with the requester's name (each word of three letters or more), every e-mail address and every
 * phone-like number masked. A heuristic, not a guarantee — which is why the helper is also asked not to
 * forward the message (locale: helperMail.privacy).
 */
export function maskRequesterData(text: string, who: RequesterIdentity, locale: LocaleCode): MaskedText {
  const r = helpersTexts(locale).redaction;
  let masked = false;
  const hide = (replacement: string) => () => {
    masked = true;
    return replacement;
  };
  let out = text.replace(EMAIL_IN_TEXT, hide(r.email));
  out = out.replace(PHONE_IN_TEXT, (match) => {
    const digits = match.replace(/\D/g, '').length;
    if (digits < 10 || digits > 15) return match;
    masked = true;
    return r.phone;
  });
  const words = who.name
    .split(/[^\p{L}-]+/u)
    .map((w) => w.trim())
    .filter((w) => w.length >= 3);
  for (const word of words) out = out.replace(namePattern(word), hide(r.name));
  return { text: out, masked };
}

export interface HelperQuestion {
  text: string;
  masked: boolean;
  shortened: boolean;
}

/** The question as the helper reads it: masked, and cut (never inside an emoji) when longer than `max`. */
export function helperQuestion(
  description: string,
  who: RequesterIdentity,
  locale: LocaleCode,
  max: number = HELPER_QUESTION_MAX,
): HelperQuestion {
  const { text, masked } = maskRequesterData(description.trim(), who, locale);
  if (text.length <= max) return { text, masked, shortened: false };
  return { text: `${text.slice(0, safeCutIndex(text, max)).trimEnd()}…`, masked, shortened: true };
}

// ---- the helper's message ----------------------------------------------------------------------------------

export interface HelperRequestData {
  key: string;
  requestId: string;
  /** The school's topic label. */
  topic: string;
  requesterType: RequesterType | '';
  dueAt: Instant | null;
  question: HelperQuestion;
}

export function renderHelperRequest(ctx: MailContext, data: HelperRequestData): RenderedMail {
  const t = helpersTexts(ctx.locale).helperMail;
  const choices = messages(ctx.locale).choices;
  const rows: Array<readonly [string, string]> = [
    [t.request, data.requestId],
    [t.topic, data.topic],
    [t.requester, data.requesterType ? choices.requesterType[data.requesterType] : ''],
  ];
  if (data.dueAt !== null) rows.push([t.due, formatDue(data.dueAt, ctx.timeZone, ctx.locale)]);
  const blocks: Block[] = [
    { type: 'paragraph', text: t.intro },
    { type: 'fields', rows: rows.filter(([, v]) => filled(v)) },
    { type: 'heading', text: t.question },
    { type: 'quote', text: data.question.text },
  ];
  const remarks = [data.question.masked ? t.redacted : '', data.question.shortened ? t.shortened : ''].filter(filled);
  if (remarks.length > 0) blocks.push({ type: 'lines', lines: remarks });
  blocks.push(
    { type: 'paragraph', text: t.howToReply },
    { type: 'paragraph', text: t.privacy },
    { type: 'paragraph', text: t.cannotHelp },
    footer(mailTexts(ctx.locale), [data.key]),
  );
  const topic = data.topic.trim() || '—';
  return compose(format(t.subject, { id: data.requestId, topic }), blocks);
}

// ---- the answer draft --------------------------------------------------------------------------------------

/**
 * Where a reply's text went: the empty «Ответ» cell, the cell's note (the cell held text, or the request is no
 * longer open), nowhere because it was recorded before, or nowhere because the message had no text.
 */
export type DraftPlacement = 'cell' | 'note' | 'already' | 'empty';

export interface DraftSource {
  kind: 'helper' | 'support';
  /** The helper's address, or the support's ticket number / address. */
  who: string;
  at: Instant;
  timeZone: string;
}

/** The first line of the draft's note: its source and time, and what to do with it. */
export function draftNoteHeader(locale: LocaleCode, source: DraftSource, inCell: boolean): string {
  const t = helpersTexts(locale).draftNote;
  const at = formatDue(source.at, source.timeZone, locale);
  const from = format(source.kind === 'helper' ? t.helper : t.support, { who: source.who.trim(), at });
  return format(inCell ? t.inCell : t.inNote, { source: from.replace(/\s+,/, ',') });
}

/**
 * The note that carries a draft when the cell cannot: header, the text (cut to `max` with a remark), then
 * what the note said before, kept below.
 */
export function draftNote(
  locale: LocaleCode,
  source: DraftSource,
  draft: string,
  previous: string,
  max: number = DRAFT_NOTE_MAX,
): string {
  const t = helpersTexts(locale).draftNote;
  const body = draft.length <= max ? draft : `${draft.slice(0, safeCutIndex(draft, max)).trimEnd()}\n${t.cut}`;
  const head = `${draftNoteHeader(locale, source, false)}\n${body}`;
  return previous.trim() === '' ? head : `${head}\n\n———\n${previous}`;
}

// ---- the consultant's notice ---------------------------------------------------------------------------------

export interface HelperReplyNoticeData {
  key: string;
  requestId: string;
  helper: string;
  placement: DraftPlacement;
  /** The request is no longer open (answered, closed, rejected, ended). */
  finished: boolean;
  requestLink: string;
  mailLink: string;
}

/** Tells the consultant on duty where the helper's answer is; the answer itself stays out of the mail. */
export function renderHelperReplyNotice(ctx: MailContext, data: HelperReplyNoticeData): RenderedMail {
  const t = helpersTexts(ctx.locale).replyNotice;
  const where =
    data.placement === 'empty'
      ? t.empty
      : data.placement === 'already'
        ? t.already
        : data.finished
          ? t.finished
          : data.placement === 'cell'
            ? t.inCell
            : t.inNote;
  const links = [
    { title: t.openRequest, link: data.requestLink },
    { title: t.openMail, link: data.mailLink },
  ].filter((l) => /^https:\/\/\S+$/.test(l.link));
  const blocks: Block[] = [
    { type: 'paragraph', text: format(t.intro, { id: data.requestId, helper: data.helper }) },
    { type: 'paragraph', text: where },
  ];
  if (links.length > 0) blocks.push({ type: 'links', items: links });
  blocks.push(footer(mailTexts(ctx.locale), [data.key]));
  return compose(format(t.subject, { id: data.requestId }), blocks);
}
