/**
 * Menu «Отчёт за неделю (для печати)…»: the Monday report of the week that ended, as a print-friendly
 * dialog for staff meetings (a helpdesk role; opened only from the spreadsheet's menu, never served by the
 * anonymous web app). The figures are computed now, so the dialog shows the week as it stands today.
 */
import { HELPDESK_ROLES } from '../domain/roles';
import { lastWeekPeriod, weeklyReportView } from '../domain/weekly-report';
import { weeklyReportHtml } from '../domain/weekly-report-mail';
import { requireRole } from '../gas/guard';
import { Helpdesk } from '../gas/helpdesk';
import { collectMetrics } from './dashboard-metrics';

export function showWeeklyReportDialog(): void {
  requireRole(HELPDESK_ROLES);
  const hd = new Helpdesk();
  const now = Date.now();
  const run = collectMetrics(hd, () => lastWeekPeriod(now, hd.zone), now);
  const view = weeklyReportView(run.metrics, run.ctx);
  const template = HtmlService.createTemplateFromFile('weekly-report-dialog');
  template.lang = run.ctx.locale;
  template.title = view.subject;
  template.texts = run.ctx.texts.weekly;
  template.body = weeklyReportHtml(view);
  const html = template.evaluate().setTitle(view.subject).setWidth(960).setHeight(720);
  SpreadsheetApp.getUi().showModalDialog(html, run.ctx.texts.weekly.dialogTitle);
}
