// Test entry: e-mail intake on a helpdesk made by the real setup, bundled by test/helpers/gas-bundle.ts.
import { pollHelpdeskMail as pollMail } from '../../src/app/poll-helpdesk-mail';
import { runQueueJob } from '../../src/app/run-queue';
import { runSetup } from '../../src/app/setup';

export function setup() {
  return runSetup();
}

/** The trigger the lead's setup will install: every 10 minutes, owned by the school account. */
export function installPollTrigger(): string {
  return ScriptApp.newTrigger('pollHelpdeskMail').timeBased().everyMinutes(10).create().getUniqueId();
}

export function pollHelpdeskMail(e: unknown) {
  return pollMail(e);
}

export function runQueue(e: unknown) {
  return runQueueJob(e);
}

/** A person puts the intake label back on a processed thread (or a filter applies it again). */
export function relabel(threadId: string, label: string): void {
  const thread = GmailApp.getThreadById(threadId);
  const intake = GmailApp.getUserLabelByName(label);
  if (thread && intake) thread.addLabel(intake);
}
