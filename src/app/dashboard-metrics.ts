/**
 * The figures of one period, as the dashboard, the weekly e-mail and the print dialog all compute them:
 * the workbook read (gas/metrics-repo.ts, column by column), the school's quarters and year and the colour
 * thresholds from «Настройки» (a setting that cannot be read gives its default and a warning people see),
 * then domain/metrics.ts. Shared by those three use cases.
 */
import { type ChoiceLabels, type FigureContext, thresholdsOf } from '../domain/dashboard-figures';
import { computeMetrics, type DashboardMetrics } from '../domain/metrics';
import {
  type Period,
  type PeriodTextError,
  parseQuarters,
  parseSchoolYear,
  type SchoolPeriods,
} from '../domain/metrics-period';
import type { Helpdesk } from '../gas/helpdesk';
import { readMetricEvents, readMetricHeartbeats, readMetricRequests, readMetricStaff } from '../gas/metrics-repo';
import { dashboardTexts } from '../locale/dashboard';
import { format, type LocaleCode } from '../locale/index';

export interface MetricsRun {
  metrics: DashboardMetrics;
  ctx: FigureContext;
  /** What people should know about the settings the figures were computed with. */
  warnings: string[];
}

/** The quarters and the school year from the settings; a broken one is replaced by its default, with a warning. */
export function schoolPeriodsOf(hd: Helpdesk, warnings: string[]): SchoolPeriods {
  const t = dashboardTexts(hd.locale);
  const problem = (e: PeriodTextError) => format(t.periodErrors[e.code], { part: e.part });
  let quarters = parseQuarters(hd.setting('period.quarters'));
  if (!quarters.ok) {
    warnings.push(format(t.warnings.quarters, { problem: problem(quarters.error) }));
    quarters = parseQuarters('');
  }
  let year = parseSchoolYear(hd.setting('period.schoolYear'));
  if (!year.ok) {
    warnings.push(format(t.warnings.schoolYear, { problem: problem(year.error) }));
    year = parseSchoolYear('');
  }
  return {
    quarters: quarters.ok ? quarters.ranges : [],
    schoolYear: year.ok ? year.range : { from: '1970-01-01', to: '1970-01-01' },
  };
}

export function figureContextOf(hd: Helpdesk, warnings: string[]): FigureContext {
  const locale: LocaleCode = hd.locale;
  const texts = dashboardTexts(locale);
  const { thresholds, ok } = thresholdsOf(hd.setting('dashboard.greenPct'), hd.setting('dashboard.amberPct'));
  if (!ok) warnings.push(texts.warnings.thresholds);
  const c = hd.msgs.choices;
  const labels: ChoiceLabels = {
    requesterType: c.requesterType,
    channel: c.channel,
    rejectReason: c.rejectReason,
    scheduleKind: c.scheduleKind,
  };
  return { texts, labels, thresholds, zone: hd.zone, locale };
}

/** Reads the workbook and computes the figures of the period `periodOf` picks. */
export function collectMetrics(
  hd: Helpdesk,
  periodOf: (school: SchoolPeriods) => Period,
  now: number,
  warnings: string[] = [],
): MetricsRun {
  const period = periodOf(schoolPeriodsOf(hd, warnings));
  const ctx = figureContextOf(hd, warnings);
  const input = {
    requests: readMetricRequests(hd),
    events: readMetricEvents(hd),
    staff: readMetricStaff(hd),
    heartbeats: readMetricHeartbeats(),
  };
  const metrics = computeMetrics(input, { policy: hd.sla(), period, now });
  return { metrics, ctx, warnings };
}
