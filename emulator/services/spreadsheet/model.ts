/**
 * The persistent spreadsheet model behind SpreadsheetApp: spreadsheets, sheets with dense rows of cell
 * values, run-length attribute layers, protections, named ranges, selections and the recorded UI. Facades
 * (range.ts, sheet.ts...) are per execution; everything here outlives executions.
 */
import type { Runtime } from '../../runtime';
import type { Rect } from './a1';
import type { ChartModel } from './charts';
import { Layer, Runs } from './runs';
import type { Cell } from './values';

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;
export const DEFAULT_ROW_HEIGHT = 21;
/** guides/services/quotas and Sheets' limits: cells per spreadsheet, characters per cell. */
export const MAX_CELLS = 10_000_000;
export const MAX_CELL_CHARS = 50_000;

export const MSG = {
  outside: 'The coordinates of the range are outside the dimensions of the sheet.',
  tooManyChars: 'Your input contains more than the maximum of 50000 characters in a single cell.',
  protectedCell:
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
  noAccess: 'You do not have permission to access the requested document.',
  cellLimit: 'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
  rowsOut: 'Those rows are out of bounds.',
  colsOut: 'Those columns are out of bounds.',
  allRows: 'Sorry, it is not possible to delete all non-frozen rows.',
  allCols: 'Sorry, it is not possible to delete all non-frozen columns.',
  lastSheet: "You can't remove all the sheets in a document.",
  rangeNotFound: 'Range not found',
  sheetExists: (name: string) => `A sheet with the name "${name}" already exists. Please enter another name.`,
};

/** A range stored in the model; it follows row and column insertions and deletions. */
export interface RangeRef extends Rect {
  sheet: SheetModel;
  /** Set when the rows or columns it covered were all deleted (#REF!). */
  broken?: boolean;
}

export interface ValidationRule {
  criteria: string;
  /** Host values: strings, numbers, booleans, host Dates, RangeRefs, string lists. */
  args: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

export interface ConditionalRuleModel {
  ranges: RangeRef[];
  /** BooleanCriteria name (CUSTOM_FORMULA, TEXT_EQUAL_TO, NUMBER_GREATER_THAN...). */
  criteria: string;
  args: unknown[];
  background?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  strikethrough?: boolean;
  underline?: boolean;
}

export interface ProtectionModel {
  id: number;
  type: 'RANGE' | 'SHEET';
  sheet: SheetModel;
  range: RangeRef;
  rangeName?: string;
  description: string;
  warningOnly: boolean;
  /** null while the editors mirror the spreadsheet's (reference/spreadsheet/range#protect). */
  editors: Set<string> | null;
  domainEdit: boolean;
  unprotected: RangeRef[];
}

export interface NamedRangeModel {
  name: string;
  ref: RangeRef;
}

/** Per-cell attribute layers, each stored as runs per column. */
export class Layers {
  numberFormat = new Layer<string>();
  background = new Layer<string>();
  fontWeight = new Layer<string>();
  fontColor = new Layer<string>();
  fontSize = new Layer<number>();
  fontStyle = new Layer<string>();
  fontFamily = new Layer<string>();
  fontLine = new Layer<string>();
  hAlign = new Layer<string>();
  vAlign = new Layer<string>();
  wrap = new Layer<string>();
  note = new Layer<string>();
  validation = new Layer<ValidationRule>();
  border = new Layer<string>();

  all(): Array<Layer<unknown>> {
    return [
      this.numberFormat,
      this.background,
      this.fontWeight,
      this.fontColor,
      this.fontSize,
      this.fontStyle,
      this.fontFamily,
      this.fontLine,
      this.hAlign,
      this.vAlign,
      this.wrap,
      this.note,
      this.validation,
      this.border,
    ] as Array<Layer<unknown>>;
  }

  /** The layers Range.clearFormat clears (not notes, not validation). */
  formatting(): Array<Layer<unknown>> {
    return this.all().filter((l) => l !== this.note && l !== this.validation);
  }
}

export class SheetModel {
  maxRows = DEFAULT_ROWS;
  maxCols = DEFAULT_COLS;
  /** values[r - 1][c - 1]; rows and cells past the end are empty. */
  values: Cell[][] = [];
  formulas: Array<Array<string | undefined> | undefined> = [];
  readonly layers = new Layers();
  frozenRows = 0;
  frozenCols = 0;
  hidden = false;
  tabColor: string | null = null;
  hiddenRows = new Runs<boolean>();
  hiddenCols = new Runs<boolean>();
  colWidths = new Runs<number>();
  rowHeights = new Runs<number>();
  conditionalRules: ConditionalRuleModel[] = [];
  merges: RangeRef[] = [];
  /** Embedded charts (charts.ts), in insertion order. */
  charts: ChartModel[] = [];
  formUrl: string | null = null;
  deleted = false;
  private lastColCache = -1;

