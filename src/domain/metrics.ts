/**
 * The dashboard's figures (issue 8) as one pure function over requests, their bookkeeping, the schedule, the
 * staff and the jobs' heartbeats, for one period. Nothing personal goes in (the input records have no name,
 * e-mail, phone, class, description, answer, notes, assignee or consultant field) and so nothing comes out:
 * IDs, topics, channels, statuses, counts and durations only.
 *
 * Definitions (P = the period [from, to), now = the moment of the computation):
 * - Volume: requests created in P, by ISO week (Monday-based, in the school's zone; every week of P listed,
 *   empty ones as 0), by requester type, topic and channel ('' = blank or unknown, listed as its own key).
 * - Backlog and overdue list: a snapshot at `now`, whatever P is. Open = no resolvedAt and a status that is not
 *   final (sla-sweep `isDone`; a blank or unknown status counts as open). Age = whole calendar days since
 *   creation. Overdue = the running target (first response until given, then resolution) was due before now — except
 *   that a paused clock is overdue only if it was already due when the pause began (the bookkeeping moves the
 *   due time only when the pause ends).
 * - SLA compliance, per target: a request counts in P when its due time («Служебное» firstResponseDueAt /
 *   resolutionDueAt, already moved by past pauses) falls in P — the same rule as the weekly report. Met: the
 *   event (firstResponseAt / resolvedAt) came at or before the due time. Missed: it came later, or it has not
 *   come and the due time has passed (`now`, or the start of a pause that began after the due time). Pending
 *   (not yet due, or paused with time left): counted but left out of the percentage. A request closed with no
 *   first response recorded had its first response in its closing (firstResponseAt ?? resolvedAt). A final
 *   status with no resolvedAt cannot be judged and is left out. A rejection (cl. 9.4.3) or an end for
 *   etiquette (cl. 10) is a refusal, not a resolution: it counts for the first response but not for the
 *   resolution target (an auto-close after an unanswered clarification would otherwise read as a breach, since
 *   it ends the pause without moving the due time). % = met / (met + missed) × 100; null when none is decided.
 *   Overall, per requester type, and per ISO week of P by the week the due time falls in (the weekly trend).
 * - First-response time, in working hours of the school's calendar (SlaPolicy's working meter), over requests
 *   whose first response came in P; pauses excluded: a request that never paused takes the working time from
 *   creation to the response; one that paused has the working time its due time was moved by (from the due time
 *   without pauses to the stored one) taken off — exact for the working-time basis, an estimate for a
 *   calendar-basis target, since the bookkeeping keeps only the pause total. Median and 90th percentile by the
 *   nearest-rank method: the value at rank ⌈p/100 × n⌉ of the n values sorted ascending.
 * - Clarifications: requests created in P that were asked a clarifying question (counter > 0), and the
 *   questions asked. Escalations to the regional support service: requests whose last escalation was in P
 *   (lastEscalatedAt), the escalations they had, and their waiting time in support hours (support.start–end,
 *   every day, as the sweep measures the support track): supportWaitMs plus the wait still running at `now`;
 *   median and 90th percentile as above; how many waited longer than the support target (sla.supportAnswer.hours).
 * - Rejections: status 'rejected' with resolvedAt in P, by cl. 9.4.3 reason ('' = no reason recorded).
 * - Etiquette incidents (cl. 10): requests created in P flagged for etiquette or ended for it — a count only.
 * - New-staff training (cl. 3.1): active staff whose training fell due in P (SlaPolicy.trainingDueAt of the
 *   start date); on time = «Обучен» on or before the due date; late = after it; missed = not trained and due
 *   before now; pending = not trained and not yet due (left out of the %). Plus, at `now`, the untrained whose
 *   training falls due in P or later and how many of them are past due (an old employee with no «Обучен»
 *   date, listed for the record, is not a current task: new-staff-training.ts).
 * - Consultations: events of «График» dated in P; approved = the approval covers the event as it is now
 *   (schedule.ts isApproved, decided by the adapter). Overall and by kind.
 * - Satisfaction: requests resolved in P (resolvedAt in P, status answered or closed) that the requester
 *   marked helped / not helped, and how many have no mark. % helped = helped / (helped + notHelped).
 * - Health: each scheduled job of the trigger plan — its last run and whether it is silent for longer than its
 *   schedule allows (health.ts); and the sweep's own traces in the data: open requests with no due time in the
 *   bookkeeping, and requests whose pause does not match their status (the sweep has not caught up).
 */
