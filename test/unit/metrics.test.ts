// The dashboard's figures over a hand-worked data set. Every expected figure is derived in a comment from the
// rows below, over the real production calendar (src/domain/production-calendar.ts) in Yekaterinburg time
// (UTC+5) with the default settings: working hours 08:00–16:00 (8 h; a shortened pre-holiday day 08:00–15:00),
// first response within 1 working day (8 working hours) for everyone, resolution within 3 (24 working hours),
// support answers within 9 support hours (09:00–18:00 every day), training by the end of the 3rd working day.
// November 2026: Tue 3 Nov is shortened, Wed 4 Nov is a holiday (День народного единства).
import { SlaPolicy, slaSettingsFromMap } from '../../src/domain/deadlines';
import {
  computeMetrics,
  type DashboardMetrics,
  type MetricEvent,
  type MetricHeartbeat,
  type MetricRequest,
  type MetricStaff,
  type MetricsInput,
  type Period,
  resolvePeriod,
} from '../../src/domain/metrics';
import { distribution, nearestRank } from '../../src/domain/metrics-stats';
import { productionCalendarRows } from '../../src/domain/production-calendar';
import { sheetDef } from '../../src/domain/schema';

const H = 3_600_000;
const ZONE = 'Asia/Yekaterinburg';
const ekb = (s: string): number => Date.parse(`${s.replace(' ', 'T')}:00+05:00`);
const policy = new SlaPolicy(slaSettingsFromMap(new Map()).settings, productionCalendarRows());
const SCHOOL = {
  quarters: [
    { from: '2026-09-01', to: '2026-10-26' },
    { from: '2026-11-05', to: '2026-12-28' },
    { from: '2027-01-12', to: '2027-03-21' },
    { from: '2027-04-01', to: '2027-05-31' },
  ],
  schoolYear: { from: '2026-09-01', to: '2027-05-31' },
};
const id = (n: number) => `ОБ-2026-${String(n).padStart(5, '0')}`;

function req(n: number, over: Partial<MetricRequest>): MetricRequest {
  return {
    id: id(n),
    createdAt: undefined,
    channel: 'form',
    requesterType: 'parent',
    topic: 'Оценки',
    status: 'new',
    rejectReason: '',
    etiquette: false,
    satisfaction: '',
    pausedMs: 0,
    clarifications: 0,
    escalations: 0,
    supportWaitMs: 0,
    ...over,
  };
}

// "Now": Wed 25 Nov 2026 12:00. The period: November 2026, [1 Nov 00:00, 1 Dec 00:00).
const NOW = ekb('2026-11-25 12:00');
const NOVEMBER: Period = resolvePeriod('month', NOW, ZONE, SCHOOL);

