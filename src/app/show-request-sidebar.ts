/**
 * «Помощь по ЭЖ → Открыть обращение в боковой панели»: the sidebar for the request in the active row of
 * «Обращения» — its card, its history, the knowledge base of its topic and the steps the caller may take.
 * The page re-reads the request with `sidebarRefresh` and after every step.
 */
import { isWebLink, type SidebarResult, type SidebarView } from '../domain/request-sidebar';
import { HELPDESK_ROLES } from '../domain/roles';
import { CHOICE_LISTS, FIRST_DATA_ROW } from '../domain/schema';
import { workflowMailTexts } from '../locale/workflow-mail';
import { requireRole } from '../gas/guard';
import { Helpdesk } from '../gas/helpdesk';
import { articlesOfTopic, readKnowledge } from '../gas/knowledge-repo';
import { readRow } from '../gas/record-lookup';
import { type RecordOf, text } from '../gas/table';
import { tellUser } from '../gas/ui';
import { format } from '../locale/index';
import { type SidebarTexts, sidebarTexts } from '../locale/sidebar';
import { problemText, runSidebarCall, type SidebarContext, sidebarView } from './request-sidebar';

/** Roles a request can be given to: the circle that works the log, and teachers who help by e-mail (R7). */
const ASSIGNABLE = ['consultant', 'deputy', 'director', 'teacher'] as const;

export function showRequestSidebar(): void {
  const caller = requireRole(HELPDESK_ROLES);
  const hd = new Helpdesk();
  const t = sidebarTexts(hd.locale);
  const picked = pickedRequest(hd, t);
  if (!picked.ok) {
    tellUser(t.notOnRequestTitle, picked.message);
    return;
  }
  const ctx: SidebarContext = { hd, caller, t };
  const view = sidebarView(ctx, picked.id, picked.cells) as SidebarView;
  const articles = articlesOfTopic(readKnowledge(hd.table('knowledge')), text(picked.cells.topic)).map((a) => ({
    question: a.question,
    answer: a.answer,
    link: isWebLink(a.link) ? a.link.trim() : '',
    linkText: isWebLink(a.link) ? '' : a.link,
    canned: a.canned,
  }));
  const option = (value: string, label: string) => ({ value, label });
  const template = HtmlService.createTemplateFromFile('request-sidebar');
  template.lang = hd.locale;
  template.t = t;
  template.articles = articles;
  template.reasons = CHOICE_LISTS.rejectReason.map((k) => option(k, hd.msgs.choices.rejectReason[k]));
  template.staff = hd
    .staff()
    .filter((m) => m.active && m.email !== '' && (ASSIGNABLE as readonly string[]).indexOf(m.role) >= 0)
    .map((m) =>
      option(m.email, `${m.name || m.email} — ${hd.msgs.choices.role[m.role as (typeof ASSIGNABLE)[number]]}`),
    );
  template.defaultQuestion = workflowMailTexts(hd.locale).clarification.defaultQuestion;
  const data = {
    view,
    canned: articles.map((a) => (a.canned ? a.answer : '')),
    texts: { working: t.working, failed: t.failed, empty: t.history.empty, none: t.none },
  };
  template.dataJson = scriptJson(data);
  // A sidebar is 300 px wide whatever the script asks; only its title is the script's to set.
  const html = template.evaluate().setTitle(format(t.title, { id: view.requestId }));
  SpreadsheetApp.getUi().showSidebar(html);
}

/** The request re-read: after someone else's change, or when the person presses «Обновить». */
export function sidebarRefresh(raw: unknown): SidebarResult {
  return runSidebarCall(raw, [], (ctx, call) => {
    const view = sidebarView(ctx, call.requestId);
    if (!view) return { ok: false, message: problemText(ctx.t, 'notFound', { id: call.requestId }) };
    return { ok: true, message: '', view };
  });
}

/** JSON for a <script> block: no value can close the tag or break the line. */
function scriptJson(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

type Picked = { ok: true; id: string; cells: RecordOf } | { ok: false; message: string };

/** The request in the active row of «Обращения», or why there is none. */
function pickedRequest(hd: Helpdesk, t: SidebarTexts): Picked {
  const log = hd.sheet('requests');
  const notOnRequest = {
    ok: false as const,
    message: format(t.notOnRequest, { sheet: log.getName(), item: t.menuItem }),
  };
  const range = hd.ss.getActiveRange();
  if (!range || range.getSheet().getSheetId() !== log.getSheetId()) return notOnRequest;
  const row = range.getRow();
  if (row < FIRST_DATA_ROW) return notOnRequest;
  const table = hd.table('requests');
  if (row > table.lastRow) return notOnRequest;
  const cells = readRow(table, row);
  const id = text(cells.id).trim();
  if (!id) return { ok: false, message: format(t.noIdInRow, { row, column: hd.msgs.columns.requests.id }) };
  return { ok: true, id, cells };
}
