/**
 * Embedded charts (reference/spreadsheet/embedded-chart-builder, embedded-chart, container-info,
 * reference/charts/chart-type, reference/charts/chart-options): Sheet.newChart() builds a chart, insertChart /
 * updateChart / removeChart keep it in the sheet's model (a list per sheet, so charts outlive executions) and
 * getCharts() reads snapshots back. A chart's data ranges and its anchor cell follow inserted and deleted rows
 * and columns as other stored ranges do. Nothing is drawn: `chartsOf` hands tests (and a later dashboard
 * renderer) plain records. The exceljs export does not carry charts (exceljs cannot write them).
 *
 * setOption stores an option under the name given (getOptions().get(name) reads it back, as
 * reference/charts/chart-options documents). The typed setters store Google Charts' option names (the
 * reference does not say which names they write; these are the Charts options they stand for): setTitle →
 * 'title', setXAxisTitle → 'hAxis.title', setYAxisTitle → 'vAxis.title', setLegendPosition → 'legend.position'
 * (lower-case position name), setColors → 'colors', setStacked → 'isStacked', set3D → 'is3D',
 * setBackgroundColor → 'backgroundColor'.
 */
import { type Execution, GasObject, type Runtime, unwrap } from '../../runtime';
import { rectA1 } from './a1';
import { sheetModel } from './api';
import { ctxOf, ENUMS, enumName, type GasEnum, realmList, signatureError } from './context';
import { MSG, type RangeRef, type SheetModel, type SpreadsheetModel } from './model';
import { blocks } from './protection';
import { RangeImpl } from './range';

/** Charts.ChartType (reference/charts/chart-type). */
const CHART_TYPES = [
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
] as const;

ENUMS.ChartType = CHART_TYPES;
/** Charts.Position: legend positions (reference/charts/position). */
ENUMS.Position = ['TOP', 'RIGHT', 'BOTTOM', 'NONE'];
/** reference/charts/chart-hidden-dimension-strategy, chart-merge-strategy. */
ENUMS.ChartHiddenDimensionStrategy = ['IGNORE_BOTH', 'IGNORE_ROWS', 'IGNORE_COLUMNS', 'SHOW_BOTH'];
ENUMS.ChartMergeStrategy = ['MERGE_COLUMNS', 'MERGE_ROWS'];

/**
 * Apps Script's wording for these refusals was not found in the reference; the emulator refuses them
 * (rather than guessing that Sheets accepts them) so product code cannot rely on them.
 */
export const CHART_MSG = {
  noRanges: 'The chart has no data ranges. Add one with EmbeddedChartBuilder.addRange before inserting it.',
  noType: 'The chart has no chart type. Set one with EmbeddedChartBuilder.setChartType or asColumnChart() etc.',
  otherSpreadsheet: 'A chart can only show ranges of the spreadsheet it is inserted into.',
  notOnSheet: 'The chart does not exist on this sheet.',
};

/** One chart as the sheet keeps it (and as builders and EmbeddedChart snapshots carry it). */
export interface ChartModel {
  /** null until the chart is inserted (reference/spreadsheet/embedded-chart#getchartid). */
  id: number | null;
  /** A Charts.ChartType name; null while a fresh builder has none. */
  type: string | null;
  ranges: RangeRef[];
  /** JSON values under the option names they were set with ('title', 'hAxis.title', 'legend.position'). */
  options: Record<string, unknown>;
  /** The anchor cell on the chart's sheet (reference/spreadsheet/container-info). */
  anchor: RangeRef;
  offsetX: number;
  offsetY: number;
  /** setNumHeaders; null when never set (Sheets then guesses the headers). */
  numHeaders: number | null;
  mergeStrategy: string;
  hiddenDimensionStrategy: string;
  transpose: boolean;
}

function emptyChart(sheet: SheetModel): ChartModel {
  return {
    id: null,
    type: null,
    ranges: [],
    options: {},
    anchor: { sheet, r1: 1, c1: 1, r2: 1, c2: 1 },
    offsetX: 0,
    offsetY: 0,
    numHeaders: null,
    mergeStrategy: 'MERGE_COLUMNS',
    hiddenDimensionStrategy: 'IGNORE_BOTH',
    transpose: false,
  };
}

function cloneChart(c: ChartModel): ChartModel {
  return {
    ...c,
    ranges: c.ranges.map((r) => ({ ...r })),
    options: jsonCopy(c.options) as Record<string, unknown>,
    anchor: { ...c.anchor },
  };
}

/** A script value as host JSON (realm arrays and objects copied; functions and undefined become null). */
function jsonCopy(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? null : (JSON.parse(text) as unknown);
}

