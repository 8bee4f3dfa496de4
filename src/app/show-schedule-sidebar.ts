/**
 * The schedule's sidebar: the event of the row selected in «График», whether it is approved (by whom and
 * when), what keeps it from approval, and — for the director or the owner — a button that approves exactly
 * the event shown (approveScheduleEventFromSidebar). «Обновить» shows the row selected now.
 */

import { formatDue } from '../domain/mail-templates';
import { HELPDESK_ROLES } from '../domain/roles';
import { clashesOf, eventFingerprint, eventProblems, isApproved, lostApproval } from '../domain/schedule';
import { kindLabel, russianDate, timesOf } from '../domain/schedule-mail';
import { FIRST_DATA_ROW } from '../domain/schema';
import { AccessDenied, type Caller, requireRole } from '../gas/guard';
import { Helpdesk } from '../gas/helpdesk';
import { readScheduleRows } from '../gas/schedule-repo';
import { format } from '../locale/index';
import { scheduleTexts } from '../locale/schedule';
import { canApprove, requireApprover } from './approve-schedule';

export interface SidebarView {
  state: 'none' | 'empty' | 'event';
  message: string;
  row?: number;
  heading?: string;
  fields?: Array<[string, string]>;
  statusKind?: 'approved' | 'lost' | 'awaiting';
  status?: string;
  problems?: string[];
  /** What an approval from this view covers: the event as shown. */
  fingerprint?: string;
  canApprove: boolean;
}

/** The helpdesk's circle, or a director named only in the settings. */
function requireViewer(hd: Helpdesk): Caller {
  try {
    return requireRole(HELPDESK_ROLES);
  } catch (e) {
    if (e instanceof AccessDenied) return requireApprover(hd);
    throw e;
  }
}

export function showScheduleSidebarFromMenu(): void {
  const hd = new Helpdesk();
  const caller = requireViewer(hd);
  const t = scheduleTexts(hd.locale).sidebar;
  const data = {
    texts: {
      approve: t.approveButton,
      refresh: t.refreshButton,
      close: t.closeButton,
      saving: t.saving,
      failed: t.failed,
      problemsHeading: t.problemsHeading,
      onlyDirector: t.onlyDirector,
    },
    view: viewOfSelection(hd, caller),
  };
  const template = HtmlService.createTemplateFromFile('schedule-sidebar');
  template.lang = hd.locale;
  // Embedded in a <script>: "<" escaped so no value can close the tag.
  template.dataJson = JSON.stringify(data).replace(/</g, '\\u003c');
  SpreadsheetApp.getUi().showSidebar(template.evaluate().setTitle(t.title));
}

/** The sidebar's «Обновить» (google.script.run): the view of the row selected now. */
export function scheduleSidebarViewFromSidebar(): SidebarView {
  const hd = new Helpdesk();
  const caller = requireViewer(hd);
  return viewOfSelection(hd, caller);
}

function viewOfSelection(hd: Helpdesk, caller: Caller): SidebarView {
  const t = scheduleTexts(hd.locale);
  const approver = canApprove(hd, caller.email);
  const range = hd.ss.getActiveRange();
  const sheet = hd.sheet('schedule');
  if (!range || range.getSheet().getSheetId() !== sheet.getSheetId() || range.getRow() < FIRST_DATA_ROW) {
    return { state: 'none', message: t.sidebar.notSchedule, canApprove: approver };
  }
  const row = range.getRow();
  const rows = readScheduleRows(hd.table('schedule', true), hd.zone);
  const target = rows.find((r) => r.row === row);
  if (!target) return { state: 'empty', message: t.sidebar.emptyRow, row, canApprove: approver };
  const e = target.event;
  const labels = hd.msgs.columns.schedule as Record<string, string>;
  const { start, end } = timesOf(e);
  const locale = hd.locale;
  const when = e.approvedAt !== undefined ? formatDue(e.approvedAt, hd.zone, locale) : '';
  const problems = [
    ...eventProblems(e).map((p) => t.approve.problems[p]),
    ...((c) => (c.length > 0 ? [format(t.approve.problems.clash, { rows: c.join(', ') })] : []))(clashesOf(rows, row)),
  ];
  const [statusKind, status] = isApproved(e)
    ? (['approved', format(t.sidebar.approved, { who: e.approvedBy, when })] as const)
    : lostApproval(e)
      ? (['lost', format(t.sidebar.lost, { who: e.approvedBy, when })] as const)
      : (['awaiting', t.sidebar.awaiting] as const);
  return {
    state: 'event',
    message: '',
    row,
    heading: format(t.sidebar.rowHeading, { row }),
    fields: [
      [labels.date, russianDate(e.date)],
      [t.sidebar.time, `${start}–${end}`],
      [labels.kind, kindLabel(hd.locale, e.kind)],
      [labels.audience, e.audience ? hd.msgs.choices.audience[e.audience] : ''],
      [labels.topic, e.topic],
      [labels.place, e.place],
      [labels.consultant, e.consultant],
      [labels.notes, e.notes],
    ],
    statusKind,
    status,
    problems,
    fingerprint: eventFingerprint(e),
    canApprove: approver,
  };
}
