/**
 * What the hourly SLA sweep does with each open request, as a pure decision over the log's facts, the
 * request's bookkeeping and `now` (regulation cl. 5.2, 5.3, 6.2–6.4, 8, 9.2, 9.4.3; SPEC R5.2/R6.2/R6.4,
 * R5.3/R6.3, R9). The adapter reads the cells, calls `decideRequest` and writes what it returns.
 *
 * Rules chosen:
 * - Open: no `resolvedAt` and a status that is not final (retention.ts FINAL_STATUSES). An unknown label
 *   (typed by hand) counts as open and running. First response = `firstResponseAt` set (SPEC's meaning).
 * - Waiting pauses the school's clock: «Нужно уточнение» waits on the requester (SPEC R5.3), «Передано в
 *   Службу поддержки» waits on the regional support service, whose own clock then runs in support hours
 *   (R9; like Freshdesk's "waiting on third party"). A pause starts at the first sweep that sees the status
 *   (or earlier, if the status action recorded `pausedSince`) and ends at the first sweep that sees another.
 * - Folded clock: the bookkeeping keeps each due time already moved by past pauses, `pausedSince` for the
 *   pause running and `pausedMs` (calendar ms) for the pauses past. Ending a pause moves a due time that was
 *   still ahead by the time that was left, in the target's own time; this equals `SlaPolicy.dueAt` over the
 *   same pause intervals (a unit test folds several pauses both ways). A pause begun after the due time
 *   does not move it.
 * - Alerts per target (first response, resolution), each level once: 1 a reminder to the assignee when at
 *   most `reminderLeadMs` of the target's time is left; 2 overdue, to the consultant and the deputy; 3 to the
 *   director once overdue by `directorAfterMs`. Nothing is sent while paused. A sweep that comes late sends
 *   the highest level owed and skips a reminder that the due time has overtaken, but never skips an
 *   escalation level (their readers differ). Support: one alert per escalation to the assignee and the
 *   consultant when the support's answer is past its target in support hours.
 * - Auto-close (cl. 9.4.3, R5.3): a request waiting on the requester for `autoCloseDays` working days (the
 *   working-time budget, as SlaPolicy counts days) becomes «Отклонено» with the reason «Недостаточно
 *   исходной информации»: cl. 9.4.3 lists it among the reasons *for rejection*, the log's reason column is a
 *   rejection reason, and the reports count rejections by reason. `resolvedAt` is set to the sweep's time.
 * - Times count in whole minutes: the seconds a run's own calls take are dropped from `now` and from the
 *   stored instants, so they never push a due time past a day's close into the next morning.
 * - The log's «Срок ответа» shows the next due time: the first response's until it is given, then the
 *   resolution's. While paused it is left as it was (the status says why).
 */
import type { RequesterType, SlaPolicy, SlaTarget, TimeMeter } from './deadlines';
import type { Status } from './request';
import { FINAL_STATUSES } from './retention';
import { HOUR_MS, MINUTE_MS } from './zoned-time';

export type WaitKind = 'none' | 'requester' | 'support';
export type Track = 'firstResponse' | 'resolution' | 'support';
export type Audience = 'assignee' | 'consultant' | 'deputy' | 'director';

export interface SweepRules {
  /** A reminder goes out when at most this much of the target's own time is left. 0: no reminders. */
  reminderLeadMs: number;
  /** The director hears of a request overdue by this much of the target's own time. */
  directorAfterMs: number;
  /** Working days a request may wait on the requester before it is closed (cl. 9.4.3). 0: never. */
  autoCloseDays: number;
}

/** The sweep's settings with their defaults (the lead adds them to settings-catalog.ts with these values). */
export const SWEEP_SETTING_DEFAULTS: Readonly<Record<string, string>> = {
  'sla.reminder.hours': '2',
  'sla.director.hours': '8',
  'sla.autoClose.days': '5',
};

