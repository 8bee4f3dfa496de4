/**
 * Service-level targets and due times (regulation cl. 3.1, 5.2, 6.2, 6.4, 9.2; SPEC R3.1, R5.2/R6.2/R6.4,
 * R5.3/R6.3, R9).
 *
 * Rules chosen where the regulation leaves room:
 * - "N working days" of a first response or resolution is a budget of working time: N × the length of a
 *   regular working day (work.end − work.start), spent only inside working hours. With 08:00–16:00, a
 *   request at 15:00 is due at 15:00 on the next working day; one at 16:00, or outside hours, starts at
 *   the next opening and is due at that day's 16:00. A shortened day only has less time to spend: a
 *   request at 09:00 on 30 Apr 2026 (08:00–15:00) is due at 10:00 on 4 May.
 * - Calendar basis: N × 24 hours of elapsed time.
 * - The basis setting switches only the first response (the «сутки» of cl. 5.2); students follow the
 *   parents' basis; resolution is always in working days, as its setting says.
 * - Support answers (cl. 9.2) count support hours, 09:00–18:00 every day, holidays included.
 * - New-staff training (cl. 3.1) is due when working hours end on the N-th working day after the start
 *   date (Civil Code art. 191, 194).
 * - Pauses (waiting on the requester) stop the clock; it resumes with the time that was left, counted in
 *   the target's own basis. A pause that begins after the due time does not move it.
 */
import { parseTimeOfDay, type SettingProblem, settingDef } from './settings-catalog';
import { addCalendarTime, type CalendarDayRow, WorkingCalendar, type WorkingHours } from './working-calendar';
import { DAY_MS, HOUR_MS, type IsoDate } from './zoned-time';

export type RequesterType = 'staff' | 'parent' | 'student';
export type TimeBasis = 'working' | 'calendar' | 'support';
/** Targets that are a budget of time from a start; training is a date rule (`trainingDueAt`). */
export type SlaKind = 'firstResponse' | 'resolution' | 'supportAnswer';

export interface FirstResponseTarget {
  days: number;
  basis: 'working' | 'calendar';
}

export interface SlaSettings {
  zone: string;
  work: WorkingHours;
  support: WorkingHours;
  firstResponse: Readonly<Record<RequesterType, FirstResponseTarget>>;
  resolutionDays: number;
  trainingDays: number;
  supportAnswerHours: number;
}

export interface SlaTarget {
  basis: TimeBasis;
  budgetMs: number;
}

/** `to: null` is a pause still running. */
export interface PauseInterval {
  from: number;
  to: number | null;
}

export interface SlaClock {
  start: number;
  pauses: readonly PauseInterval[];
}

/** A way of counting time: working hours, support hours or every millisecond. */
export interface TimeMeter {
  add(instant: number, ms: number): number;
  between(a: number, b: number): number;
}

export const CALENDAR_METER: TimeMeter = { add: addCalendarTime, between: (a, b) => b - a };

export function calendarMeter(calendar: WorkingCalendar): TimeMeter {
  return {
    add: (instant, ms) => calendar.addWorkingTime(instant, ms),
    between: (a, b) => calendar.workingTimeBetween(a, b),
  };
}

/** Pauses after the start, in order, overlaps merged; a pause with its end before its start is ignored. */
export function normalizePauses(clock: SlaClock): PauseInterval[] {
  const sorted = clock.pauses
    .filter((p) => p.to === null || p.to > p.from)
    .map((p) => ({ from: Math.max(p.from, clock.start), to: p.to === null ? null : Math.max(p.to, clock.start) }))
    .filter((p) => p.to === null || p.to > p.from)
    .sort((a, b) => a.from - b.from);
  const out: PauseInterval[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && (last.to === null || p.from <= last.to)) {
      last.to = last.to === null || p.to === null ? null : Math.max(last.to, p.to);
    } else out.push({ ...p });
  }
  return out;
}

/** The due instant of a budget on a clock; null while a pause runs and the budget is not yet spent. */
export function dueAt(meter: TimeMeter, budgetMs: number, clock: SlaClock): number | null {
  let cursor = clock.start;
  let left = budgetMs;
  for (const pause of normalizePauses(clock)) {
    const run = meter.between(cursor, pause.from);
    if (run >= left) return meter.add(cursor, left);
    left -= run;
    if (pause.to === null) return null;
    cursor = pause.to;
  }
  return meter.add(cursor, left);
}

/** Budget left at `now`, in the meter's time; negative once overdue. */
export function timeLeft(meter: TimeMeter, budgetMs: number, clock: SlaClock, now: number): number {
  let used = 0;
  let cursor = clock.start;
  for (const pause of normalizePauses(clock)) {
    if (pause.from >= now) break;
    used += meter.between(cursor, pause.from);
    if (pause.to === null || pause.to >= now) return budgetMs - used;
    cursor = pause.to;
  }
  return budgetMs - used - (now > cursor ? meter.between(cursor, now) : 0);
}

export function isPausedAt(clock: SlaClock, now: number): boolean {
  return clock.pauses.some((p) => p.from <= now && (p.to === null || now < p.to));
}

