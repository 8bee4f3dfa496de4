/**
 * Reads the workbook into the metrics' input records (domain/metrics.ts): «Обращения» joined with
 * «Служебное» by request ID, «График», «Сотрудники», the jobs' heartbeats. The log is read column by column — each run
 * of adjacent wanted columns in one call, from the first record to the last — so the number of calls is the
 * same at 100 and at 50 000 requests, and the columns of a requester's personal data (name, e-mail, phone,
 * class, description, answer, notes) are never read at all.
 */
import type { MetricEvent, MetricHeartbeat, MetricRequest, MetricStaff } from '../domain/metrics';
import type { RejectReason } from '../domain/request';
import { isApproved } from '../domain/schedule';
import { type ChoiceListKey, FIRST_DATA_ROW } from '../domain/schema';
import { TRIGGER_PLAN } from '../domain/trigger-plan';
import { en } from '../locale/en';
import { ru } from '../locale/ru';
import type { Helpdesk } from './helpdesk';
import { readHeartbeat } from './properties';
import { readScheduleRows } from './schedule-repo';
import { choiceOf, instantOfCell, isoDateOfCell, numberOfCell } from './sla-repo';
import { type CellValue, readRecords, type Table, text } from './table';

/** What the metrics read of the log; none of it is personal. */
export const REQUEST_KEYS = [
  'id',
  'createdAt',
  'channel',
  'requesterType',
  'topic',
  'status',
  'firstResponseAt',
  'resolvedAt',
  'rejectReason',
  'flags',
  'satisfaction',
] as const;

export const STATE_KEYS = [
  'requestId',
  'firstResponseDueAt',
  'resolutionDueAt',
  'pausedSince',
  'pausedMs',
  'clarifications',
  'escalations',
  'lastEscalatedAt',
  'supportWaitMs',
] as const;

/** Columns of a table by key, read in runs of adjacent columns; `cell(key, i)` is the i-th record's cell. */
export interface ColumnRead {
  count: number;
  cell(key: string, i: number): CellValue | undefined;
}

export function readColumns(table: Table, keys: readonly string[]): ColumnRead {
  const count = Math.max(0, table.lastRow - FIRST_DATA_ROW + 1);
  const positions = [...new Set(keys.map((k) => table.columns.get(k)).filter((c): c is number => c !== undefined))];
  positions.sort((a, b) => a - b);
  const blocks = new Map<number, { grid: CellValue[][]; offset: number }>();
  for (let i = 0; i < positions.length && count > 0; ) {
    let j = i + 1;
    while (j < positions.length && positions[j] === positions[j - 1] + 1) j++;
    const left = positions[i];
    const grid = table.sheet.getRange(FIRST_DATA_ROW, left, count, j - i).getValues() as CellValue[][];
    for (let k = i; k < j; k++) blocks.set(positions[k], { grid, offset: positions[k] - left });
    i = j;
  }
  return {
    count,
    cell(key, i) {
      const col = table.columns.get(key);
      const block = col === undefined ? undefined : blocks.get(col);
      return block?.grid[i]?.[block.offset];
    },
  };
}

/** A label → key reader that looks each distinct text up once (a log holds a handful of labels). */
function cachedChoice<K extends ChoiceListKey>(list: K): (cell: CellValue | undefined) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (cell) => {
    const key = text(cell);
    if (!cache.has(key)) cache.set(key, choiceOf(list, cell));
    return cache.get(key);
  };
}

const ETIQUETTE_LABELS = new Set([ru.flags.etiquette, en.flags.etiquette, 'etiquette'].map((s) => s.toLowerCase()));

function hasEtiquetteFlag(cell: CellValue | undefined): boolean {
  const flags = text(cell).trim();
  if (flags === '') return false;
  return flags.split(/[;\n]/).some((f) => ETIQUETTE_LABELS.has(f.trim().toLowerCase()));
}

const optional = (cell: CellValue | undefined): number | undefined => instantOfCell(cell);

