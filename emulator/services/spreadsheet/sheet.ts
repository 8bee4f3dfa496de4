/**
 * Sheet (reference/spreadsheet/sheet): geometry, rows and columns, frozen panes, hidden rows/columns/sheets,
 * widths, protections, conditional formats and appendRow.
 */
import { type Execution, GasObject, unwrap } from '../../runtime';
import { parseA1, splitSheetRef } from './a1';
import { cellOf, formulaOf, toCell, yearNow } from './cells';
import * as charts from './charts';
import { conditionalRuleOf, ConditionalFormatRuleImpl } from './conditional';
import { ctxOf, enumName, realmList, signatureError } from './context';
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, MSG, type SheetModel } from './model';
import { assertCanChangeSheet, assertCanEdit, newProtection, ProtectionImpl } from './protection';
import { checkedRange, RangeImpl } from './range';
import { SpreadsheetImpl } from './spreadsheet';
import { normalizeColor } from './style';
import { TextFinderImpl } from './text-finder';

function int(v: unknown, method: string): number {
  const n = Number(v);
  if (v === null || v === undefined || !Number.isFinite(n)) throw signatureError([v], `SpreadsheetApp.Sheet.${method}`);
  return Math.trunc(n);
}

export class SheetImpl extends GasObject {
  readonly _gasClass = 'Sheet';

  constructor(
    exec: Execution,
    readonly _sheet: SheetModel,
  ) {
    super(exec);
  }

  private get _user(): string {
    return this._exec.effectiveUser;
  }

  private _structural(): void {
    assertCanChangeSheet(this._user, this._sheet);
  }

  /** Inserting needs the document and no sheet protection against the user; range protections just move. */
  private _insertable(): void {
    const ss = this._sheet.parent;
    if (!ss.canEditDocument(this._user))
      throw new Error(ss.access(this._user) === null ? MSG.noAccess : MSG.protectedCell);
    for (const p of ss.protections) {
      if (p.sheet === this._sheet && p.type === 'SHEET')
        assertCanEdit(this._user, this._sheet, { r1: 1, c1: 1, r2: 1, c2: 1 });
    }
  }

  // ---- identity ----

  getName(): string {
    return this._sheet.name;
  }

  getSheetName(): string {
    return this._sheet.name;
  }

  setName(name: string): this {
    const n = String(name);
    this._structural();
    if (this._sheet.parent.nameTaken(n, this._sheet)) throw new Error(MSG.sheetExists(n));
    this._sheet.name = n;
    return this;
  }

  getSheetId(): number {
    return this._sheet.id;
  }

  getIndex(): number {
    return this._sheet.parent.sheets.indexOf(this._sheet) + 1;
  }

  getParent(): SpreadsheetImpl {
    return new SpreadsheetImpl(this._exec, this._sheet.parent);
  }

  getFormUrl(): string | null {
    return this._sheet.formUrl;
  }

  activate(): this {
    ctxOf(this._exec).setSelection(this._sheet.parent, this._sheet, { r1: 1, c1: 1, r2: 1, c2: 1 });
    return this;
  }

  // ---- ranges ----

  getRange(a: unknown, column?: unknown, numRows?: unknown, numColumns?: unknown): RangeImpl {
    if (typeof a === 'string' && column === undefined) return this._rangeA1(a);
    return checkedRange(this._exec, this._sheet, a, column, numRows ?? 1, numColumns ?? 1);
  }

  private _rangeA1(ref: string): RangeImpl {
    const { sheet: name, a1 } = splitSheetRef(ref);
    const sheet = name === undefined ? this._sheet : this._sheet.parent.sheetByName(name);
    if (!sheet) throw new Error(MSG.rangeNotFound);
    const rect = parseA1(a1, sheet.maxRows, sheet.maxCols);
    if (!rect) throw new Error(MSG.rangeNotFound);
    return checkedRange(this._exec, sheet, rect.r1, rect.c1, rect.r2 - rect.r1 + 1, rect.c2 - rect.c1 + 1);
  }