import type { SlaPolicy } from './deadlines';
import { jobHealth, staleAfter } from './health';
import type { Period } from './metrics-period';
import {
  bucketOf,
  count,
  distribution,
  emptyTally,
  finishTally,
  judge,
  MISSED,
  nearestRank,
  percent,
  type Tally,
} from './metrics-stats';
import type { Channel, RejectReason, RequesterType, Status } from './request';
import { FINAL_STATUSES } from './retention';
import type { ScheduleKind } from './schedule';
import { CHOICE_LISTS } from './schema';
import { TRIGGER_PLAN, type TriggerSpec } from './trigger-plan';
import {
  DAY_MS,
  dateOf,
  dayNumber,
  fromDayNumber,
  type IsoDate,
  instantOf,
  MINUTE_MS,
  parseIsoDate,
  weekdayOfDayNumber,
} from './zoned-time';

export type { DateRange, Period, PeriodKind, SchoolPeriods } from './metrics-period';
export {
  PERIOD_KINDS,
  PERIOD_SETTING_DEFAULTS,
  parseDateRanges,
  parseQuarters,
  parseSchoolYear,
  resolvePeriod,
} from './metrics-period';

// ---- input ------------------------------------------------------------------------------------------------

/** A request as the metrics need it: a row of «Обращения» joined with its row of «Служебное». Times: epoch ms. */
export interface MetricRequest {
  id: string;
  /** Rows with no creation time are skipped and counted in `DashboardMetrics.skipped`. */
  createdAt: number | undefined;
  /** '' for a blank cell or a label the helpdesk does not know. */
  channel: Channel | '';
  requesterType: RequesterType | '';
  /** The topic's label as the sheet shows it (topics are the school's list). */
  topic: string;
  status: Status | '';
  firstResponseAt?: number;
  resolvedAt?: number;
  rejectReason: RejectReason | '';
  /** The «Отметки» cell holds the etiquette flag. */
  etiquette: boolean;
  satisfaction: 'helped' | 'notHelped' | '';
  // «Служебное» (blank cells: undefined / 0)
  firstResponseDueAt?: number;
  resolutionDueAt?: number;
  pausedSince?: number;
  /** Calendar ms of the pauses past. */
  pausedMs: number;
  clarifications: number;
  escalations: number;
  lastEscalatedAt?: number;
  /** Support hours (ms) of the support waits past; a wait still running is counted from pausedSince. */
  supportWaitMs: number;
}

/** An event of «График». */
export interface MetricEvent {
  date: IsoDate;
  kind: ScheduleKind | '';
  /** schedule.ts isApproved(event), decided by the adapter (the fingerprint needs the consultant's name). */
  approved: boolean;
}

/** A row of «Сотрудники», without who it is. */
export interface MetricStaff {
  active: boolean;
  startDate?: IsoDate;
  /** «Обучен»: the date the training took place. */
  trainingDone?: IsoDate;
}

export interface MetricHeartbeat {
  job: string;
  /** Epoch ms of the last run; undefined: never ran. */
  lastRun?: number;
}

export interface MetricsInput {
  requests: readonly MetricRequest[];
  events: readonly MetricEvent[];
  staff: readonly MetricStaff[];
  heartbeats: readonly MetricHeartbeat[];
}

export interface MetricsContext {
  policy: SlaPolicy;
  period: Period;
  now: number;
  /** The jobs to report on; default TRIGGER_PLAN. */
  plan?: readonly TriggerSpec[];
}

// ---- output -----------------------------------------------------------------------------------------------

/**
 * A count per key. Lists of a fixed choice list (requester types, channels, reasons) give every known key in
 * the list's order, zeros included, then '' (blank or unknown) when it occurred; topics come largest first,
 * then by label.
 */
export interface KeyCount<K extends string = string> {
  key: K;
  count: number;
}

export interface Compliance {
  /** Due in P and judged in time. */
  met: number;
  /** Due in P and late, or still not done past the due time. */
  missed: number;
  /** Due in P, not done, not yet past due (or paused with time left): not in the %. */
  pending: number;
  /** met / (met + missed) × 100; null when nothing is decided. */
  pct: number | null;
}

/** Durations in ms; null when there are none. */
export interface Distribution {
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
}

