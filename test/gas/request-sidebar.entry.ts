// Test entry: the request sidebar (its menu item and every google.script.run function) over a workbook built by
// the real setup and intake, with the real runQueue as the school account's only trigger. Bundled by
// test/helpers/gas-bundle.ts; the exports are the names src/main.ts is to expose.
import { registerRequest } from '../../src/app/register-request';
import { notifyRegistration } from '../../src/app/notify-registration';
import { runQueueJob } from '../../src/app/run-queue';
import { runSetup } from '../../src/app/setup';
import { Helpdesk } from '../../src/gas/helpdesk';

export { showRequestSidebar, sidebarRefresh } from '../../src/app/show-request-sidebar';
export { sidebarAnswer, sidebarPreviewAnswer } from '../../src/app/sidebar-answer';
export { sidebarAssign } from '../../src/app/sidebar-assign';
export { sidebarAskClarification } from '../../src/app/sidebar-clarify';
export { sidebarEscalate } from '../../src/app/sidebar-escalate';
export { sidebarEndForEtiquette } from '../../src/app/sidebar-etiquette';
export { sidebarReject } from '../../src/app/sidebar-reject';
export { sidebarSupportRejected } from '../../src/app/sidebar-support';
export { sidebarSetStatus } from '../../src/app/sidebar-status';

export function setupHelpdesk(): void {
  const report = runSetup();
  if (!report.ok) throw new Error(report.message);
  // runQueue is the one job these tests let run on its own; the others would need their handlers here.
  for (const t of ScriptApp.getProjectTriggers()) {
    if (t.getHandlerFunction() !== 'runQueue') ScriptApp.deleteTrigger(t);
  }
}

export function runQueue(e: unknown) {
  return runQueueJob(e);
}

/** A phone call registered in the owner's run, as the registration dialog's pipeline does it. */
export function registerCall(token: string, email: string, description: string, phone = ''): string {
  const hd = new Helpdesk();
  const registration = registerRequest(
    hd,
    {
      source: { kind: 'manual', registeredBy: 'consultant', token },
      channel: 'phone',
      receivedAt: new Date(),
      requesterType: 'parent',
      name: 'Кузнецова Елена Викторовна',
      className: '3А',
      email,
      phone,
      preferredChannel: email ? 'email' : 'phone',
      topic: hd.msgs.choices.topic.grades,
      description,
      consent: true,
    },
    { actor: 'consultant', asOwner: true },
  );
  if (registration.record) notifyRegistration(hd, registration.record);
  return registration.id;
}
