/**
 * The requester's e-mails of the life cycle (R5.3, R8, R9, R10, satisfaction) and the assignee's notices when
 * the requester moves a request, as pure functions of plain data. Staff wrote the answer, the question and the
 * reasons; the requester's own words are never echoed (the address may be a stranger's).
 */
import { format } from '../locale/index';
import { mailTexts } from '../locale/mail';
import { workflowMailTexts } from '../locale/workflow-mail';
import {
  type Block,
  compose,
  filled,
  footer,
  type MailContext,
  presentLines,
  type RenderedMail,
} from './mail-templates';

/** Multi-line text staff wrote, one paragraph per blank-line-separated part, line breaks kept. */
function staffText(text: string): Block[] {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((part) => ({ type: 'lines' as const, lines: part.split('\n') }));
}

function supportLines(ctx: MailContext): string[] {
  const s = workflowMailTexts(ctx.locale).support;
  const lines = presentLines([
    [s.phone, ctx.support.phone],
    [s.vk, ctx.support.vk],
  ]);
  if (lines.length > 0 && filled(ctx.support.start) && filled(ctx.support.end)) {
    lines.push(format(s.hours, { start: ctx.support.start, end: ctx.support.end }));
  }
  return lines;
}

export interface ClarificationMailData {
  key: string;
  requestId: string;
  /** The consultant's question; blank gives the templated one. */
  question: string;
  autoCloseDays: number;
}

export function renderClarificationMail(ctx: MailContext, data: ClarificationMailData): RenderedMail {
  const t = workflowMailTexts(ctx.locale).clarification;
  const question = data.question.trim() || t.defaultQuestion;
  const blocks: Block[] = [
    { type: 'paragraph', text: format(t.intro, { id: data.requestId }) },
    ...staffText(question),
    { type: 'paragraph', text: t.paused },
  ];
  if (data.autoCloseDays > 0)
    blocks.push({ type: 'paragraph', text: format(t.autoClose, { days: data.autoCloseDays }) });
  blocks.push(footer(mailTexts(ctx.locale), [data.key]));
  return compose(format(t.subject, { id: data.requestId }), blocks);
}

export interface EscalationNoticeData {
  key: string;
  requestId: string;
}

/** R8/R9: the requester is told, with the support line, VK group and hours (cl. 8). */
export function renderEscalationNotice(ctx: MailContext, data: EscalationNoticeData): RenderedMail {
  const t = workflowMailTexts(ctx.locale).escalation;
  const blocks: Block[] = [{ type: 'paragraph', text: format(t.passed, { id: data.requestId }) }];
  const support = supportLines(ctx);
  if (support.length > 0) {
    blocks.push({ type: 'paragraph', text: t.wait }, { type: 'heading', text: t.supportHeading });
    blocks.push({ type: 'lines', lines: support });
  }
  blocks.push(footer(mailTexts(ctx.locale), [data.key]));
  return compose(format(t.subject, { id: data.requestId }), blocks);
}

export interface AnswerMailData {
  key: string;
  requestId: string;
  answer: string;
  /** The confirmation-page links; none when the web app is not deployed. */
  links?: { helped: string; notHelped: string };
}

export function renderAnswerMail(ctx: MailContext, data: AnswerMailData): RenderedMail {
  const t = workflowMailTexts(ctx.locale).answer;
  const blocks: Block[] = [{ type: 'paragraph', text: format(t.intro, { id: data.requestId }) }];
  blocks.push(...staffText(data.answer));
  if (data.links) {
    blocks.push({ type: 'heading', text: t.rateHeading });
    blocks.push({
      type: 'links',
      items: [
        { title: t.helped, link: data.links.helped },
        { title: t.notHelped, link: data.links.notHelped },
      ],
    });
    blocks.push({ type: 'paragraph', text: t.rateHint });
  }
  blocks.push({ type: 'paragraph', text: t.more }, footer(mailTexts(ctx.locale), [data.key]));
  return compose(format(t.subject, { id: data.requestId }), blocks);
}

export interface RejectionMailData {
  key: string;
  requestId: string;
  /** The cl. 9.4.3 reason's label in the school's language. */
  reason: string;
}

export function renderRejectionMail(ctx: MailContext, data: RejectionMailData): RenderedMail {
  const t = workflowMailTexts(ctx.locale).rejection;
  const blocks: Block[] = [
    { type: 'paragraph', text: format(t.rejected, { id: data.requestId }) },
    { type: 'paragraph', text: format(t.reason, { reason: data.reason }) },
    { type: 'paragraph', text: t.again },
    footer(mailTexts(ctx.locale), [data.key]),
  ];
  return compose(format(t.subject, { id: data.requestId }), blocks);
}

export interface EtiquetteEndedMailData {
  key: string;
  requestId: string;
  reason: string;
}

export function renderEtiquetteEndedMail(ctx: MailContext, data: EtiquetteEndedMailData): RenderedMail {
  const t = workflowMailTexts(ctx.locale).etiquetteEnded;
  const blocks: Block[] = [{ type: 'paragraph', text: format(t.ended, { id: data.requestId }) }];
  if (filled(data.reason)) blocks.push({ type: 'paragraph', text: format(t.reason, { reason: data.reason.trim() }) });
  blocks.push({ type: 'paragraph', text: t.complaint }, footer(mailTexts(ctx.locale), [data.key]));
  return compose(format(t.subject, { id: data.requestId }), blocks);
}

export interface RequesterMovedData {
  key: string;
  requestId: string;
  event: 'requesterReplied' | 'notHelped';
}

/** To the assignee: the request is back in work; the request log holds the rest. */
export function renderRequesterMoved(ctx: MailContext, data: RequesterMovedData): RenderedMail {
  const t = workflowMailTexts(ctx.locale).assignee;
  const [subject, body] =
    data.event === 'requesterReplied' ? [t.repliedSubject, t.replied] : [t.notHelpedSubject, t.notHelped];
  const blocks: Block[] = [{ type: 'paragraph', text: format(body, { id: data.requestId }) }];
  if (filled(ctx.spreadsheetUrl)) blocks.push({ type: 'links', items: [{ title: t.open, link: ctx.spreadsheetUrl }] });
  blocks.push(footer(mailTexts(ctx.locale), [data.key]));
  return compose(format(subject, { id: data.requestId }), blocks);
}
