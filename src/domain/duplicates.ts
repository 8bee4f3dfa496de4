/**
 * Possible repeats (SPEC: "Possible duplicates flagged (same contact and topic within a day) and linkable").
 * A new request that shares a contact key and the topic with a request created at most one working day
 * before it is marked as a possible repeat of the most recent such request. The two stay separate records,
 * linked by ID; nothing is merged, and a person decides.
 *
 * Rules chosen where the spec is silent:
 * - "within a day" is one regular working day of working time, so evenings, weekends and holidays between
 *   the two do not count (Friday evening and Monday morning are "within a day");
 * - a rejected request is not repeated by asking again properly; any other status counts, closed included;
 * - a blank topic (an e-mail that named none) is unknown, not "the same topic";
 * - topics compare ignoring case, repeated spaces and ё/е.
 */
import { contactKeys } from './contacts';
import type { RequestRecord } from './request';
import type { WorkingCalendar } from './working-calendar';

/** The new request, as far as spotting a repeat goes. */
export interface DuplicateProbe {
  /** Its own ID when it is already registered, so that it never repeats itself. */
  id?: string;
  contactKeys: readonly string[];
  topic: string;
  receivedAt: Date;
}

/** An earlier request, as far as spotting a repeat goes. */
export interface PriorRequest {
  id: string;
  contactKeys: readonly string[];
  topic: string;
  createdAt: Date;
  status: string;
}

/** The part of a working calendar this needs (a `WorkingCalendar` fits). */
export type WorkingClock = Pick<WorkingCalendar, 'workingTimeBetween' | 'regularDayMs'>;

/** The earlier request that the new one likely repeats: the most recent match, or undefined. */
export function findPossibleDuplicate<T extends PriorRequest>(
  probe: DuplicateProbe,
  recent: readonly T[],
  calendar: WorkingClock,
): T | undefined {
  const received = probe.receivedAt.getTime();
  const topic = topicKey(probe.topic);
  if (topic === '' || probe.contactKeys.length === 0 || Number.isNaN(received)) return undefined;
  let best: T | undefined;
  for (const prior of recent) {
    const created = prior.createdAt.getTime();
    const candidate =
      prior.id !== probe.id &&
      prior.status !== 'rejected' &&
      created <= received &&
      (best === undefined || created >= best.createdAt.getTime()) &&
      topicKey(prior.topic) === topic &&
      sharesKey(prior.contactKeys, probe.contactKeys);
    // Working time is the costly test, so it goes last and only for a real candidate.
    if (candidate && calendar.workingTimeBetween(created, received) <= calendar.regularDayMs) best = prior;
  }
  return best;
}

/** An earlier request from its record in «Обращения». */
export function priorRequestOf(
  record: Pick<RequestRecord, 'id' | 'email' | 'phone' | 'topic' | 'createdAt' | 'status'>,
): PriorRequest {
  return {
    id: record.id,
    contactKeys: contactKeys(record.email, record.phone),
    topic: record.topic,
    createdAt: record.createdAt,
    status: record.status,
  };
}

/** A topic as compared: case, repeated spaces and ё/е do not matter. */
export function topicKey(topic: string): string {
  return topic.trim().replace(/\s+/g, ' ').toLowerCase().replace(/ё/g, 'е');
}

function sharesKey(a: readonly string[], b: readonly string[]): boolean {
  return a.some((key) => b.includes(key));
}
