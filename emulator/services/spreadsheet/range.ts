/**
 * Range (reference/spreadsheet/range): values, formulas, display values, number formats and the formatting
 * calls a product makes, all recorded in the model; every call that reads or writes cells is charged to
 * the execution with exec.moved(cells). Writes go through the protection check for the effective user.
 */
import { type Execution, GasObject, unwrap } from '../../runtime';
import { type Rect, rectA1, rectsOverlap } from './a1';
import {
  cellOf,
  columnFormats,
  displayOf,
  formulaOf,
  numberFormatOf,
  outValue,
  readDisplayValues,
  readValues,
  toCell,
  yearNow,
} from './cells';
import { ctxOf, DateMark, enumName, type GasEnum, realmList, signatureError } from './context';
import type { Layer } from './runs';
import { MSG, type RangeRef, type SheetModel, type ValidationRule } from './model';
import { assertCanEdit, newProtection, ProtectionImpl } from './protection';
import { SheetImpl } from './sheet';
import { DEFAULTS, normalizeColor } from './style';
import { TextFinderImpl } from './text-finder';
import { DataValidationImpl, ruleOf } from './validation';
import { type Cell, FormulaInput, type Input, TypedNumber } from './values';

function toInt(v: unknown, what: string): number {
  const n = typeof v === 'number' ? v : Number(v);
  if (v === null || v === undefined || v === '' || !Number.isFinite(n)) throw signatureError([v], what);
  return Math.trunc(n);
}

/** A range checked against the grid, with Apps Script's messages (reference/spreadsheet/sheet#getrangerow,-column,-numrows,-numcolumns). */
export function checkedRange(
  exec: Execution,
  sheet: SheetModel,
  row: unknown,
  col: unknown,
  numRows: unknown = 1,
  numCols: unknown = 1,
): RangeImpl {
  const method = 'SpreadsheetApp.Sheet.getRange';
  const r = toInt(row, method);
  const c = toInt(col, method);
  const nr = toInt(numRows, method);
  const nc = toInt(numCols, method);
  if (r < 1) throw new Error('The starting row of the range is too small.');
  if (c < 1) throw new Error('The starting column of the range is too small.');
  if (nr < 1) throw new Error('The number of rows in the range must be at least 1.');
  if (nc < 1) throw new Error('The number of columns in the range must be at least 1.');
  if (r + nr - 1 > sheet.maxRows || c + nc - 1 > sheet.maxCols) throw new Error(MSG.outside);
  return new RangeImpl(exec, sheet, r, c, nr, nc);
}

function rowsMismatch(data: number, range: number): Error {
  return new Error(
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  );
}

function colsMismatch(data: number, range: number): Error {
  return new Error(
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  );
}

export class RangeImpl extends GasObject {
  readonly _gasClass = 'Range';

  constructor(
    exec: Execution,
    readonly _sheet: SheetModel,
    readonly _r: number,
    readonly _c: number,
    readonly _nr: number,
    readonly _nc: number,
  ) {
    super(exec);
  }

  get _rect(): Rect {
    return { r1: this._r, c1: this._c, r2: this._r + this._nr - 1, c2: this._c + this._nc - 1 };
  }

  _ref(): RangeRef {
    return { sheet: this._sheet, ...this._rect };
  }

  private get _cells(): number {
    return this._nr * this._nc;
  }

  /** A range built before rows were deleted may now run past the grid. */
  private _inGrid(): void {
    const r = this._rect;
    if (this._sheet.deleted || r.r2 > this._sheet.maxRows || r.c2 > this._sheet.maxCols) throw new Error(MSG.outside);
  }

  /** Charges the cells that travel: a uniform setter or a single-value getter moves one value, not the block. */
  private _read(cells = this._cells): void {
    this._inGrid();
    this._exec.moved(cells);
  }

  _write(cells = this._cells): void {
    this._inGrid();
    assertCanEdit(this._exec.effectiveUser, this._sheet, this._rect);
    this._exec.moved(cells);
  }