// Each row: the story, then its due times worked out by hand (checked against SlaPolicy in the first test).
const R = {
  // R1 parent, Mon 2 Nov 10:00. FR due: Mon 10–16 6 h + Tue 3 Nov 2 h → Tue 3 Nov 10:00. Resolution: Mon 6 +
  // Tue (short) 7 = 13, Wed holiday, Thu 8 = 21, Fri +3 → Fri 6 Nov 11:00. Answered Tue 09:00 (7 working h),
  // closed Thu 5 Nov 12:00, «Помогло».
  r1: req(1, {
    createdAt: ekb('2026-11-02 10:00'),
    firstResponseDueAt: ekb('2026-11-03 10:00'),
    resolutionDueAt: ekb('2026-11-06 11:00'),
    firstResponseAt: ekb('2026-11-03 09:00'),
    resolvedAt: ekb('2026-11-05 12:00'),
    status: 'closed',
    satisfaction: 'helped',
  }),
  // R2 staff by phone, Tue 3 Nov 14:00 (shortened day, closes 15:00). FR due: Tue 1 h, Wed holiday, Thu 7 h →
  // Thu 5 Nov 15:00. Answered Thu 15:30: late; 1 + 7.5 = 8.5 working h. Resolution: Tue 1, Thu 8, Fri 8 = 17,
  // Mon +7 → Mon 9 Nov 15:00; answered Mon 14:00, «Не помогло».
  r2: req(2, {
    createdAt: ekb('2026-11-03 14:00'),
    requesterType: 'staff',
    channel: 'phone',
    topic: 'Расписание',
    firstResponseDueAt: ekb('2026-11-05 15:00'),
    resolutionDueAt: ekb('2026-11-09 15:00'),
    firstResponseAt: ekb('2026-11-05 15:30'),
    resolvedAt: ekb('2026-11-09 14:00'),
    status: 'answered',
    satisfaction: 'notHelped',
  }),
  // R3 parent by e-mail, Mon 9 Nov 09:00. The clarifying question at Mon 11:00 is the first response (2 h; FR due
  // Mon 7 h + Tue 1 h → Tue 10 Nov 09:00, not moved: the pause began after the response). Resolution due
  // without the pause: Mon 7, Tue 8, Wed 8 = 23, Thu +1 → Thu 12 Nov 09:00; at 11:00 Mon it had 5 + 8 + 8 + 1 =
  // 22 h left; the reply came Wed 11 Nov 10:00 (pause 47 h), so 22 h from then: Wed 6, Thu 8, Fri 8 → Fri 13
  // Nov 16:00. Closed Fri 15:00: in time thanks to the pause. No mark.
  r3: req(3, {
    createdAt: ekb('2026-11-09 09:00'),
    channel: 'email',
    firstResponseDueAt: ekb('2026-11-10 09:00'),
    resolutionDueAt: ekb('2026-11-13 16:00'),
    firstResponseAt: ekb('2026-11-09 11:00'),
    resolvedAt: ekb('2026-11-13 15:00'),
    status: 'closed',
    pausedMs: 47 * H,
    clarifications: 1,
  }),
  // R4 parent, Mon 16 Nov 10:00, «Доступ к дневнику». FR due Mon 6 + Tue 2 → Tue 17 Nov 10:00; the escalation
  // notice at Mon 12:00 is the first response (2 h). Sent to the regional support Mon 12:00, back Wed 18 Nov
  // 11:00: support hours Mon 12–18 6 + Tue 9 + Wed 9–11 2 = 17 h (> 9 h target). Resolution due without the
  // pause: Mon 6, Tue 8, Wed 8 = 22, Thu +2 → Thu 19 Nov 10:00; left at Mon 12:00: 4 + 8 + 8 + 2 = 22 h; from
  // Wed 11:00: Wed 5, Thu 8, Fri 8 = 21, Mon +1 → Mon 23 Nov 09:00. Still in progress now: overdue
  // (resolution), missed; age 9 days 2 h → 9.
  r4: req(4, {
    createdAt: ekb('2026-11-16 10:00'),
    topic: 'Доступ к дневнику',
    firstResponseDueAt: ekb('2026-11-17 10:00'),
    resolutionDueAt: ekb('2026-11-23 09:00'),
    firstResponseAt: ekb('2026-11-16 12:00'),
    status: 'inProgress',
    pausedMs: 47 * H,
    escalations: 1,
    lastEscalatedAt: ekb('2026-11-16 12:00'),
    supportWaitMs: 17 * H,
  }),
  // R5 student in person, Mon 23 Nov 15:00. Escalated at 15:30 (the notice is the first response, 0.5 h; FR due
  // Mon 1 + Tue 7 → Tue 24 Nov 15:00) and still waiting: support hours Mon 15:30–18 2.5 + Tue 9 + Wed 9–12 3 =
  // 14.5 h by now. Resolution due as stored (not moved until the pause ends): Mon 1, Tue 8, Wed 8 = 17, Thu +7
  // → Thu 26 Nov 15:00: pending. Age 1 day 21 h → 1.
  r5: req(5, {
    createdAt: ekb('2026-11-23 15:00'),
    requesterType: 'student',
    channel: 'inPerson',
    firstResponseDueAt: ekb('2026-11-24 15:00'),
    resolutionDueAt: ekb('2026-11-26 15:00'),
    firstResponseAt: ekb('2026-11-23 15:30'),
    status: 'escalated',
    pausedSince: ekb('2026-11-23 15:30'),
    escalations: 1,
    lastEscalatedAt: ekb('2026-11-23 15:30'),
  }),
  // R6 parent, Thu 19 Nov 10:00, «Расписание». Asked to clarify at 11:00 (first response, 1 h; FR due Thu 6 +
  // Fri 2 → Fri 20 Nov 10:00) and waiting since. The stored resolution due, Thu 6, Fri 8, Mon 8 = 22, Tue +2 →
  // Tue 24 Nov 10:00, is before now, but the clock stopped at Thu 11:00 with time left: pending, not overdue.
  // (Auto-close would come 5 working days after 11:00 Thu, on Thu 26 Nov.) Age 6 days 2 h → 6.
  r6: req(6, {
    createdAt: ekb('2026-11-19 10:00'),
    topic: 'Расписание',
    firstResponseDueAt: ekb('2026-11-20 10:00'),
    resolutionDueAt: ekb('2026-11-24 10:00'),
    firstResponseAt: ekb('2026-11-19 11:00'),
    status: 'clarification',
    pausedSince: ekb('2026-11-19 11:00'),
    clarifications: 1,
  }),
  // R7 parent, Mon 23 Nov 09:00, insulting words (etiquette flag), not answered. FR due Mon 7 + Tue 1 → Tue 24
  // Nov 09:00: missed, overdue (first response). Resolution Mon 7, Tue 8, Wed 8 = 23, Thu +1 → Thu 26 Nov
  // 09:00: pending. Age 2 days 3 h → 2.
  r7: req(7, {
    createdAt: ekb('2026-11-23 09:00'),
    firstResponseDueAt: ekb('2026-11-24 09:00'),
    resolutionDueAt: ekb('2026-11-26 09:00'),
    etiquette: true,
  }),
  // R8 staff by phone, Wed 25 Nov 10:00, new. FR due Wed 6 + Thu 2 → Thu 26 Nov 10:00; resolution Wed 6, Thu 8,
  // Fri 8 = 22, Mon +2 → Mon 30 Nov 10:00. Both pending. Age 0.
  r8: req(8, {
    createdAt: ekb('2026-11-25 10:00'),
    requesterType: 'staff',
    channel: 'phone',
    topic: 'Расписание',
    firstResponseDueAt: ekb('2026-11-26 10:00'),
    resolutionDueAt: ekb('2026-11-30 10:00'),
  }),
  // R9 parent by e-mail, Thu 5 Nov 09:00. Asked to clarify at 10:00 (first response, 1 h; FR due Thu 7 + Fri 1
  // → Fri 6 Nov 09:00), asked again later (2 questions), never answered: auto-rejected (cl. 9.4.3,
  // insufficient information) after 5 working days of waiting: Thu 6, Fri 8, Mon 8, Tue 8, Wed 8 = 38, Thu +2 →
  // Thu 12 Nov 10:00. Its resolution due (Tue 10 Nov 09:00) stays as it was: a rejection is not judged for
  // resolution.
  r9: req(9, {
    createdAt: ekb('2026-11-05 09:00'),
    channel: 'email',
    firstResponseDueAt: ekb('2026-11-06 09:00'),
    resolutionDueAt: ekb('2026-11-10 09:00'),
    firstResponseAt: ekb('2026-11-05 10:00'),
    resolvedAt: ekb('2026-11-12 10:00'),
    status: 'rejected',
    rejectReason: 'insufficientInfo',
    pausedMs: 168 * H,
    clarifications: 2,
  }),
  // R10 parent, Mon 2 Nov 11:00, rejected at 12:00 with no reason recorded and no first response recorded: its
  // closing is its first response (1 h; FR due Mon 5 + Tue 3 → Tue 3 Nov 11:00: met). Resolution due Mon 5, Tue
  // 7, Thu 8 = 20, Fri +4 → Fri 6 Nov 12:00: not judged (a refusal).
  r10: req(10, {
    createdAt: ekb('2026-11-02 11:00'),
    firstResponseDueAt: ekb('2026-11-03 11:00'),
    resolutionDueAt: ekb('2026-11-06 12:00'),
    resolvedAt: ekb('2026-11-02 12:00'),
    status: 'rejected',
  }),
  // R11 parent, Tue 10 Nov 09:00, «Другое», obscene words, ended for etiquette at 10:00 (cl. 10): one incident;
  // the ending is its first response (1 h; FR due Tue 7 + Wed 1 → Wed 11 Nov 09:00: met).
  r11: req(11, {
    createdAt: ekb('2026-11-10 09:00'),
    topic: 'Другое',
    firstResponseDueAt: ekb('2026-11-11 09:00'),
    resolutionDueAt: ekb('2026-11-13 09:00'),
    resolvedAt: ekb('2026-11-10 10:00'),
    status: 'etiquetteEnded',
    etiquette: true,
  }),
  // R12 staff, Fri 30 Oct 15:00: created before November (not in the volume), but its FR due, Fri 1 + Mon 7 →
  // Mon 2 Nov 15:00, is in it. Answered Mon 15:00, at the due minute: met, 1 + 7 = 8 working h. Resolution Fri 1,
  // Mon 8, Tue 7 = 16, Wed holiday, Thu +8 → Thu 5 Nov 16:00; closed Fri 6 Nov 09:00: missed. «Помогло».
  r12: req(12, {
    createdAt: ekb('2026-10-30 15:00'),
    requesterType: 'staff',
    topic: 'Расписание',
    firstResponseDueAt: ekb('2026-11-02 15:00'),
    resolutionDueAt: ekb('2026-11-05 16:00'),
    firstResponseAt: ekb('2026-11-02 15:00'),
    resolvedAt: ekb('2026-11-06 09:00'),
    status: 'closed',
    satisfaction: 'helped',
  }),
  // R14 staff online, Sun 1 Nov 12:00 (week of Mon 26 Oct). The clock starts Mon 08:00: FR due Mon 16:00,
  // answered Mon 09:00 (1 working h). Resolution Mon 8, Tue 7, Thu 8 = 23, Fri +1 → Fri 6 Nov 09:00; answered
  // Fri 08:30, no mark.
  r14: req(14, {
    createdAt: ekb('2026-11-01 12:00'),
    requesterType: 'staff',
    channel: 'online',
    topic: 'Расписание',
    firstResponseDueAt: ekb('2026-11-02 16:00'),
    resolutionDueAt: ekb('2026-11-06 09:00'),
    firstResponseAt: ekb('2026-11-02 09:00'),
    resolvedAt: ekb('2026-11-06 08:30'),
    status: 'answered',
  }),
  // R15 parent, Wed 4 Nov 10:00 (the holiday). FR due Thu 08:00 + 8 h → Thu 5 Nov 16:00; answered 16:30: late,
  // yet 8 working h (16:00–16:30 is after hours). Resolution Thu 8, Fri 8, Mon 8 → Mon 9 Nov 16:00; closed Mon
  // 10:00, «Не помогло».
  r15: req(15, {
    createdAt: ekb('2026-11-04 10:00'),
    firstResponseDueAt: ekb('2026-11-05 16:00'),
    resolutionDueAt: ekb('2026-11-09 16:00'),
    firstResponseAt: ekb('2026-11-05 16:30'),
    resolvedAt: ekb('2026-11-09 10:00'),
    status: 'closed',
    satisfaction: 'notHelped',
  }),
  // R16 staff by phone, Tue 10 Nov 14:00, «Доступ к дневнику»: sent to the support at 15:00 before any answer,
  // back Thu 12 Nov 10:00 (support hours Tue 15–18 3 + Wed 9 + Thu 1 = 13 h; pause 43 h). FR due without the
  // pause: Tue 2 + Wed 6 → Wed 11 Nov 14:00; 7 h were left at 15:00 Tue, from Thu 10:00: Thu 6 + Fri 1 → Fri 13
  // Nov 09:00. Answered Thu 13:00: met; working time Tue 14:00 → Thu 13:00 is 2 + 8 + 5 = 15 h, less what the
  // pause moved the due time by (Wed 14:00 → Fri 09:00: 2 + 8 + 1 = 11 h) = 4 h (= Tue 14–15 + Thu 10–13).
  // Resolution without the pause Tue 2, Wed 8, Thu 8 = 18, Fri +6 → Fri 13 Nov 14:00; 23 h left at 15:00 Tue;
  // from Thu 10:00: Thu 6, Fri 8, Mon 8 = 22, Tue +1 → Tue 17 Nov 09:00. Closed Mon 16 Nov 12:00: met. «Помогло».
  r16: req(16, {
    createdAt: ekb('2026-11-10 14:00'),
    requesterType: 'staff',
    channel: 'phone',
    topic: 'Доступ к дневнику',
    firstResponseDueAt: ekb('2026-11-13 09:00'),
    resolutionDueAt: ekb('2026-11-17 09:00'),
    firstResponseAt: ekb('2026-11-12 13:00'),
    resolvedAt: ekb('2026-11-16 12:00'),
    status: 'closed',
    satisfaction: 'helped',
    pausedMs: 43 * H,
    escalations: 1,
    lastEscalatedAt: ekb('2026-11-10 15:00'),
    supportWaitMs: 13 * H,
  }),
  // R17 parent, Thu 12 Nov 09:00, «Расписание»: escalated at 09:30 (the notice is the first response, 0.5 h; FR
  // due Thu 7 + Fri 1 → Fri 13 Nov 09:00), returned 10:30, escalated again 11:30, answered by the support
  // 12:30: 2 escalations, 1 + 1 = 2 support h. Resolution due Thu 7, Fri 8, Mon 8 = 23, Tue +1 → Tue 17 Nov
  // 09:00, moved by the two one-hour pauses to 11:00. Closed Thu 13:00: met. «Помогло».
  r17: req(17, {
    createdAt: ekb('2026-11-12 09:00'),
    topic: 'Расписание',
    firstResponseDueAt: ekb('2026-11-13 09:00'),
    resolutionDueAt: ekb('2026-11-17 11:00'),
    firstResponseAt: ekb('2026-11-12 09:30'),
    resolvedAt: ekb('2026-11-12 13:00'),
    status: 'closed',
    satisfaction: 'helped',
    pausedMs: 2 * H,
    escalations: 2,
    lastEscalatedAt: ekb('2026-11-12 11:30'),
    supportWaitMs: 2 * H,
  }),
  // R18 parent, Mon 16 Nov 09:00, «Доступ к дневнику», never answered; FR due Mon 7 + Tue 1 → Tue 17 Nov 09:00.
  // Sent to the support only on Wed 18 Nov 09:00 — after that due time, so the pause does not save it: missed
  // and overdue (first response). Waiting since: support hours Wed 18 9 + 19–24 Nov 6 × 9 + Wed 25 3 = 66 h.
  // Resolution Mon 7, Tue 8, Wed 8 = 23, Thu +1 → Thu 19 Nov 09:00, after the pause began: pending. Age 9 d 3 h.
  r18: req(18, {
    createdAt: ekb('2026-11-16 09:00'),
    topic: 'Доступ к дневнику',
    firstResponseDueAt: ekb('2026-11-17 09:00'),
    resolutionDueAt: ekb('2026-11-19 09:00'),
    status: 'escalated',
    pausedSince: ekb('2026-11-18 09:00'),
    escalations: 1,
    lastEscalatedAt: ekb('2026-11-18 09:00'),
  }),
  // R19 parent, Tue 24 Nov 09:00, answered at 10:00 (1 h; FR due Tue 7 + Wed 1 → Wed 25 Nov 09:00), in
  // progress; its bookkeeping still holds a pause the sweep has not ended (out of step). Resolution Tue 7, Wed 8,
  // Thu 8 = 23, Fri +1 → Fri 27 Nov 09:00: pending. Age 1 day 3 h → 1.
  r19: req(19, {
    createdAt: ekb('2026-11-24 09:00'),
    firstResponseDueAt: ekb('2026-11-25 09:00'),
    resolutionDueAt: ekb('2026-11-27 09:00'),
    firstResponseAt: ekb('2026-11-24 10:00'),
    status: 'inProgress',
    pausedSince: ekb('2026-11-24 10:00'),
  }),
  // R20 Wed 25 Nov 11:00, requester type and channel blank, no bookkeeping row yet (no due times): counted in
  // the volume under '', in the backlog (age 0) and as a missing due; not in compliance.
  r20: req(20, { createdAt: ekb('2026-11-25 11:00'), requesterType: '', channel: '' }),
  // R21: no creation time: skipped.
  r21: req(21, { createdAt: undefined, status: 'closed' }),
  // R22: all of it in October (created Thu 1 Oct, closed Mon 5 Oct, «Помогло»): nowhere in November.
  r22: req(22, {
    createdAt: ekb('2026-10-01 10:00'),
    firstResponseDueAt: ekb('2026-10-02 10:00'),
    resolutionDueAt: ekb('2026-10-06 10:00'),
    firstResponseAt: ekb('2026-10-01 11:00'),
    resolvedAt: ekb('2026-10-05 10:00'),
    status: 'closed',
    satisfaction: 'helped',
  }),
};
const REQUESTS: MetricRequest[] = Object.values(R);

