/**
 * «Назначить исполнителя» from the sidebar (cl. 7, R7): the assignment use case (assign-request.ts) writes the cell,
 * the journal row and the new assignee's notice (a helper outside the circle gets the question by e-mail); this
 * adds the sidebar's checks and the request re-read for the page.
 */
import type { SidebarResult } from '../domain/request-sidebar';
import { assignRequest } from './assign-request';
import { problemText, requestAsShown, runSidebarCall, sidebarView } from './request-sidebar';

export function sidebarAssign(raw: unknown): SidebarResult {
  return runSidebarCall(raw, ['assignee'], (ctx, call) => {
    const assignee = call.fields.assignee.trim();
    if (!assignee) return { ok: false, message: problemText(ctx.t, 'assigneeRequired') };
    // Who works on it does not depend on the status shown: the use case refuses a finished request itself.
    const shown = requestAsShown(ctx, { ...call, expected: undefined });
    if (!shown.ok) return shown.result;
    const result = assignRequest({ requestId: call.requestId, assignee });
    return { ok: result.ok, message: result.message, view: sidebarView(ctx, call.requestId) };
  });
}