export interface SweepRulesResult {
  rules: SweepRules;
  /** Keys whose value could not be read; their default was used. */
  invalid: string[];
}

/** The rules from «Настройки» values; blank means the default, nonsense the default and a report. */
export function sweepRulesFromMap(values: ReadonlyMap<string, string>): SweepRulesResult {
  const invalid: string[] = [];
  const num = (key: string): number => {
    const raw = (values.get(key) ?? '').trim();
    const parsed = parseAmount(raw);
    if (parsed !== undefined) return parsed;
    if (raw) invalid.push(key);
    return parseAmount(SWEEP_SETTING_DEFAULTS[key]) ?? 0;
  };
  const rules: SweepRules = {
    reminderLeadMs: num('sla.reminder.hours') * HOUR_MS,
    directorAfterMs: num('sla.director.hours') * HOUR_MS,
    autoCloseDays: Math.floor(num('sla.autoClose.days')),
  };
  return { rules, invalid };
}

function parseAmount(v: string): number | undefined {
  const n = Number(v.replace(',', '.'));
  return v !== '' && Number.isFinite(n) && n >= 0 ? n : undefined;
}

// ---- facts and bookkeeping -------------------------------------------------------------------------------

/** What the log says of a request (epoch ms for times; undefined for a blank or unreadable cell). */
export interface LogFacts {
  id: string;
  requesterType: RequesterType | '';
  /** undefined: a label the helpdesk does not know. */
  status: Status | undefined;
  createdAt?: number;
  firstResponseAt?: number;
  resolvedAt?: number;
  /** The log's «Срок ответа» as it stands. */
  dueShown?: number;
}

/** The request's row of «Служебное», as the sweep uses it. */
export interface Bookkeeping {
  firstResponseDueAt?: number;
  resolutionDueAt?: number;
  pausedSince?: number;
  pausedMs: number;
  alertLevel: number;
}

/** Alert levels reached per track; kept in one number: units, tens, hundreds (see encodeLevels). */
export interface AlertLevels {
  firstResponse: number;
  resolution: number;
  /** 0 not waiting on support, 1 waiting (its clock runs from `pausedSince`), 2 its overdue alert sent. */
  support: number;
}

const digit = (n: number, place: number): number => Math.floor(n / place) % 10;

/** 231 reads: support 2, resolution 3, first response 1. A blank or broken cell is all zeros. */
export function decodeLevels(alertLevel: number): AlertLevels {
  const n = Number.isFinite(alertLevel) && alertLevel > 0 ? Math.floor(alertLevel) : 0;
  return { firstResponse: digit(n, 1), resolution: digit(n, 10), support: digit(n, 100) };
}

export function encodeLevels(levels: AlertLevels): number {
  return levels.firstResponse + 10 * levels.resolution + 100 * levels.support;
}

export function isDone(facts: LogFacts): boolean {
  return facts.resolvedAt !== undefined || (facts.status !== undefined && FINAL_STATUSES.indexOf(facts.status) >= 0);
}

export function waitKindOf(status: Status | undefined): WaitKind {
  if (status === 'clarification') return 'requester';
  if (status === 'escalated') return 'support';
  return 'none';
}

/** The due time after a pause from `from` to `to`: moved by the time that was left at `from`, if any. */
export function resumeDue(meter: TimeMeter, due: number, from: number, to: number): number {
  if (due <= from || to <= from) return due;
  return meter.add(to, meter.between(from, due));
}

// ---- the decision ---------------------------------------------------------------------------------------

export interface OwedAlert {
  track: Track;
  level: number;
  kind: 'reminder' | 'escalation';
  audience: readonly Audience[];
  /** The due time the alert is about. */
  dueAt: number;
  /** The key's event part: unique per request, track, level (and escalation episode for support). */
  event: string;
  /** Support alerts: when the request went to the support service. */
  since?: number;
}

