// A week's figures as domain/metrics.ts hands them over, worked out by hand, for the dashboard's and the
// weekly report's unit tests: 13 requests, 12 of 13 first responses in time (92.3%: amber at 95/80).
import { type ChoiceLabels, DEFAULT_THRESHOLDS, type FigureContext } from '../../src/domain/dashboard-figures';
import type { Compliance, DashboardMetrics, OverdueItem, WeekFigures } from '../../src/domain/metrics';
import { ru as dash } from '../../src/locale/dashboard';
import { ru } from '../../src/locale/ru';

export const H = 3_600_000;
const ZONE = 'Asia/Yekaterinburg';
export const ekb = (s: string): number => Date.parse(`${s.replace(' ', 'T')}:00+05:00`);

export const compliance = (met: number, missed: number, pending = 0): Compliance => ({
  met,
  missed,
  pending,
  pct: met + missed === 0 ? null : (100 * met) / (met + missed),
});

export function week(weekStart: string, received: number, first: Compliance, resolution: Compliance): WeekFigures {
  const from = ekb(`${weekStart} 00:00`);
  return { weekStart, from, to: from + 7 * 24 * H, received, firstResponse: first, resolution };
}

export function fixture(extra: Partial<DashboardMetrics> = {}): DashboardMetrics {
  const now = ekb('2026-09-10 12:00');
  const overdue: OverdueItem[] = [
    {
      id: 'ОБ-2026-00003',
      topic: 'Учёт посещаемости',
      ageDays: 2,
      track: 'firstResponse',
      dueAt: ekb('2026-09-09 09:00'),
    },
  ];
  return {
    period: {
      kind: 'week',
      fromDate: '2026-09-07',
      toDate: '2026-09-13',
      from: ekb('2026-09-07 00:00'),
      to: ekb('2026-09-14 00:00'),
    },
    now,
    skipped: 0,
    volume: {
      total: 13,
      byWeek: [week('2026-09-07', 13, compliance(12, 1), compliance(4, 0, 9))],
      byRequesterType: [
        { key: 'parent', count: 9 },
        { key: 'student', count: 1 },
        { key: 'staff', count: 3 },
      ],
      byTopic: [
        { key: 'Учёт посещаемости', count: 8 },
        { key: '=HYPERLINK("http://evil.example","x")', count: 5 },
      ],
      byChannel: [
        { key: 'form', count: 10 },
        { key: 'phone', count: 3 },
      ],
    },
    backlog: {
      open: 9,
      waitingOnRequester: 1,
      waitingOnSupport: 1,
      byAge: [
        { fromDays: 0, toDays: 1, count: 5 },
        { fromDays: 1, toDays: 3, count: 4 },
        { fromDays: 3, toDays: 7, count: 0 },
        { fromDays: 7, toDays: 30, count: 0 },
        { fromDays: 30, toDays: null, count: 0 },
      ],
      oldestAgeDays: 2,
      medianAgeDays: 1,
    },
    sla: {
      firstResponse: compliance(12, 1),
      resolution: compliance(4, 0, 9),
      byRequesterType: [
        { requesterType: 'parent', firstResponse: compliance(8, 1), resolution: compliance(3, 0) },
        { requesterType: 'student', firstResponse: compliance(1, 0), resolution: compliance(0, 0, 1) },
        { requesterType: 'staff', firstResponse: compliance(3, 0), resolution: compliance(1, 0) },
      ],
    },
    firstResponseTime: { count: 12, medianMs: 1.5 * H, p90Ms: 6.25 * H },
    overdue,
    clarifications: { requests: 2, questions: 3 },
    escalations: {
      requests: 1,
      escalations: 1,
      waitingNow: 1,
      wait: { count: 1, medianMs: 5 * H, p90Ms: 5 * H },
      overTarget: 0,
    },
    rejections: {
      total: 1,
      byReason: [
        { key: 'insufficientInfo', count: 1 },
        { key: 'incorrectQuestion', count: 0 },
        { key: 'lateInfo', count: 0 },
      ],
    },
    etiquette: { incidents: 1 },
    training: { onTime: 1, late: 1, missed: 0, pending: 1, pct: 50, untrainedNow: 1, overdueNow: 0 },
    consultations: {
      planned: 4,
      approved: 3,
      byKind: [
        { kind: 'officeHours', planned: 3, approved: 3 },
        { kind: 'seminar', planned: 1, approved: 0 },
      ],
    },
    satisfaction: { helped: 3, notHelped: 1, noMark: 0, helpedPct: 75 },
    health: {
      jobs: [
        { job: 'runSlaSweep', lastRun: ekb('2026-09-10 11:34'), staleAfterMs: 2 * H, state: 'ok' },
        { job: 'onFormSubmit', lastRun: ekb('2026-09-10 09:12'), staleAfterMs: null, state: 'ok' },
        { job: 'sendWeeklyReport', staleAfterMs: 170 * H, state: 'never' },
      ],
      allOk: true,
      sweep: { job: 'runSlaSweep', lastRun: ekb('2026-09-10 11:34'), staleAfterMs: 2 * H, state: 'ok' },
      missingDue: 0,
      pauseOutOfStep: 0,
    },
    ...extra,
  };
}

const labels: ChoiceLabels = {
  requesterType: ru.choices.requesterType,
  channel: ru.choices.channel,
  rejectReason: ru.choices.rejectReason,
  scheduleKind: ru.choices.scheduleKind,
};

export const ctx: FigureContext = { texts: dash, labels, thresholds: DEFAULT_THRESHOLDS, zone: ZONE, locale: 'ru' };