/** The targets, calendars and meters of one school's settings. Build once per run; the calendars cache. */
export class SlaPolicy {
  readonly working: WorkingCalendar;
  readonly support: WorkingCalendar;
  private readonly meters: Readonly<Record<TimeBasis, TimeMeter>>;

  constructor(
    readonly settings: SlaSettings,
    production: readonly CalendarDayRow[],
    school: readonly CalendarDayRow[] = [],
  ) {
    this.working = new WorkingCalendar({ zone: settings.zone, hours: settings.work, production, school });
    // Cl. 9.2: «ежедневно» — every day, no production calendar, no shortened days.
    this.support = new WorkingCalendar({ zone: settings.zone, hours: settings.support, weekendDays: [] });
    this.meters = {
      working: calendarMeter(this.working),
      support: calendarMeter(this.support),
      calendar: CALENDAR_METER,
    };
  }

  target(kind: SlaKind, requester: RequesterType): SlaTarget {
    const s = this.settings;
    if (kind === 'supportAnswer') return { basis: 'support', budgetMs: s.supportAnswerHours * HOUR_MS };
    if (kind === 'resolution') return { basis: 'working', budgetMs: s.resolutionDays * this.working.regularDayMs };
    const { days, basis } = s.firstResponse[requester];
    return { basis, budgetMs: days * (basis === 'working' ? this.working.regularDayMs : DAY_MS) };
  }

  meter(basis: TimeBasis): TimeMeter {
    return this.meters[basis];
  }

  dueAt(target: SlaTarget, clock: SlaClock): number | null {
    return dueAt(this.meters[target.basis], target.budgetMs, clock);
  }

  timeLeft(target: SlaTarget, clock: SlaClock, now: number): number {
    return timeLeft(this.meters[target.basis], target.budgetMs, clock, now);
  }

  /** Training of a new staff member who starts on `startDate` (cl. 3.1, R3.1). */
  trainingDueAt(startDate: IsoDate): number {
    return this.working.endOfNthWorkingDay(startDate, this.settings.trainingDays);
  }
}

// A Map, not an object literal, so that 'constructor' and friends are not read as a basis.
const BASIS_WORDS: ReadonlyMap<string, 'working' | 'calendar'> = new Map([
  ['рабочее', 'working'],
  ['календарное', 'calendar'],
  ['working', 'working'],
  ['calendar', 'calendar'],
]);

/** SLA settings from the «Настройки» values; a blank or bad value falls back to its default and is reported. */
export function slaSettingsFromMap(values: ReadonlyMap<string, string>): {
  settings: SlaSettings;
  problems: SettingProblem[];
} {
  const problems: SettingProblem[] = [];
  const read = <T>(key: string, parse: (v: string) => T | undefined): T => {
    const raw = values.get(key)?.trim() ?? '';
    const parsed = raw ? parse(raw) : undefined;
    if (parsed !== undefined) return parsed;
    if (raw) problems.push({ key, kind: 'invalid' });
    return defaultOf(key, parse);
  };
  const num = (key: string) => read(key, parseAmount);
  const basis = (key: string) => read(key, (v) => BASIS_WORDS.get(v.toLowerCase()));
  const hours = (startKey: string, endKey: string): WorkingHours => {
    const startMin = read(startKey, parseTimeOfDay);
    const endMin = read(endKey, parseTimeOfDay);
    if (endMin > startMin) return { startMin, endMin };
    problems.push({ key: endKey, kind: 'invalid' });
    return { startMin: defaultOf(startKey, parseTimeOfDay), endMin: defaultOf(endKey, parseTimeOfDay) };
  };
  const parentBasis = basis('sla.basis.parent');
  const settings: SlaSettings = {
    zone: read('school.timeZone', parseZone),
    work: hours('work.start', 'work.end'),
    support: hours('support.start', 'support.end'),
    firstResponse: {
      staff: { days: num('sla.firstResponse.staff'), basis: basis('sla.basis.staff') },
      parent: { days: num('sla.firstResponse.parent'), basis: parentBasis },
      student: { days: num('sla.firstResponse.student'), basis: parentBasis },
    },
    resolutionDays: num('sla.resolution.days'),
    trainingDays: read('sla.training.days', parseWholeDays),
    supportAnswerHours: num('sla.supportAnswer.hours'),
  };
  return { settings, problems };
}

function defaultOf<T>(key: string, parse: (v: string) => T | undefined): T {
  const value = parse(settingDef(key)?.defaultValue ?? '');
  if (value === undefined) throw new Error(`No usable default for setting ${key}`);
  return value;
}

/** '1', '1,5', '0.5' → a number ≥ 0. */
function parseAmount(v: string): number | undefined {
  const n = Number(v.replace(',', '.'));
  return v !== '' && Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** Training counts whole working days (at least one). */
function parseWholeDays(v: string): number | undefined {
  const n = parseAmount(v);
  return n !== undefined && Number.isInteger(n) && n >= 1 ? n : undefined;
}

function parseZone(v: string): string | undefined {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: v });
    return v;
  } catch {
    return undefined;
  }
}
