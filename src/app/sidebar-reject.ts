/** «Отклонено» from the sidebar with a reason from the fixed list of cl. 9.4.3; the requester is told why. */
import type { SidebarResult } from '../domain/request-sidebar';
import { isRejectReason } from '../domain/workflow';
import { changeFromSidebar, problemText, runSidebarCall } from './request-sidebar';

export function sidebarReject(raw: unknown): SidebarResult {
  return runSidebarCall(raw, ['reason'], (ctx, call) => {
    const reason = call.fields.reason.trim();
    if (!isRejectReason(reason)) return { ok: false, message: problemText(ctx.t, 'reasonRequired') };
    return changeFromSidebar(ctx, call, 'rejected', { reason });
  });
}