function intArg(v: unknown, args: unknown[], method: string): number {
  const n = typeof v === 'number' ? v : Number(v);
  if (v === null || v === undefined || v === '' || typeof v === 'boolean' || !Number.isFinite(n))
    throw signatureError(args, `SpreadsheetApp.${method}`);
  return Math.trunc(n);
}

function enumArg(v: unknown, type: string, method: string): string {
  const name = enumName(v);
  if (name === undefined || !ENUMS[type].includes(name)) throw signatureError([v], `SpreadsheetApp.${method}`);
  return name;
}

function sameRange(a: RangeRef, b: RangeRef): boolean {
  return a.sheet === b.sheet && a.r1 === b.r1 && a.c1 === b.c1 && a.r2 === b.r2 && a.c2 === b.c2;
}

function rangeArg(range: unknown, method: string): RangeRef {
  const host = range !== null && typeof range === 'object' ? unwrap(range) : undefined;
  if (!(host instanceof RangeImpl)) throw signatureError([range], `SpreadsheetApp.${method}`);
  return host._ref();
}

function rangeImpl(exec: Execution, r: RangeRef): RangeImpl {
  return new RangeImpl(exec, r.sheet, r.r1, r.c1, r.r2 - r.r1 + 1, r.c2 - r.c1 + 1);
}

/** A JSON value for the script: objects and arrays rebuilt in the script's realm. */
function toRealm(exec: Execution, value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const realmJson = exec.realm.global.JSON as JSON;
  return realmJson.parse(JSON.stringify(value));
}

/** An option by its name, or by a dotted path into an object option ('hAxis.title' of setOption('hAxis', {...})). */
function lookupOption(options: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(options, name)) return options[name];
  const parts = name.split('.');
  for (let i = parts.length - 1; i >= 1; i--) {
    const head = parts.slice(0, i).join('.');
    if (!Object.hasOwn(options, head)) continue;
    let v: unknown = options[head];
    for (const p of parts.slice(i)) {
      if (v === null || typeof v !== 'object' || !Object.hasOwn(v, p)) return null;
      v = (v as Record<string, unknown>)[p];
    }
    return v;
  }
  return null;
}

// ---- value objects ----

export class ContainerInfoImpl extends GasObject {
  readonly _gasClass = 'ContainerInfo';

  constructor(
    exec: Execution,
    readonly _chart: ChartModel,
  ) {
    super(exec);
  }

  getAnchorColumn(): number {
    return this._chart.anchor.c1;
  }

  getAnchorRow(): number {
    return this._chart.anchor.r1;
  }

  getOffsetX(): number {
    return this._chart.offsetX;
  }

  getOffsetY(): number {
    return this._chart.offsetY;
  }
}

export class ChartOptionsImpl extends GasObject {
  readonly _gasClass = 'ChartOptions';

  constructor(
    exec: Execution,
    readonly _options: Record<string, unknown>,
  ) {
    super(exec);
  }

  /** The value set for the option, or null (reference/charts/chart-options#getoption). */
  get(option: string): unknown {
    return toRealm(this._exec, lookupOption(this._options, String(option)));
  }
}

export class EmbeddedChartImpl extends GasObject {
  readonly _gasClass = 'EmbeddedChart';

  /** `_chart` is this object's own snapshot; `_sheet` the sheet it belongs to (or was built for). */
  constructor(
    exec: Execution,
    readonly _sheet: SheetModel,
    readonly _chart: ChartModel,
  ) {
    super(exec);
  }

  asDataSourceChart(): null {
    return null;
  }

  getChartId(): number | null {
    return this._chart.id;
  }

  getContainerInfo(): ContainerInfoImpl {
    return new ContainerInfoImpl(this._exec, this._chart);
  }

  getHiddenDimensionStrategy(): GasEnum {
    return ctxOf(this._exec).enumValue('ChartHiddenDimensionStrategy', this._chart.hiddenDimensionStrategy);
  }

  getMergeStrategy(): GasEnum {
    return ctxOf(this._exec).enumValue('ChartMergeStrategy', this._chart.mergeStrategy);
  }

  /** -1 when setNumHeaders was never called (the emulator does not guess headers as Sheets does). */
  getNumHeaders(): number {
    return this._chart.numHeaders ?? -1;
  }

  getOptions(): ChartOptionsImpl {
    return new ChartOptionsImpl(this._exec, jsonCopy(this._chart.options) as Record<string, unknown>);
  }

  getRanges(): RangeImpl[] {
    return realmList(
      this._exec,
      this._chart.ranges.map((r) => rangeImpl(this._exec, r)),
    );
  }