// Training due: the end (16:00) of the 3rd working day after the start date, Wed 4 Nov skipped.
const STAFF: MetricStaff[] = [
  // S1 starts Mon 2 Nov: Tue 3, Thu 5, Fri 6 → due Fri 6 Nov 16:00; trained Thu 5: on time.
  { active: true, startDate: '2026-11-02', trainingDone: '2026-11-05' },
  // S2 starts Fri 30 Oct: Mon 2, Tue 3, Thu 5 → due Thu 5 Nov 16:00; trained Fri 6: late.
  { active: true, startDate: '2026-10-30', trainingDone: '2026-11-06' },
  // S3 starts Tue 17 Nov: Wed, Thu, Fri → due Fri 20 Nov 16:00, not trained: missed, overdue now.
  { active: true, startDate: '2026-11-17' },
  // S4 starts Mon 23 Nov: due Thu 26 Nov 16:00, not trained: pending, untrained now.
  { active: true, startDate: '2026-11-23' },
  // S5 starts Fri 27 Nov: Mon 30, Tue 1, Wed 2 Dec → due in December: not in November; untrained now.
  { active: true, startDate: '2026-11-27' },
  // S6 has left: ignored.
  { active: false, startDate: '2026-11-09' },
  // S7 started in 2025, never marked trained: listed for the record, not a current task.
  { active: true, startDate: '2025-09-01' },
  // S8 starts Tue 3 Nov: Thu 5, Fri 6, Mon 9 → due Mon 9 Nov 16:00; trained on that very day: on time.
  { active: true, startDate: '2026-11-03', trainingDone: '2026-11-09' },
];

