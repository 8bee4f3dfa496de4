/**
 * «Календарь»: the production calendar the school can see and correct (CALENDAR_RU: prefilled 2025–2027,
 * 2027 provisional), plus the school's own rows (quarantine days off, six-day-week Saturdays).
 */
import { CHOICE_LISTS, sheetDef } from '../domain/schema';
import type { CalendarKind, CalendarRow } from '../domain/production-calendar';
import type { CalendarDayRow } from '../domain/working-calendar';
import { dateOf, instantOf } from '../domain/zoned-time';
import type { Messages } from '../locale/index';
import { en } from '../locale/en';
import { ru } from '../locale/ru';
import type { SheetSetupContext } from './sheet-setup';
import { type CellValue, isDateCell, readRecords, type Table, text } from './table';
import { ensureRoom, writeRecords } from './table-writer';

const CALENDAR = sheetDef('calendar');

function kindOf(label: string): CalendarKind | undefined {
  const v = label.trim().toLowerCase();
  return CHOICE_LISTS.calendarKind.find(
    (k) => v === k || v === ru.choices.calendarKind[k].toLowerCase() || v === en.choices.calendarKind[k].toLowerCase(),
  );
}

function isoDateOf(cell: CellValue | undefined, zone: string): string | undefined {
  if (isDateCell(cell)) return dateOf(cell.getTime(), zone);
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text(cell).trim());
  return m ? `${m[3]}-${m[2]}-${m[1]}` : undefined;
}

/** The sheet's rows as calendar days; a row with an unreadable date or kind is skipped, not guessed. */
export function readCalendarRows(table: Table, zone: string): CalendarDayRow[] {
  const out: CalendarDayRow[] = [];
  for (const { values } of readRecords(table, ['date', 'kind'])) {
    const date = isoDateOf(values.date, zone);
    const kind = kindOf(text(values.kind));
    if (date && kind) out.push({ date, kind });
  }
  return out;
}

/** Adds the production rows whose dates the sheet lacks (the school's own corrections stay as they are). */
export function ensureProductionRows(
  table: Table,
  rows: readonly CalendarRow[],
  msgs: Messages,
  zone: string,
  labels: Pick<SheetSetupContext, 'choiceLabels'>,
): number {
  const present = new Set(readCalendarRows(table, zone).map((r) => r.date));
  const missing = rows.filter((r) => !present.has(r.date));
  if (missing.length === 0) return 0;
  const first = ensureRoom(table, CALENDAR, missing.length, labels);
  writeRecords(
    table,
    first,
    missing.map((r) => ({
      date: new Date(instantOf(r.date, 0, zone)),
      kind: msgs.choices.calendarKind[r.kind],
      note: r.note,
      source: r.source,
      provisional: r.provisional,
    })),
    CALENDAR.columns,
  );
  return missing.length;
}