  /** Checks a 2-D argument's shape with Apps Script's messages. */
  private _shape(data: unknown, method: string): unknown[][] {
    if (!Array.isArray(data)) throw signatureError([data], `SpreadsheetApp.Range.${method}`);
    if (data.length !== this._nr) throw rowsMismatch(data.length, this._nr);
    for (const row of data) {
      if (!Array.isArray(row)) throw signatureError([data], `SpreadsheetApp.Range.${method}`);
      if (row.length !== this._nc) throw colsMismatch(row.length, this._nc);
    }
    return data as unknown[][];
  }

  // ---- geometry ----

  getRow(): number {
    return this._r;
  }

  getRowIndex(): number {
    return this._r;
  }

  getColumn(): number {
    return this._c;
  }

  getNumRows(): number {
    return this._nr;
  }

  getNumColumns(): number {
    return this._nc;
  }

  getHeight(): number {
    return this._nr;
  }

  getWidth(): number {
    return this._nc;
  }

  getLastRow(): number {
    return this._r + this._nr - 1;
  }

  getLastColumn(): number {
    return this._c + this._nc - 1;
  }

  getA1Notation(): string {
    return rectA1(this._rect);
  }

  getSheet(): SheetImpl {
    return new SheetImpl(this._exec, this._sheet);
  }

  getGridId(): number {
    return this._sheet.id;
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): RangeImpl {
    return checkedRange(
      this._exec,
      this._sheet,
      this._r + Number(rowOffset),
      this._c + Number(columnOffset),
      numRows ?? this._nr,
      numColumns ?? this._nc,
    );
  }

  getCell(row: number, column: number): RangeImpl {
    const r = Math.trunc(Number(row));
    const c = Math.trunc(Number(column));
    if (!(r >= 1 && r <= this._nr && c >= 1 && c <= this._nc)) throw new Error('Cell reference out of range');
    return new RangeImpl(this._exec, this._sheet, this._r + r - 1, this._c + c - 1, 1, 1);
  }

  activate(): this {
    ctxOf(this._exec).setSelection(this._sheet.parent, this._sheet, this._rect);
    return this;
  }

  // ---- values ----

  getValue(): unknown {
    this._read(1);
    const v = outValue(
      this._sheet.cell(this._r, this._c),
      this._sheet.layers.numberFormat.get(this._r, this._c),
      this._sheet.parent.timeZone,
    );
    return v instanceof DateMark ? new Date(v.t) : v;
  }

  getValues(): unknown[][] {
    this._read();
    return ctxOf(this._exec).toRealmGrid(readValues(this._sheet, this._r, this._c, this._nr, this._nc));
  }

  getDisplayValue(): string {
    this._read(1);
    const fmt = this._sheet.layers.numberFormat.get(this._r, this._c);
    return displayOf(this._sheet.cell(this._r, this._c), fmt, this._sheet.parent.locale);
  }

  getDisplayValues(): string[][] {
    this._read();
    return ctxOf(this._exec).toRealmGrid(
      readDisplayValues(this._sheet, this._r, this._c, this._nr, this._nc),
    ) as string[][];
  }

  setValue(value: unknown): this {
    const year = yearNow(this._sheet);
    const fmts = this._formatColumns();
    // Parse first so an oversized value changes nothing.
    const inputs = Array.from({ length: this._nr }, (_, i) =>
      Array.from({ length: this._nc }, (_, j) => toCell(value, this._sheet, fmts[j]?.[i], year)),
    );
    this._write(1);
    this._store(inputs);
    return this;
  }

  setValues(values: unknown): this {
    const data = this._shape(values, 'setValues');
    const year = yearNow(this._sheet);
    const fmts = this._formatColumns();
    const inputs: Input[][] = new Array(this._nr);
    for (let i = 0; i < this._nr; i++) {
      const src = data[i];
      const row: Input[] = new Array(this._nc);
      for (let j = 0; j < this._nc; j++) row[j] = toCell(src[j], this._sheet, fmts[j]?.[i], year);
      inputs[i] = row;
    }
    this._write();
    this._store(inputs);
    return this;
  }

  private _formatColumns(): Array<Array<string | undefined> | null> {
    return Array.from({ length: this._nc }, (_, j) =>
      columnFormats(this._sheet, this._c + j, this._r, this._r + this._nr - 1),
    );
  }