  getTransposeRowsAndColumns(): boolean {
    return this._chart.transpose;
  }

  /** A builder prefilled from this chart; Sheet.updateChart saves what it builds. */
  modify(): EmbeddedChartBuilderImpl {
    return new EmbeddedChartBuilderImpl(this._exec, this._sheet, cloneChart(this._chart));
  }
}

// ---- builders ----

export class EmbeddedChartBuilderImpl extends GasObject {
  readonly _gasClass: string = 'EmbeddedChartBuilder';

  /** Typed builders (asColumnChart()...) share `_draft` with the builder they came from. */
  constructor(
    exec: Execution,
    readonly _sheet: SheetModel,
    readonly _draft: ChartModel,
  ) {
    super(exec);
  }

  protected _m(method: string): string {
    return `${this._gasClass}.${method}`;
  }

  /** A range already in the chart is not added again (reference/spreadsheet/embedded-chart-builder#addrangerange). */
  addRange(range: unknown): this {
    const ref = rangeArg(range, this._m('addRange'));
    if (!this._draft.ranges.some((r) => sameRange(r, ref))) this._draft.ranges.push(ref);
    return this;
  }

  removeRange(range: unknown): this {
    const ref = rangeArg(range, this._m('removeRange'));
    this._draft.ranges = this._draft.ranges.filter((r) => !sameRange(r, ref));
    return this;
  }

  clearRanges(): this {
    this._draft.ranges = [];
    return this;
  }

  /** A copy of the list of ranges (reference/spreadsheet/embedded-chart-builder#getranges). */
  getRanges(): RangeImpl[] {
    return realmList(
      this._exec,
      this._draft.ranges.map((r) => rangeImpl(this._exec, r)),
    );
  }

  setChartType(type: unknown): EmbeddedChartBuilderImpl {
    this._draft.type = enumArg(type, 'ChartType', this._m('setChartType'));
    return this;
  }

  getChartType(): GasEnum | null {
    return this._draft.type === null ? null : ctxOf(this._exec).enumValue('ChartType', this._draft.type);
  }

  asAreaChart(): EmbeddedAreaChartBuilderImpl {
    this._draft.type = 'AREA';
    return new EmbeddedAreaChartBuilderImpl(this._exec, this._sheet, this._draft);
  }

  asBarChart(): EmbeddedBarChartBuilderImpl {
    this._draft.type = 'BAR';
    return new EmbeddedBarChartBuilderImpl(this._exec, this._sheet, this._draft);
  }

  asColumnChart(): EmbeddedColumnChartBuilderImpl {
    this._draft.type = 'COLUMN';
    return new EmbeddedColumnChartBuilderImpl(this._exec, this._sheet, this._draft);
  }

  asLineChart(): EmbeddedLineChartBuilderImpl {
    this._draft.type = 'LINE';
    return new EmbeddedLineChartBuilderImpl(this._exec, this._sheet, this._draft);
  }

  asPieChart(): EmbeddedPieChartBuilderImpl {
    this._draft.type = 'PIE';
    return new EmbeddedPieChartBuilderImpl(this._exec, this._sheet, this._draft);
  }

  setOption(option: unknown, value: unknown): this {
    if (typeof option !== 'string') throw signatureError([option, value], `SpreadsheetApp.${this._m('setOption')}`);
    this._draft.options[option] = jsonCopy(value);
    return this;
  }

  setPosition(anchorRowPos: unknown, anchorColPos: unknown, offsetX: unknown, offsetY: unknown): this {
    const args = [anchorRowPos, anchorColPos, offsetX, offsetY];
    const m = this._m('setPosition');
    const r = intArg(anchorRowPos, args, m);
    const c = intArg(anchorColPos, args, m);
    this._draft.anchor = { sheet: this._sheet, r1: r, c1: c, r2: r, c2: c };
    this._draft.offsetX = intArg(offsetX, args, m);
    this._draft.offsetY = intArg(offsetY, args, m);
    return this;
  }

  getContainer(): ContainerInfoImpl {
    return new ContainerInfoImpl(this._exec, cloneChart(this._draft));
  }

  setNumHeaders(headers: unknown): this {
    this._draft.numHeaders = intArg(headers, [headers], this._m('setNumHeaders'));
    return this;
  }

  setMergeStrategy(mergeStrategy: unknown): this {
    this._draft.mergeStrategy = enumArg(mergeStrategy, 'ChartMergeStrategy', this._m('setMergeStrategy'));
    return this;
  }

