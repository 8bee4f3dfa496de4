/**
 * Journal rows of people's actions (assignment, escalation, the support's outcome): «Журнал» is the owning
 * account's, so the owner's runs append them at once and a person's run posts them to the work inbox, which the
 * owner's runQueue drains (`applyAuditWork`). The rows keep the time of the action.
 */
import { type AuditEntry, appendAudit } from './audit-log';
import type { Helpdesk } from './helpdesk';
import { effectiveUserEmail } from './identity';
import { postWork, type WorkItem } from './pending-work';
import { readOwner } from './properties';

export const AUDIT_WORK = 'audit-entries';

interface PostedAudit {
  entries: Array<Omit<AuditEntry, 'at'> & { at: number }>;
}

export function isOwnerRun(): boolean {
  const owner = readOwner().trim().toLowerCase();
  return owner !== '' && effectiveUserEmail().trim().toLowerCase() === owner;
}

/** Appends now in the owner's run, else posts for the owner's next runQueue. */
export function recordAudit(hd: Helpdesk, entries: readonly AuditEntry[]): void {
  if (entries.length === 0) return;
  if (isOwnerRun()) {
    appendAudit(hd.table('audit', true), entries, hd.labels());
    return;
  }
  const work: PostedAudit = { entries: entries.map((e) => ({ ...e, at: e.at.getTime() })) };
  postWork(AUDIT_WORK, work);
}

/** The owner's runQueue: appends every posted batch in one write; returns the items done. */
export function applyAuditWork(hd: Helpdesk, items: readonly WorkItem[]): string[] {
  const entries: AuditEntry[] = [];
  const done: string[] = [];
  for (const item of items) {
    const posted = item.payload as Partial<PostedAudit> | null;
    if (!posted || !Array.isArray(posted.entries)) continue; // unreadable: left in the inbox for a person to see
    for (const e of posted.entries) entries.push({ ...e, at: new Date(e.at) });
    done.push(item.key);
  }
  if (entries.length > 0) appendAudit(hd.table('audit', true), entries, hd.labels());
  return done;
}