export interface WeekFigures {
  /** The Monday that begins the ISO week. */
  weekStart: IsoDate;
  /** The week's instants, clipped to P. */
  from: number;
  to: number;
  received: number;
  firstResponse: Compliance;
  resolution: Compliance;
}

export interface AgeBucket {
  /** Whole calendar days of age, fromDays ≤ age < toDays; toDays null: no upper bound. */
  fromDays: number;
  toDays: number | null;
  count: number;
}

export interface OverdueItem {
  id: string;
  topic: string;
  /** Whole calendar days since the request came in. */
  ageDays: number;
  /** The target that is overdue. */
  track: 'firstResponse' | 'resolution';
  /** The due time that passed. */
  dueAt: number;
}

export interface JobState {
  job: string;
  lastRun?: number;
  /** null for a job run by an event (a form's submit): silence says nothing of its health. */
  staleAfterMs: number | null;
  state: 'ok' | 'stale' | 'never';
}

export interface DashboardMetrics {
  period: Period;
  now: number;
  /** Request rows with no creation time (not counted anywhere else). */
  skipped: number;
  volume: {
    total: number;
    byWeek: WeekFigures[];
    byRequesterType: KeyCount<RequesterType | ''>[];
    byTopic: KeyCount[];
    byChannel: KeyCount<Channel | ''>[];
  };
  backlog: {
    open: number;
    waitingOnRequester: number;
    waitingOnSupport: number;
    /** Ages 0–1, 1–3, 3–7, 7–30, 30+ days. */
    byAge: AgeBucket[];
    /** Whole days; null with no open request. */
    oldestAgeDays: number | null;
    medianAgeDays: number | null;
  };
  sla: {
    firstResponse: Compliance;
    resolution: Compliance;
    byRequesterType: Array<{ requesterType: RequesterType | ''; firstResponse: Compliance; resolution: Compliance }>;
  };
  /** Working-hours ms from creation to the first response, pauses excluded. */
  firstResponseTime: Distribution;
  /** Oldest first, then by ID. */
  overdue: OverdueItem[];
  clarifications: { requests: number; questions: number };
  escalations: {
    requests: number;
    escalations: number;
    /** Of those, still waiting on the support service now. */
    waitingNow: number;
    /** Support-hours ms per request (all its waits together). */
    wait: Distribution;
    /** Requests whose total wait is over the support target. */
    overTarget: number;
  };
  rejections: { total: number; byReason: KeyCount<RejectReason | ''>[] };
  etiquette: { incidents: number };
  training: {
    /** Due in P. */
    onTime: number;
    late: number;
    missed: number;
    pending: number;
    /** onTime / (onTime + late + missed) × 100; null when none is decided. */
    pct: number | null;
    /** At `now`: active staff not yet trained whose training falls due in P or later, and those of them past due. */
    untrainedNow: number;
    overdueNow: number;
  };
  consultations: {
    planned: number;
    approved: number;
    byKind: Array<{ kind: ScheduleKind | ''; planned: number; approved: number }>;
  };
  satisfaction: { helped: number; notHelped: number; noMark: number; helpedPct: number | null };
  health: {
    jobs: JobState[];
    /** Every time-driven job ran within its limit. */
    allOk: boolean;
    /** The sweep's job (runSlaSweep). */
    sweep: JobState | undefined;
    /** Open requests whose bookkeeping has no due time (the sweep fills it in). */
    missingDue: number;
    /** Requests whose pause and status disagree (paused but not waiting, or waiting but not paused). */
    pauseOutOfStep: number;
  };
}

const OPEN_WAIT: ReadonlySet<string> = new Set(['clarification', 'escalated']);
/** Ends that are not a resolution: a cl. 9.4.3 rejection, an end for etiquette (cl. 10). */
const REFUSALS: ReadonlySet<string> = new Set(['rejected', 'etiquetteEnded']);
const AGE_EDGES = [0, 1, 3, 7, 30];
const KNOWN_TYPES = CHOICE_LISTS.requesterType;
const KNOWN_CHANNELS = CHOICE_LISTS.channel;
const KNOWN_REASONS = CHOICE_LISTS.rejectReason;
const SWEEP_JOB = 'runSlaSweep';