const EVENTS: MetricEvent[] = [
  { date: '2026-11-02', kind: 'officeHours', approved: true },
  { date: '2026-11-03', kind: 'officeHours', approved: true },
  { date: '2026-11-05', kind: 'officeHours', approved: false },
  { date: '2026-11-12', kind: 'seminar', approved: true },
  { date: '2026-11-30', kind: 'parentMeeting', approved: false }, // the last day of the period counts
  { date: '2026-10-30', kind: 'officeHours', approved: true }, // October
  { date: '2026-12-01', kind: 'seminar', approved: true }, // December
  { date: '', kind: 'officeHours', approved: true }, // no date: not planned for any period
];

const HEARTBEATS: MetricHeartbeat[] = [
  { job: 'runQueue', lastRun: NOW - 3 * 60_000 }, // every 5 min; 3 min ago: ok
  { job: 'runSlaSweep', lastRun: NOW - 3 * H }, // hourly; silent 3 h > 2 h: stale
  { job: 'anonymiseExpired', lastRun: NOW - 20 * H }, // daily; 20 h ≤ 26 h: ok
  { job: 'sendDailyDigest', lastRun: NOW - 29 * H }, // daily; 29 h > 26 h: stale
  { job: 'sendWeeklyReport', lastRun: ekb('2026-11-23 08:00') }, // weekly: ok
  { job: 'onFormSubmit', lastRun: ekb('2026-11-25 11:00') },
  // pollHelpdeskMail and onComplaintSubmit never ran.
];

const INPUT: MetricsInput = { requests: REQUESTS, staff: STAFF, events: EVENTS, heartbeats: HEARTBEATS };
const run = (input: MetricsInput = INPUT, period: Period = NOVEMBER, now = NOW): DashboardMetrics =>
  computeMetrics(input, { policy, period, now });
const tally = (met: number, missed: number, pending: number) => ({
  met,
  missed,
  pending,
  pct: met + missed ? (met / (met + missed)) * 100 : null,
});