  constructor(
    readonly parent: SpreadsheetModel,
    readonly id: number,
    public name: string,
  ) {}

  cell(r: number, c: number): Cell {
    const row = this.values[r - 1];
    if (!row) return '';
    const v = row[c - 1];
    return v === undefined ? '' : v;
  }

  formula(r: number, c: number): string | undefined {
    return this.formulas[r - 1]?.[c - 1];
  }

  /** Writes one cell; `formula` replaces any earlier formula (undefined removes it). */
  setCell(r: number, c: number, value: Cell, formula?: string): void {
    let row = this.values[r - 1];
    if (!row) {
      if (value === '' && formula === undefined && !this.formulas[r - 1]) return;
      while (this.values.length < r - 1) this.values.push([]);
      row = [];
      this.values[r - 1] = row;
    }
    while (row.length < c - 1) row.push('');
    row[c - 1] = value;
    const frow = this.formulas[r - 1];
    if (formula !== undefined) {
      let fr = frow;
      if (!fr) {
        while (this.formulas.length < r - 1) this.formulas.push(undefined);
        fr = [];
        this.formulas[r - 1] = fr;
      }
      fr[c - 1] = formula;
    } else if (frow && frow[c - 1] !== undefined) {
      frow[c - 1] = undefined;
    }
    this.lastColCache = -1;
  }

  /** Row r's array, created (and padded to `cols`) for bulk writes. */
  rowForWrite(r: number, cols: number): Cell[] {
    while (this.values.length < r) this.values.push([]);
    const row = this.values[r - 1] ?? [];
    this.values[r - 1] = row;
    while (row.length < cols) row.push('');
    this.lastColCache = -1;
    return row;
  }

  formulaRowForWrite(r: number): Array<string | undefined> {
    while (this.formulas.length < r) this.formulas.push(undefined);
    let fr = this.formulas[r - 1];
    if (!fr) {
      fr = [];
      this.formulas[r - 1] = fr;
    }
    return fr;
  }

  private rowHasContent(i: number): boolean {
    const row = this.values[i];
    if (row) for (let j = row.length - 1; j >= 0; j--) if (row[j] !== '' && row[j] !== undefined) return true;
    const fr = this.formulas[i];
    if (fr) for (let j = fr.length - 1; j >= 0; j--) if (fr[j] !== undefined) return true;
    return false;
  }

  /** Sheet.getLastRow: the last row with content, 0 when the sheet is empty. */
  lastRow(): number {
    let i = Math.max(this.values.length, this.formulas.length) - 1;
    while (i >= 0 && !this.rowHasContent(i)) i--;
    // Trailing empty rows carry nothing: drop them so the next call is O(1).
    this.values.length = Math.min(this.values.length, i + 1);
    this.formulas.length = Math.min(this.formulas.length, i + 1);
    return i + 1;
  }

  lastColumn(): number {
    if (this.lastColCache >= 0) return this.lastColCache;
    let max = 0;
    for (const row of this.values) {
      if (!row || row.length <= max) continue;
      for (let j = row.length - 1; j >= max; j--) {
        if (row[j] !== '' && row[j] !== undefined) {
          max = j + 1;
          break;
        }
      }
    }
    for (const fr of this.formulas) {
      if (!fr || fr.length <= max) continue;
      for (let j = fr.length - 1; j >= max; j--) {
        if (fr[j] !== undefined) {
          max = j + 1;
          break;
        }
      }
    }
    this.lastColCache = max;
    return max;
  }

  invalidate(): void {
    this.lastColCache = -1;
  }

  checkCellBudget(extra: number): void {
    if (this.parent.totalCells() + extra > MAX_CELLS) throw new Error(MSG.cellLimit);
  }