export interface RequestDecision {
  id: string;
  /** The bookkeeping after this sweep. */
  book: Bookkeeping;
  /** Due times or the pause changed (written under the lock with the log's cells). */
  bookChanged: boolean;
  /** The alert level changed (written after the alerts are queued, so none is ever lost). */
  levelChanged: boolean;
  /** The log's «Срок ответа» to write, when it changes. */
  shownDue?: number;
  autoClose: boolean;
  pause: 'started' | 'ended' | 'restarted' | undefined;
  alerts: OwedAlert[];
}

export interface SweepContext {
  policy: SlaPolicy;
  rules: SweepRules;
}

/** The decision for one request; undefined when it is finished or has no creation time to count from. */
export function decideRequest(
  rawFacts: LogFacts,
  rawBook: Bookkeeping,
  ctx: SweepContext,
  rawNow: number,
): RequestDecision | undefined {
  if (isDone(rawFacts)) return undefined;
  const facts = wholeMinutesOfFacts(rawFacts);
  const book = wholeMinutesOfBook(rawBook);
  const now = wholeMinute(rawNow) as number;
  const { policy } = ctx;
  const type: RequesterType = facts.requesterType || 'parent';
  const targets = { fr: policy.target('firstResponse', type), res: policy.target('resolution', type) };
  const next: Bookkeeping = { ...book };
  if (!fillDues(next, facts, policy, targets)) return undefined;
  const levels = decodeLevels(book.alertLevel);
  const pause = applyWaiting(next, levels, facts, ctx, targets, now);
  const waiting = next.pausedSince !== undefined;
  const autoClose = waiting && !levels.support && isAbandoned(next.pausedSince as number, ctx, now);
  if (autoClose) endPause(next, now);
  const alerts = waiting ? supportAlerts(next, levels, ctx, type, now) : targetAlerts(next, levels, facts, ctx, now);
  const shown = waiting
    ? facts.dueShown
    : facts.firstResponseAt === undefined
      ? next.firstResponseDueAt
      : next.resolutionDueAt;
  const nextLevel = encodeLevels(levels);
  return {
    id: facts.id,
    book: { ...next, alertLevel: nextLevel },
    bookChanged: !sameTimes(book, next),
    levelChanged: nextLevel !== book.alertLevel,
    shownDue: shown !== undefined && shown !== facts.dueShown ? shown : undefined,
    autoClose,
    pause,
    alerts,
  };
}

/** An instant without its seconds. */
export function wholeMinute(t: number | undefined): number | undefined {
  return t === undefined ? undefined : Math.floor(t / MINUTE_MS) * MINUTE_MS;
}

function wholeMinutesOfFacts(f: LogFacts): LogFacts {
  const m = wholeMinute;
  return { ...f, createdAt: m(f.createdAt), firstResponseAt: m(f.firstResponseAt), dueShown: m(f.dueShown) };
}

function wholeMinutesOfBook(b: Bookkeeping): Bookkeeping {
  const m = wholeMinute;
  const out = { ...b, firstResponseDueAt: m(b.firstResponseDueAt), resolutionDueAt: m(b.resolutionDueAt) };
  return { ...out, pausedSince: m(b.pausedSince) };
}

interface Targets {
  fr: SlaTarget;
  res: SlaTarget;
}

/** Due times missing from the bookkeeping (a row written before they were) are counted from the creation. */
function fillDues(next: Bookkeeping, facts: LogFacts, policy: SlaPolicy, t: Targets): boolean {
  if (next.firstResponseDueAt !== undefined && next.resolutionDueAt !== undefined) return true;
  if (facts.createdAt === undefined) return false;
  const clock = { start: facts.createdAt, pauses: [] };
  next.firstResponseDueAt ??= policy.dueAt(t.fr, clock) ?? undefined;
  next.resolutionDueAt ??= policy.dueAt(t.res, clock) ?? undefined;
  return next.firstResponseDueAt !== undefined && next.resolutionDueAt !== undefined;
}