  setHiddenDimensionStrategy(strategy: unknown): this {
    this._draft.hiddenDimensionStrategy = enumArg(
      strategy,
      'ChartHiddenDimensionStrategy',
      this._m('setHiddenDimensionStrategy'),
    );
    return this;
  }

  setTransposeRowsAndColumns(transpose: unknown): this {
    this._draft.transpose = transpose === true;
    return this;
  }

  /** Builds the chart; it is not drawn until Sheet.insertChart/updateChart (reference/spreadsheet/embedded-chart-builder#build). */
  build(): EmbeddedChartImpl {
    return new EmbeddedChartImpl(this._exec, this._sheet, cloneChart(this._draft));
  }
}

/** Setters every typed builder the dashboard uses has (column, bar, line, area, pie). */
class TitledChartBuilder extends EmbeddedChartBuilderImpl {
  setTitle(chartTitle: unknown): this {
    this._draft.options.title = String(chartTitle);
    return this;
  }

  setBackgroundColor(cssValue: unknown): this {
    this._draft.options.backgroundColor = String(cssValue);
    return this;
  }

  setColors(cssValues: unknown): this {
    if (!Array.isArray(cssValues)) throw signatureError([cssValues], `SpreadsheetApp.${this._m('setColors')}`);
    this._draft.options.colors = cssValues.map(String);
    return this;
  }

  setLegendPosition(position: unknown): this {
    this._draft.options['legend.position'] = enumArg(position, 'Position', this._m('setLegendPosition')).toLowerCase();
    return this;
  }
}

class AxisChartBuilder extends TitledChartBuilder {
  setXAxisTitle(title: unknown): this {
    this._draft.options['hAxis.title'] = String(title);
    return this;
  }

  setYAxisTitle(title: unknown): this {
    this._draft.options['vAxis.title'] = String(title);
    return this;
  }
}

class StackableChartBuilder extends AxisChartBuilder {
  setStacked(): this {
    this._draft.options.isStacked = true;
    return this;
  }
}

export class EmbeddedColumnChartBuilderImpl extends StackableChartBuilder {
  override readonly _gasClass: string = 'EmbeddedColumnChartBuilder';
}

export class EmbeddedBarChartBuilderImpl extends StackableChartBuilder {
  override readonly _gasClass: string = 'EmbeddedBarChartBuilder';
}

export class EmbeddedAreaChartBuilderImpl extends StackableChartBuilder {
  override readonly _gasClass: string = 'EmbeddedAreaChartBuilder';
}

export class EmbeddedLineChartBuilderImpl extends AxisChartBuilder {
  override readonly _gasClass: string = 'EmbeddedLineChartBuilder';
}

export class EmbeddedPieChartBuilderImpl extends TitledChartBuilder {
  override readonly _gasClass: string = 'EmbeddedPieChartBuilder';

  set3D(): this {
    this._draft.options.is3D = true;
    return this;
  }
}

// ---- the Charts global ----

/** The `Charts` global's enums (reference/charts/charts); the Charts service's own builders are not modelled. */
export class ChartsImpl extends GasObject {
  readonly _gasClass = 'Charts';
  readonly ChartType: Record<string, GasEnum>;
  readonly Position: Record<string, GasEnum>;
  readonly ChartHiddenDimensionStrategy: Record<string, GasEnum>;
  readonly ChartMergeStrategy: Record<string, GasEnum>;

  constructor(exec: Execution) {
    super(exec);
    const ctx = ctxOf(exec);
    this.ChartType = ctx.enumObject('ChartType');
    this.Position = ctx.enumObject('Position');
    this.ChartHiddenDimensionStrategy = ctx.enumObject('ChartHiddenDimensionStrategy');
    this.ChartMergeStrategy = ctx.enumObject('ChartMergeStrategy');
  }
}

export function chartsGlobals(exec: Execution): Record<string, unknown> {
  return { Charts: new ChartsImpl(exec)._wrapped() };
}

// ---- Sheet's chart methods (sheet.ts delegates here) ----

/** Inserting, updating and removing a chart needs edit access and no sheet protection against the user. */
function assertCanPlaceChart(user: string, sheet: SheetModel): void {
  const ss = sheet.parent;
  const access = ss.access(user);
  if (access === null) throw new Error(MSG.noAccess);
  if (access === 'viewer') throw new Error(MSG.protectedCell);
  if (ss.protections.some((p) => p.sheet === sheet && p.type === 'SHEET' && blocks(p, user)))
    throw new Error(MSG.protectedCell);
}

function chartArg(chart: unknown, method: string): EmbeddedChartImpl {
  const host = chart !== null && typeof chart === 'object' ? unwrap(chart) : undefined;
  if (!(host instanceof EmbeddedChartImpl)) throw signatureError([chart], `SpreadsheetApp.Sheet.${method}`);
  return host;
}

