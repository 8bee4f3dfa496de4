/**
 * Ending a consultation for a breach of business etiquette (cl. 10, R10): the reason is recorded, the requester
 * is told, and the director gets an alert.
 */
import type { SidebarResult } from '../domain/request-sidebar';
import { changeFromSidebar, problemText, runSidebarCall } from './request-sidebar';

export function sidebarEndForEtiquette(raw: unknown): SidebarResult {
  return runSidebarCall(raw, ['reason'], (ctx, call) => {
    const reason = call.fields.reason.trim();
    if (!reason) return { ok: false, message: problemText(ctx.t, 'etiquetteReasonRequired') };
    return changeFromSidebar(ctx, call, 'etiquetteEnded', { reason });
  });
}
