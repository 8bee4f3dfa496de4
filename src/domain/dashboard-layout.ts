/**
 * «Панель» as a grid: the metrics placed into cells with their number formats, fonts and red/amber/green
 * fills, the period drop-down, and the native charts with the cells they draw from. Pure: the writer
 * (gas/dashboard-writer.ts) puts the grid on the sheet in one batch per property and the charts in place.
 *
 * Layout, chosen here: the figures and tables on the left (columns A–E); three charts to their right
 * (anchored in column G); the charts' data in fixed cells further right (from column Q), so each chart's
 * ranges start at the same cell whatever the period — the writer recognises its charts by that and updates
 * them in place. Long lists are cut (the overdue list, the topics), so the grid never outgrows the sheet.
 */
import { format } from '../locale/index';
import {
  detailTables,
  type FigureContext,
  keyFigures,
  momentText,
  overdueTable,
  periodText,
  type Rag,
  type TableCell,
  type ValueFormat,
} from './dashboard-figures';
import type { DashboardMetrics } from './metrics';
import { PERIOD_KINDS, type PeriodKind } from './metrics-period';

export interface LayoutCell {
  value: string | number;
  /** A Sheets number format: '@' keeps a text as typed (a topic that starts with "=" stays text). */
  numberFormat: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  background?: string;
}

/** A block of cells, 1-based. */
export interface GridRange {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export type ChartKey = 'volume' | 'compliance' | 'topics';

export interface ChartSpec {
  key: ChartKey;
  type: 'COLUMN' | 'LINE' | 'PIE';
  title: string;
  xTitle?: string;
  yTitle?: string;
  /** The data, the header row first (setNumHeaders(1)); the first range holds the labels. */
  ranges: GridRange[];
  anchor: { row: number; column: number };
  width: number;
  height: number;
  /** The values are fractions shown as percentages (0–100%). */
  percentAxis: boolean;
  colors: string[];
}

export interface DashboardLayout {
  /** rows × columns, every row as wide as the widest. */
  cells: LayoutCell[][];
  /** Pixel widths of columns 1…n. */
  columnWidths: number[];
  charts: ChartSpec[];
  /** The period drop-down: its cell and its choices (the labels, in PERIOD_KINDS order). */
  period: { row: number; column: number; choices: string[] };
}

export interface LayoutOptions extends FigureContext {
  periodKind: PeriodKind;
  /** Problems with the settings or the drop-down, shown on the sheet. */
  warnings: readonly string[];
}

export const RAG_COLORS: Readonly<Record<Rag, string>> = { green: '#b7e1cd', amber: '#fce8b2', red: '#f4c7c3' };
const HEADING_FILL = '#d9e1f2';
const HEADER_FILL = '#f1f3f4';
const NOTE_COLOR = '#5f6368';
const WARNING_COLOR = '#b31412';
const SERIES_COLORS = ['#4285f4', '#db4437', '#f4b400', '#0f9d58', '#ab47bc', '#00acc1', '#ff7043', '#9e9d24'];

/** The drop-down's cell: B2. */
export const PERIOD_CELL = { row: 2, column: 2 };
/** Where the charts' data lives: fixed, so a chart's ranges always start at the same cell. */
export const CHART_DATA = { headingRow: 1, headerRow: 2, weeksColumn: 17, topicsColumn: 22 };
const CHART_COLUMN = 7;
const CHART_ROWS = [2, 20, 38];
const CHART_SIZE = { width: 620, height: 340 };
export const OVERDUE_LIMIT = 40;
/** Slices of the topics pie; the rest is summed into one. */
const PIE_SLICES = 8;
const WIDTHS: Readonly<Record<number, number>> = {
  1: 300,
  2: 170,
  3: 120,
  4: 130,
  5: 330,
  6: 20,
  16: 20,
  17: 90,
  18: 110,
  19: 150,
  20: 150,
  21: 20,
  22: 220,
  23: 90,
};
const DEFAULT_WIDTH = 100;

const NUMBER_FORMATS: Readonly<Record<ValueFormat, string>> = {
  text: '@',
  integer: '0',
  percent: '0%',
  hours: '0.0',
};

const BLANK: LayoutCell = { value: '', numberFormat: '@' };

class Grid {
  private readonly rows: LayoutCell[][] = [];
  width = 0;

  put(row: number, column: number, cell: LayoutCell): void {
    while (this.rows.length < row) this.rows.push([]);
    const line = this.rows[row - 1];
    while (line.length < column) line.push(BLANK);
    line[column - 1] = cell;
    this.width = Math.max(this.width, column);
  }