  /** Writes parsed inputs over the range; a formula's shown value comes from the tiny evaluated subset. */
  _store(inputs: Input[][]): void {
    const sheet = this._sheet;
    const c0 = this._c - 1;
    for (let i = 0; i < this._nr; i++) {
      const r = this._r + i;
      const src = inputs[i];
      let hasFormula = false;
      let allEmpty = true;
      for (let j = 0; j < this._nc; j++) {
        const v = src[j];
        if (v instanceof FormulaInput) hasFormula = true;
        else if (v !== '') allEmpty = false;
      }
      if (allEmpty && !hasFormula && !sheet.values[r - 1] && !sheet.formulas[r - 1]) continue;
      const row = sheet.rowForWrite(r, c0 + this._nc);
      if (hasFormula) {
        const fr = sheet.formulaRowForWrite(r);
        for (let j = 0; j < this._nc; j++) {
          const v = src[j];
          row[c0 + j] = cellOf(v);
          fr[c0 + j] = formulaOf(v);
        }
      } else {
        for (let j = 0; j < this._nc; j++) row[c0 + j] = src[j] as Cell;
        const fr = sheet.formulas[r - 1];
        if (fr) for (let j = 0; j < this._nc; j++) if (fr[c0 + j] !== undefined) fr[c0 + j] = undefined;
      }
    }
    sheet.invalidate();
  }

  isBlank(): boolean {
    this._read(1);
    for (let r = this._r; r < this._r + this._nr; r++) {
      for (let c = this._c; c < this._c + this._nc; c++) {
        if (this._sheet.cell(r, c) !== '' || this._sheet.formula(r, c) !== undefined) return false;
      }
    }
    return true;
  }

  // ---- formulas ----

  getFormula(): string {
    this._read(1);
    return this._sheet.formula(this._r, this._c) ?? '';
  }

  getFormulas(): string[][] {
    this._read();
    const out: string[][] = [];
    for (let r = this._r; r < this._r + this._nr; r++) {
      const row: string[] = [];
      for (let c = this._c; c < this._c + this._nc; c++) row.push(this._sheet.formula(r, c) ?? '');
      out.push(row);
    }
    return this._exec.realm.newArray(out.map((row) => this._exec.realm.newArray(row)));
  }

  setFormula(formula: string): this {
    const f = String(formula);
    if (f.length > 50_000) throw new Error(MSG.tooManyChars);
    const text = f.startsWith('=') ? f : `=${f}`;
    this._write(1);
    this._store(Array.from({ length: this._nr }, () => new Array<Input>(this._nc).fill(new FormulaInput(text))));
    return this;
  }

  setFormulas(formulas: unknown): this {
    const data = this._shape(formulas, 'setFormulas');
    const year = yearNow(this._sheet);
    const inputs = data.map((src) =>
      src.map((v) => {
        const s = v === null || v === undefined ? '' : String(v);
        if (s.length > 50_000) throw new Error(MSG.tooManyChars);
        return s.startsWith('=') ? new FormulaInput(s) : toCell(s, this._sheet, undefined, year);
      }),
    );
    this._write();
    this._store(inputs);
    return this;
  }

  // ---- clearing ----

  clear(options?: unknown): this {
    const o = (options ?? {}) as Record<string, unknown>;
    const only = ['contentsOnly', 'formatOnly', 'commentsOnly', 'validationsOnly'].filter((k) => o[k] === true);
    this._write(1);
    const all = only.length === 0;
    if (all || only.includes('contentsOnly')) this._clearContent();
    if (all || only.includes('formatOnly')) this._clearLayers(this._sheet.layers.formatting());
    if (only.includes('commentsOnly')) this._clearLayers([this._sheet.layers.note as Layer<unknown>]);
    if (only.includes('validationsOnly')) this._clearLayers([this._sheet.layers.validation as Layer<unknown>]);
    return this;
  }

  clearContent(): this {
    this._write(1);
    this._clearContent();
    return this;
  }

  /** Clears text formatting; number formats stay (reference/spreadsheet/range#clearformat). */
  clearFormat(): this {
    this._write(1);
    const l = this._sheet.layers;
    this._clearLayers(l.formatting().filter((x) => x !== (l.numberFormat as Layer<unknown>)));
    return this;
  }

