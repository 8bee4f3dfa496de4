/**
 * The morning digest (SPEC helpdesk features: reminders; DESIGN entry points `sendDailyDigest`): each
 * assignee's open requests by urgency. Only IDs, topics, statuses and due times: no requester's data.
 *
 * Order: overdue first (the longest overdue on top), then by due time, then those waiting on the requester
 * or the support service (their clock is paused), then any without a due time; ties by ID.
 */
import { isDone, type LogFacts, waitKindOf } from './sla-sweep';

export interface DigestItem {
  id: string;
  topic: string;
  statusLabel: string;
  dueAt?: number;
  overdue: boolean;
  waiting: boolean;
}

export interface DigestRow {
  facts: LogFacts;
  topic: string;
  statusLabel: string;
  /** The address the request is assigned to; blank goes to the consultant. */
  assignee: string;
}

function rank(item: DigestItem): number {
  if (item.waiting) return 2;
  if (item.dueAt === undefined) return 3;
  return item.overdue ? 0 : 1;
}

export function byUrgency(a: DigestItem, b: DigestItem): number {
  return rank(a) - rank(b) || (a.dueAt ?? 0) - (b.dueAt ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Open requests grouped by the address they go to, each list in order of urgency. */
export function digestsByAssignee(
  rows: readonly DigestRow[],
  fallback: string,
  now: number,
): Map<string, DigestItem[]> {
  const out = new Map<string, DigestItem[]>();
  for (const row of rows) {
    if (!row.facts.id || isDone(row.facts)) continue;
    const to = (row.assignee.trim() || fallback.trim()).toLowerCase();
    if (!to) continue;
    const waiting = waitKindOf(row.facts.status) !== 'none';
    const dueAt = row.facts.dueShown;
    const item: DigestItem = {
      id: row.facts.id,
      topic: row.topic,
      statusLabel: row.statusLabel,
      dueAt,
      overdue: !waiting && dueAt !== undefined && dueAt <= now,
      waiting,
    };
    const list = out.get(to) ?? [];
    list.push(item);
    out.set(to, list);
  }
  for (const list of out.values()) list.sort(byUrgency);
  return out;
}
