/**
 * The director's week in figures (the helpdesk features list: volume by requester type, channel and topic;
 * first-response compliance; backlog; overdue list; rejections by reason). Pure: rows in, figures out.
 * Nothing personal goes in: IDs, topics, channels, statuses and times only.
 */
import type { Channel, RequesterType, Status } from './request';

export interface ReportRow {
  id: string;
  createdAt: number | null;
  requesterType: RequesterType | '';
  channel: Channel | '';
  topic: string;
  status: Status | '';
  rejectReason: string;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  firstResponseDueAt: number | null;
  resolutionDueAt: number | null;
}

export interface OverdueItem {
  id: string;
  topic: string;
  /** Whole days since the request came in. */
  ageDays: number;
}

export interface WeeklyFigures {
  from: number;
  to: number;
  received: number;
  byRequesterType: Array<[string, number]>;
  byChannel: Array<[string, number]>;
  byTopic: Array<[string, number]>;
  /** Requests whose first response fell due in the week, and how many got it in time. */
  firstResponseDue: number;
  firstResponseInTime: number;
  resolved: number;
  rejectedByReason: Array<[string, number]>;
  openNow: number;
  overdue: OverdueItem[];
}

const CLOSED: ReadonlySet<string> = new Set(['closed', 'rejected', 'etiquetteEnded']);
const DAY_MS = 86_400_000;

function countBy(rows: readonly ReportRow[], key: (r: ReportRow) => string): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const k = key(r);
    if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

const within = (t: number | null, from: number, to: number): t is number => t !== null && t >= from && t < to;

/** The figures of [from, to), with the backlog and the overdue list as of `now`. */
export function weeklyFigures(rows: readonly ReportRow[], from: number, to: number, now: number): WeeklyFigures {
  const received = rows.filter((r) => within(r.createdAt, from, to));
  const dueInWeek = rows.filter((r) => within(r.firstResponseDueAt, from, to));
  const open = rows.filter((r) => r.status !== '' && !CLOSED.has(r.status) && r.status !== 'answered');
  const overdue = open
    .map((r) => ({ r, due: r.firstResponseAt === null ? r.firstResponseDueAt : r.resolutionDueAt }))
    .filter(({ due }) => due !== null && due < now)
    .map(({ r }) => ({ id: r.id, topic: r.topic, ageDays: Math.floor((now - (r.createdAt ?? now)) / DAY_MS) }))
    .sort((a, b) => b.ageDays - a.ageDays || a.id.localeCompare(b.id));
  return {
    from,
    to,
    received: received.length,
    byRequesterType: countBy(received, (r) => r.requesterType),
    byChannel: countBy(received, (r) => r.channel),
    byTopic: countBy(received, (r) => r.topic),
    firstResponseDue: dueInWeek.length,
    firstResponseInTime: dueInWeek.filter(
      (r) => r.firstResponseAt !== null && r.firstResponseDueAt !== null && r.firstResponseAt <= r.firstResponseDueAt,
    ).length,
    resolved: rows.filter((r) => within(r.resolvedAt, from, to)).length,
    rejectedByReason: countBy(
      rows.filter((r) => r.status === 'rejected' && within(r.resolvedAt, from, to)),
      (r) => r.rejectReason,
    ),
    openNow: open.length,
    overdue,
  };
}