  /** Opens n rows before row `at` (new rows at..at+n-1), as Sheet.insertRowsBefore/After. */
  insertRows(at: number, n: number): void {
    if (n <= 0) return;
    this.checkCellBudget(n * this.maxCols);
    if (at - 1 < this.values.length) this.values.splice(at - 1, 0, ...Array.from({ length: n }, () => [] as Cell[]));
    if (at - 1 < this.formulas.length) this.formulas.splice(at - 1, 0, ...new Array<undefined>(n).fill(undefined));
    this.maxRows += n;
    for (const layer of this.layers.all()) layer.insertRows(at, n);
    this.hiddenRows.insert(at, n, false);
    this.rowHeights.insert(at, n, true);
    if (at <= this.frozenRows) this.frozenRows += n;
    this.parent.forEachRef(this, (ref) => shiftInsert(ref, 'r', at, n));
    this.invalidate();
  }

  deleteRows(at: number, n: number): void {
    this.values.splice(at - 1, n);
    this.formulas.splice(at - 1, n);
    this.maxRows -= n;
    for (const layer of this.layers.all()) layer.deleteRows(at, n);
    this.hiddenRows.delete(at, n);
    this.rowHeights.delete(at, n);
    const frozenGone = Math.max(0, Math.min(this.frozenRows, at + n - 1) - at + 1);
    this.frozenRows -= frozenGone;
    this.parent.forEachRef(this, (ref) => shiftDelete(ref, 'r', at, n));
    this.parent.dropBrokenRefs();
    this.invalidate();
  }

  insertCols(at: number, n: number): void {
    if (n <= 0) return;
    this.checkCellBudget(n * this.maxRows);
    for (const row of this.values)
      if (row && at - 1 < row.length) row.splice(at - 1, 0, ...new Array<Cell>(n).fill(''));
    for (const fr of this.formulas)
      if (fr && at - 1 < fr.length) fr.splice(at - 1, 0, ...new Array<undefined>(n).fill(undefined));
    this.maxCols += n;
    for (const layer of this.layers.all()) layer.insertCols(at, n);
    this.hiddenCols.insert(at, n, false);
    this.colWidths.insert(at, n, true);
    if (at <= this.frozenCols) this.frozenCols += n;
    this.parent.forEachRef(this, (ref) => shiftInsert(ref, 'c', at, n));
    this.invalidate();
  }

  deleteCols(at: number, n: number): void {
    for (const row of this.values) if (row) row.splice(at - 1, n);
    for (const fr of this.formulas) if (fr) fr.splice(at - 1, n);
    this.maxCols -= n;
    for (const layer of this.layers.all()) layer.deleteCols(at, n);
    this.hiddenCols.delete(at, n);
    this.colWidths.delete(at, n);
    const frozenGone = Math.max(0, Math.min(this.frozenCols, at + n - 1) - at + 1);
    this.frozenCols -= frozenGone;
    this.parent.forEachRef(this, (ref) => shiftDelete(ref, 'c', at, n));
    this.parent.dropBrokenRefs();
    this.invalidate();
  }

  /** Sheet.clear / clearContents over the whole sheet. */
  clearContents(): void {
    this.values = [];
    this.formulas = [];
    this.invalidate();
  }

  /** Host-side appendRow (for other emulator modules: a form submission lands here). */
  appendRow(values: Cell[], formulas?: Array<string | undefined>): number {
    const r = this.lastRow() + 1;
    if (r > this.maxRows) this.insertRows(this.maxRows + 1, r - this.maxRows);
    if (values.length > this.maxCols) this.insertCols(this.maxCols + 1, values.length - this.maxCols);
    const row = this.rowForWrite(r, values.length);
    for (let j = 0; j < values.length; j++) row[j] = values[j];
    if (formulas?.some((f) => f !== undefined)) {
      const fr = this.formulaRowForWrite(r);
      formulas.forEach((f, j) => {
        fr[j] = f;
      });
    }
    this.invalidate();
    return r;
  }
}

function shiftInsert(ref: RangeRef, axis: 'r' | 'c', at: number, n: number): void {
  const k1 = axis === 'r' ? 'r1' : 'c1';
  const k2 = axis === 'r' ? 'r2' : 'c2';
  if (ref[k1] >= at) {
    ref[k1] += n;
    ref[k2] += n;
  } else if (ref[k2] >= at) ref[k2] += n;
}

function shiftDelete(ref: RangeRef, axis: 'r' | 'c', at: number, n: number): void {
  const k1 = axis === 'r' ? 'r1' : 'c1';
  const k2 = axis === 'r' ? 'r2' : 'c2';
  const end = at + n - 1;
  const a = ref[k1];
  const b = ref[k2];
  const na = a < at ? a : a > end ? a - n : at;
  const nb = b < at ? b : b > end ? b - n : at - 1;
  if (nb < na) ref.broken = true;
  ref[k1] = na;
  ref[k2] = Math.max(na, nb);
}

export type Access = 'owner' | 'editor' | 'viewer' | null;

export class SpreadsheetModel {
  sheets: SheetModel[] = [];
  editors: string[] = [];
  viewers: string[] = [];
  namedRanges: NamedRangeModel[] = [];
  protections: ProtectionModel[] = [];
  formUrl: string | null = null;
  nextProtectionId = 1;

