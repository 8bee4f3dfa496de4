/**
 * Answering from the sidebar: the preview shows the e-mail the requester will get (the life cycle's own
 * template, with the «Помогло / Не помогло» links), and the answer itself goes through the life cycle's core,
 * which records it and queues that e-mail for the school account's next queue run.
 */
import { isPlausibleEmail } from '../domain/contacts';
import { mailKey } from '../domain/mail-queue';
import { mailContextOf } from '../domain/mail-templates';
import type { AnswerPreview, SidebarResult } from '../domain/request-sidebar';
import { renderAnswerMail } from '../domain/workflow-mail';
import { findRequest } from '../gas/request-actions';
import { satisfactionLinks } from '../gas/satisfaction-links';
import { text } from '../gas/table';
import { format } from '../locale/index';
import { changeFromSidebar, problemText, runSidebarCall } from './request-sidebar';

export function sidebarAnswer(raw: unknown): SidebarResult {
  return runSidebarCall(raw, ['answer'], (ctx, call) => {
    const answer = call.fields.answer;
    if (answer.trim() === '') return { ok: false, message: problemText(ctx.t, 'answerRequired') };
    return changeFromSidebar(ctx, call, 'answered', { answer });
  });
}

export function sidebarPreviewAnswer(raw: unknown): AnswerPreview {
  return runSidebarCall<'answer', AnswerPreview>(raw, ['answer'], ({ hd, t }, call) => {
    const answer = call.fields.answer;
    if (answer.trim() === '') return { ok: false, message: problemText(t, 'answerRequired') };
    const found = findRequest(hd, call.requestId);
    if (!found) return { ok: false, message: problemText(t, 'notFound', { id: call.requestId }) };
    const id = text(found.cells.id).trim();
    const ctx = mailContextOf(hd.settings(), {
      locale: hd.locale,
      timeZone: hd.zone,
      spreadsheetUrl: hd.ss.getUrl(),
    });
    // The key the core will give it (the event is stamped with the moment of the answer).
    const key = mailKey(id, 'answer', `answer-${Date.now()}`);
    const mail = renderAnswerMail(ctx, { key, requestId: id, answer, links: satisfactionLinks(id) });
    const email = text(found.cells.email).trim();
    const message = isPlausibleEmail(email)
      ? format(t.actions.previewTo, { to: email })
      : format(t.actions.previewNoEmail, { phone: text(found.cells.phone).trim() || t.none });
    return { ok: true, message, subject: mail.subject, text: mail.text };
  });
}
