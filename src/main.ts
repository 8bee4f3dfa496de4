/**
 * Entry points only: each exported function becomes a top-level Apps Script function (gas-webpack-plugin).
 * Each one checks its caller inside the use case it calls.
 */
import { buildMenu } from './app/open-menu';
import { runQueueJob } from './app/run-queue';
import { runSetup, type SetupReport } from './app/setup';
import { showHealthDialog } from './app/show-health';
import { tellUser } from './gas/ui';
import { messages } from './locale/index';
import { readLocale } from './gas/properties';

/** Simple trigger: the menu. */
export function onOpen(): void {
  buildMenu();
}

/** Owner only: creates or upgrades the helpdesk's sheets, settings and triggers. Returns what it did. */
export function setup(): SetupReport {
  const report = runSetup();
  tellUser(messages(readLocale()).appName, report.message);
  return report;
}

/** Time-driven, every 5 minutes. */
export function runQueue(e: GoogleAppsScript.Events.TimeDriven): void {
  runQueueJob(e);
}

/** Menu: the helpdesk's status. */
export function showHealth(): string {
  return showHealthDialog();
}
