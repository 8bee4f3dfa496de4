/**
 * The sidebar's plain steps, which need nothing typed: take a new request into work, resume it after a
 * clarification or the support service's reply, reopen a finished one, close an answered one.
 */
import type { SidebarResult } from '../domain/request-sidebar';
import { changeFromSidebar, problemText, runSidebarCall } from './request-sidebar';

const PLAIN_STEPS = ['inProgress', 'closed'] as const;

export function sidebarSetStatus(raw: unknown): SidebarResult {
  return runSidebarCall(raw, ['to'], (ctx, call) => {
    const to = PLAIN_STEPS.find((s) => s === call.fields.to);
    // The other statuses carry what they need (an answer, a reason, the packet): their own calls.
    if (!to) return { ok: false, message: problemText(ctx.t, 'notOffered') };
    return changeFromSidebar(ctx, call, to);
  });
}