describe('the hand-worked data set', () => {
  test('its due times are what the policy computes (the data set is self-consistent)', () => {
    const fr = (start: number, type: 'parent' | 'staff' | 'student' = 'parent') =>
      policy.dueAt(policy.target('firstResponse', type), { start, pauses: [] });
    const res = (start: number, pauses: Array<{ from: number; to: number | null }> = []) =>
      policy.dueAt(policy.target('resolution', 'parent'), { start, pauses });
    for (const r of [R.r1, R.r2, R.r7, R.r8, R.r10, R.r11, R.r12, R.r14, R.r15, R.r18, R.r19, R.r22]) {
      expect([r.id, fr(r.createdAt as number)]).toEqual([r.id, r.firstResponseDueAt]);
      expect([r.id, res(r.createdAt as number)]).toEqual([r.id, r.resolutionDueAt]);
    }
    // Unmoved first-response dues of requests that paused only after it, and stored resolution dues of the
    // paused ones (a running pause does not move them yet).
    for (const r of [R.r3, R.r4, R.r5, R.r6, R.r9, R.r17]) expect(fr(r.createdAt as number)).toBe(r.firstResponseDueAt);
    for (const r of [R.r5, R.r6, R.r9]) expect(res(r.createdAt as number)).toBe(r.resolutionDueAt);
    // Pauses that ended moved the due times.
    expect(res(R.r3.createdAt as number, [{ from: ekb('2026-11-09 11:00'), to: ekb('2026-11-11 10:00') }])).toBe(
      R.r3.resolutionDueAt,
    );
    expect(res(R.r4.createdAt as number, [{ from: ekb('2026-11-16 12:00'), to: ekb('2026-11-18 11:00') }])).toBe(
      R.r4.resolutionDueAt,
    );
    const r16Pause = [{ from: ekb('2026-11-10 15:00'), to: ekb('2026-11-12 10:00') }];
    expect(
      policy.dueAt(policy.target('firstResponse', 'staff'), { start: R.r16.createdAt as number, pauses: r16Pause }),
    ).toBe(R.r16.firstResponseDueAt);
    expect(res(R.r16.createdAt as number, r16Pause)).toBe(R.r16.resolutionDueAt);
    const r17Pauses = [
      { from: ekb('2026-11-12 09:30'), to: ekb('2026-11-12 10:30') },
      { from: ekb('2026-11-12 11:30'), to: ekb('2026-11-12 12:30') },
    ];
    expect(res(R.r17.createdAt as number, r17Pauses)).toBe(R.r17.resolutionDueAt);
    // Support hours and training dues used below.
    const support = policy.meter('support');
    expect(support.between(ekb('2026-11-16 12:00'), ekb('2026-11-18 11:00'))).toBe(17 * H);
    expect(support.between(ekb('2026-11-10 15:00'), ekb('2026-11-12 10:00'))).toBe(13 * H);
    expect(policy.trainingDueAt('2026-11-02')).toBe(ekb('2026-11-06 16:00'));
    expect(policy.trainingDueAt('2026-10-30')).toBe(ekb('2026-11-05 16:00'));
    expect(policy.trainingDueAt('2026-11-03')).toBe(ekb('2026-11-09 16:00'));
    expect(policy.trainingDueAt('2026-11-27')).toBe(ekb('2026-12-02 16:00'));
  });

  const m = run();

  test('the period and the rows skipped', () => {
    expect(m.period).toMatchObject({ fromDate: '2026-11-01', toDate: '2026-11-30' });
    expect(m.now).toBe(NOW);
    expect(m.skipped).toBe(1); // R21
  });

  test('volume: created in November, by ISO week, requester type, topic and channel', () => {
    // Created in November: R1–R11, R14–R20 = 18 (R12, R22 in October; R21 skipped).
    expect(m.volume.total).toBe(18);
    // Weeks: Mon 26 Oct (clipped to Sun 1 Nov): R14 · Mon 2 Nov: R1, R2, R9, R10, R15 · Mon 9: R3, R11, R16,
    // R17 · Mon 16: R4, R6, R18 · Mon 23: R5, R7, R8, R19, R20 · Mon 30 (clipped to Mon 30): none.
    expect(m.volume.byWeek.map((w) => [w.weekStart, w.received])).toEqual([
      ['2026-10-26', 1],
      ['2026-11-02', 5],
      ['2026-11-09', 4],
      ['2026-11-16', 3],
      ['2026-11-23', 5],
      ['2026-11-30', 0],
    ]);
    expect(m.volume.byWeek[0]).toMatchObject({ from: ekb('2026-11-01 00:00'), to: ekb('2026-11-02 00:00') });
    expect(m.volume.byWeek[5]).toMatchObject({ from: ekb('2026-11-30 00:00'), to: ekb('2026-12-01 00:00') });
    // parent: R1 R3 R4 R6 R7 R9 R10 R11 R15 R17 R18 R19 = 12; student: R5; staff: R2 R8 R14 R16 = 4; '': R20.
    expect(m.volume.byRequesterType).toEqual([
      { key: 'parent', count: 12 },
      { key: 'student', count: 1 },
      { key: 'staff', count: 4 },
      { key: '', count: 1 },
    ]);
    // Оценки: R1 R3 R5 R7 R9 R10 R15 R19 R20 = 9; Расписание: R2 R6 R8 R14 R17 = 5; Доступ к дневнику: R4 R16
    // R18 = 3; Другое: R11.
    expect(m.volume.byTopic).toEqual([
      { key: 'Оценки', count: 9 },
      { key: 'Расписание', count: 5 },
      { key: 'Доступ к дневнику', count: 3 },
      { key: 'Другое', count: 1 },
    ]);
    // form: R1 R4 R6 R7 R10 R11 R15 R17 R18 R19 = 10; phone: R2 R8 R16; inPerson: R5; email: R3 R9; online: R14;
    // '': R20. Every channel of the list is shown, zeros too.
    expect(m.volume.byChannel).toEqual([
      { key: 'form', count: 10 },
      { key: 'phone', count: 3 },
      { key: 'inPerson', count: 1 },
      { key: 'seminar', count: 0 },
      { key: 'parentMeeting', count: 0 },
      { key: 'email', count: 2 },
      { key: 'online', count: 1 },
      { key: '', count: 1 },
    ]);
  });

  test('SLA compliance: due in November, met / missed / pending', () => {
    // First response due in November (all but R20, R21, R22):
    //   met: R1 R3 R4 R5 R6 R9 R10 R11 R12 R14 R16 R17 R19 = 13
    //   missed: R2 (15:30 > 15:00), R7 (unanswered past due), R15 (16:30 > 16:00), R18 (paused after due) = 4
    //   pending: R8 = 1.  13 / 17 = 76.47 %.
    expect(m.sla.firstResponse).toEqual(tally(13, 4, 1));
    expect(m.sla.firstResponse.pct).toBeCloseTo(76.47, 2);
    // Resolution due in November, refusals (R9, R10 rejected; R11 etiquette) left out:
    //   met: R1 R2 R3 R14 R15 R16 R17 = 7;  missed: R4 (open past due), R12 (Fri 09:00 > Thu 16:00) = 2
    //   pending: R5, R6 (paused with time left), R7, R8, R18 (paused before due), R19 = 6.  7 / 9 = 77.78 %.
    expect(m.sla.resolution).toEqual(tally(7, 2, 6));
    expect(m.sla.resolution.pct).toBeCloseTo(77.78, 2);
  });

  test('SLA compliance per requester type', () => {
    // parent  FR: met R1 R3 R4 R6 R9 R10 R11 R17 R19 = 9, missed R7 R15 R18 = 3 → 75 %
    //         resolution: met R1 R3 R15 R17 = 4, missed R4, pending R6 R7 R18 R19 = 4 → 80 %
    // student FR: met R5; resolution: pending R5 → no %
    // staff   FR: met R12 R14 R16 = 3, missed R2, pending R8 → 75 %
    //         resolution: met R2 R14 R16 = 3, missed R12, pending R8 → 75 %
    // '' (R20) has no due times: not listed.
    expect(m.sla.byRequesterType).toEqual([
      { requesterType: 'parent', firstResponse: tally(9, 3, 0), resolution: tally(4, 1, 4) },
      { requesterType: 'student', firstResponse: tally(1, 0, 0), resolution: tally(0, 0, 1) },
      { requesterType: 'staff', firstResponse: tally(3, 1, 1), resolution: tally(3, 1, 1) },
    ]);
  });

  test('the weekly trend: each target in the week its due time falls in', () => {
    // FR dues: week 2 Nov: R1 met, R2 missed, R9 met, R10 met, R12 met (Mon), R14 met (Mon), R15 missed → 5/2
    //          week 9: R3, R11, R16, R17 met → 4/0 · week 16: R4, R6 met, R18 missed → 2/1
    //          week 23: R5, R19 met, R7 missed, R8 pending → 2/1/1 · weeks 26 Oct and 30 Nov: none.
    expect(m.volume.byWeek.map((w) => w.firstResponse)).toEqual([
      tally(0, 0, 0),
      tally(5, 2, 0),
      tally(4, 0, 0),
      tally(2, 1, 0),
      tally(2, 1, 1),
      tally(0, 0, 0),
    ]);
    // Resolution dues: week 2 Nov: R1, R14 met (Fri 6), R12 missed (Thu 5) · week 9: R2, R15 (Mon 9), R3 (Fri
    // 13) met · week 16: R16, R17 met (Tue 17), R18 pending (Thu 19) · week 23: R4 missed (Mon 23), R5, R7 (Thu
    // 26), R6 (Tue 24), R19 (Fri 27) pending · week 30: R8 pending (Mon 30).
    expect(m.volume.byWeek.map((w) => w.resolution)).toEqual([
      tally(0, 0, 0),
      tally(2, 1, 0),
      tally(3, 0, 0),
      tally(2, 0, 1),
      tally(0, 1, 4),
      tally(0, 0, 1),
    ]);
  });

  test('first-response time in working hours, pauses excluded: nearest-rank median and 90th percentile', () => {
    // First responses in November (firstResponseAt, else the closing): R1 7, R2 8.5, R3 2, R4 2, R5 0.5, R6 1,
    // R9 1, R10 1, R11 1, R12 8, R14 1, R15 8, R16 4, R17 0.5, R19 1 → 15 values.
    // Sorted: 0.5 0.5 1 1 1 1 1 1 2 2 4 7 8 8 8.5. Median: rank ⌈0.5 × 15⌉ = 8 → 1 h; p90: rank ⌈13.5⌉ = 14 → 8 h.
    expect(m.firstResponseTime).toEqual({ count: 15, medianMs: 1 * H, p90Ms: 8 * H });
  });

  test('the pause is taken off a first-response time (R16: 15 working hours elapsed, 4 outside the pause)', () => {
    const only = run({ ...INPUT, requests: [R.r16] });
    expect(only.firstResponseTime).toEqual({ count: 1, medianMs: 4 * H, p90Ms: 4 * H });
    // Without the bookkeeping's trace of the pause it would read 15 h.
    const unpaused = run({
      ...INPUT,
      requests: [{ ...R.r16, pausedMs: 0, firstResponseDueAt: ekb('2026-11-11 14:00') }],
    });
    expect(unpaused.firstResponseTime.medianMs).toBe(15 * H);
  });

  test('the backlog now and its age', () => {
    // Open: R4, R5, R6, R7, R8, R18, R19, R20 = 8. Waiting on the requester: R6; on the support: R5, R18.
    // Ages: R8 0, R20 0, R5 1, R19 1, R7 2, R6 6, R4 9, R18 9 → 0–1: 2, 1–3: 3, 3–7: 1, 7–30: 2, 30+: 0;
    // oldest 9; median rank ⌈4⌉ = 4 → 1.
    expect(m.backlog).toEqual({
      open: 8,
      waitingOnRequester: 1,
      waitingOnSupport: 2,
      byAge: [
        { fromDays: 0, toDays: 1, count: 2 },
        { fromDays: 1, toDays: 3, count: 3 },
        { fromDays: 3, toDays: 7, count: 1 },
        { fromDays: 7, toDays: 30, count: 2 },
        { fromDays: 30, toDays: null, count: 0 },
      ],
      oldestAgeDays: 9,
      medianAgeDays: 1,
    });
  });

  test('the overdue list: ID, topic, age, the target; paused clocks with time left are not overdue', () => {
    // R4 resolution (Mon 23 09:00), R18 first response (paused only after its due), R7 first response. R6's
    // stored resolution due (Tue 24 10:00) has passed, but its clock stopped on Thu 19 with time left.
    expect(m.overdue).toEqual([
      { id: id(4), topic: 'Доступ к дневнику', ageDays: 9, track: 'resolution', dueAt: ekb('2026-11-23 09:00') },
      { id: id(18), topic: 'Доступ к дневнику', ageDays: 9, track: 'firstResponse', dueAt: ekb('2026-11-17 09:00') },
      { id: id(7), topic: 'Оценки', ageDays: 2, track: 'firstResponse', dueAt: ekb('2026-11-24 09:00') },
    ]);
  });

  test('clarifications and escalations to the regional support, with their waiting in support hours', () => {
    // Clarifications: created in November with questions asked: R3 (1), R6 (1), R9 (2) → 3 requests, 4 questions.
    expect(m.clarifications).toEqual({ requests: 3, questions: 4 });
    // Last escalated in November: R4, R5, R16, R17, R18 = 5 requests, 1 + 1 + 1 + 2 + 1 = 6 escalations; waiting
    // now: R5, R18. Waits (support h): R17 2, R16 13, R5 14.5 (running), R4 17, R18 66 (running).
    // Median rank ⌈2.5⌉ = 3 → 14.5 h; p90 rank ⌈4.5⌉ = 5 → 66 h; over the 9 h target: all but R17 = 4.
    expect(m.escalations).toEqual({
      requests: 5,
      escalations: 6,
      waitingNow: 2,
      wait: { count: 5, medianMs: 14.5 * H, p90Ms: 66 * H },
      overTarget: 4,
    });
  });

  test('rejections by cl. 9.4.3 reason, etiquette incidents, satisfaction', () => {
    // Rejected with resolvedAt in November: R9 (insufficient information), R10 (no reason recorded).
    expect(m.rejections).toEqual({
      total: 2,
      byReason: [
        { key: 'insufficientInfo', count: 1 },
        { key: 'incorrectQuestion', count: 0 },
        { key: 'lateInfo', count: 0 },
        { key: '', count: 1 },
      ],
    });
    // Created in November and flagged or ended for etiquette: R7 (flag), R11 (flag and status) → 2.
    expect(m.etiquette).toEqual({ incidents: 2 });
    // Answered or closed in November: R1 helped, R2 not, R3 —, R12 helped, R14 —, R15 not, R16 helped, R17
    // helped → 4 helped, 2 not, 2 no mark; 4 / 6 = 66.7 %. (R22 was closed in October.)
    expect(m.satisfaction).toEqual({ helped: 4, notHelped: 2, noMark: 2, helpedPct: (4 / 6) * 100 });
  });

  test('new-staff training (cl. 3.1) and consultations planned vs approved', () => {
    // Due in November: S1 on time, S8 on time (trained on the due date), S2 late, S3 missed, S4 pending → 2 / 4
    // = 50 %. Untrained now with a due in November or later: S3, S4, S5 = 3; past due: S3. (S6 left; S7 is old.)
    expect(m.training).toEqual({
      onTime: 2,
      late: 1,
      missed: 1,
      pending: 1,
      pct: 50,
      untrainedNow: 3,
      overdueNow: 1,
    });
    // Events dated 2–30 Nov: 3 office hours (2 approved), a seminar (approved), a parent meeting (not) → 5 / 3.
    expect(m.consultations).toEqual({
      planned: 5,
      approved: 3,
      byKind: [
        { kind: 'officeHours', planned: 3, approved: 2 },
        { kind: 'seminar', planned: 1, approved: 1 },
        { kind: 'parentMeeting', planned: 1, approved: 0 },
      ],
    });
  });

  test("the jobs' and the sweep's health", () => {
    const states = Object.fromEntries(m.health.jobs.map((j) => [j.job, j.state]));
    expect(states).toEqual({
      runQueue: 'ok',
      pollHelpdeskMail: 'never',
      anonymiseExpired: 'ok',
      onFormSubmit: 'ok',
      onComplaintSubmit: 'never',
      runSlaSweep: 'stale',
      sendDailyDigest: 'stale',
      sendWeeklyReport: 'ok',
      // Edits come when people edit: no heartbeat in the data set, and no schedule to be late for.
      onSheetEdit: 'never',
    });
    expect(m.health.sweep).toEqual({ job: 'runSlaSweep', lastRun: NOW - 3 * H, staleAfterMs: 2 * H, state: 'stale' });
    expect(m.health.jobs.find((j) => j.job === 'onComplaintSubmit')).toEqual({
      job: 'onComplaintSubmit',
      staleAfterMs: null,
      state: 'never',
    });
    expect(m.health.allOk).toBe(false);
    // R20 has no due times; R19 is paused while in progress.
    expect(m.health.missingDue).toBe(1);
    expect(m.health.pauseOutOfStep).toBe(1);
    // Every scheduled job fresh: all ok (event-driven jobs that never ran do not count against it).
    const fresh = HEARTBEATS.map((h) => ({ job: h.job, lastRun: NOW - 60_000 }));
    fresh.push({ job: 'pollHelpdeskMail', lastRun: NOW - 60_000 });
    expect(run({ ...INPUT, heartbeats: fresh }).health.allOk).toBe(true);
  });

  test('the order of the input does not change a figure', () => {
    const reversed = run({ ...INPUT, requests: [...REQUESTS].reverse(), staff: [...STAFF].reverse() });
    expect(reversed).toEqual(m);
  });
});