  clearNote(): this {
    this._write(1);
    this._clearLayers([this._sheet.layers.note as Layer<unknown>]);
    return this;
  }

  clearDataValidations(): this {
    this._write(1);
    this._clearLayers([this._sheet.layers.validation as Layer<unknown>]);
    return this;
  }

  private _clearContent(): void {
    this._store(Array.from({ length: this._nr }, () => new Array<Input>(this._nc).fill('')));
  }

  private _clearLayers(layers: Array<Layer<unknown>>): void {
    const r = this._rect;
    for (const layer of layers) layer.set(r.r1, r.r2, r.c1, r.c2, undefined);
  }

  // ---- number formats ----

  getNumberFormat(): string {
    this._read(1);
    return numberFormatOf(this._sheet.cell(this._r, this._c), this._sheet.layers.numberFormat.get(this._r, this._c));
  }

  getNumberFormats(): string[][] {
    this._read();
    const block = this._sheet.layers.numberFormat.block(
      this._r,
      this._r + this._nr - 1,
      this._c,
      this._c + this._nc - 1,
    );
    const out = block.map((row, i) => row.map((f, j) => numberFormatOf(this._sheet.cell(this._r + i, this._c + j), f)));
    return this._realm2d(out);
  }

  setNumberFormat(numberFormat: string): this {
    this._write(1);
    const r = this._rect;
    this._sheet.layers.numberFormat.set(r.r1, r.r2, r.c1, r.c2, String(numberFormat));
    this._dropAutoFormats();
    return this;
  }

  setNumberFormats(numberFormats: unknown): this {
    const data = this._shape(numberFormats, 'setNumberFormats');
    this._write();
    this._writeLayer(this._sheet.layers.numberFormat, data, (v) =>
      v === null || v === undefined || v === '' ? undefined : String(v),
    );
    this._dropAutoFormats();
    return this;
  }

  /** An explicit number format replaces the automatic one a typed date or percentage got. */
  private _dropAutoFormats(): void {
    for (let r = this._r; r < this._r + this._nr; r++) {
      const row = this._sheet.values[r - 1];
      if (!row) continue;
      for (let c = this._c; c < this._c + this._nc && c <= row.length; c++) {
        const v = row[c - 1];
        if (v instanceof TypedNumber) row[c - 1] = v.n;
      }
    }
  }

  // ---- attribute layers ----

  private _realm2d<T>(rows: T[][]): T[][] {
    return this._exec.realm.newArray(rows.map((row) => this._exec.realm.newArray(row)));
  }

  private _setLayer<T>(layer: Layer<T>, value: T | undefined): this {
    this._write(1);
    const r = this._rect;
    layer.set(r.r1, r.r2, r.c1, r.c2, value);
    return this;
  }

  private _writeLayer<T>(layer: Layer<T>, data: unknown[][], map: (v: unknown) => T | undefined): void {
    for (let j = 0; j < this._nc; j++) {
      const col = new Array<T | undefined>(this._nr);
      for (let i = 0; i < this._nr; i++) col[i] = map(data[i][j]);
      layer.writeColumn(this._c + j, this._r, col);
    }
  }

  private _setLayers<T>(layer: Layer<T>, data: unknown, method: string, map: (v: unknown) => T | undefined): this {
    const rows = this._shape(data, method);
    this._write();
    this._writeLayer(layer, rows, map);
    return this;
  }

  private _getLayer<T, D>(layer: Layer<T>, dflt: D): T | D {
    this._read(1);
    return layer.get(this._r, this._c) ?? dflt;
  }

  private _getLayers<T, D>(layer: Layer<T>, dflt: D): Array<Array<T | D>> {
    this._read();
    const block = layer.block(this._r, this._r + this._nr - 1, this._c, this._c + this._nc - 1);
    return this._realm2d(block.map((row) => row.map((v) => (v === undefined ? dflt : v))));
  }

  setBackground(color: string | null): this {
    return this._setLayer(this._sheet.layers.background, color === null ? undefined : normalizeColor(color));
  }

  setBackgroundRGB(red: number, green: number, blue: number): this {
    const hex = [red, green, blue]
      .map((n) =>
        Math.max(0, Math.min(255, Math.trunc(n)))
          .toString(16)
          .padStart(2, '0'),
      )
      .join('');
    return this.setBackground(`#${hex}`);
  }

