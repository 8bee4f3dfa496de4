/**
 * «Служба поддержки отклонила заявку» from the sidebar (cl. 9.4.3): the support-outcome use case records the reason
 * in «Заметки» and returns the request to work, so the consultant completes the packet and escalates again. (The
 * support's answer is the plain «Служба поддержки ответила — в работу» step.)
 */
import type { SidebarResult } from '../domain/request-sidebar';
import { isRejectReason } from '../domain/workflow';
import { recordSupportOutcome } from './record-support-outcome';
import { problemText, requestAsShown, runSidebarCall, sidebarView } from './request-sidebar';

export function sidebarSupportRejected(raw: unknown): SidebarResult {
  return runSidebarCall(raw, ['reason'], (ctx, call) => {
    const shown = requestAsShown(ctx, call);
    if (!shown.ok) return shown.result;
    const reason = call.fields.reason.trim();
    if (!isRejectReason(reason)) return { ok: false, message: problemText(ctx.t, 'reasonRequired') };
    // The use case checks the caller again; its message says what happened.
    const result = recordSupportOutcome({ requestId: call.requestId, outcome: 'rejected', reason });
    const message = result.ok ? `${result.message}\n${ctx.t.mailQueued}` : result.message;
    return { ok: result.ok, message, view: sidebarView(ctx, call.requestId) };
  });
}