describe('rows the bookkeeping left incomplete', () => {
  test('an escalation time without a counter counts once; unreadable counters count as none', () => {
    const row = req(30, {
      createdAt: ekb('2026-11-10 09:00'),
      firstResponseDueAt: ekb('2026-11-11 09:00'),
      resolutionDueAt: ekb('2026-11-13 09:00'),
      firstResponseAt: ekb('2026-11-10 10:00'),
      resolvedAt: ekb('2026-11-10 15:00'),
      status: 'closed',
      lastEscalatedAt: ekb('2026-11-10 10:00'),
      escalations: Number.NaN,
      clarifications: Number.NaN,
      supportWaitMs: Number.NaN,
      pausedMs: Number.NaN,
    });
    const m = run({ requests: [row], staff: [], events: [], heartbeats: [] });
    expect(m.escalations).toEqual({
      requests: 1,
      escalations: 1,
      waitingNow: 0,
      wait: { count: 1, medianMs: 0, p90Ms: 0 },
      overTarget: 0,
    });
    expect(m.clarifications).toEqual({ requests: 0, questions: 0 });
    // Answered at 10:00, an hour after coming in; the unreadable pause total is no pause.
    expect(m.firstResponseTime).toEqual({ count: 1, medianMs: H, p90Ms: H });
    expect(m.sla.firstResponse).toEqual(tally(1, 0, 0));
  });

  test('a final status with no resolution time cannot be judged; a response before creation is no duration', () => {
    const closedNoTime = req(31, {
      createdAt: ekb('2026-11-10 09:00'),
      firstResponseDueAt: ekb('2026-11-11 09:00'),
      resolutionDueAt: ekb('2026-11-13 09:00'),
      status: 'closed',
    });
    const typo = req(32, {
      createdAt: ekb('2026-11-10 09:00'),
      firstResponseDueAt: ekb('2026-11-11 09:00'),
      resolutionDueAt: ekb('2026-11-13 09:00'),
      firstResponseAt: ekb('2026-11-09 09:00'),
      status: 'inProgress',
    });
    const m = run({ requests: [closedNoTime, typo], staff: [], events: [], heartbeats: [] });
    // R31: neither target judged, not open. R32: first response met (before its due), no duration counted;
    // resolution due Fri 13 Nov, long before now (25 Nov), not resolved: missed, and overdue.
    expect(m.sla.firstResponse).toEqual(tally(1, 0, 0));
    expect(m.sla.resolution).toEqual(tally(0, 1, 0));
    expect(m.firstResponseTime.count).toBe(0);
    expect(m.backlog.open).toBe(1);
    expect(m.overdue.map((o) => [o.id, o.track])).toEqual([[id(32), 'resolution']]);
  });
});