  setBackgrounds(colors: unknown): this {
    return this._setLayers(this._sheet.layers.background, colors, 'setBackgrounds', (v) =>
      v === null || v === undefined ? undefined : normalizeColor(String(v)),
    );
  }

  getBackground(): string {
    return this._getLayer(this._sheet.layers.background, DEFAULTS.background);
  }

  getBackgrounds(): string[][] {
    return this._getLayers(this._sheet.layers.background, DEFAULTS.background);
  }

  setFontWeight(fontWeight: string | null): this {
    return this._setLayer(
      this._sheet.layers.fontWeight,
      fontWeight === null || fontWeight === 'normal' ? undefined : String(fontWeight),
    );
  }

  setFontWeights(fontWeights: unknown): this {
    return this._setLayers(this._sheet.layers.fontWeight, fontWeights, 'setFontWeights', (v) =>
      v === null || v === undefined || v === 'normal' ? undefined : String(v),
    );
  }

  getFontWeight(): string {
    return this._getLayer(this._sheet.layers.fontWeight, DEFAULTS.fontWeight);
  }

  getFontWeights(): string[][] {
    return this._getLayers(this._sheet.layers.fontWeight, DEFAULTS.fontWeight);
  }

  setFontColor(color: string | null): this {
    return this._setLayer(this._sheet.layers.fontColor, color === null ? undefined : normalizeColor(color));
  }

  setFontColors(colors: unknown): this {
    return this._setLayers(this._sheet.layers.fontColor, colors, 'setFontColors', (v) =>
      v === null || v === undefined ? undefined : normalizeColor(String(v)),
    );
  }

  getFontColor(): string {
    return this._getLayer(this._sheet.layers.fontColor, DEFAULTS.fontColor);
  }

  getFontColors(): string[][] {
    return this._getLayers(this._sheet.layers.fontColor, DEFAULTS.fontColor);
  }

  setFontSize(size: number | null): this {
    return this._setLayer(this._sheet.layers.fontSize, size === null ? undefined : Number(size));
  }

  setFontSizes(sizes: unknown): this {
    return this._setLayers(this._sheet.layers.fontSize, sizes, 'setFontSizes', (v) =>
      v === null || v === undefined ? undefined : Number(v),
    );
  }

  getFontSize(): number {
    return this._getLayer(this._sheet.layers.fontSize, DEFAULTS.fontSize);
  }

  getFontSizes(): number[][] {
    return this._getLayers(this._sheet.layers.fontSize, DEFAULTS.fontSize);
  }

  setFontStyle(fontStyle: string | null): this {
    return this._setLayer(
      this._sheet.layers.fontStyle,
      fontStyle === null || fontStyle === 'normal' ? undefined : String(fontStyle),
    );
  }

  getFontStyle(): string {
    return this._getLayer(this._sheet.layers.fontStyle, DEFAULTS.fontStyle);
  }

  setFontFamily(fontFamily: string | null): this {
    return this._setLayer(this._sheet.layers.fontFamily, fontFamily === null ? undefined : String(fontFamily));
  }

  getFontFamily(): string {
    return this._getLayer(this._sheet.layers.fontFamily, DEFAULTS.fontFamily);
  }

  setFontLine(fontLine: string | null): this {
    return this._setLayer(
      this._sheet.layers.fontLine,
      fontLine === null || fontLine === 'none' ? undefined : String(fontLine),
    );
  }

  getFontLine(): string {
    return this._getLayer(this._sheet.layers.fontLine, DEFAULTS.fontLine);
  }

  setHorizontalAlignment(alignment: string | null): this {
    return this._setLayer(
      this._sheet.layers.hAlign,
      alignment === null || alignment === 'normal' ? undefined : String(alignment),
    );
  }

  setHorizontalAlignments(alignments: unknown): this {
    return this._setLayers(this._sheet.layers.hAlign, alignments, 'setHorizontalAlignments', (v) =>
      v === null || v === undefined || v === 'normal' ? undefined : String(v),
    );
  }