function sameTimes(a: Bookkeeping, b: Bookkeeping): boolean {
  return (
    a.firstResponseDueAt === b.firstResponseDueAt &&
    a.resolutionDueAt === b.resolutionDueAt &&
    a.pausedSince === b.pausedSince &&
    a.pausedMs === b.pausedMs
  );
}

/**
 * Starts, ends or restarts the pause as the status says. A change between two kinds of waiting (requester ↔
 * support) ends one pause and starts the next at the same instant, so the support clock and the auto-close
 * count each start from their own wait.
 */
function applyWaiting(
  next: Bookkeeping,
  levels: AlertLevels,
  facts: LogFacts,
  ctx: SweepContext,
  t: Targets,
  now: number,
): RequestDecision['pause'] {
  const wanted = waitKindOf(facts.status);
  const current: WaitKind = next.pausedSince === undefined ? 'none' : levels.support > 0 ? 'support' : 'requester';
  if (current === wanted) return undefined;
  let ended = false;
  if (current !== 'none') {
    const from = next.pausedSince as number;
    const policy = ctx.policy;
    if (facts.firstResponseAt === undefined && next.firstResponseDueAt !== undefined) {
      next.firstResponseDueAt = resumeDue(policy.meter(t.fr.basis), next.firstResponseDueAt, from, now);
    }
    if (next.resolutionDueAt !== undefined) {
      next.resolutionDueAt = resumeDue(policy.meter(t.res.basis), next.resolutionDueAt, from, now);
    }
    endPause(next, now);
    ended = true;
  }
  levels.support = wanted === 'support' ? 1 : 0;
  if (wanted === 'none') return 'ended';
  next.pausedSince = now;
  return ended ? 'restarted' : 'started';
}

function endPause(next: Bookkeeping, now: number): void {
  if (next.pausedSince === undefined) return;
  next.pausedMs = (next.pausedMs || 0) + Math.max(0, now - next.pausedSince);
  next.pausedSince = undefined;
}

function isAbandoned(waitingSince: number, ctx: SweepContext, now: number): boolean {
  const days = ctx.rules.autoCloseDays;
  if (days <= 0) return false;
  const calendar = ctx.policy.working;
  return now >= calendar.addWorkingTime(waitingSince, days * calendar.regularDayMs);
}

/** The level owed on a target at `now`: 0 nothing, 1 reminder, 2 overdue, 3 overdue long enough for the director. */
export function owedLevel(meter: TimeMeter, due: number, now: number, rules: SweepRules): number {
  if (now >= due) return meter.between(due, now) >= rules.directorAfterMs ? 3 : 2;
  return rules.reminderLeadMs > 0 && meter.between(now, due) <= rules.reminderLeadMs ? 1 : 0;
}

const AUDIENCE: Readonly<Record<number, readonly Audience[]>> = {
  1: ['assignee'],
  2: ['consultant', 'deputy'],
  3: ['director'],
};

/** The alerts a level change owes: a reminder only while it is still ahead; every escalation level passed. */
export function alertsBetween(
  track: 'firstResponse' | 'resolution',
  sent: number,
  owed: number,
  due: number,
): OwedAlert[] {
  const out: OwedAlert[] = [];
  for (let level = Math.max(sent + 1, owed >= 2 ? 2 : 1); level <= owed; level++) {
    const kind = level === 1 ? 'reminder' : 'escalation';
    out.push({ track, level, kind, audience: AUDIENCE[level], dueAt: due, event: `${track}-${level}` });
  }
  return out;
}