describe('empty periods and empty input', () => {
  test('September 2026 has no request of the data set: zeros and nulls, every week listed', () => {
    const september = resolvePeriod('month', ekb('2026-09-15 12:00'), ZONE, SCHOOL);
    const m = run(INPUT, september);
    expect(m.volume.total).toBe(0);
    // 1 Sep is a Tuesday: weeks of Mon 31 Aug, 7, 14, 21 and 28 Sep.
    expect(m.volume.byWeek.map((w) => [w.weekStart, w.received])).toEqual([
      ['2026-08-31', 0],
      ['2026-09-07', 0],
      ['2026-09-14', 0],
      ['2026-09-21', 0],
      ['2026-09-28', 0],
    ]);
    expect(m.volume.byTopic).toEqual([]);
    expect(m.volume.byRequesterType.every((k) => k.count === 0)).toBe(true);
    expect(m.sla.firstResponse).toEqual({ met: 0, missed: 0, pending: 0, pct: null });
    expect(m.sla.resolution.pct).toBeNull();
    expect(m.firstResponseTime).toEqual({ count: 0, medianMs: null, p90Ms: null });
    expect(m.escalations.wait).toEqual({ count: 0, medianMs: null, p90Ms: null });
    expect(m.rejections.total).toBe(0);
    expect(m.satisfaction).toEqual({ helped: 0, notHelped: 0, noMark: 0, helpedPct: null });
    expect(m.training).toMatchObject({ onTime: 0, late: 0, missed: 0, pending: 0, pct: null });
    expect(m.consultations).toEqual({ planned: 0, approved: 0, byKind: [] });
    // The backlog and the overdue list are as of now, whatever the period.
    expect(m.backlog.open).toBe(8);
    expect(m.overdue).toHaveLength(3);
  });

  test('no input at all', () => {
    const m = run({ requests: [], staff: [], events: [], heartbeats: [] });
    expect(m.skipped).toBe(0);
    expect(m.volume.total).toBe(0);
    expect(m.volume.byWeek).toHaveLength(6);
    expect(m.backlog).toEqual({
      open: 0,
      waitingOnRequester: 0,
      waitingOnSupport: 0,
      byAge: [
        { fromDays: 0, toDays: 1, count: 0 },
        { fromDays: 1, toDays: 3, count: 0 },
        { fromDays: 3, toDays: 7, count: 0 },
        { fromDays: 7, toDays: 30, count: 0 },
        { fromDays: 30, toDays: null, count: 0 },
      ],
      oldestAgeDays: null,
      medianAgeDays: null,
    });
    expect(m.overdue).toEqual([]);
    expect(m.health.jobs.every((j) => j.state === 'never')).toBe(true);
    expect(m.health.allOk).toBe(false);
  });
});

