/**
 * «Передать в Службу поддержки» from the sidebar (cl. 8, 9.4; R8): the escalation use case (escalate-request.ts)
 * composes and queues the cl. 9.4 packet and changes the status through the life cycle's core; this adds the
 * sidebar's checks (the status it showed) and the request re-read for the page.
 */
import type { SidebarResult } from '../domain/request-sidebar';
import { escalateRequest } from './escalate-request';
import { requestAsShown, runSidebarCall, sidebarView } from './request-sidebar';

export function sidebarEscalate(raw: unknown): SidebarResult {
  return runSidebarCall(raw, ['tried', 'documents', 'link', 'ticket'], (ctx, call) => {
    const shown = requestAsShown(ctx, call);
    if (!shown.ok) return shown.result;
    // The use case checks the caller again and the packet's own limits; its message says what happened.
    const result = escalateRequest({ requestId: call.requestId, ...call.fields });
    const message = result.ok ? `${result.message}\n${ctx.t.mailQueued}` : result.message;
    return { ok: result.ok, message, view: sidebarView(ctx, call.requestId) };
  });
}