function targetAlerts(
  next: Bookkeeping,
  levels: AlertLevels,
  facts: LogFacts,
  ctx: SweepContext,
  now: number,
): OwedAlert[] {
  const type: RequesterType = facts.requesterType || 'parent';
  const out: OwedAlert[] = [];
  const tracks: Array<['firstResponse' | 'resolution', number | undefined, boolean]> = [
    ['firstResponse', next.firstResponseDueAt, facts.firstResponseAt === undefined],
    ['resolution', next.resolutionDueAt, true],
  ];
  for (const [track, due, running] of tracks) {
    if (!running || due === undefined) continue;
    const meter = ctx.policy.meter(ctx.policy.target(track, type).basis);
    const owed = owedLevel(meter, due, now, ctx.rules);
    if (owed <= levels[track]) continue;
    out.push(...alertsBetween(track, levels[track], owed, due));
    levels[track] = owed;
  }
  return out;
}

function supportAlerts(
  next: Bookkeeping,
  levels: AlertLevels,
  ctx: SweepContext,
  type: RequesterType,
  now: number,
): OwedAlert[] {
  if (levels.support !== 1 || next.pausedSince === undefined) return [];
  const due = ctx.policy.dueAt(ctx.policy.target('supportAnswer', type), { start: next.pausedSince, pauses: [] });
  if (due === null || now < due) return [];
  levels.support = 2;
  const event = `support-${next.pausedSince}`;
  const since = next.pausedSince;
  return [
    { track: 'support', level: 2, kind: 'escalation', audience: ['assignee', 'consultant'], dueAt: due, event, since },
  ];
}

// ---- the moment of a change -------------------------------------------------------------------------------

/** What a status change at `at` does to the bookkeeping besides the pause. */
export interface ChangeEffects {
  /** Reopened: the resolution target counts anew from `at`, and its alerts start over. */
  restartResolution: boolean;
  /** Entering «Нужно уточнение» / «Передано в Службу поддержки»: the counters the dashboard reads. */
  counts: 'clarification' | 'escalation' | undefined;
}

export interface BookAfterChange {
  book: Bookkeeping;
  clarifications: number;
  escalations: number;
  lastEscalatedAt?: number;
  supportWaitMs: number;
}

/**
 * The bookkeeping right after a person (or the requester) changed the status at `at`: the pause starts and
 * ends at that moment rather than at the next hourly sweep, with the same rule the sweep applies (the sweep
 * then finds nothing to do). Alert levels other than the support track's are left to the sweep.
 * `counters` are the request's counts before the change.
 */
export function bookAfterChange(
  rawFacts: LogFacts,
  rawBook: Bookkeeping,
  counters: Omit<BookAfterChange, 'book'>,
  ctx: SweepContext,
  at: number,
  effects: ChangeEffects,
): BookAfterChange | undefined {
  const facts = wholeMinutesOfFacts(rawFacts);
  const book = wholeMinutesOfBook(rawBook);
  const now = wholeMinute(at) as number;
  const { policy } = ctx;
  const type: RequesterType = facts.requesterType || 'parent';
  const targets = { fr: policy.target('firstResponse', type), res: policy.target('resolution', type) };
  const next: Bookkeeping = { ...book };
  if (!fillDues(next, facts, policy, targets)) return undefined;
  const levels = decodeLevels(book.alertLevel);
  const out: Omit<BookAfterChange, 'book'> = { ...counters };
  const wasSupport = next.pausedSince !== undefined && levels.support > 0;
  const supportFrom = next.pausedSince;
  applyWaiting(next, levels, facts, ctx, targets, now);
  if (wasSupport && supportFrom !== undefined && next.pausedSince !== supportFrom) {
    out.supportWaitMs += policy.meter('support').between(supportFrom, now);
  }
  if (effects.restartResolution) {
    next.resolutionDueAt = policy.dueAt(targets.res, { start: now, pauses: [] }) ?? next.resolutionDueAt;
    levels.resolution = 0;
  }
  if (effects.counts === 'clarification') out.clarifications += 1;
  if (effects.counts === 'escalation') {
    out.escalations += 1;
    out.lastEscalatedAt = now;
  }
  return { ...out, book: { ...next, alertLevel: encodeLevels(levels) } };
}
