/**
 * The consultation schedule «График» as data (R3, cl. 3, 5.1): office hours for a month in one action,
 * clashes of one consultant's events, and approval that covers a fingerprint of the event, so an event
 * changed after the director approved it is no longer approved. Pure: dates are 'YYYY-MM-DD', times are
 * minutes after midnight in the school's zone.
 */
import type { CHOICE_LISTS } from './schema';
import type { WorkingCalendar } from './working-calendar';
import { addDays, DAY_MS, dateOf, fromDayNumber, type IsoDate, instantOf, parseIsoDate } from './zoned-time';

export type ScheduleKind = (typeof CHOICE_LISTS.scheduleKind)[number];
export type Audience = (typeof CHOICE_LISTS.audience)[number];

export interface ScheduleEvent {
  date: IsoDate;
  /** Minutes after midnight; start < end. */
  startMin: number;
  endMin: number;
  /** '' when the cell holds something that is not on the list. */
  kind: ScheduleKind | '';
  audience: Audience | '';
  topic: string;
  place: string;
  consultant: string;
  approvedBy: string;
  /** Epoch ms, or undefined when not approved. */
  approvedAt?: number;
  /** The fingerprint the approval covered (see eventFingerprint); '' when none was recorded. */
  approvedFingerprint: string;
  notes: string;
  eventId: string;
}

/** The fields an approval covers: what the public sees and who runs it. Notes and approval columns are not. */
export type ApprovedFields = Pick<
  ScheduleEvent,
  'date' | 'startMin' | 'endMin' | 'kind' | 'audience' | 'topic' | 'place' | 'consultant'
>;

const norm = (s: string) => s.trim().replace(/\s+/g, ' ');
const personKey = (s: string) => norm(s).toLowerCase().replace(/ё/g, 'е');

