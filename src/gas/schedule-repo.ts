/**
 * «График» read and written by column key. The schedule is small (a school year is a few hundred rows), so
 * it is read whole in one call; writes touch only the cells they mean, in blocks of consecutive rows, and
 * never the approval columns unless approving (those are protected for the director and the owner).
 */
import { isPlausibleEmail, normalizeEmail } from '../domain/contacts';
import type { StaffMember } from '../domain/roles';
import type { Audience, RowEvent, ScheduleEvent, ScheduleKind } from '../domain/schedule';
import { parseTimeOfDay } from '../domain/settings-catalog';
import { instantOf, wallClockOf } from '../domain/zoned-time';
import type { Messages } from '../locale/index';
import type { Helpdesk } from './helpdesk';
import { type CellChange, choiceOf, isoDateOfCell, writeChangedCells } from './sla-repo';
import { type CellValue, isDateCell, type RecordOf, readRecords, type Table, text } from './table';

/** The columns an approval writes; protected so that only the director and the owner can edit them. */
export const APPROVAL_KEYS = ['approvedBy', 'approvedAt', 'approvedFingerprint'] as const;

export const SCHEDULE_KEYS = [
  'date',
  'start',
  'end',
  'kind',
  'audience',
  'topic',
  'place',
  'consultant',
  ...APPROVAL_KEYS,
  'notes',
  'eventId',
] as const;

/**
 * A time cell is a date-time on 30.12.1899 in the spreadsheet's zone, whose offset then was local mean
 * time with seconds (Yekaterinburg +4:02:33): the wall clock is read with seconds and rounded to a minute.
 */
export function minutesOfCell(cell: CellValue | undefined, zone: string): number {
  if (isDateCell(cell)) {
    const w = wallClockOf(cell.getTime(), zone);
    return Math.round((w.hour * 3600 + w.minute * 60 + w.second) / 60) % 1440;
  }
  return parseTimeOfDay(text(cell)) ?? Number.NaN;
}

/** One row's cells as an event; what cannot be read stays '' or NaN (and the event is never approvable). */
export function eventOfRecord(v: RecordOf, zone: string): ScheduleEvent {
  return {
    date: isoDateOfCell(v.date, zone) ?? '',
    startMin: minutesOfCell(v.start, zone),
    endMin: minutesOfCell(v.end, zone),
    kind: (choiceOf('scheduleKind', v.kind) ?? '') as ScheduleKind | '',
    audience: (choiceOf('audience', v.audience) ?? '') as Audience | '',
    topic: text(v.topic),
    place: text(v.place),
    consultant: text(v.consultant),
    approvedBy: text(v.approvedBy).trim(),
    approvedAt: isDateCell(v.approvedAt) ? v.approvedAt.getTime() : undefined,
    approvedFingerprint: text(v.approvedFingerprint).trim(),
    notes: text(v.notes),
    eventId: text(v.eventId).trim(),
  };
}

/** Every event of the schedule with its row, in one read. */
export function readScheduleRows(table: Table, zone: string): RowEvent[] {
  return readRecords(table, SCHEDULE_KEYS).map(({ row, values }) => ({ row, event: eventOfRecord(values, zone) }));
}

/** The cells of a new event as a person would type them: labels of the school's language, times as «ЧЧ:ММ». */
export function cellsOfNewEvent(e: ScheduleEvent, msgs: Messages, zone: string): Record<string, CellValue> {
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return {
    date: new Date(instantOf(e.date, 0, zone)),
    // A string is read as typed input (Range#setValues), so «15:00» becomes a time in an hh:mm column.
    start: hhmm(e.startMin),
    end: hhmm(e.endMin),
    kind: e.kind ? msgs.choices.scheduleKind[e.kind] : '',
    audience: e.audience ? msgs.choices.audience[e.audience] : '',
    topic: e.topic,
    place: e.place,
    consultant: e.consultant,
    notes: e.notes,
    eventId: e.eventId,
  };
}

/** Writes cell changes in blocks (see writeChangedCells); returns the calls made. */
export function writeScheduleCells(table: Table, changes: readonly CellChange[]): number {
  return writeChangedCells(table, changes);
}

/** The approval cells of a row, cleared. */
export function clearedApproval(row: number): CellChange {
  return { row, values: { approvedBy: '', approvedAt: '', approvedFingerprint: '' } };
}

/**
 * The director's addresses: the setting «Почта директора» and every active staff member with the role
 * director, each once (the protection of the approval columns and the approval check use them).
 */
export function directorAddresses(hd: Helpdesk): string[] {
  return directorsOf(hd.settings(), hd.staff());
}

export function directorsOf(settings: ReadonlyMap<string, string>, staff: readonly StaffMember[]): string[] {
  const out: string[] = [];
  const add = (email: string) => {
    if (isPlausibleEmail(email) && !out.some((e) => normalizeEmail(e) === normalizeEmail(email)))
      out.push(email.trim());
  };
  add(settings.get('director.email') ?? '');
  for (const m of staff) if (m.active && m.role === 'director') add(m.email);
  return out;
}

/** Whether `email` is one of the directors. */
export function isDirector(hd: Helpdesk, email: string): boolean {
  const who = normalizeEmail(email);
  return who !== '' && directorAddresses(hd).some((d) => normalizeEmail(d) === who);
}