  constructor(
    readonly store: SpreadsheetStore,
    readonly id: string,
    public name: string,
    public owner: string,
    public timeZone: string,
    public locale: string,
  ) {}

  get url(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  access(user: string): Access {
    const u = user.toLowerCase();
    if (!u) return null;
    if (u === this.owner.toLowerCase()) return 'owner';
    if (this.editors.some((e) => e.toLowerCase() === u)) return 'editor';
    if (this.viewers.some((e) => e.toLowerCase() === u)) return 'viewer';
    return null;
  }

  canEditDocument(user: string): boolean {
    const a = this.access(user);
    return a === 'owner' || a === 'editor';
  }

  sheetByName(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  sheetById(id: number): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  nameTaken(name: string, except?: SheetModel): boolean {
    const n = name.toLowerCase();
    return this.sheets.some((s) => s !== except && s.name.toLowerCase() === n);
  }

  totalCells(): number {
    return this.sheets.reduce((n, s) => n + s.maxRows * s.maxCols, 0);
  }

  defaultSheetName(): string {
    const base = this.locale.toLowerCase().startsWith('ru') ? 'Лист' : 'Sheet';
    let i = this.sheets.length + 1;
    while (this.nameTaken(`${base}${i}`)) i++;
    return `${base}${i}`;
  }

  /** Spreadsheet.insertSheet: a new 1000×26 sheet at `index` (0-based; default last). */
  insertSheet(name?: string, index?: number, rows = DEFAULT_ROWS, cols = DEFAULT_COLS): SheetModel {
    const sheetName = name ?? this.defaultSheetName();
    if (this.nameTaken(sheetName)) throw new Error(MSG.sheetExists(sheetName));
    if (this.totalCells() + rows * cols > MAX_CELLS) throw new Error(MSG.cellLimit);
    const id = this.sheets.length === 0 ? 0 : this.store.nextSheetId();
    const sheet = new SheetModel(this, id, sheetName);
    sheet.maxRows = rows;
    sheet.maxCols = cols;
    const at = index === undefined ? this.sheets.length : Math.max(0, Math.min(index, this.sheets.length));
    this.sheets.splice(at, 0, sheet);
    return sheet;
  }

  deleteSheet(sheet: SheetModel): void {
    if (this.sheets.length <= 1) throw new Error(MSG.lastSheet);
    this.sheets = this.sheets.filter((s) => s !== sheet);
    sheet.deleted = true;
    this.protections = this.protections.filter((p) => p.sheet !== sheet);
    this.namedRanges = this.namedRanges.filter((n) => n.ref.sheet !== sheet);
  }

  /** Every stored range on `sheet` (named ranges, protections, conditional rules, merges, chart ranges and anchors). */
  forEachRef(sheet: SheetModel, fn: (ref: RangeRef) => void): void {
    for (const n of this.namedRanges) if (n.ref.sheet === sheet) fn(n.ref);
    for (const p of this.protections) {
      if (p.sheet !== sheet) continue;
      if (p.type === 'RANGE') fn(p.range);
      for (const u of p.unprotected) fn(u);
    }
    for (const rule of sheet.conditionalRules) for (const r of rule.ranges) fn(r);
    for (const m of sheet.merges) fn(m);
    for (const s of this.sheets)
      for (const c of s.charts) for (const r of [...c.ranges, c.anchor]) if (r.sheet === sheet) fn(r);
  }

  /** Protections and merges whose cells were all deleted go away, as in Sheets. */
  dropBrokenRefs(): void {
    this.protections = this.protections.filter((p) => !(p.type === 'RANGE' && p.range.broken));
    for (const p of this.protections) p.unprotected = p.unprotected.filter((u) => !u.broken);
    for (const s of this.sheets) {
      s.merges = s.merges.filter((m) => !m.broken);
      for (const rule of s.conditionalRules) rule.ranges = rule.ranges.filter((r) => !r.broken);
      // A chart stays when its anchor's cells go: it moves to the nearest remaining cell.
      for (const c of s.charts) {
        c.ranges = c.ranges.filter((r) => !r.broken);
        const r = Math.min(c.anchor.r1, s.maxRows);
        const col = Math.min(c.anchor.c1, s.maxCols);
        c.anchor = { sheet: s, r1: r, c1: col, r2: r, c2: col };
      }
    }
  }
}

export interface MenuItemRecord {
  caption: string;
  functionName?: string;
  separator?: boolean;
  submenu?: MenuRecord;
}

export interface MenuRecord {
  caption: string;
  items: MenuItemRecord[];
}

export type UiEventKind = 'alert' | 'prompt' | 'modal-dialog' | 'modeless-dialog' | 'sidebar' | 'toast';

export interface UiEvent {
  kind: UiEventKind;
  /** The person who sees it ('' when Apps Script cannot tell). */
  user: string;
  spreadsheetId: string;
  executionId: number;
  title?: string;
  message?: string;
  buttons?: string;
  /** The button the person pressed (alert, prompt). */
  response?: string;
  responseText?: string;
  /** The HtmlOutput host object as the script passed it (dialogs, sidebars). */
  html?: object;
  timeoutSeconds?: number;
}

export interface UiAnswer {
  button: 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';
  text?: string;
}

export interface Selection {
  sheetId: number;
  rect: Rect;
}

export class UiLog {
  /** Custom menus added per person (latest per caption). */
  readonly menus = new Map<string, MenuRecord[]>();
  readonly events: UiEvent[] = [];
  /** Answers tests queue for alert/prompt, taken first in, first out. */
  readonly answers: UiAnswer[] = [];
}

export class SpreadsheetStore {
  readonly spreadsheets = new Map<string, SpreadsheetModel>();
  containerId?: string;
  readonly selections = new Map<string, Selection>();
  readonly ui = new UiLog();
  private seed: number;

  constructor(readonly rt: Runtime) {
    let h = 2166136261;
    for (const ch of rt.scriptId) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
    this.seed = h >>> 0;
  }

  private random(): number {
    // mulberry32: deterministic ids, so runs and snapshots repeat.
    this.seed = (this.seed + 0x6d2b79f5) >>> 0;
    let t = this.seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  nextSheetId(): number {
    return 1 + Math.floor(this.random() * 2_000_000_000);
  }

  newId(): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let id = '1';
    for (let i = 0; i < 43; i++) id += alphabet[Math.floor(this.random() * 64)];
    return id;
  }

  create(
    name: string,
    owner: string,
    opts: { timeZone?: string; locale?: string; rows?: number; cols?: number } = {},
  ): SpreadsheetModel {
    const ss = new SpreadsheetModel(
      this,
      this.newId(),
      name,
      owner,
      opts.timeZone ?? this.rt.timeZone,
      opts.locale ?? 'ru_RU',
    );
    ss.insertSheet(undefined, undefined, opts.rows ?? DEFAULT_ROWS, opts.cols ?? DEFAULT_COLS);
    this.spreadsheets.set(ss.id, ss);
    return ss;
  }

  get(id: string): SpreadsheetModel | undefined {
    return this.spreadsheets.get(id);
  }

  container(): SpreadsheetModel {
    if (this.containerId) {
      const ss = this.spreadsheets.get(this.containerId);
      if (ss) return ss;
    }
    const ss = this.create('Электронный журнал — помощь', this.rt.owner);
    this.containerId = ss.id;
    return ss;
  }

  selectionKey(ssId: string, user: string): string {
    return `${ssId}\n${user.toLowerCase()}`;
  }
}

export function spreadsheetStore(rt: Runtime): SpreadsheetStore {
  return rt.store('spreadsheets', () => new SpreadsheetStore(rt));
}

/** The spreadsheet the script project is bound to (created on first use, owned by the project's owner). */
export function containerSpreadsheetId(rt: Runtime): string {
  return spreadsheetStore(rt).container().id;
}