/** 32-bit FNV-1a with a seed, as 8 hex digits. */
function fnv1a(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * A stable fingerprint of the approved fields ('v1:' + 16 hex digits). Whitespace runs inside texts and
 * the consultant's letter case do not change it; any other change does.
 */
export function eventFingerprint(e: ApprovedFields): string {
  const canonical = JSON.stringify([
    e.date,
    e.startMin,
    e.endMin,
    e.kind,
    e.audience,
    norm(e.topic),
    norm(e.place),
    personKey(e.consultant),
  ]);
  return `v1:${fnv1a(canonical, 0x811c9dc5)}${fnv1a(canonical, 0x9747b28c)}`;
}

/** Approved: who and when are recorded and the approval covers the event as it is now. */
export function isApproved(e: ScheduleEvent): boolean {
  return (
    e.approvedBy.trim() !== '' &&
    e.approvedAt !== undefined &&
    Number.isFinite(e.approvedAt) &&
    e.approvedFingerprint !== '' &&
    e.approvedFingerprint === eventFingerprint(e)
  );
}

/** Approved once but changed since: the approval no longer holds and the director must be told (R3). */
export function lostApproval(e: ScheduleEvent): boolean {
  return e.approvedBy.trim() !== '' && e.approvedAt !== undefined && !isApproved(e);
}

/** The approval columns an approver writes for one event at `at`. */
export function approvalOf(e: ApprovedFields, approver: string, at: number) {
  return { approvedBy: approver, approvedAt: at, approvedFingerprint: eventFingerprint(e) };
}

/** Two events of one consultant on one date whose times overlap (touching ends do not clash). */
export interface Clash {
  /** Indexes into the events given, a < b. */
  a: number;
  b: number;
}

export function overlaps(x: ApprovedFields, y: ApprovedFields): boolean {
  return x.date === y.date && x.startMin < y.endMin && y.startMin < x.endMin;
}

/** Every clashing pair: same consultant (name as people write it), same date, overlapping times. */
export function findClashes(events: readonly ApprovedFields[]): Clash[] {
  const groups = new Map<string, number[]>();
  events.forEach((e, i) => {
    const who = personKey(e.consultant);
    if (!who || !(e.startMin < e.endMin)) return;
    const key = `${who}\u0000${e.date}`;
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  });
  const out: Clash[] = [];
  for (const list of groups.values()) {
    const sorted = [...list].sort((i, j) => events[i].startMin - events[j].startMin || i - j);
    for (let p = 0; p < sorted.length; p++) {
      for (let q = p + 1; q < sorted.length && events[sorted[q]].startMin < events[sorted[p]].endMin; q++) {
        const [a, b] = sorted[p] < sorted[q] ? [sorted[p], sorted[q]] : [sorted[q], sorted[p]];
        out.push({ a, b });
      }
    }
  }
  return out.sort((x, y) => x.a - y.a || x.b - y.b);
}

export interface OfficeHoursRequest {
  /** Full year and month 1–12. */
  year: number;
  month: number;
  /** Office hours, minutes after midnight (settings office.start / office.end, default 15:00–16:00). */
  startMin: number;
  endMin: number;
  consultant: string;
  place: string;
  /** Default 'all': office hours are for staff and parents alike (cl. 5.1, 6.1). */
  audience?: Audience;
  topic?: string;
}

export type SkipReason = 'dayOff' | 'planned' | 'clash';

export interface OfficeHoursPlan {
  /** New events to append, in date order, unapproved. */
  events: ScheduleEvent[];
  skipped: Array<{ date: IsoDate; reason: SkipReason }>;
}

/** Every date of a month, in order. */
export function datesOfMonth(year: number, month: number): IsoDate[] {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Not a month: ${year}-${month}`);
  }
  const first = Date.UTC(year, month - 1, 1) / DAY_MS;
  const next = Date.UTC(year, month, 1) / DAY_MS;
  const out: IsoDate[] = [];
  for (let d = first; d < next; d++) out.push(fromDayNumber(d));
  return out;
}

/**
 * Office hours for every working day of a month (production calendar plus the school's rows). A date is
 * skipped when it is a day off, when it already has an office-hours event (so a second run adds nothing),
 * or when the consultant already has another event overlapping the hours that day. A shortened
 * pre-holiday day is a working day and keeps the configured hours.
 */
export function planOfficeHours(
  calendar: WorkingCalendar,
  existing: readonly ApprovedFields[],
  req: OfficeHoursRequest,
): OfficeHoursPlan {
  if (!(Number.isInteger(req.startMin) && Number.isInteger(req.endMin) && req.startMin < req.endMin)) {
    throw new RangeError(`Office hours must have start < end: ${req.startMin}–${req.endMin}`);
  }
  const plannedDates = new Set(existing.filter((e) => e.kind === 'officeHours').map((e) => e.date));
  const events: ScheduleEvent[] = [];
  const skipped: OfficeHoursPlan['skipped'] = [];
  for (const date of datesOfMonth(req.year, req.month)) {
    if (!calendar.isWorkingDay(date)) {
      skipped.push({ date, reason: 'dayOff' });
      continue;
    }
    if (plannedDates.has(date)) {
      skipped.push({ date, reason: 'planned' });
      continue;
    }
    const event: ScheduleEvent = {
      date,
      startMin: req.startMin,
      endMin: req.endMin,
      kind: 'officeHours',
      audience: req.audience ?? 'all',
      topic: req.topic ?? '',
      place: req.place,
      consultant: req.consultant,
      approvedBy: '',
      approvedFingerprint: '',
      notes: '',
      eventId: '',
    };
    const who = personKey(req.consultant);
    if (who && existing.some((e) => personKey(e.consultant) === who && overlaps(e, event))) {
      skipped.push({ date, reason: 'clash' });
      continue;
    }
    events.push(event);
  }
  return { events, skipped };
}

/** The instant an event ends, in the school's zone. */
export function endInstantOf(e: Pick<ScheduleEvent, 'date' | 'endMin'>, zone: string): number {
  return instantOf(e.date, e.endMin, zone);
}

/** Approved events not yet over at `now`, in date and time order (what the public page and board show). */
export function upcomingApproved(events: readonly ScheduleEvent[], now: number, zone: string): ScheduleEvent[] {
  return events
    .filter((e) => parseIsoDate(e.date) !== undefined && e.startMin < e.endMin && isApproved(e))
    .filter((e) => endInstantOf(e, zone) > now)
    .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.startMin - y.startMin || x.endMin - y.endMin));
}

/** "15:00" for 900. */
export function formatMinutes(min: number): string {
  return `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
}

// ---- what makes an event publishable ----------------------------------------------------------------------

export type EventProblem = 'date' | 'time' | 'kind' | 'audience' | 'consultant';

/** What keeps an event from being approved: an unreadable date or times, a kind or audience off the list, no consultant. */
export function eventProblems(e: ApprovedFields): EventProblem[] {
  const out: EventProblem[] = [];
  if (parseIsoDate(e.date) === undefined) out.push('date');
  if (!(Number.isFinite(e.startMin) && Number.isFinite(e.endMin) && e.startMin < e.endMin)) out.push('time');
  if (e.kind === '') out.push('kind');
  if (e.audience === '') out.push('audience');
  if (norm(e.consultant) === '') out.push('consultant');
  return out;
}

// ---- approving a period -----------------------------------------------------------------------------------

/** A period of dates, both ends included. */
export interface Period {
  from: IsoDate;
  to: IsoDate;
}

export interface RowEvent {
  /** The sheet row the event stands in. */
  row: number;
  event: ScheduleEvent;
}

export interface ApprovalPlan {
  /** Events of the period awaiting approval that can be approved, in date order. */
  approve: RowEvent[];
  /** Already approved as they stand: nothing to do. */
  approved: RowEvent[];
  /** Awaiting approval but not approvable: what is wrong (a clash names the other row). */
  blocked: Array<RowEvent & { problems: EventProblem[]; clashWith: number[] }>;
}

function inPeriod(date: IsoDate, period: Period): boolean {
  return date >= period.from && date <= period.to;
}

/**
 * What a director's approval of `period` covers. A clash (one consultant twice at once) blocks both
 * events: the consultant fixes the schedule first, so no double booking is ever published.
 */
export function planApproval(rows: readonly RowEvent[], period: Period): ApprovalPlan {
  const clashes = findClashes(rows.map((r) => r.event));
  const clashWith = new Map<number, number[]>();
  for (const { a, b } of clashes) {
    clashWith.set(a, [...(clashWith.get(a) ?? []), rows[b].row]);
    clashWith.set(b, [...(clashWith.get(b) ?? []), rows[a].row]);
  }
  const plan: ApprovalPlan = { approve: [], approved: [], blocked: [] };
  rows.forEach((r, i) => {
    if (!inPeriod(r.event.date, period)) return;
    if (isApproved(r.event)) {
      plan.approved.push(r);
      return;
    }
    const problems = eventProblems(r.event);
    const others = clashWith.get(i) ?? [];
    if (problems.length > 0 || others.length > 0) plan.blocked.push({ ...r, problems, clashWith: others });
    else plan.approve.push(r);
  });
  const order = (x: RowEvent, y: RowEvent) =>
    x.event.date < y.event.date ? -1 : x.event.date > y.event.date ? 1 : x.event.startMin - y.event.startMin;
  plan.approve.sort(order);
  return plan;
}

/** The rows a clash of `row` involves (other rows of the same consultant overlapping it). */
export function clashesOf(rows: readonly RowEvent[], row: number): number[] {
  const index = rows.findIndex((r) => r.row === row);
  if (index < 0) return [];
  return findClashes(rows.map((r) => r.event))
    .filter((c) => c.a === index || c.b === index)
    .map((c) => rows[c.a === index ? c.b : c.a].row);
}

// ---- event IDs ----------------------------------------------------------------------------------------------

/**
 * An event's ID: its date and a random part, e.g. 'ev-20260915-3f9a1c2b'; an event a person typed into the
 * sheet ends in '-t' (its announcement to the director is owed by the edit handler, not by an action that
 * announced its whole batch). No spaces or bars: mail keys carry it.
 */
export function newEventId(date: IsoDate, uuid: string, origin: 'planned' | 'typed' = 'planned'): string {
  const random =
    uuid
      .replace(/[^0-9a-f]/gi, '')
      .toLowerCase()
      .slice(0, 8) || '0';
  return `ev-${date.replace(/-/g, '') || 'nodate'}-${random}${origin === 'typed' ? '-t' : ''}`;
}

/** Whether an ID was given to an event a person typed into the sheet. */
export function isTypedEventId(id: string): boolean {
  return /^ev-[0-9a-z]+-[0-9a-f]+-t$/.test(id);
}

/** The training event of one new staff member (by staffKey): found again whatever date it was moved to. */
export function trainingEventId(staffKey: string): string {
  return `nst-${fnv1a(staffKey, 0x811c9dc5)}`;
}

// ---- new-staff training in the schedule (cl. 3.1) ---------------------------------------------------------

export interface TrainingSlotRequest {
  consultant: string;
  durationMin: number;
  /** The first day the training may take place: the staff member's start date. */
  fromDate: IsoDate;
  /** Not before this instant (now): a slot in the past is no slot. */
  notBefore: number;
  /** The training's deadline (end of the 3rd working day after the start date). */
  dueAt: number;
  /** Slots start this often from the day's opening. Default 30 minutes. */
  stepMin?: number;
}

export interface Slot {
  date: IsoDate;
  startMin: number;
  endMin: number;
}

/**
 * The earliest slot of `durationMin` inside working hours of a working day (a shortened day's shorter
 * hours), from the start date and not in the past, ending by the deadline, in which the consultant has no
 * other event. Undefined when the deadline leaves no such slot.
 */
export function findTrainingSlot(
  calendar: WorkingCalendar,
  existing: readonly ApprovedFields[],
  req: TrainingSlotRequest,
): Slot | undefined {
  const step = req.stepMin ?? 30;
  if (!(Number.isInteger(req.durationMin) && req.durationMin > 0 && step > 0)) {
    throw new RangeError(`A training needs a positive whole duration: ${req.durationMin}`);
  }
  const zone = calendar.zone;
  const who = personKey(req.consultant);
  // The later of the start date and today ('YYYY-MM-DD' sorts as dates do).
  const first = [req.fromDate, dateOf(req.notBefore, zone)].sort()[1];
  const last = dateOf(req.dueAt, zone);
  for (let date = first; date <= last; date = addDays(date, 1)) {
    const hours = calendar.workingHoursOf(date);
    if (!hours) continue;
    const busy = existing.filter((e) => e.date === date && who !== '' && personKey(e.consultant) === who);
    for (let start = hours.startMin; start + req.durationMin <= hours.endMin; start += step) {
      const slot = { date, startMin: start, endMin: start + req.durationMin };
      if (instantOf(date, start, zone) < req.notBefore) continue;
      if (instantOf(date, slot.endMin, zone) > req.dueAt) break;
      if (!busy.some((e) => e.startMin < slot.endMin && slot.startMin < e.endMin)) return slot;
    }
  }
  return undefined;
}