  /** Cells side by side from (row, column). */
  putRow(row: number, column: number, cells: readonly LayoutCell[]): void {
    for (let i = 0; i < cells.length; i++) this.put(row, column + i, cells[i]);
  }

  dense(): LayoutCell[][] {
    return this.rows.map((line) => Array.from({ length: this.width }, (_, i) => line[i] ?? BLANK));
  }
}

const text = (value: string, extra: Partial<LayoutCell> = {}): LayoutCell => ({ value, numberFormat: '@', ...extra });

/** A value of the figures as a cell: percentages become fractions under a % format; none is a dash. */
function valueCell(value: string | number | null, fmt: ValueFormat, none: string, rag?: Rag): LayoutCell {
  const background = rag ? RAG_COLORS[rag] : undefined;
  const fill = background ? { background } : {};
  if (value === null) return text(none, fill);
  if (typeof value === 'string') return text(value, fill);
  const shown = fmt === 'percent' ? Math.round(value * 10) / 1000 : value;
  return { value: shown, numberFormat: NUMBER_FORMATS[fmt], ...fill };
}

function tableCell(c: TableCell, none: string): LayoutCell {
  return valueCell(c.value, c.format, none, c.rag);
}

export function dashboardLayout(m: DashboardMetrics, o: LayoutOptions): DashboardLayout {
  const t = o.texts;
  const grid = new Grid();
  const note = (s: string) => text(s, { fontColor: NOTE_COLOR, italic: true });

  // ---- the head: title, period, dates, as of, legend, warnings ----
  grid.put(1, 1, text(t.title, { bold: true, fontSize: 14 }));
  grid.put(PERIOD_CELL.row, 1, text(t.periodLabel, { bold: true }));
  grid.put(PERIOD_CELL.row, PERIOD_CELL.column, text(t.periods[o.periodKind], { bold: true, background: '#fff2cc' }));
  grid.put(PERIOD_CELL.row, 3, note(t.periodHelp));
  grid.put(3, 1, text(t.datesLabel, { bold: true }));
  grid.put(3, 2, text(periodText(m, o)));
  grid.put(4, 1, text(t.asOfLabel, { bold: true }));
  grid.put(4, 2, text(momentText(m.now, o.zone)));
  grid.put(5, 1, note(format(t.ragLegend, { green: o.thresholds.greenPct, amber: o.thresholds.amberPct })));
  let row = 6;
  const warnings = m.skipped > 0 ? [...o.warnings, format(t.skipped, { count: m.skipped })] : o.warnings;
  for (const w of warnings) grid.put(row++, 1, text(w, { fontColor: WARNING_COLOR, bold: true }));
  row++;

  // ---- the key figures ----
  const heading = (r: number, labels: string[]) =>
    grid.putRow(
      r,
      1,
      labels.map((label) => text(label, { bold: true, background: HEADING_FILL })),
    );
  heading(row++, [t.sections.key, t.columns.value, t.columns.target, t.columns.note]);
  for (const f of keyFigures(m, o)) {
    grid.put(row, 1, text(f.label));
    grid.put(row, 2, valueCell(f.format === 'text' ? f.text : f.value, f.format, t.values.none, f.rag));
    grid.put(row, 3, text(f.target));
    grid.put(row, 4, note(f.note));
    row++;
  }
  row++;

  // ---- the detail tables and the overdue list ----
  for (const table of [...detailTables(m, o), overdueTable(m, o, OVERDUE_LIMIT)]) {
    heading(row++, [table.heading, ...table.columns.slice(1).map(() => '')]);
    grid.putRow(
      row,
      1,
      table.columns.map((label) => text(label, { bold: true, background: HEADER_FILL })),
    );
    row++;
    for (const line of table.rows) {
      grid.putRow(
        row,
        1,
        line.map((c) => tableCell(c, t.values.none)),
      );
      row++;
    }
    if (table.rows.length === 0) grid.put(row++, 1, note(t.values.none));
    if (table.more > 0) grid.put(row++, 1, note(format(t.more, { count: table.more })));
    row++;
  }

  const charts = chartData(grid, m, o);
  return {
    cells: grid.dense(),
    columnWidths: Array.from({ length: grid.width }, (_, i) => WIDTHS[i + 1] ?? DEFAULT_WIDTH),
    charts,
    period: { ...PERIOD_CELL, choices: PERIOD_KINDS.map((k) => t.periods[k]) },
  };
}

/** The charts' data tables in their fixed cells, and the charts drawn from them. */
function chartData(grid: Grid, m: DashboardMetrics, o: LayoutOptions): ChartSpec[] {
  const t = o.texts;
  const c = t.tableColumns;
  const { headingRow, headerRow, weeksColumn: wc, topicsColumn: tc } = CHART_DATA;
  const header = (r: number, col: number, label: string) =>
    grid.put(r, col, text(label, { bold: true, background: HEADER_FILL }));
  grid.put(headingRow, wc, text(t.sections.chartData, { bold: true }));

  // Weeks: the Monday, received, first response and resolution in time (fractions; blank when none decided).
  const labels = [t.charts.week, c.received, c.firstResponse, c.resolution];
  for (let i = 0; i < labels.length; i++) header(headerRow, wc + i, labels[i]);
  const pct = (p: number | null): LayoutCell =>
    p === null ? BLANK : { value: Math.round(p * 10) / 1000, numberFormat: '0%' };
  m.volume.byWeek.forEach((w, i) => {
    const r = headerRow + 1 + i;
    grid.put(r, wc, text(`${w.weekStart.slice(8, 10)}.${w.weekStart.slice(5, 7)}`));
    grid.put(r, wc + 1, { value: w.received, numberFormat: '0' });
    grid.put(r, wc + 2, pct(w.firstResponse.pct));
    grid.put(r, wc + 3, pct(w.resolution.pct));
  });
  const weeks = Math.max(1, m.volume.byWeek.length);

  // Topics: the largest slices, the rest summed; a placeholder row when there is none, so the pie has data.
  header(headerRow, tc, c.topic);
  header(headerRow, tc + 1, c.count);
  const topics = m.volume.byTopic.map((k) => ({ label: k.key || t.unknown, count: k.count }));
  const slices =
    topics.length > PIE_SLICES
      ? [
          ...topics.slice(0, PIE_SLICES - 1),
          { label: t.charts.others, count: topics.slice(PIE_SLICES - 1).reduce((n, k) => n + k.count, 0) },
        ]
      : topics;
  const shown = slices.length > 0 ? slices : [{ label: t.values.none, count: 0 }];
  shown.forEach((s, i) => {
    grid.put(headerRow + 1 + i, tc, text(s.label));
    grid.put(headerRow + 1 + i, tc + 1, { value: s.count, numberFormat: '0' });
  });

  const block = (column: number, numColumns: number, rows: number): GridRange => ({
    row: headerRow,
    column,
    numRows: rows + 1,
    numColumns,
  });
  const at = (i: number) => ({ row: CHART_ROWS[i], column: CHART_COLUMN });
  return [
    {
      key: 'volume',
      type: 'COLUMN',
      title: t.charts.volume,
      xTitle: t.charts.week,
      yTitle: t.charts.requests,
      ranges: [block(wc, 2, weeks)],
      anchor: at(0),
      ...CHART_SIZE,
      percentAxis: false,
      colors: [SERIES_COLORS[0]],
    },
    {
      key: 'compliance',
      type: 'LINE',
      title: t.charts.compliance,
      xTitle: t.charts.week,
      yTitle: t.charts.percent,
      ranges: [block(wc, 1, weeks), block(wc + 2, 2, weeks)],
      anchor: at(1),
      ...CHART_SIZE,
      percentAxis: true,
      colors: [SERIES_COLORS[3], SERIES_COLORS[1]],
    },
    {
      key: 'topics',
      type: 'PIE',
      title: t.charts.topics,
      ranges: [block(tc, 2, shown.length)],
      anchor: at(2),
      ...CHART_SIZE,
      percentAxis: false,
      colors: SERIES_COLORS,
    },
  ];
}

/** The period a drop-down label names (either language); undefined for anything else, '' for blank. */
export function periodKindOfLabel(
  value: string,
  labels: ReadonlyArray<Readonly<Record<PeriodKind, string>>>,
): PeriodKind | undefined {
  const wanted = value.trim().toLowerCase();
  for (const kind of PERIOD_KINDS) {
    if (wanted === kind.toLowerCase() || labels.some((l) => l[kind].toLowerCase() === wanted)) return kind;
  }
  return undefined;
}

/** A chart's identity on the sheet: the top-left cell of each of its ranges ("2:17|2:19"). */
export function chartSignature(ranges: ReadonlyArray<Pick<GridRange, 'row' | 'column'>>): string {
  return ranges.map((r) => `${r.row}:${r.column}`).join('|');
}