describe('requests across the holidays of the school year 2026/27', () => {
  // First response within 8 working hours; each request answered as told, the period the school year.
  const year = resolvePeriod('schoolYear', ekb('2027-05-31 12:00'), ZONE, SCHOOL);
  const cases = [
    // Wed 30 Dec 2026 15:00: 1 h that day; 31 Dec and 1–10 Jan 2027 off; Mon 11 Jan 08:00 + 7 h → 15:00.
    // Answered Mon 11 Jan 09:00: met, 1 + 1 = 2 h.
    { n: 1, created: '2026-12-30 15:00', due: '2027-01-11 15:00', answered: '2027-01-11 09:00', hours: 2 },
    // Fri 19 Feb 2027 15:00: 1 h; Sat 20 Feb is a working, shortened day (08–15, 7 h) → due Sat 15:00. Mon 22 and
    // Tue 23 Feb off. Answered Wed 24 Feb 09:00: missed, 1 + 7 + 1 = 9 h.
    { n: 2, created: '2027-02-19 15:00', due: '2027-02-20 15:00', answered: '2027-02-24 09:00', hours: 9 },
    // Fri 5 Mar 2027 14:00: 2 h; Mon 8 Mar off; Tue 9 Mar 08:00 + 6 h → 14:00. Answered Tue 13:00: met, 2 + 5 = 7 h.
    { n: 3, created: '2027-03-05 14:00', due: '2027-03-09 14:00', answered: '2027-03-09 13:00', hours: 7 },
    // Fri 7 May 2027 15:00: 1 h; Mon 10 May off; Tue 11 May + 7 h → 15:00. Answered Tue 16:30: missed, 1 + 8 = 9 h.
    { n: 4, created: '2027-05-07 15:00', due: '2027-05-11 15:00', answered: '2027-05-11 16:30', hours: 9 },
    // Mon 2 Nov 2026 15:00: 1 h; Tue 3 Nov shortened (7 h) → due Tue 3 Nov 15:00; Wed 4 Nov off. Answered Thu 5
    // Nov 08:30: missed, 1 + 7 + 0.5 = 8.5 h.
    { n: 5, created: '2026-11-02 15:00', due: '2026-11-03 15:00', answered: '2026-11-05 08:30', hours: 8.5 },
  ];
  const requests = cases.map((c) =>
    req(c.n, {
      createdAt: ekb(c.created),
      firstResponseDueAt: ekb(c.due),
      firstResponseAt: ekb(c.answered),
      status: 'inProgress',
    }),
  );

  test('the due times are the calendar’s', () => {
    for (const c of cases) {
      expect(policy.dueAt(policy.target('firstResponse', 'parent'), { start: ekb(c.created), pauses: [] })).toBe(
        ekb(c.due),
      );
    }
  });

  test('compliance and working hours over the year', () => {
    const m = run({ requests, staff: [], events: [], heartbeats: [] }, year, ekb('2027-05-31 12:00'));
    // Met: 1, 3; missed: 2, 4, 5 → 2 / 5 = 40 %.
    expect(m.sla.firstResponse).toEqual(tally(2, 3, 0));
    // Hours 2, 9, 7, 9, 8.5 → sorted 2 7 8.5 9 9: median rank 3 → 8.5 h; p90 rank ⌈4.5⌉ = 5 → 9 h.
    expect(m.firstResponseTime).toEqual({ count: 5, medianMs: 8.5 * H, p90Ms: 9 * H });
    // The year has 40 ISO weeks: Mon 31 Aug 2026 … Mon 31 May 2027 (273 days / 7 = 39, plus the last).
    expect(m.volume.byWeek).toHaveLength(40);
    expect(m.volume.byWeek[0]).toMatchObject({ weekStart: '2026-08-31', from: ekb('2026-09-01 00:00') });
    expect(m.volume.byWeek[39]).toMatchObject({ weekStart: '2027-05-31', to: ekb('2027-06-01 00:00') });
    const received = m.volume.byWeek.filter((w) => w.received > 0).map((w) => w.weekStart);
    expect(received).toEqual(['2026-11-02', '2026-12-28', '2027-02-15', '2027-03-01', '2027-05-03']);
    // Case 1 is due in the week of Mon 11 Jan 2027; the New Year week of 4 Jan has nothing due.
    const week = (d: string) => m.volume.byWeek.find((w) => w.weekStart === d);
    expect(week('2027-01-11')?.firstResponse).toEqual(tally(1, 0, 0));
    expect(week('2027-01-04')?.firstResponse).toEqual(tally(0, 0, 0));
  });
});

describe('no personal data in the figures', () => {
  // Personal values as the sheets hold them: fed in through wider records, as an adapter that passed whole rows
  // would; none may come out.
  const PERSONAL = {
    name: 'Кузнецова Анна Петровна',
    className: '7Б',
    email: 'kuznetsova.anna@mail.ru',
    phone: '+79123456789',
    description: 'Не вижу оценки сына Пети Кузнецова за четверть',
    answer: 'Анна Петровна, оценки появятся завтра',
    notes: 'звонила с домашнего 2-34-99',
    assignee: 'konsultant.ivanova@school.ru',
    supportTicket: 'SUP-777123',
  };
  const STAFF_PERSONAL = {
    email: 'novy.uchitel@school.ru',
    name: 'Новый Учитель Сергеевич',
    position: 'учитель физики',
  };
  const EVENT_PERSONAL = {
    consultant: 'Иванова Ольга Викторовна',
    approvedBy: 'direktor@school.ru',
    place: 'каб. 215',
    topic: 'Для Кузнецовой',
  };

  test('the request record has no personal column of «Обращения»', () => {
    const personalKeys = sheetDef('requests')
      .columns.filter((c) => c.personal)
      .map((c) => c.key);
    expect(personalKeys).toEqual(['name', 'className', 'email', 'phone', 'description', 'answer', 'notes']);
    // A complete record (every optional field set) lists every key the type has.
    const full: Required<MetricRequest> = {
      ...R.r4,
      createdAt: 1,
      firstResponseAt: 1,
      resolvedAt: 1,
      firstResponseDueAt: 1,
      resolutionDueAt: 1,
      pausedSince: 1,
      lastEscalatedAt: 1,
    };
    const keys = Object.keys(full);
    for (const k of [...personalKeys, 'assignee', 'consultant']) expect(keys).not.toContain(k);
  });

  test('personal values fed in wider records appear nowhere in the output', () => {
    const wide = (r: MetricRequest, i: number) => ({
      ...r,
      ...PERSONAL,
      name: `${PERSONAL.name} ${i}`,
      email: `${i}.${PERSONAL.email}`,
    });
    const requests: MetricRequest[] = REQUESTS.map(wide);
    const staff: MetricStaff[] = STAFF.map((s) => ({ ...s, ...STAFF_PERSONAL }));
    const events: MetricEvent[] = EVENTS.map((e) => ({ ...e, ...EVENT_PERSONAL }));
    const m = run({ requests, staff, events, heartbeats: HEARTBEATS });
    // The same figures as from the narrow records…
    expect(m).toEqual(run());
    // …and no personal value, nor a recognisable piece of one, in the serialized output.
    const out = JSON.stringify(m);
    const values = [
      ...Object.values(PERSONAL),
      ...Object.values(STAFF_PERSONAL),
      ...Object.values(EVENT_PERSONAL),
      ...REQUESTS.map((r, i) => wide(r, i).email),
      'Кузнецов',
      'Иванова',
      '@',
      '+7',
    ];
    for (const v of values) expect(out.includes(v) ? v : '').toBe('');
    // Only identifiers, labels, numbers and dates remain: the overdue list's fields.
    expect(Object.keys(m.overdue[0]).sort()).toEqual(['ageDays', 'dueAt', 'id', 'topic', 'track']);
  });
});

describe('nearest-rank percentiles', () => {
  test.each([
    // n = 1: every percentile is the value.
    [[5], 50, 5],
    [[5], 90, 5],
    // n = 4: median rank ⌈2⌉ = 2; p90 rank ⌈3.6⌉ = 4.
    [[1, 2, 3, 4], 50, 2],
    [[1, 2, 3, 4], 90, 4],
    // n = 10: p90 rank 9.
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
    // n = 11: p90 rank ⌈9.9⌉ = 10; median rank ⌈5.5⌉ = 6.
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90, 10],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 50, 6],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 100, 11],
  ])('%j p%d = %d', (values, p, want) => {
    expect(nearestRank(values, p)).toBe(want);
  });

  test('distribution sorts numerically, not as text', () => {
    expect(distribution([9 * H, 10 * H, 2 * H, 100 * H])).toEqual({ count: 4, medianMs: 9 * H, p90Ms: 100 * H });
    expect(nearestRank([], 50)).toBeNull();
  });
});
