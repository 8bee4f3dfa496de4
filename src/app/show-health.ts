/** «Состояние системы»: the owner, the scheduled jobs and when each last ran. */
import { jobHealth, staleAfter } from '../domain/health';
import { HELPDESK_ROLES } from '../domain/roles';
import { TRIGGER_PLAN } from '../domain/trigger-plan';
import { format, messages } from '../locale/index';
import { requireRole } from '../gas/guard';
import { readHeartbeat, readLocale, readOwner, readTriggerHandlers } from '../gas/properties';
import { tellUser } from '../gas/ui';

export function healthReport(now: Date): string {
  requireRole(HELPDESK_ROLES);
  const msgs = messages(readLocale());
  const owner = readOwner();
  if (!owner) return msgs.health.noOwner;
  const handlers = readTriggerHandlers();
  const zone = Session.getScriptTimeZone();
  const lines = [format(msgs.health.owner, { owner }), format(msgs.health.triggers, { list: handlers.join(', ') })];
  for (const job of handlers) {
    const limit = staleAfter(TRIGGER_PLAN.find((p) => p.handler === job));
    // A form's trigger runs when someone submits: silence says nothing about its health.
    const eventDriven = limit === undefined;
    const h = jobHealth(job, readHeartbeat(job), now, limit);
    if (h.state === 'never') {
      lines.push(format(eventDriven ? msgs.health.eventNever : msgs.health.neverRun, { name: job }));
      continue;
    }
    lines.push(
      format(msgs.health.lastRun, { name: job, at: Utilities.formatDate(h.lastRun, zone, 'dd.MM.yyyy HH:mm') }),
    );
    if (h.state === 'stale' && !eventDriven) lines.push(format(msgs.health.stale, { name: job }));
  }
  return lines.join('\n');
}

export function showHealthDialog(): string {
  const report = healthReport(new Date());
  tellUser(messages(readLocale()).health.title, report);
  return report;
}
