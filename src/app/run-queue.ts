/**
 * `runQueue`, every 5 minutes as the owning account. In this version it proves the scheduled path end to
 * end (genuine trigger only, heartbeat recorded); the mail queue and reconciliation of form responses
 * join it with request intake.
 */
import { recordHeartbeat } from '../gas/properties';
import { requireTriggerEvent } from '../gas/guard';

export const RUN_QUEUE_JOB = 'runQueue';

export function runQueueJob(event: unknown): void {
  requireTriggerEvent(event);
  recordHeartbeat(RUN_QUEUE_JOB, new Date());
}
