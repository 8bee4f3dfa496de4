/**
 * The director's week (issue 8): the figures of the week that ended — the same figures, targets and colours
 * as «Панель» (dashboard-figures.ts) — and the overdue list, as one view that the Monday e-mail and the
 * print dialog both render (weekly-report-mail.ts). Pure. Nothing personal is in it: the metrics carry
 * IDs, topics, counts and times only.
 */
import { format } from '../locale/index';
import {
  dayText,
  detailTables,
  type Figure,
  type FigureContext,
  keyFigures,
  momentText,
  overdueTable,
  type Table,
} from './dashboard-figures';
import type { DashboardMetrics } from './metrics';
import type { Period } from './metrics-period';
import { addDays, dateOf, instantOf, weekday } from './zoned-time';

/** The overdue list of the report: long enough for a bad week, short enough for one e-mail. */
export const REPORT_OVERDUE_LIMIT = 100;

export interface WeeklyReportView {
  /** The week's first and last day, «ДД.ММ.ГГГГ». */
  from: string;
  to: string;
  subject: string;
  heading: string;
  intro: string;
  /** «По состоянию на …». */
  asOf: string;
  columns: { figure: string; value: string; target: string; note: string };
  figuresHeading: string;
  figures: Figure[];
  tables: Table[];
  overdue: Table;
  noneOverdue: string;
  none: string;
  /** «и ещё {count}»: the overdue rows left out (overdue.more). */
  moreTemplate: string;
}

/** The week that ended before `now`'s week: Monday 00:00 to Monday 00:00 in the school's zone. */
export function lastWeekPeriod(now: number, zone: string): Period {
  const today = dateOf(now, zone);
  const monday = addDays(today, 1 - weekday(today));
  const fromDate = addDays(monday, -7);
  return {
    kind: 'week',
    fromDate,
    toDate: addDays(monday, -1),
    from: instantOf(fromDate, 0, zone),
    to: instantOf(monday, 0, zone),
  };
}

export function weeklyReportView(m: DashboardMetrics, ctx: FigureContext): WeeklyReportView {
  const t = ctx.texts;
  const from = dayText(m.period.fromDate);
  const to = dayText(m.period.toDate);
  const overdue = overdueTable(m, ctx, REPORT_OVERDUE_LIMIT);
  return {
    from,
    to,
    subject: format(t.weekly.subject, { from, to }),
    heading: format(t.weekly.heading, { from, to }),
    intro: t.weekly.intro,
    asOf: `${t.asOfLabel} ${momentText(m.now, ctx.zone)}`,
    columns: { ...t.columns },
    figuresHeading: t.sections.key,
    figures: keyFigures(m, ctx),
    tables: detailTables(m, ctx),
    overdue: { ...overdue, heading: t.weekly.overdue },
    noneOverdue: t.weekly.noneOverdue,
    none: t.values.none,
    moreTemplate: t.more,
  };
}
