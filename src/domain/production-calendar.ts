/**
 * The Russian production calendar 2025–2027 as data for the «Календарь» sheet. Only the days that differ
 * from a Monday–Friday week are listed: days off on weekdays, working weekend days, shortened days.
 * Holidays that fall on a weekend need no row (their moves are rows of their own).
 * Sources: Labour Code art. 112 (holidays; a weekend holiday moves to the next working day, the January
 * ones by decree), art. 95 (the working day before a holiday is one hour shorter), and the yearly decrees.
 * No npm package has correct data for these years, so the table lives here and the school can edit it.
 */

export type CalendarKind = 'holiday' | 'workday' | 'short';

export interface CalendarRow {
  date: string;
  /** holiday: a day off; workday: a working day of full length; short: a working day one hour shorter. */
  kind: CalendarKind;
  note: string;
  source: string;
  provisional: boolean;
}

const ART_112 = 'ТК РФ, ст. 112';
const ART_95 = 'ТК РФ, ст. 95';
/** Decree No. 1335 of 04.10.2024 «О переносе выходных дней в 2025 году». */
const DECREE_2025 = 'Постановление Правительства РФ от 04.10.2024 № 1335';
/** Decree No. 1466 of 24.09.2025 «О переносе выходных дней в 2026 году». */
const DECREE_2026 = 'Постановление Правительства РФ от 24.09.2025 № 1466';
/** No signed decree for 2027 yet: the rows follow earlier years with the same weekdays. */
const DRAFT_2027 = 'Проект: по аналогии с годами с тем же расположением дней недели; постановление не подписано';

const NEW_YEAR = 'Новогодние каникулы';
const CHRISTMAS = 'Рождество Христово';
const DEFENDER = 'День защитника Отечества';
const WOMEN = 'Международный женский день';
const LABOUR = 'Праздник Весны и Труда';
const VICTORY = 'День Победы';
const RUSSIA = 'День России';
const UNITY = 'День народного единства';
const PRE_HOLIDAY = 'Предпраздничный день, на час короче';

/** [MM-DD, kind, note, source] */
type Entry = readonly [string, CalendarKind, string, string];

interface YearTable {
  year: number;
  provisional: boolean;
  entries: readonly Entry[];
}

const newYearWeekdays = (days: readonly string[], source: string): Entry[] =>
  days.map((md) => [md, 'holiday', md === '01-07' ? CHRISTMAS : NEW_YEAR, source] as const);

// 2025 (Wednesday 1 Jan). 261 weekdays − 15 weekdays off + 1 working Saturday = 247 working days.
const Y2025: YearTable = {
  year: 2025,
  provisional: false,
  entries: [
    ...newYearWeekdays(['01-01', '01-02', '01-03', '01-06', '01-07', '01-08'], ART_112),
    ['03-07', 'short', PRE_HOLIDAY, ART_95],
    ['04-30', 'short', PRE_HOLIDAY, ART_95],
    ['05-01', 'holiday', LABOUR, ART_112],
    ['05-02', 'holiday', 'Перенос с субботы 4 января', DECREE_2025],
    ['05-08', 'holiday', 'Перенос с воскресенья 23 февраля', DECREE_2025],
    ['05-09', 'holiday', VICTORY, ART_112],
    ['06-11', 'short', PRE_HOLIDAY, ART_95],
    ['06-12', 'holiday', RUSSIA, ART_112],
    ['06-13', 'holiday', 'Перенос с субботы 8 марта', DECREE_2025],
    ['11-01', 'short', 'Рабочая суббота, на час короче (отдых перенесён на 3 ноября)', DECREE_2025],
    ['11-03', 'holiday', 'Перенос с субботы 1 ноября', DECREE_2025],
    ['11-04', 'holiday', UNITY, ART_112],
    ['12-31', 'holiday', 'Перенос с воскресенья 5 января', DECREE_2025],
  ],
};

// 2026 (Thursday 1 Jan). 261 weekdays − 14 weekdays off = 247 working days.
const Y2026: YearTable = {
  year: 2026,
  provisional: false,
  entries: [
    ...newYearWeekdays(['01-01', '01-02', '01-05', '01-06', '01-07', '01-08'], ART_112),
    ['01-09', 'holiday', 'Перенос с субботы 3 января', DECREE_2026],
    ['02-23', 'holiday', DEFENDER, ART_112],
    ['03-09', 'holiday', 'Перенос с воскресенья 8 марта', ART_112],
    ['04-30', 'short', PRE_HOLIDAY, ART_95],
    ['05-01', 'holiday', LABOUR, ART_112],
    ['05-08', 'short', PRE_HOLIDAY, ART_95],
    ['05-11', 'holiday', 'Перенос с субботы 9 мая', ART_112],
    ['06-11', 'short', PRE_HOLIDAY, ART_95],
    ['06-12', 'holiday', RUSSIA, ART_112],
    ['11-03', 'short', PRE_HOLIDAY, ART_95],
    ['11-04', 'holiday', UNITY, ART_112],
    ['12-31', 'holiday', 'Перенос с воскресенья 4 января', DECREE_2026],
  ],
};

// 2027 (Friday 1 Jan), provisional. 261 weekdays − 15 weekdays off + 1 working Saturday = 247.
const Y2027: YearTable = {
  year: 2027,
  provisional: true,
  entries: [
    ...newYearWeekdays(['01-01', '01-04', '01-05', '01-06', '01-07', '01-08'], ART_112),
    ['02-20', 'short', 'Рабочая суббота, на час короче (отдых перенесён на 22 февраля)', DRAFT_2027],
    ['02-22', 'holiday', 'Перенос с субботы 20 февраля', DRAFT_2027],
    ['02-23', 'holiday', DEFENDER, ART_112],
    ['03-08', 'holiday', WOMEN, ART_112],
    ['04-30', 'short', PRE_HOLIDAY, ART_95],
    ['05-03', 'holiday', 'Перенос с субботы 1 мая', ART_112],
    ['05-10', 'holiday', 'Перенос с воскресенья 9 мая', ART_112],
    ['06-11', 'short', PRE_HOLIDAY, ART_95],
    ['06-14', 'holiday', 'Перенос с субботы 12 июня', ART_112],
    ['11-03', 'short', PRE_HOLIDAY, ART_95],
    ['11-04', 'holiday', UNITY, ART_112],
    ['11-05', 'holiday', 'Перенос с субботы 2 января', DRAFT_2027],
    ['12-31', 'holiday', 'Перенос с воскресенья 3 января', DRAFT_2027],
  ],
};

const TABLES: readonly YearTable[] = [Y2025, Y2026, Y2027];

/** Years the table covers; outside them only Saturdays and Sundays are days off. */
export const PRODUCTION_YEARS: readonly number[] = TABLES.map((t) => t.year);

function rowsOf(table: YearTable): CalendarRow[] {
  return table.entries.map(([md, kind, note, source]) => ({
    date: `${table.year}-${md}`,
    kind,
    note,
    source,
    provisional: table.provisional,
  }));
}

/** The rows to write into «Календарь», in date order. */
export function productionCalendarRows(): CalendarRow[] {
  return TABLES.flatMap(rowsOf).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