/** Every request of the log with its bookkeeping; rows with neither an ID nor a creation time are skipped. */
export function readMetricRequests(hd: Helpdesk): MetricRequest[] {
  const log = readColumns(hd.table('requests', true), REQUEST_KEYS);
  const book = readColumns(hd.table('state', true), STATE_KEYS);
  const bookRow = new Map<string, number>();
  for (let i = 0; i < book.count; i++) {
    const id = text(book.cell('requestId', i)).trim();
    if (id !== '' && !bookRow.has(id)) bookRow.set(id, i);
  }
  const channel = cachedChoice('channel');
  const requesterType = cachedChoice('requesterType');
  const status = cachedChoice('status');
  const reason = cachedChoice('rejectReason');
  const satisfaction = cachedChoice('satisfaction');
  const etiquette = new Map<string, boolean>();
  const out: MetricRequest[] = [];
  for (let i = 0; i < log.count; i++) {
    const id = text(log.cell('id', i)).trim();
    const createdCell = log.cell('createdAt', i);
    if (id === '' && text(createdCell).trim() === '') continue;
    const b = bookRow.get(id);
    const s = (key: string) => (b === undefined ? undefined : book.cell(key, b));
    const flags = text(log.cell('flags', i));
    if (!etiquette.has(flags)) etiquette.set(flags, hasEtiquetteFlag(flags));
    const sat = satisfaction(log.cell('satisfaction', i));
    out.push({
      id,
      createdAt: instantOfCell(createdCell),
      channel: (channel(log.cell('channel', i)) ?? '') as MetricRequest['channel'],
      requesterType: (requesterType(log.cell('requesterType', i)) ?? '') as MetricRequest['requesterType'],
      topic: text(log.cell('topic', i)).trim(),
      status: (status(log.cell('status', i)) ?? '') as MetricRequest['status'],
      firstResponseAt: optional(log.cell('firstResponseAt', i)),
      resolvedAt: optional(log.cell('resolvedAt', i)),
      rejectReason: (reason(log.cell('rejectReason', i)) ?? '') as RejectReason | '',
      etiquette: etiquette.get(flags) === true,
      satisfaction: sat === 'helped' || sat === 'notHelped' ? sat : '',
      firstResponseDueAt: optional(s('firstResponseDueAt')),
      resolutionDueAt: optional(s('resolutionDueAt')),
      pausedSince: optional(s('pausedSince')),
      pausedMs: numberOfCell(s('pausedMs')),
      clarifications: numberOfCell(s('clarifications')),
      escalations: numberOfCell(s('escalations')),
      lastEscalatedAt: optional(s('lastEscalatedAt')),
      supportWaitMs: numberOfCell(s('supportWaitMs')),
    });
  }
  return out;
}

/** «Сотрудники» without who is who: active, start date, training date (a small sheet: one read). */
export function readMetricStaff(hd: Helpdesk): MetricStaff[] {
  const zone = hd.zone;
  return readRecords(hd.table('staff', true), ['startDate', 'trainingDone', 'active']).map(({ values }) => {
    const startDate = isoDateOfCell(values.startDate, zone);
    const trainingDone = isoDateOfCell(values.trainingDone, zone);
    return {
      active: values.active !== false,
      ...(startDate === undefined ? {} : { startDate }),
      ...(trainingDone === undefined ? {} : { trainingDone }),
    };
  });
}

/** «График»: each event's date and kind, and whether the director's approval covers it as it is now. */
export function readMetricEvents(hd: Helpdesk): MetricEvent[] {
  return readScheduleRows(hd.table('schedule', true), hd.zone).map(({ event }) => ({
    date: event.date,
    kind: event.kind,
    approved: isApproved(event),
  }));
}

/** The last run of every job of the plan. */
export function readMetricHeartbeats(): MetricHeartbeat[] {
  return TRIGGER_PLAN.map((spec) => {
    const last = readHeartbeat(spec.handler);
    return last ? { job: spec.handler, lastRun: last.getTime() } : { job: spec.handler };
  });
}
