// Test entry: the workflow core (src/gas/request-actions.ts) over a workbook built by the real setup and intake,
// bundled by test/helpers/gas-bundle.ts. `change` runs as whoever calls it (a sidebar button does the same).
import { notifyRegistration } from '../../src/app/notify-registration';
import { registerRequest } from '../../src/app/register-request';
import { runSetup } from '../../src/app/setup';
import type { Status } from '../../src/domain/request';
import { HELPDESK_ROLES } from '../../src/domain/roles';
import { requireRole } from '../../src/gas/guard';
import { Helpdesk } from '../../src/gas/helpdesk';
import { drainMailWork, runMailQueue } from '../../src/gas/mailer';
import { drainWork } from '../../src/gas/pending-work';
import {
  applyTransitionWork,
  changeStatus,
  type StatusChangeResult,
  TRANSITION_WORK,
  type TransitionWork,
} from '../../src/gas/request-actions';

export function setupHelpdesk(): void {
  const report = runSetup();
  if (!report.ok) throw new Error(report.message);
  // Only the jobs this test drives by hand: no trigger fires behind its back.
  for (const t of ScriptApp.getProjectTriggers()) ScriptApp.deleteTrigger(t);
}

export function registerCall(token: string, email: string, phone = ''): string {
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
      description: 'Не отображаются итоговые отметки за четверть в дневнике ребёнка.',
      consent: true,
    },
    { actor: 'consultant', asOwner: true },
  );
  if (registration.record) notifyRegistration(hd, registration.record);
  return registration.id;
}

export interface ChangeInput {
  requestId: string;
  to: Status;
  answer?: string;
  reason?: string;
  question?: string;
}

/** A staff member's action, as a sidebar button makes it. */
export function change(input: ChangeInput): StatusChangeResult {
  const caller = requireRole(HELPDESK_ROLES);
  return changeStatus(new Helpdesk(), { ...input, actor: caller, via: 'sidebar' });
}

/** The requester's move (a reply to the clarifying question), made in the owner's run as the mail poll makes it. */
export function requesterChange(input: ChangeInput & { email: string }): StatusChangeResult {
  return changeStatus(new Helpdesk(), { ...input, actor: { email: input.email, role: 'requester' }, via: 'mail' });
}

/** The owner's runQueue steps this test needs: posted status changes, posted mail, then the sends. */
export function runQueueSteps(): { transitions: number; sent: number } {
  const hd = new Helpdesk();
  const transitions = drainWork((items) => {
    for (const item of items) applyTransitionWork(hd, item.payload as TransitionWork);
    return items.map((i) => i.key);
  }, TRANSITION_WORK).done;
  drainMailWork();
  return { transitions, sent: runMailQueue(new Date(), 4 * 60_000).sent };
}