  getHorizontalAlignment(): string {
    return this._getLayer(this._sheet.layers.hAlign, DEFAULTS.hAlign);
  }

  setVerticalAlignment(alignment: string | null): this {
    return this._setLayer(this._sheet.layers.vAlign, alignment === null ? undefined : String(alignment));
  }

  getVerticalAlignment(): string {
    return this._getLayer(this._sheet.layers.vAlign, DEFAULTS.vAlign);
  }

  setWrap(isWrapEnabled: boolean): this {
    return this._setLayer(this._sheet.layers.wrap, isWrapEnabled ? 'WRAP' : undefined);
  }

  setWraps(isWrapEnabled: unknown): this {
    return this._setLayers(this._sheet.layers.wrap, isWrapEnabled, 'setWraps', (v) => (v ? 'WRAP' : undefined));
  }

  getWrap(): boolean {
    return this._getLayer(this._sheet.layers.wrap, DEFAULTS.wrap) === 'WRAP';
  }

  setWrapStrategy(strategy: unknown): this {
    const name = enumName(strategy) ?? DEFAULTS.wrap;
    return this._setLayer(this._sheet.layers.wrap, name === DEFAULTS.wrap ? undefined : name);
  }

  getWrapStrategy(): GasEnum {
    return ctxOf(this._exec).enumValue('WrapStrategy', this._getLayer(this._sheet.layers.wrap, DEFAULTS.wrap));
  }

  setNote(note: string | null): this {
    const text = note === null || note === undefined ? '' : String(note);
    return this._setLayer(this._sheet.layers.note, text === '' ? undefined : text);
  }

  setNotes(notes: unknown): this {
    return this._setLayers(this._sheet.layers.note, notes, 'setNotes', (v) =>
      v === null || v === undefined || v === '' ? undefined : String(v),
    );
  }

  getNote(): string {
    return this._getLayer(this._sheet.layers.note, '');
  }

  getNotes(): string[][] {
    return this._getLayers(this._sheet.layers.note, '');
  }

