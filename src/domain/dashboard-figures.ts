/**
 * The dashboard's and the weekly report's figures as rows a person reads: a label, the number, how it is
 * printed, the target and a red/amber/green mark. Both the «Панель» layout and the report are built from
 * these, so the two never disagree. Pure: metrics and texts in, rows out; nothing personal is in the metrics.
 *
 * Red/amber/green, chosen here: a compliance percentage (first response, resolution, per requester type,
 * new-staff training) is green at or above `greenPct`, amber at or above `amberPct`, red below; nothing
 * decided yet has no colour. The overdue count is green at 0, red above. The sweep is green when it runs
 * within its schedule, red when silent, amber when it has never run.
 */
import type { DashboardTexts } from '../locale/dashboard';
import { format, type LocaleCode } from '../locale/index';
import type { Compliance, DashboardMetrics, Distribution, JobState, KeyCount } from './metrics';
import { HOUR_MS, type IsoDate, wallClockOf } from './zoned-time';

export type Rag = 'green' | 'amber' | 'red';

export interface Thresholds {
  greenPct: number;
  amberPct: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { greenPct: 95, amberPct: 80 };

/** The settings `dashboard.greenPct` / `dashboard.amberPct` (blank: default); invalid ones give the defaults. */
export function thresholdsOf(green: string, amber: string): { thresholds: Thresholds; ok: boolean } {
  const num = (s: string, fallback: number) => {
    const t = s.trim().replace(',', '.').replace(/%$/, '');
    return t === '' ? fallback : Number(t);
  };
  const g = num(green, DEFAULT_THRESHOLDS.greenPct);
  const a = num(amber, DEFAULT_THRESHOLDS.amberPct);
  const valid = (n: number) => Number.isFinite(n) && n >= 0 && n <= 100;
  if (!valid(g) || !valid(a) || a > g) return { thresholds: DEFAULT_THRESHOLDS, ok: false };
  return { thresholds: { greenPct: g, amberPct: a }, ok: true };
}

export function ragOf(pct: number | null, t: Thresholds): Rag | undefined {
  if (pct === null) return undefined;
  if (pct >= t.greenPct) return 'green';
  return pct >= t.amberPct ? 'amber' : 'red';
}

/** How a number is shown: a count, a percentage (0–100 here), hours or days with one decimal. */
export type ValueFormat = 'text' | 'integer' | 'percent' | 'hours';

export interface Figure {
  key: string;
  label: string;
  /** The number (a percentage as 0–100); null when there is none to show. */
  value: number | null;
  format: ValueFormat;
  /** The value as a report prints it. */
  text: string;
  target: string;
  note: string;
  rag?: Rag;
}

/** One cell of a detail table. */
export interface TableCell {
  value: string | number | null;
  format: ValueFormat;
  text: string;
  rag?: Rag;
}

export interface Table {
  key: string;
  heading: string;
  columns: string[];
  rows: TableCell[][];
  /** Rows left out of a long list. */
  more: number;
}

/** Labels of the choice lists, from the main locale. */
export interface ChoiceLabels {
  requesterType: Readonly<Record<string, string>>;
  channel: Readonly<Record<string, string>>;
  rejectReason: Readonly<Record<string, string>>;
  scheduleKind: Readonly<Record<string, string>>;
}

export interface FigureContext {
  texts: DashboardTexts;
  labels: ChoiceLabels;
  thresholds: Thresholds;
  zone: string;
  locale: LocaleCode;
}

// ---- printing ---------------------------------------------------------------------------------------------

export function decimal(n: number, locale: LocaleCode): string {
  const s = (Math.round(n * 10) / 10).toFixed(1);
  return locale === 'ru' ? s.replace('.', ',') : s;
}

export function percentText(pct: number | null, ctx: FigureContext): string {
  return pct === null ? ctx.texts.values.none : `${Math.round(pct)}%`;
}

const hoursOf = (ms: number | null): number | null => (ms === null ? null : Math.round((ms / HOUR_MS) * 10) / 10);

/** 'YYYY-MM-DD' as «ДД.ММ.ГГГГ». */
export function dayText(date: IsoDate): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

/** An instant as «ДД.ММ.ГГГГ ЧЧ:ММ» on the school's wall clock. */
export function momentText(ms: number, zone: string): string {
  const w = wallClockOf(ms, zone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(w.d)}.${two(w.m)}.${w.y} ${two(w.hour)}:${two(w.minute)}`;
}

function cell(value: string | number | null, fmt: ValueFormat, ctx: FigureContext, rag?: Rag): TableCell {
  let text: string;
  if (value === null) text = ctx.texts.values.none;
  else if (typeof value === 'string') text = value;
  else if (fmt === 'percent') text = percentText(value, ctx);
  else if (fmt === 'hours') text = decimal(value, ctx.locale);
  else text = String(value);
  return rag ? { value, format: fmt, text, rag } : { value, format: fmt, text };
}

const textCell = (s: string, ctx: FigureContext) => cell(s, 'text', ctx);

// ---- the key figures --------------------------------------------------------------------------------------

function complianceFigure(key: string, label: string, c: Compliance, ctx: FigureContext): Figure {
  const t = ctx.texts;
  const decided = c.met + c.missed;
  const text = format(t.values.compliance, { met: c.met, decided, pct: percentText(c.pct, ctx) });
  const notes = [format(t.notes.compliance, { met: c.met, decided })];
  if (c.pending > 0) notes.push(format(t.notes.pending, { pending: c.pending }));
  return {
    key,
    label,
    value: c.pct,
    format: 'percent',
    text,
    target: format(t.targetAtLeast, { pct: ctx.thresholds.greenPct }),
    note: notes.join('; '),
    rag: ragOf(c.pct, ctx.thresholds),
  };
}

function hoursFigure(key: string, label: string, ms: number | null, note: string, ctx: FigureContext): Figure {
  const h = hoursOf(ms);
  const text = h === null ? ctx.texts.values.none : format(ctx.texts.values.hours, { value: decimal(h, ctx.locale) });
  return { key, label, value: h, format: 'hours', text, target: '', note };
}

function countFigure(key: string, label: string, n: number, note = '', extra: Partial<Figure> = {}): Figure {
  return { key, label, value: n, format: 'integer', text: String(n), target: '', note, ...extra };
}

function jobNote(job: JobState | undefined, ctx: FigureContext): string {
  const n = ctx.texts.notes;
  if (!job || job.state === 'never' || job.lastRun === undefined) return n.sweepNever;
  const at = momentText(job.lastRun, ctx.zone);
  return format(job.state === 'stale' ? n.sweepStale : n.sweepOk, { at });
}

function jobRag(job: JobState | undefined): Rag {
  if (!job || job.state === 'never') return 'amber';
  return job.state === 'ok' ? 'green' : 'red';
}

function jobStateLabel(job: JobState | undefined, ctx: FigureContext): string {
  const s = ctx.texts.jobStates;
  if (!job) return s.never;
  if (job.staleAfterMs === null && job.state !== 'never') return s.event;
  return s[job.state];
}

export function keyFigures(m: DashboardMetrics, ctx: FigureContext): Figure[] {
  const t = ctx.texts;
  const f = t.figures;
  const n = t.notes;
  const frt = m.firstResponseTime;
  const wait: Distribution = m.escalations.wait;
  const tr = m.training;
  const sat = m.satisfaction;
  const sweep = m.health.sweep;
  const trainingDecided = tr.onTime + tr.late + tr.missed;
  const healthNotes = [jobNote(sweep, ctx)];
  if (m.health.missingDue > 0) healthNotes.push(format(n.missingDue, { count: m.health.missingDue }));
  if (m.health.pauseOutOfStep > 0) healthNotes.push(format(n.pauseOutOfStep, { count: m.health.pauseOutOfStep }));
  const oldest = m.backlog.oldestAgeDays;
  return [
    countFigure('received', f.received, m.volume.total),
    complianceFigure('firstResponse', f.firstResponse, m.sla.firstResponse, ctx),
    complianceFigure('resolution', f.resolution, m.sla.resolution, ctx),
    hoursFigure('frtMedian', f.frtMedian, frt.medianMs, format(n.frt, { count: frt.count }), ctx),
    hoursFigure('frtP90', f.frtP90, frt.p90Ms, '', ctx),
    countFigure(
      'open',
      f.open,
      m.backlog.open,
      format(n.waiting, { requester: m.backlog.waitingOnRequester, support: m.backlog.waitingOnSupport }),
    ),
    {
      key: 'oldest',
      label: f.oldest,
      value: oldest,
      format: 'integer',
      text: oldest === null ? t.values.none : format(t.values.days, { value: oldest }),
      target: '',
      note: m.backlog.medianAgeDays === null ? '' : format(n.medianAge, { days: m.backlog.medianAgeDays }),
    },
    countFigure('overdue', f.overdue, m.overdue.length, '', {
      target: t.targetZero,
      rag: m.overdue.length === 0 ? 'green' : 'red',
    }),
    countFigure(
      'clarifications',
      f.clarifications,
      m.clarifications.requests,
      format(n.clarifications, { requests: m.clarifications.requests, questions: m.clarifications.questions }),
    ),
    countFigure(
      'escalations',
      f.escalations,
      m.escalations.requests,
      format(n.escalations, { escalations: m.escalations.escalations, waiting: m.escalations.waitingNow }),
    ),
    hoursFigure(
      'supportWait',
      f.supportWait,
      wait.medianMs,
      wait.count === 0
        ? ''
        : format(n.supportWait, {
            p90: decimal(hoursOf(wait.p90Ms) ?? 0, ctx.locale),
            over: m.escalations.overTarget,
          }),
      ctx,
    ),
    countFigure('rejections', f.rejections, m.rejections.total),
    countFigure('etiquette', f.etiquette, m.etiquette.incidents),
    {
      key: 'training',
      label: f.training,
      value: tr.pct,
      format: 'percent',
      text: format(t.values.compliance, { met: tr.onTime, decided: trainingDecided, pct: percentText(tr.pct, ctx) }),
      target: format(t.targetAtLeast, { pct: ctx.thresholds.greenPct }),
      note: [
        format(n.training, { onTime: tr.onTime, late: tr.late, missed: tr.missed, pending: tr.pending }),
        format(n.trainingNow, { untrained: tr.untrainedNow, overdue: tr.overdueNow }),
      ].join('; '),
      rag: ragOf(tr.pct, ctx.thresholds),
    },
    countFigure(
      'consultations',
      f.consultations,
      m.consultations.approved,
      format(n.consultations, { planned: m.consultations.planned, approved: m.consultations.approved }),
      { text: format(t.values.ofTotal, { part: m.consultations.approved, whole: m.consultations.planned }) },
    ),
    {
      key: 'satisfaction',
      label: f.satisfaction,
      value: sat.helpedPct,
      format: 'percent',
      text: percentText(sat.helpedPct, ctx),
      target: '',
      note: format(n.satisfaction, { helped: sat.helped, notHelped: sat.notHelped, noMark: sat.noMark }),
    },
    {
      key: 'sweep',
      label: f.sweep,
      value: null,
      format: 'text',
      text: jobStateLabel(sweep, ctx),
      target: '',
      note: healthNotes.join('; '),
      rag: jobRag(sweep),
    },
  ];
}

// ---- the detail tables ------------------------------------------------------------------------------------

function labelOf(labels: Readonly<Record<string, string>>, key: string, ctx: FigureContext): string {
  return key === '' ? ctx.texts.unknown : (labels[key] ?? key);
}

function countRows(
  list: readonly KeyCount[],
  labels: Readonly<Record<string, string>> | undefined,
  ctx: FigureContext,
) {
  return list.map((k) => [
    textCell(labels ? labelOf(labels, k.key, ctx) : k.key || ctx.texts.unknown, ctx),
    cell(k.count, 'integer', ctx),
  ]);
}

function complianceCell(c: Compliance, ctx: FigureContext): TableCell {
  return cell(c.pct, 'percent', ctx, ragOf(c.pct, ctx.thresholds));
}

/** Topics are the school's list, but a typed one is possible: the table shows the largest. */
export const TOPIC_LIMIT = 30;

/** The tables under the key figures, in the order the dashboard shows them. */
export function detailTables(m: DashboardMetrics, ctx: FigureContext): Table[] {
  const t = ctx.texts;
  const s = t.sections;
  const c = t.tableColumns;
  const l = ctx.labels;
  const table = (key: string, heading: string, columns: string[], rows: TableCell[][]): Table => ({
    key,
    heading,
    columns,
    rows,
    more: 0,
  });
  return [
    table(
      'slaByType',
      s.slaByType,
      [c.requesterType, c.firstResponse, c.resolution, c.decided],
      m.sla.byRequesterType.map((r) => [
        textCell(labelOf(l.requesterType, r.requesterType, ctx), ctx),
        complianceCell(r.firstResponse, ctx),
        complianceCell(r.resolution, ctx),
        cell(r.firstResponse.met + r.firstResponse.missed + r.firstResponse.pending, 'integer', ctx),
      ]),
    ),
    table(
      'byRequesterType',
      s.byRequesterType,
      [c.requesterType, c.count],
      countRows(m.volume.byRequesterType, l.requesterType, ctx),
    ),
    table('byChannel', s.byChannel, [c.channel, c.count], countRows(m.volume.byChannel, l.channel, ctx)),
    {
      ...table(
        'byTopic',
        s.byTopic,
        [c.topic, c.count],
        countRows(m.volume.byTopic.slice(0, TOPIC_LIMIT), undefined, ctx),
      ),
      more: Math.max(0, m.volume.byTopic.length - TOPIC_LIMIT),
    },
    table(
      'backlogAge',
      s.backlogAge,
      [c.age, c.count],
      m.backlog.byAge.map((b) => [
        textCell(
          b.toDays === null
            ? format(t.ageBucketOpen, { from: b.fromDays })
            : format(t.ageBucket, { from: b.fromDays, to: b.toDays }),
          ctx,
        ),
        cell(b.count, 'integer', ctx),
      ]),
    ),
    table('rejections', s.rejections, [c.reason, c.count], countRows(m.rejections.byReason, l.rejectReason, ctx)),
    table(
      'consultations',
      s.consultations,
      [c.kind, c.planned, c.approved],
      m.consultations.byKind.map((k) => [
        textCell(labelOf(l.scheduleKind, k.kind, ctx), ctx),
        cell(k.planned, 'integer', ctx),
        cell(k.approved, 'integer', ctx),
      ]),
    ),
    table(
      'health',
      s.health,
      [c.job, c.lastRun, c.state],
      m.health.jobs.map((j) => [
        textCell(j.job, ctx),
        textCell(j.lastRun === undefined ? t.values.none : momentText(j.lastRun, ctx.zone), ctx),
        { ...textCell(jobStateLabel(j, ctx), ctx), ...(j.staleAfterMs === null ? {} : { rag: jobRag(j) }) },
      ]),
    ),
  ];
}

/** The overdue list (ID, topic, age, which target, due time): at most `limit` rows, the oldest first. */
export function overdueTable(m: DashboardMetrics, ctx: FigureContext, limit: number): Table {
  const t = ctx.texts;
  const c = t.tableColumns;
  const shown = m.overdue.slice(0, limit);
  return {
    key: 'overdue',
    heading: t.sections.overdue,
    columns: [c.id, c.topic, c.ageDays, c.track, c.dueAt],
    rows: shown.map((o) => [
      textCell(o.id, ctx),
      textCell(o.topic || t.unknown, ctx),
      cell(o.ageDays, 'integer', ctx),
      textCell(t.tracks[o.track], ctx),
      textCell(momentText(o.dueAt, ctx.zone), ctx),
    ]),
    more: m.overdue.length - shown.length,
  };
}

/** The period as people name it: «1-я четверть: 01.09.2026 — 26.10.2026». */
export function periodText(m: DashboardMetrics, ctx: FigureContext): string {
  const t = ctx.texts;
  const from = dayText(m.period.fromDate);
  const to = dayText(m.period.toDate);
  return m.period.quarter === undefined
    ? format(t.dates, { from, to })
    : format(t.quarterDates, { quarter: m.period.quarter, from, to });
}