/** The figures of one period, in one pass over the requests. */
export function computeMetrics(input: MetricsInput, ctx: MetricsContext): DashboardMetrics {
  const { policy, period, now } = ctx;
  const { from, to } = period;
  const inP = (t: number | undefined): t is number => t !== undefined && t >= from && t < to;
  const supportMeter = policy.meter('support');
  const supportTargetMs = policy.target('supportAnswer', 'parent').budgetMs;
  const weeks = weeksOf(period, policy.settings.zone);
  const weekStarts = weeks.map((w) => w.from);

  const byType = new Map<string, number>();
  const byTopic = new Map<string, number>();
  const byChannel = new Map<string, number>();
  const byReason = new Map<string, number>();
  const slaFirst = emptyTally();
  const slaResolution = emptyTally();
  const slaByType = new Map<string, [Tally, Tally]>();
  const responseTimes: number[] = [];
  const ages: number[] = [];
  const ageBuckets = AGE_EDGES.map(() => 0);
  const overdue: OverdueItem[] = [];
  const supportWaits: number[] = [];
  let skipped = 0;
  let received = 0;
  let open = 0;
  let waitingOnRequester = 0;
  let waitingOnSupport = 0;
  let clarified = 0;
  let questions = 0;
  let escalatedRequests = 0;
  let escalations = 0;
  let escalatedWaitingNow = 0;
  let overTarget = 0;
  let rejected = 0;
  let incidents = 0;
  let helped = 0;
  let notHelped = 0;
  let noMark = 0;
  let missingDue = 0;
  let pauseOutOfStep = 0;

  for (const r of input.requests) {
    const created = r.createdAt;
    if (created === undefined || !Number.isFinite(created)) {
      skipped++;
      continue;
    }
    const isOpen = !isDone(r);
    const firstAt = r.firstResponseAt ?? r.resolvedAt;

    if (created >= from && created < to) {
      received++;
      weeks[bucketOf(weekStarts, created)].received++;
      bump(byType, r.requesterType);
      bump(byTopic, r.topic);
      bump(byChannel, r.channel);
      if (r.clarifications > 0) {
        clarified++;
        questions += r.clarifications;
      }
      if (r.etiquette || r.status === 'etiquetteEnded') incidents++;
    }

    const frDue = r.firstResponseDueAt;
    if (inP(frDue)) {
      const v = judge(firstAt, frDue, isOpen, r.pausedSince, now);
      count(slaFirst, v);
      count(typeTallies(slaByType, r.requesterType)[0], v);
      count(weeks[bucketOf(weekStarts, frDue)].firstResponse, v);
    }
    const resDue = r.resolutionDueAt;
    if (inP(resDue) && !REFUSALS.has(r.status)) {
      const v = judge(r.resolvedAt, resDue, isOpen, r.pausedSince, now);
      count(slaResolution, v);
      count(typeTallies(slaByType, r.requesterType)[1], v);
      count(weeks[bucketOf(weekStarts, resDue)].resolution, v);
    }

    if (inP(firstAt) && firstAt >= created) responseTimes.push(responseTime(r, created, firstAt, policy));

    if (inP(r.lastEscalatedAt)) {
      escalatedRequests++;
      // A row escalated before the counter existed has a time but no count: it was escalated at least once.
      // (Math.max would pass a NaN counter through.)
      escalations += Number.isFinite(r.escalations) ? Math.max(r.escalations, 1) : 1;
      const running = isOpen && r.status === 'escalated' && r.pausedSince !== undefined && r.pausedSince < now;
      if (isOpen && r.status === 'escalated') escalatedWaitingNow++;
      const wait = (r.supportWaitMs || 0) + (running ? supportMeter.between(r.pausedSince as number, now) : 0);
      supportWaits.push(wait);
      if (wait > supportTargetMs) overTarget++;
    }

    if (inP(r.resolvedAt)) {
      if (r.status === 'rejected') {
        rejected++;
        bump(byReason, r.rejectReason);
      } else if (r.status === 'answered' || r.status === 'closed') {
        if (r.satisfaction === 'helped') helped++;
        else if (r.satisfaction === 'notHelped') notHelped++;
        else noMark++;
      }
    }

    if (!isOpen) continue;
    // ---- the snapshot at `now` ----
    open++;
    const ageDays = Math.max(0, Math.floor((now - created) / DAY_MS));
    ages.push(ageDays);
    ageBuckets[bucketOf(AGE_EDGES, ageDays)]++;
    const waiting = OPEN_WAIT.has(r.status);
    if (r.status === 'clarification') waitingOnRequester++;
    else if (r.status === 'escalated') waitingOnSupport++;
    if (waiting !== (r.pausedSince !== undefined)) pauseOutOfStep++;
    if (frDue === undefined || resDue === undefined) missingDue++;
    const track = r.firstResponseAt === undefined ? 'firstResponse' : 'resolution';
    const due = track === 'firstResponse' ? frDue : resDue;
    if (due !== undefined && judge(undefined, due, true, r.pausedSince, now) === MISSED) {
      overdue.push({ id: r.id, topic: r.topic, ageDays, track, dueAt: due });
    }
  }

  overdue.sort((a, b) => b.ageDays - a.ageDays || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ageSorted = Float64Array.from(ages).sort();
  const typeRows = [...KNOWN_TYPES, ...(slaByType.has('') ? ['' as const] : [])].map((requesterType) => {
    const [fr, res] = typeTallies(slaByType, requesterType);
    return { requesterType, firstResponse: finishTally(fr), resolution: finishTally(res) };
  });
  for (const w of weeks) {
    finishTally(w.firstResponse);
    finishTally(w.resolution);
  }
  const waits = distribution(supportWaits);
  const jobs = jobStates(input.heartbeats, ctx.plan ?? TRIGGER_PLAN, now);

  return {
    period,
    now,
    skipped,
    volume: {
      total: received,
      byWeek: weeks,
      byRequesterType: fixedOrder(byType, KNOWN_TYPES),
      byTopic: largestFirst(byTopic),
      byChannel: fixedOrder(byChannel, KNOWN_CHANNELS),
    },
    backlog: {
      open,
      waitingOnRequester,
      waitingOnSupport,
      byAge: AGE_EDGES.map((fromDays, i) => ({
        fromDays,
        toDays: i + 1 < AGE_EDGES.length ? AGE_EDGES[i + 1] : null,
        count: ageBuckets[i],
      })),
      oldestAgeDays: ageSorted.length ? ageSorted[ageSorted.length - 1] : null,
      medianAgeDays: nearestRank(ageSorted, 50),
    },
    sla: { firstResponse: finishTally(slaFirst), resolution: finishTally(slaResolution), byRequesterType: typeRows },
    firstResponseTime: distribution(responseTimes),
    overdue,
    clarifications: { requests: clarified, questions },
    escalations: {
      requests: escalatedRequests,
      escalations,
      waitingNow: escalatedWaitingNow,
      wait: waits,
      overTarget,
    },
    rejections: { total: rejected, byReason: fixedOrder(byReason, KNOWN_REASONS) },
    etiquette: { incidents },
    training: trainingFigures(input.staff, policy, period, now),
    consultations: consultationFigures(input.events, period),
    satisfaction: { helped, notHelped, noMark, helpedPct: percent(helped, helped + notHelped) },
    health: {
      jobs,
      allOk: jobs.every((j) => j.staleAfterMs === null || j.state === 'ok'),
      sweep: jobs.find((j) => j.job === SWEEP_JOB),
      missingDue,
      pauseOutOfStep,
    },
  };
}

function isDone(r: MetricRequest): boolean {
  return r.resolvedAt !== undefined || (r.status !== '' && FINAL_STATUSES.indexOf(r.status) >= 0);
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function typeTallies(map: Map<string, [Tally, Tally]>, type: string): [Tally, Tally] {
  let t = map.get(type);
  if (!t) {
    t = [emptyTally(), emptyTally()];
    map.set(type, t);
  }
  return t;
}

/** Every known key in the list's order (zeros too), then '' when it occurred. */
function fixedOrder<K extends string>(counts: Map<string, number>, known: readonly K[]): KeyCount<K | ''>[] {
  const out: KeyCount<K | ''>[] = known.map((key) => ({ key, count: counts.get(key) ?? 0 }));
  const blank = counts.get('');
  if (blank) out.push({ key: '', count: blank });
  return out;
}

function largestFirst(counts: Map<string, number>): KeyCount[] {
  return [...counts.entries()]
    .map(([key, n]) => ({ key, count: n }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * Working time from creation to the first response, without the pauses. The due time kept in the bookkeeping
 * was moved by each pause by the working time that pause took; the move is the working time from the due time
 * a pause-free clock gives to the stored one. Under a minute of difference is the seconds the stored instants
 * were rounded by, not a pause.
 */
function responseTime(r: MetricRequest, created: number, firstAt: number, policy: SlaPolicy): number {
  const working = policy.working;
  let ms = working.workingTimeBetween(created, firstAt);
  const due = r.firstResponseDueAt;
  if ((r.pausedMs > 0 || r.pausedSince !== undefined) && due !== undefined) {
    const target = policy.target('firstResponse', r.requesterType || 'parent');
    const unpaused = policy.meter(target.basis).add(created, target.budgetMs);
    const moved = due > unpaused ? working.workingTimeBetween(unpaused, due) : 0;
    if (moved >= MINUTE_MS) ms -= moved;
  }
  return Math.max(0, ms);
}

/** The ISO weeks (Monday-based, in the zone) that P overlaps, clipped to P. */
function weeksOf(period: Period, zone: string): WeekFigures[] {
  const first = dayNumber(period.fromDate);
  const last = dayNumber(period.toDate);
  const out: WeekFigures[] = [];
  for (let monday = first - (weekdayOfDayNumber(first) - 1); monday <= last; monday += 7) {
    const weekStart = fromDayNumber(monday);
    const start = Math.max(period.from, instantOf(weekStart, 0, zone));
    const end = Math.min(period.to, instantOf(fromDayNumber(monday + 7), 0, zone));
    out.push({
      weekStart,
      from: start,
      to: end,
      received: 0,
      firstResponse: emptyTally(),
      resolution: emptyTally(),
    });
  }
  return out;
}

function trainingFigures(
  staff: readonly MetricStaff[],
  policy: SlaPolicy,
  period: Period,
  now: number,
): DashboardMetrics['training'] {
  const zone = policy.settings.zone;
  const out = { onTime: 0, late: 0, missed: 0, pending: 0, pct: null as number | null, untrainedNow: 0, overdueNow: 0 };
  for (const s of staff) {
    if (!s.active || s.startDate === undefined || parseIsoDate(s.startDate) === undefined) continue;
    const due = policy.trainingDueAt(s.startDate);
    const done =
      s.trainingDone !== undefined && parseIsoDate(s.trainingDone) !== undefined ? s.trainingDone : undefined;
    if (done === undefined && due >= period.from) {
      out.untrainedNow++;
      if (due < now) out.overdueNow++;
    }
    if (due < period.from || due >= period.to) continue;
    // «Обучен» is a date: training on the due date is in time (ISO dates compare as text).
    if (done !== undefined) {
      if (done <= dateOf(due, zone)) out.onTime++;
      else out.late++;
    } else if (due < now) out.missed++;
    else out.pending++;
  }
  out.pct = percent(out.onTime, out.onTime + out.late + out.missed);
  return out;
}

function consultationFigures(events: readonly MetricEvent[], period: Period): DashboardMetrics['consultations'] {
  const kinds = new Map<string, { planned: number; approved: number }>();
  let planned = 0;
  let approved = 0;
  for (const e of events) {
    if (parseIsoDate(e.date) === undefined || e.date < period.fromDate || e.date > period.toDate) continue;
    planned++;
    if (e.approved) approved++;
    let k = kinds.get(e.kind);
    if (!k) {
      k = { planned: 0, approved: 0 };
      kinds.set(e.kind, k);
    }
    k.planned++;
    if (e.approved) k.approved++;
  }
  const order: Array<ScheduleKind | ''> = [...CHOICE_LISTS.scheduleKind, ''];
  const byKind = order
    .filter((kind) => kinds.has(kind))
    .map((kind) => ({ kind, ...(kinds.get(kind) as { planned: number; approved: number }) }));
  return { planned, approved, byKind };
}

function jobStates(heartbeats: readonly MetricHeartbeat[], plan: readonly TriggerSpec[], now: number): JobState[] {
  const last = new Map<string, number>();
  for (const h of heartbeats) {
    if (h.lastRun !== undefined && Number.isFinite(h.lastRun)) last.set(h.job, h.lastRun);
  }
  return plan.map((spec) => {
    const lastRun = last.get(spec.handler);
    const limit = staleAfter(spec);
    const h = jobHealth(spec.handler, lastRun === undefined ? undefined : new Date(lastRun), new Date(now), limit);
    // An event-driven job is never stale: nobody submitting is not a fault.
    const state = h.state === 'stale' && limit === undefined ? 'ok' : h.state;
    return { job: spec.handler, ...(lastRun === undefined ? {} : { lastRun }), staleAfterMs: limit ?? null, state };
  });
}
