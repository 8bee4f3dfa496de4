/** «Состояние системы»: the owner, the scheduled jobs and when each last ran. */
import { jobHealth } from '../domain/health';
import { HELPDESK_ROLES } from '../domain/roles';
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
    const h = jobHealth(job, readHeartbeat(job), now);
    if (h.state === 'never') lines.push(format(msgs.health.neverRun, { name: job }));
    else {
      lines.push(format(msgs.health.lastRun, { name: job, at: Utilities.formatDate(h.lastRun, zone, 'dd.MM.yyyy HH:mm') }));
      if (h.state === 'stale') lines.push(format(msgs.health.stale, { name: job }));
    }
  }
  return lines.join('\n');
}

export function showHealthDialog(): string {
  const report = healthReport(new Date());
  tellUser(messages(readLocale()).health.title, report);
  return report;
}