  getDataRange(): RangeImpl {
    return new RangeImpl(
      this._exec,
      this._sheet,
      1,
      1,
      Math.max(1, this._sheet.lastRow()),
      Math.max(1, this._sheet.lastColumn()),
    );
  }

  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    const nr = Number(numRows) === -1 ? this._sheet.lastRow() - Number(startRow) + 1 : numRows;
    const nc = Number(numColumns) === -1 ? this._sheet.lastColumn() - Number(startColumn) + 1 : numColumns;
    return checkedRange(this._exec, this._sheet, startRow, startColumn, nr, nc).getValues();
  }

  getLastRow(): number {
    return this._sheet.lastRow();
  }

  getLastColumn(): number {
    return this._sheet.lastColumn();
  }

  getMaxRows(): number {
    return this._sheet.maxRows;
  }

  getMaxColumns(): number {
    return this._sheet.maxCols;
  }

  createTextFinder(findText: string): TextFinderImpl {
    const s = this._sheet;
    return new TextFinderImpl(this._exec, s, { r1: 1, c1: 1, r2: s.maxRows, c2: s.maxCols }, String(findText));
  }

  // ---- rows and columns ----

  insertRowsAfter(afterPosition: number, howMany: number): this {
    const after = int(afterPosition, 'insertRowsAfter');
    const n = int(howMany, 'insertRowsAfter');
    if (after < 1 || after > this._sheet.maxRows || n < 1) throw new Error(MSG.rowsOut);
    this._insertable();
    this._sheet.insertRows(after + 1, n);
    return this;
  }

  insertRowAfter(afterPosition: number): this {
    return this.insertRowsAfter(afterPosition, 1);
  }

  insertRowsBefore(beforePosition: number, howMany: number): this {
    const before = int(beforePosition, 'insertRowsBefore');
    const n = int(howMany, 'insertRowsBefore');
    if (before < 1 || before > this._sheet.maxRows || n < 1) throw new Error(MSG.rowsOut);
    this._insertable();
    this._sheet.insertRows(before, n);
    return this;
  }

  insertRowBefore(beforePosition: number): this {
    return this.insertRowsBefore(beforePosition, 1);
  }

  insertRows(rowIndex: number, numRows = 1): void {
    this.insertRowsBefore(rowIndex, numRows);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): this {
    const after = int(afterPosition, 'insertColumnsAfter');
    const n = int(howMany, 'insertColumnsAfter');
    if (after < 1 || after > this._sheet.maxCols || n < 1) throw new Error(MSG.colsOut);
    this._insertable();
    this._sheet.insertCols(after + 1, n);
    return this;
  }

  insertColumnAfter(afterPosition: number): this {
    return this.insertColumnsAfter(afterPosition, 1);
  }

  insertColumnsBefore(beforePosition: number, howMany: number): this {
    const before = int(beforePosition, 'insertColumnsBefore');
    const n = int(howMany, 'insertColumnsBefore');
    if (before < 1 || before > this._sheet.maxCols || n < 1) throw new Error(MSG.colsOut);
    this._insertable();
    this._sheet.insertCols(before, n);
    return this;
  }

  insertColumnBefore(beforePosition: number): this {
    return this.insertColumnsBefore(beforePosition, 1);
  }

  insertColumns(columnIndex: number, numColumns = 1): void {
    this.insertColumnsBefore(columnIndex, numColumns);
  }

  deleteRows(rowPosition: number, howMany: number): void {
    const at = int(rowPosition, 'deleteRows');
    const n = int(howMany, 'deleteRows');
    const s = this._sheet;
    if (at < 1 || n < 1 || at + n - 1 > s.maxRows) throw new Error(MSG.rowsOut);
    const frozenLeft = s.frozenRows - Math.max(0, Math.min(s.frozenRows, at + n - 1) - at + 1);
    if (s.maxRows - n - frozenLeft <= 0) throw new Error(MSG.allRows);
    assertCanEdit(this._user, s, { r1: at, c1: 1, r2: at + n - 1, c2: s.maxCols });
    s.deleteRows(at, n);
  }

  deleteRow(rowPosition: number): this {
    this.deleteRows(rowPosition, 1);
    return this;
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    const at = int(columnPosition, 'deleteColumns');
    const n = int(howMany, 'deleteColumns');
    const s = this._sheet;
    if (at < 1 || n < 1 || at + n - 1 > s.maxCols) throw new Error(MSG.colsOut);
    const frozenLeft = s.frozenCols - Math.max(0, Math.min(s.frozenCols, at + n - 1) - at + 1);
    if (s.maxCols - n - frozenLeft <= 0) throw new Error(MSG.allCols);
    assertCanEdit(this._user, s, { r1: 1, c1: at, r2: s.maxRows, c2: at + n - 1 });
    s.deleteCols(at, n);
  }

  deleteColumn(columnPosition: number): this {
    this.deleteColumns(columnPosition, 1);
    return this;
  }

  /** Appends after the last row with content, growing the sheet when it is full (reference/spreadsheet/sheet#appendrowrowcontents). */
  appendRow(rowContents: unknown): this {
    if (!Array.isArray(rowContents)) throw signatureError([rowContents], 'SpreadsheetApp.Sheet.appendRow');
    const s = this._sheet;
    const r = s.lastRow() + 1;
    // A row past the grid is added with the formatting of the row above it.
    const fr = Math.min(r, s.maxRows);
    const year = yearNow(s);
    const parsed = rowContents.map((v, j) => toCell(v, s, s.layers.numberFormat.get(fr, j + 1), year));
    assertCanEdit(this._user, s, { r1: fr, c1: 1, r2: fr, c2: Math.max(1, Math.min(parsed.length, s.maxCols)) });
    this._exec.moved(parsed.length);
    s.appendRow(parsed.map(cellOf), parsed.map(formulaOf));
    return this;
  }

  // ---- frozen panes, hiding, sizes ----

  setFrozenRows(rows: number): void {
    this._structural();
    this._sheet.frozenRows = Math.max(0, int(rows, 'setFrozenRows'));
  }

  getFrozenRows(): number {
    return this._sheet.frozenRows;
  }

  setFrozenColumns(columns: number): void {
    this._structural();
    this._sheet.frozenCols = Math.max(0, int(columns, 'setFrozenColumns'));
  }

  getFrozenColumns(): number {
    return this._sheet.frozenCols;
  }

  hideSheet(): this {
    this._structural();
    const visible = this._sheet.parent.sheets.filter((s) => !s.hidden && s !== this._sheet);
    if (visible.length === 0) throw new Error("You can't hide all the sheets in a document.");
    this._sheet.hidden = true;
    return this;
  }

  showSheet(): this {
    this._structural();
    this._sheet.hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    return this._sheet.hidden;
  }

  private _rowSpan(index: unknown, count: unknown): [number, number] {
    const host = index !== null && typeof index === 'object' ? unwrap(index) : undefined;
    if (host instanceof RangeImpl) return [host._r, host._r + host._nr - 1];
    const at = int(index, 'hideRows');
    const n = count === undefined ? 1 : int(count, 'hideRows');
    if (at < 1 || at + n - 1 > this._sheet.maxRows) throw new Error(MSG.rowsOut);
    return [at, at + n - 1];
  }

  private _colSpan(index: unknown, count: unknown): [number, number] {
    const host = index !== null && typeof index === 'object' ? unwrap(index) : undefined;
    if (host instanceof RangeImpl) return [host._c, host._c + host._nc - 1];
    const at = int(index, 'hideColumns');
    const n = count === undefined ? 1 : int(count, 'hideColumns');
    if (at < 1 || at + n - 1 > this._sheet.maxCols) throw new Error(MSG.colsOut);
    return [at, at + n - 1];
  }

  hideRows(rowIndex: number, numRows?: number): void {
    const [a, b] = this._rowSpan(rowIndex, numRows);
    this._sheet.hiddenRows.set(a, b, true);
  }

  hideRow(row: unknown): void {
    const [a, b] = this._rowSpan(row, undefined);
    this._sheet.hiddenRows.set(a, b, true);
  }

  showRows(rowIndex: number, numRows?: number): void {
    const [a, b] = this._rowSpan(rowIndex, numRows);
    this._sheet.hiddenRows.set(a, b, undefined);
  }

  unhideRow(row: unknown): void {
    const [a, b] = this._rowSpan(row, undefined);
    this._sheet.hiddenRows.set(a, b, undefined);
  }

  isRowHiddenByUser(rowPosition: number): boolean {
    return this._sheet.hiddenRows.get(int(rowPosition, 'isRowHiddenByUser')) === true;
  }

  hideColumns(columnIndex: number, numColumns?: number): void {
    const [a, b] = this._colSpan(columnIndex, numColumns);
    this._sheet.hiddenCols.set(a, b, true);
  }

  hideColumn(column: unknown): void {
    const [a, b] = this._colSpan(column, undefined);
    this._sheet.hiddenCols.set(a, b, true);
  }

  showColumns(columnIndex: number, numColumns?: number): void {
    const [a, b] = this._colSpan(columnIndex, numColumns);
    this._sheet.hiddenCols.set(a, b, undefined);
  }

  unhideColumn(column: unknown): void {
    const [a, b] = this._colSpan(column, undefined);
    this._sheet.hiddenCols.set(a, b, undefined);
  }

  isColumnHiddenByUser(columnPosition: number): boolean {
    return this._sheet.hiddenCols.get(int(columnPosition, 'isColumnHiddenByUser')) === true;
  }

  setColumnWidth(columnPosition: number, width: number): this {
    const c = int(columnPosition, 'setColumnWidth');
    if (c < 1 || c > this._sheet.maxCols) throw new Error(MSG.colsOut);
    this._sheet.colWidths.set(c, c, int(width, 'setColumnWidth'));
    return this;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    const [a, b] = this._colSpan(startColumn, numColumns);
    this._sheet.colWidths.set(a, b, int(width, 'setColumnWidths'));
    return this;
  }

  getColumnWidth(columnPosition: number): number {
    return this._sheet.colWidths.get(int(columnPosition, 'getColumnWidth')) ?? DEFAULT_COLUMN_WIDTH;
  }

  setRowHeight(rowPosition: number, height: number): this {
    const [a, b] = this._rowSpan(rowPosition, 1);
    this._sheet.rowHeights.set(a, b, int(height, 'setRowHeight'));
    return this;
  }

  setRowHeights(startRow: number, numRows: number, height: number): this {
    const [a, b] = this._rowSpan(startRow, numRows);
    this._sheet.rowHeights.set(a, b, int(height, 'setRowHeights'));
    return this;
  }

  getRowHeight(rowPosition: number): number {
    return this._sheet.rowHeights.get(int(rowPosition, 'getRowHeight')) ?? DEFAULT_ROW_HEIGHT;
  }

  /** Fits each column to its longest text, about 7 px a character (a person's display, approximated). */
  autoResizeColumns(startColumn: number, numColumns: number): this {
    const [a, b] = this._colSpan(startColumn, numColumns);
    const s = this._sheet;
    for (let c = a; c <= b; c++) {
      let longest = 0;
      for (const row of s.values) {
        const v = row?.[c - 1];
        if (v === undefined || v === '') continue;
        const len =
          typeof v === 'object'
            ? 10
            : String(v)
                .split('\n')
                .reduce((m, line) => Math.max(m, line.length), 0);
        if (len > longest) longest = len;
      }
      s.colWidths.set(c, c, Math.min(1000, Math.max(DEFAULT_COLUMN_WIDTH / 2, longest * 7 + 10)));
    }
    return this;
  }

  autoResizeColumn(columnPosition: number): this {
    return this.autoResizeColumns(columnPosition, 1);
  }

  setTabColor(color: string | null): this {
    this._sheet.tabColor = color === null ? null : normalizeColor(color);
    return this;
  }

  getTabColor(): string | null {
    return this._sheet.tabColor;
  }

  // ---- clearing ----

  clear(options?: unknown): this {
    const s = this._sheet;
    new RangeImpl(this._exec, s, 1, 1, s.maxRows, s.maxCols).clear(options);
    return this;
  }

  clearContents(): this {
    const s = this._sheet;
    assertCanChangeSheet(this._user, s);
    this._exec.moved(1);
    s.clearContents();
    return this;
  }

  clearFormats(): this {
    const s = this._sheet;
    new RangeImpl(this._exec, s, 1, 1, s.maxRows, s.maxCols).clear({ formatOnly: true });
    return this;
  }

  clearNotes(): this {
    const s = this._sheet;
    new RangeImpl(this._exec, s, 1, 1, s.maxRows, s.maxCols).clearNote();
    return this;
  }

  /** Sorts the rows below the frozen ones by one column (reference/spreadsheet/sheet#sortcolumnposition,-ascending). */
  sort(columnPosition: number, ascending = true): this {
    const s = this._sheet;
    const first = s.frozenRows + 1;
    const last = s.lastRow();
    if (last >= first)
      new RangeImpl(this._exec, s, first, 1, last - first + 1, s.maxCols).sort({ column: columnPosition, ascending });
    return this;
  }

  // ---- protection, conditional formats ----

  /** A sheet has at most one sheet protection: protect() returns it when it exists. */
  protect(): ProtectionImpl {
    const ss = this._sheet.parent;
    const existing = ss.protections.find((p) => p.sheet === this._sheet && p.type === 'SHEET');
    if (existing) return new ProtectionImpl(this._exec, existing);
    this._structural();
    const s = this._sheet;
    return new ProtectionImpl(
      this._exec,
      newProtection(ss, 'SHEET', s, { r1: 1, c1: 1, r2: s.maxRows, c2: s.maxCols }),
    );
  }

  getProtections(type: unknown): ProtectionImpl[] {
    const name = enumName(type);
    const list = this._sheet.parent.protections.filter((p) => p.sheet === this._sheet && p.type === name);
    return realmList(
      this._exec,
      list.map((p) => new ProtectionImpl(this._exec, p)),
    );
  }

  setConditionalFormatRules(rules: unknown): void {
    if (!Array.isArray(rules)) throw signatureError([rules], 'SpreadsheetApp.Sheet.setConditionalFormatRules');
    this._structural();
    const list = rules.map((r) => conditionalRuleOf(r)).filter((r) => r !== undefined);
    for (const rule of list) rule.ranges = rule.ranges.filter((ref) => ref.sheet === this._sheet);
    this._sheet.conditionalRules = list;
  }

  getConditionalFormatRules(): ConditionalFormatRuleImpl[] {
    return realmList(
      this._exec,
      this._sheet.conditionalRules.map((r) => new ConditionalFormatRuleImpl(this._exec, r)),
    );
  }

  clearConditionalFormatRules(): void {
    this._structural();
    this._sheet.conditionalRules = [];
  }

  // ---- embedded charts (charts.ts) ----

  newChart(): charts.EmbeddedChartBuilderImpl {
    return charts.newChartBuilder(this._exec, this._sheet);
  }

  insertChart(chart: unknown): void {
    charts.insertChart(this._exec, this._sheet, chart);
  }

  updateChart(chart: unknown): void {
    charts.updateChart(this._exec, this._sheet, chart);
  }

  removeChart(chart: unknown): void {
    charts.removeChart(this._exec, this._sheet, chart);
  }

  getCharts(): charts.EmbeddedChartImpl[] {
    return charts.getCharts(this._exec, this._sheet);
  }
}
