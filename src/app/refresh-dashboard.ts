/**
 * «Панель»: the figures of the period chosen in its drop-down, written in one batch with the "as of" time
 * and the native charts. Three ways in: the menu (a helpdesk role; «Панель» is warning-protected only, so a
 * person's run may write it), the end of the hourly sweep (the school account's run, only when the sweep
 * left enough of its time), and an edit of the period cell (for the lead's installable edit handler).
 * Two refreshes at once would interleave their writes: the write holds the document lock (not the script
 * lock, which form submissions wait on).
 */
import { dashboardLayout, PERIOD_CELL, periodKindOfLabel } from '../domain/dashboard-layout';
import { dayText } from '../domain/dashboard-figures';
import { type PeriodKind, resolvePeriod } from '../domain/metrics-period';
import { HELPDESK_ROLES } from '../domain/roles';
import { type DashboardWriteReport, readPeriodCell, writeDashboard } from '../gas/dashboard-writer';
import { requireRole } from '../gas/guard';
import { Helpdesk } from '../gas/helpdesk';
import { readSheetIds } from '../gas/properties';
import { en, ru, dashboardTexts } from '../locale/dashboard';
import { format } from '../locale/index';
import { collectMetrics } from './dashboard-metrics';

export interface DashboardRefresh {
  ok: boolean;
  period: PeriodKind;
  from: string;
  to: string;
  /** Requests the figures were computed over. */
  requests: number;
  warnings: string[];
  written?: DashboardWriteReport;
  /** Why nothing was written: another refresh held the lock. */
  busy?: boolean;
}

const LOCK_WAIT_MS = 20_000;
/**
 * The sweep refreshes the dashboard only when it has used less than this of its run: a refresh reads 20
 * columns of every request (103 s of modelled time at 50 000 requests, 2.6 s at 100 — test/gas/dashboard.test.ts),
 * and Apps Script stops a run at 6 minutes. Skipped, it is drawn by the next hour's sweep or from the menu.
 */
export const SWEEP_REFRESH_START_LIMIT_MS = 3 * 60_000;

/** Recomputes and redraws «Панель» for the period its drop-down shows (this week when blank). */
export function refreshDashboardNow(hd: Helpdesk, now: number): DashboardRefresh {
  const texts = dashboardTexts(hd.locale);
  const sheet = hd.sheet('dashboard');
  const warnings: string[] = [];
  const chosen = readPeriodCell(sheet, PERIOD_CELL);
  let kind = periodKindOfLabel(chosen, [ru.periods, en.periods]);
  if (kind === undefined) {
    if (chosen.trim() !== '') warnings.push(format(texts.warnings.period, { value: chosen.trim() }));
    kind = 'week';
  }
  const periodKind: PeriodKind = kind;
  const run = collectMetrics(hd, (school) => resolvePeriod(periodKind, now, hd.zone, school), now, warnings);
  const layout = dashboardLayout(run.metrics, { ...run.ctx, periodKind, warnings: run.warnings });
  const lock = LockService.getDocumentLock();
  const summary: DashboardRefresh = {
    ok: false,
    period: periodKind,
    from: run.metrics.period.fromDate,
    to: run.metrics.period.toDate,
    requests: run.metrics.volume.total,
    warnings: run.warnings,
  };
  if (!lock.tryLock(LOCK_WAIT_MS)) return { ...summary, busy: true };
  try {
    return { ...summary, ok: true, written: writeDashboard(sheet, layout, texts.periodHelp) };
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}

/** Menu «Обновить панель». */
export function refreshDashboardFromMenu(): DashboardRefresh {
  requireRole(HELPDESK_ROLES);
  const hd = new Helpdesk();
  const result = refreshDashboardNow(hd, Date.now());
  const texts = dashboardTexts(hd.locale);
  const message = format(texts.refreshed, {
    period: texts.periods[result.period],
    from: dayText(result.from),
    to: dayText(result.to),
  });
  hd.ss.toast(message, texts.refreshedTitle);
  return result;
}

export interface SweepDashboardOutcome {
  refreshed: boolean;
  /** 'time': the sweep had used too much of its run; 'error': the refresh failed (logged). */
  skipped?: 'time' | 'error' | 'busy';
  error?: string;
}

/**
 * The sweep's last step (the school account's run): the dashboard redrawn when the sweep has time left. A
 * failing refresh is logged and reported, not thrown: the sweep's own work is done by then and must not be
 * reported as failed for a drawing.
 */
export function refreshDashboardAfterSweep(hd: Helpdesk, sweepStartedAt: number): SweepDashboardOutcome {
  if (Date.now() - sweepStartedAt > SWEEP_REFRESH_START_LIMIT_MS) return { refreshed: false, skipped: 'time' };
  try {
    const result = refreshDashboardNow(hd, Date.now());
    return result.ok ? { refreshed: true } : { refreshed: false, skipped: 'busy' };
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    console.error(`refreshDashboard: ${error}`);
    return { refreshed: false, skipped: 'error', error };
  }
}

/**
 * For the installable edit handler (which has checked its trigger event): when the edit touched the period
 * cell of «Панель», the dashboard is redrawn for the new period at once. Cheap for every other edit: the
 * sheet is compared by the ID setup recorded before anything else is opened.
 */
export function refreshDashboardOnEdit(e: { range?: GoogleAppsScript.Spreadsheet.Range }): boolean {
  const range = e.range;
  if (!range) return false;
  const id = readSheetIds().dashboard;
  if (id === undefined || range.getSheet().getSheetId() !== id) return false;
  const row = range.getRow();
  const column = range.getColumn();
  const covers =
    row <= PERIOD_CELL.row &&
    PERIOD_CELL.row < row + range.getNumRows() &&
    column <= PERIOD_CELL.column &&
    PERIOD_CELL.column < column + range.getNumColumns();
  if (!covers) return false;
  refreshDashboardNow(new Helpdesk(), Date.now());
  return true;
}