/** The chart as it will be stored on `sheet`, checked. */
function placed(sheet: SheetModel, chart: ChartModel): ChartModel {
  if (chart.type === null) throw new Error(CHART_MSG.noType);
  if (chart.ranges.length === 0) throw new Error(CHART_MSG.noRanges);
  if (chart.ranges.some((r) => r.sheet.parent !== sheet.parent || r.sheet.deleted))
    throw new Error(CHART_MSG.otherSpreadsheet);
  const a = chart.anchor;
  if (a.r1 < 1 || a.c1 < 1 || a.r1 > sheet.maxRows || a.c1 > sheet.maxCols) throw new Error(MSG.outside);
  const copy = cloneChart(chart);
  copy.anchor.sheet = sheet;
  return copy;
}

function newChartId(ss: SpreadsheetModel): number {
  const taken = new Set(ss.sheets.flatMap((s) => s.charts.map((c) => c.id)));
  let id = ss.store.nextSheetId();
  while (taken.has(id)) id = ss.store.nextSheetId();
  return id;
}

function storedIndex(sheet: SheetModel, chart: EmbeddedChartImpl): number {
  const id = chart._chart.id;
  const i = id === null ? -1 : sheet.charts.findIndex((c) => c.id === id);
  if (i < 0) throw new Error(CHART_MSG.notOnSheet);
  return i;
}

export function newChartBuilder(exec: Execution, sheet: SheetModel): EmbeddedChartBuilderImpl {
  return new EmbeddedChartBuilderImpl(exec, sheet, emptyChart(sheet));
}

/** Stores a copy with a new id; the chart object passed keeps getChartId() null (use getCharts() to find it). */
export function insertChart(exec: Execution, sheet: SheetModel, chart: unknown): void {
  const host = chartArg(chart, 'insertChart');
  assertCanPlaceChart(exec.effectiveUser, sheet);
  const stored = placed(sheet, host._chart);
  stored.id = newChartId(sheet.parent);
  sheet.charts.push(stored);
}

export function updateChart(exec: Execution, sheet: SheetModel, chart: unknown): void {
  const host = chartArg(chart, 'updateChart');
  assertCanPlaceChart(exec.effectiveUser, sheet);
  const i = storedIndex(sheet, host);
  const stored = placed(sheet, host._chart);
  stored.id = sheet.charts[i].id;
  sheet.charts[i] = stored;
}

export function removeChart(exec: Execution, sheet: SheetModel, chart: unknown): void {
  const host = chartArg(chart, 'removeChart');
  assertCanPlaceChart(exec.effectiveUser, sheet);
  sheet.charts.splice(storedIndex(sheet, host), 1);
}

export function getCharts(exec: Execution, sheet: SheetModel): EmbeddedChartImpl[] {
  return realmList(
    exec,
    sheet.charts.map((c) => new EmbeddedChartImpl(exec, sheet, cloneChart(c))),
  );
}

// ---- host helper ----

export interface ChartRecord {
  id: number;
  /** Charts.ChartType name ('COLUMN', 'LINE', 'PIE'...). */
  type: string;
  /** A1 notation; prefixed with the quoted sheet name ("'Данные'!A1:B9") when on another sheet than the chart. */
  ranges: string[];
  options: Record<string, unknown>;
  anchor: { row: number; column: number; offsetX: number; offsetY: number };
  numHeaders: number | null;
  mergeStrategy: string;
  hiddenDimensionStrategy: string;
  transposeRowsAndColumns: boolean;
}

/** The charts on a sheet as plain records, in insertion order (for tests and for rendering the dashboard). */
export function chartsOf(rt: Runtime, sheetName: string, spreadsheetId?: string): ChartRecord[] {
  const sheet = sheetModel(rt, sheetName, spreadsheetId);
  return sheet.charts.map((c) => ({
    id: c.id ?? 0,
    type: c.type ?? '',
    ranges: c.ranges.map((r) => (r.sheet === sheet ? rectA1(r) : `'${r.sheet.name.replace(/'/g, "''")}'!${rectA1(r)}`)),
    options: jsonCopy(c.options) as Record<string, unknown>,
    anchor: { row: c.anchor.r1, column: c.anchor.c1, offsetX: c.offsetX, offsetY: c.offsetY },
    numHeaders: c.numHeaders,
    mergeStrategy: c.mergeStrategy,
    hiddenDimensionStrategy: c.hiddenDimensionStrategy,
    transposeRowsAndColumns: c.transpose,
  }));
}
