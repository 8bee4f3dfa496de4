/**
 * `sendWeeklyReport` (Monday morning, the owner's trigger): the director gets the week that ended in one
 * e-mail — the figures, targets and colours of «Панель» and the overdue list, with no requester's personal
 * data. The workbook is read column by column (gas/metrics-repo.ts): the same calls whatever its size.
 */
import { isPlausibleEmail } from '../domain/contacts';
import { mailKey } from '../domain/mail-queue';
import { lastWeekPeriod, weeklyReportView } from '../domain/weekly-report';
import { renderWeeklyReportMail } from '../domain/weekly-report-mail';
import { requireTriggerEvent } from '../gas/guard';
import { Helpdesk } from '../gas/helpdesk';
import { enqueueMail, runMailQueue } from '../gas/mailer';
import { readOwner, recordHeartbeat } from '../gas/properties';
import { collectMetrics } from './dashboard-metrics';

export const WEEKLY_REPORT_JOB = 'sendWeeklyReport';

export interface WeeklyReportOutcome {
  key: string;
  to: string;
  received: number;
  overdue: number;
}

export function sendWeeklyReportJob(event: unknown): WeeklyReportOutcome {
  requireTriggerEvent(event);
  const now = Date.now();
  recordHeartbeat(WEEKLY_REPORT_JOB, new Date(now));
  const hd = new Helpdesk();
  const run = collectMetrics(hd, () => lastWeekPeriod(now, hd.zone), now);
  const view = weeklyReportView(run.metrics, run.ctx);

  const director = hd.setting('director.email');
  const recipient = isPlausibleEmail(director) ? director : readOwner();
  const key = mailKey(`week-${run.metrics.period.fromDate}`, 'report', 'director');
  const body = renderWeeklyReportMail(view, {
    locale: run.ctx.locale,
    key,
    spreadsheetUrl: hd.ss.getUrl(),
    openLabel: run.ctx.texts.weekly.open,
  });
  enqueueMail({ key, requestId: key.split('|')[0], kind: 'report', to: recipient, ...body });
  runMailQueue(new Date(), 60_000);
  return { key, to: recipient, received: run.metrics.volume.total, overdue: run.metrics.overdue.length };
}
