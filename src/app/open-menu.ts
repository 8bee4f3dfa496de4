/**
 * The Russian menu, built by the simple `onOpen` trigger. It runs with limited authorisation and often
 * without the person's identity, so it only builds the menu; every item checks its caller itself. When a
 * scheduled job has gone silent, the menu's first item says so (the heartbeats are document properties,
 * which a simple trigger may read).
 */
import { jobHealth, staleAfter } from '../domain/health';
import { TRIGGER_PLAN } from '../domain/trigger-plan';
import { readHeartbeat, readLocale, readOwner } from '../gas/properties';
import { format, messages } from '../locale/index';
import { dashboardTexts } from '../locale/dashboard';
import { privacyTexts } from '../locale/privacy';
import { scheduleTexts } from '../locale/schedule';
import { sidebarTexts } from '../locale/sidebar';

export function buildMenu(): void {
  const locale = readLocale();
  const msgs = messages(locale);
  const menu = SpreadsheetApp.getUi().createMenu(msgs.menu.title);
  const silent = silentJobs(new Date());
  if (silent.length > 0)
    menu.addItem(format(msgs.menu.silentJobs, { list: silent.join(', ') }), 'showHealth').addSeparator();
  const schedule = scheduleTexts(locale).menu;
  const dashboard = dashboardTexts(locale).menu;
  menu
    .addItem(sidebarTexts(locale).menuItem, 'showRequestSidebar')
    .addItem(msgs.register.menu, 'showRegistrationDialog')
    .addSeparator()
    .addItem(schedule.fillOfficeHours, 'fillOfficeHours')
    .addItem(schedule.placeTraining, 'placeNewStaffTraining')
    .addItem(schedule.sidebar, 'showScheduleSidebar')
    .addItem(schedule.approve, 'approveSchedule')
    .addSeparator()
    .addItem(dashboard.refresh, 'refreshDashboard')
    .addItem(dashboard.weeklyReport, 'showWeeklyReport')
    .addSeparator()
    .addItem(msgs.menu.health, 'showHealth')
    .addItem(privacyTexts(locale).dialog.menu, 'erasePersonData')
    .addSeparator()
    .addItem(msgs.menu.setup, 'setup')
    .addToUi();
}

/** Time-driven jobs of a set-up helpdesk that have not run within their schedule. */
function silentJobs(now: Date): string[] {
  if (!readOwner()) return [];
  return TRIGGER_PLAN.filter((spec) => {
    const limit = staleAfter(spec);
    return limit !== undefined && jobHealth(spec.handler, readHeartbeat(spec.handler), now, limit).state === 'stale';
  }).map((spec) => spec.handler);
}
