/**
 * Puts a dashboard layout (domain/dashboard-layout.ts) on «Панель»: the whole grid in one call per property
 * (number formats first, so a text stays text, then values, fills, fonts), the period drop-down, the column
 * widths on the first draw only (people may widen a column), and the charts — each found again by the cells
 * its data starts at and updated in place, so re-runs never pile charts up. The call count is the same
 * whatever the figures are: the grid's size is bounded by the layout. «Панель» is the script's drawing
 * (warning-protected): whatever else is on it — a typed note, a chart added by hand — goes at the next redraw.
 */
import { type ChartSpec, chartSignature, type DashboardLayout, type LayoutCell } from '../domain/dashboard-layout';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type ChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

export interface DashboardWriteReport {
  rows: number;
  columns: number;
  charts: { inserted: number; updated: number; removed: number };
}

const DEFAULT_COLOR = '#000000';
const DEFAULT_SIZE = 10;

/** The period cell as a person left it: what the drop-down shows now. */
export function readPeriodCell(sheet: Sheet, layoutCell: { row: number; column: number }): string {
  return String(sheet.getRange(layoutCell.row, layoutCell.column).getValue() ?? '');
}

export function writeDashboard(sheet: Sheet, layout: DashboardLayout, helpText: string): DashboardWriteReport {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  const firstDraw = lastRow === 0;
  const rows = Math.max(layout.cells.length, lastRow);
  const columns = Math.max(layout.cells[0]?.length ?? 0, lastColumn);
  // The previous drawing's cells beyond this one's are written blank in the same calls.
  const grid: LayoutCell[][] = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => layout.cells[r]?.[c] ?? { value: '', numberFormat: '@' }),
  );
  const map = <T>(f: (c: LayoutCell) => T): T[][] => grid.map((line) => line.map(f));
  const range = sheet.getRange(1, 1, rows, columns);
  range.setNumberFormats(map((c) => c.numberFormat));
  range.setValues(map((c) => c.value));
  range.setBackgrounds(map((c) => c.background ?? null) as string[][]);
  range.setFontWeights(map((c) => (c.bold ? 'bold' : 'normal')));
  range.setFontColors(map((c) => c.fontColor ?? DEFAULT_COLOR));
  range.setFontSizes(map((c) => c.fontSize ?? DEFAULT_SIZE));

  const { row, column, choices } = layout.period;
  sheet
    .getRange(row, column)
    .setDataValidation(
      SpreadsheetApp.newDataValidation()
        .requireValueInList(choices, true)
        .setAllowInvalid(false)
        .setHelpText(helpText)
        .build(),
    );
  if (firstDraw) setWidths(sheet, layout.columnWidths);
  return { rows, columns, charts: placeCharts(sheet, layout.charts) };
}

/** Adjacent columns of one width share a call. */
function setWidths(sheet: Sheet, widths: readonly number[]): void {
  for (let i = 0; i < widths.length; ) {
    let j = i + 1;
    while (j < widths.length && widths[j] === widths[i]) j++;
    sheet.setColumnWidths(i + 1, j - i, widths[i]);
    i = j;
  }
}

/**
 * The charts of the layout, each updated in place when a chart with its signature (where its ranges start)
 * is on the sheet, inserted otherwise; any other chart on «Панель» — a copy left by a run that died, one
 * whose ranges a person moved — is removed, so there is exactly one of each. An updated chart keeps the
 * position a person dragged it to.
 */
function placeCharts(sheet: Sheet, specs: readonly ChartSpec[]): DashboardWriteReport['charts'] {
  const pool = sheet.getCharts().map((chart) => ({
    chart,
    signature: chartSignature(chart.getRanges().map((r) => ({ row: r.getRow(), column: r.getColumn() }))),
  }));
  const out = { inserted: 0, updated: 0, removed: 0 };
  for (const spec of specs) {
    const at = pool.findIndex((p) => p.signature === chartSignature(spec.ranges));
    const old: EmbeddedChart | undefined = at >= 0 ? pool.splice(at, 1)[0].chart : undefined;
    const base: ChartBuilder = old
      ? old.modify().clearRanges()
      : sheet.newChart().setPosition(spec.anchor.row, spec.anchor.column, 0, 0);
    const chart = build(sheet, base, spec);
    if (old) {
      sheet.updateChart(chart);
      out.updated++;
    } else {
      sheet.insertChart(chart);
      out.inserted++;
    }
  }
  for (const p of pool) {
    sheet.removeChart(p.chart);
    out.removed++;
  }
  return out;
}

function build(sheet: Sheet, base: ChartBuilder, spec: ChartSpec): EmbeddedChart {
  for (const r of spec.ranges) base.addRange(sheet.getRange(r.row, r.column, r.numRows, r.numColumns));
  base.setNumHeaders(1).setOption('width', spec.width).setOption('height', spec.height);
  if (spec.type === 'PIE') {
    return base
      .asPieChart()
      .setTitle(spec.title)
      .setColors(spec.colors)
      .setLegendPosition(Charts.Position.RIGHT)
      .build();
  }
  const axes = spec.type === 'LINE' ? base.asLineChart() : base.asColumnChart();
  axes
    .setTitle(spec.title)
    .setColors(spec.colors)
    .setXAxisTitle(spec.xTitle ?? '')
    .setYAxisTitle(spec.yTitle ?? '')
    .setLegendPosition(spec.type === 'LINE' ? Charts.Position.BOTTOM : Charts.Position.NONE);
  if (spec.percentAxis) {
    axes.setOption('vAxis.format', 'percent').setOption('vAxis.viewWindow.min', 0).setOption('vAxis.viewWindow.max', 1);
  }
  return axes.build();
}
