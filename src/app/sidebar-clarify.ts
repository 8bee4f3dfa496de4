/**
 * «Нужно уточнение» from the sidebar (R5.3, cl. 5.3, 6.3): the question the consultant wrote (the box starts
 * with the templated one) goes to the requester, and the deadline pauses until they reply.
 */
import type { SidebarResult } from '../domain/request-sidebar';
import { changeFromSidebar, runSidebarCall } from './request-sidebar';

export function sidebarAskClarification(raw: unknown): SidebarResult {
  // A box left blank sends the templated question (the life cycle's default).
  return runSidebarCall(raw, ['question'], (ctx, call) =>
    changeFromSidebar(ctx, call, 'clarification', { question: call.fields.question.trim() }),
  );
}