  /** Borders are recorded as "style color" per cell of the range (the export draws thin borders). */
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color?: string | null,
    style?: unknown,
  ): this {
    const on = [top, left, bottom, right, vertical, horizontal].some((b) => b === true);
    const styleName = enumName(style) ?? 'SOLID';
    const value = on ? `${styleName} ${color ? normalizeColor(color) : '#000000'}` : undefined;
    return this._setLayer(this._sheet.layers.border, value);
  }

  // ---- data validation ----

  setDataValidation(rule: unknown): this {
    return this._setLayer(this._sheet.layers.validation, ruleOf(rule));
  }

  setDataValidations(rules: unknown): this {
    return this._setLayers(this._sheet.layers.validation, rules, 'setDataValidations', (v) => ruleOf(v));
  }

  getDataValidation(): DataValidationImpl | null {
    const rule = this._getLayer<ValidationRule, null>(this._sheet.layers.validation, null);
    return rule ? new DataValidationImpl(this._exec, rule) : null;
  }

  getDataValidations(): Array<Array<GasObject | null>> {
    this._read();
    const block = this._sheet.layers.validation.block(this._r, this._r + this._nr - 1, this._c, this._c + this._nc - 1);
    return this._realm2d(
      block.map((row) => row.map((v) => (v ? new DataValidationImpl(this._exec, v)._wrapped() : null))),
    );
  }

  // ---- checkboxes (reference/spreadsheet/range#insertcheckboxes) ----

  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): this {
    const args =
      checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    const rule: ValidationRule = { criteria: 'CHECKBOX', args, allowInvalid: false, helpText: '' };
    this._write(1);
    const r = this._rect;
    this._sheet.layers.validation.set(r.r1, r.r2, r.c1, r.c2, rule);
    const initial =
      args.length === 0
        ? false
        : args.length === 1
          ? ''
          : cellOf(toCell(uncheckedValue, this._sheet, undefined, yearNow(this._sheet)));
    this._store(Array.from({ length: this._nr }, () => new Array<Input>(this._nc).fill(initial)));
    return this;
  }

  removeCheckboxes(): this {
    this._write(1);
    const v = this._sheet.layers.validation;
    for (let r = this._r; r < this._r + this._nr; r++) {
      for (let c = this._c; c < this._c + this._nc; c++) {
        const rule = v.get(r, c);
        if (rule?.criteria !== 'CHECKBOX') continue;
        v.set(r, r, c, c, undefined);
        const cell = this._sheet.cell(r, c);
        const values = rule.args.length === 0 ? [true, false] : rule.args;
        if (values.some((x) => x === cell || String(x) === String(cell))) this._sheet.setCell(r, c, '');
      }
    }
    return this;
  }

  private _checkboxState(r: number, c: number): boolean | undefined {
    const rule = this._sheet.layers.validation.get(r, c);
    if (rule?.criteria !== 'CHECKBOX') return undefined;
    const cell = this._sheet.cell(r, c);
    const checked = rule.args.length === 0 ? true : rule.args[0];
    return cell === checked || String(cell) === String(checked);
  }

  isChecked(): boolean | null {
    this._read(1);
    const states = new Set<boolean | undefined>();
    for (let r = this._r; r < this._r + this._nr; r++)
      for (let c = this._c; c < this._c + this._nc; c++) states.add(this._checkboxState(r, c));
    if (states.has(undefined) || states.size !== 1) return null;
    return states.has(true);
  }

  check(): this {
    return this._setChecked(true);
  }

  uncheck(): this {
    return this._setChecked(false);
  }

  private _setChecked(on: boolean): this {
    this._write(1);
    for (let r = this._r; r < this._r + this._nr; r++) {
      for (let c = this._c; c < this._c + this._nc; c++) {
        const rule = this._sheet.layers.validation.get(r, c);
        if (rule?.criteria !== 'CHECKBOX') continue;
        const value = rule.args.length === 0 ? on : on ? rule.args[0] : (rule.args[1] ?? '');
        this._sheet.setCell(r, c, cellOf(toCell(value, this._sheet, undefined, yearNow(this._sheet))));
      }
    }
    return this;
  }

  // ---- merges ----

  merge(): this {
    this._write(1);
    const rect = this._rect;
    this._sheet.merges = this._sheet.merges.filter((m) => !rectsOverlap(m, rect));
    this._sheet.merges.push(this._ref());
    // Only the top-left value survives a merge.
    for (let r = rect.r1; r <= rect.r2; r++)
      for (let c = rect.c1; c <= rect.c2; c++) if (r !== rect.r1 || c !== rect.c1) this._sheet.setCell(r, c, '');
    return this;
  }

  mergeAcross(): this {
    for (let i = 0; i < this._nr; i++)
      new RangeImpl(this._exec, this._sheet, this._r + i, this._c, 1, this._nc).merge();
    return this;
  }

  mergeVertically(): this {
    for (let j = 0; j < this._nc; j++)
      new RangeImpl(this._exec, this._sheet, this._r, this._c + j, this._nr, 1).merge();
    return this;
  }

  breakApart(): this {
    this._write(1);
    const rect = this._rect;
    this._sheet.merges = this._sheet.merges.filter((m) => !rectsOverlap(m, rect));
    return this;
  }

  isPartOfMerge(): boolean {
    const rect = this._rect;
    return this._sheet.merges.some((m) => rectsOverlap(m, rect));
  }

  getMergedRanges(): RangeImpl[] {
    const rect = this._rect;
    const merges = this._sheet.merges.filter((m) => rectsOverlap(m, rect));
    return realmList(
      this._exec,
      merges.map((m) => new RangeImpl(this._exec, this._sheet, m.r1, m.c1, m.r2 - m.r1 + 1, m.c2 - m.c1 + 1)),
    );
  }

  // ---- protection, copy, sort, find ----

  protect(): ProtectionImpl {
    this._inGrid();
    assertCanEdit(this._exec.effectiveUser, this._sheet, this._rect);
    return new ProtectionImpl(this._exec, newProtection(this._sheet.parent, 'RANGE', this._sheet, this._rect));
  }

  copyTo(destination: unknown, options?: unknown): void {
    const dest = unwrap(destination as object);
    if (!(dest instanceof RangeImpl)) throw signatureError([destination], 'SpreadsheetApp.Range.copyTo');
    const o = (options ?? {}) as Record<string, unknown>;
    const target = new RangeImpl(this._exec, dest._sheet, dest._r, dest._c, this._nr, this._nc);
    this._read(1);
    target._write(1);
    const src = this._sheet;
    const dst = dest._sheet;
    if (o.formatOnly !== true) {
      const inputs: Input[][] = [];
      for (let i = 0; i < this._nr; i++) {
        inputs.push(
          Array.from({ length: this._nc }, (_, j) => {
            const f = src.formula(this._r + i, this._c + j);
            return f !== undefined ? new FormulaInput(f) : src.cell(this._r + i, this._c + j);
          }),
        );
      }
      target._store(inputs);
    }
    if (o.contentsOnly !== true) {
      const srcLayers = src.layers.all();
      const dstLayers = dst.layers.all();
      srcLayers.forEach((layer, k) => {
        const block = layer.block(this._r, this._r + this._nr - 1, this._c, this._c + this._nc - 1);
        for (let j = 0; j < this._nc; j++)
          dstLayers[k].writeColumn(
            target._c + j,
            target._r,
            block.map((row) => row[j]),
          );
      });
    }
  }

  /** Sorts the rows of the range (values, formulas and formatting move together). */
  sort(sortSpecObj: unknown): this {
    const specs = (Array.isArray(sortSpecObj) ? sortSpecObj : [sortSpecObj]).map((s) =>
      typeof s === 'number'
        ? { column: s, ascending: true }
        : {
            column: Number((s as Record<string, unknown>).column),
            ascending: (s as Record<string, unknown>).ascending !== false,
          },
    );
    this._write(1);
    const sheet = this._sheet;
    const idx = Array.from({ length: this._nr }, (_, i) => this._r + i);
    const rank = (v: Cell): number => (v === '' ? 3 : typeof v === 'string' ? 2 : typeof v === 'boolean' ? 1 : 0);
    const num = (v: Cell): number => (typeof v === 'object' ? v.n : Number(v));
    idx.sort((a, b) => {
      for (const s of specs) {
        const va = sheet.cell(a, s.column);
        const vb = sheet.cell(b, s.column);
        const ra = rank(va);
        const rb = rank(vb);
        if (ra !== rb) return ra - rb;
        if (ra === 3) continue;
        let d = 0;
        if (ra === 2) d = String(va).localeCompare(String(vb), sheet.parent.locale.replace('_', '-'));
        else d = num(va) - num(vb);
        if (d !== 0) return s.ascending ? d : -d;
      }
      return a - b;
    });
    const c0 = this._c - 1;
    const oldValues = idx.map((r) => (sheet.values[r - 1] ?? []).slice(c0, c0 + this._nc));
    const oldFormulas = idx.map((r) => (sheet.formulas[r - 1] ?? []).slice(c0, c0 + this._nc));
    const layerBlocks = sheet.layers
      .all()
      .map((layer) => idx.map((r) => layer.block(r, r, this._c, this._c + this._nc - 1)[0]));
    idx.forEach((_, i) => {
      const r = this._r + i;
      const row = sheet.rowForWrite(r, c0 + this._nc);
      for (let j = 0; j < this._nc; j++) row[c0 + j] = oldValues[i][j] ?? '';
      if (oldFormulas[i].some((f) => f !== undefined) || sheet.formulas[r - 1]) {
        const fr = sheet.formulaRowForWrite(r);
        for (let j = 0; j < this._nc; j++) fr[c0 + j] = oldFormulas[i][j];
      }
    });
    sheet.layers.all().forEach((layer, k) => {
      for (let j = 0; j < this._nc; j++)
        layer.writeColumn(
          this._c + j,
          this._r,
          layerBlocks[k].map((row) => row[j]),
        );
    });
    sheet.invalidate();
    return this;
  }

  createTextFinder(findText: string): TextFinderImpl {
    return new TextFinderImpl(this._exec, this._sheet, this._rect, String(findText));
  }

  /** Host values of the block (Dates as host Dates), for assertions and other modules. */
  _hostValues(): unknown[][] {
    return readValues(this._sheet, this._r, this._c, this._nr, this._nc).map((row) =>
      row.map((v) => (v instanceof DateMark ? new Date(v.t) : v)),
    );
  }
}
