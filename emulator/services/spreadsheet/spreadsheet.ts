/**
 * Spreadsheet (reference/spreadsheet/spreadsheet): sheets, names, time zone and locale, named ranges,
 * sharing (owner, editors, viewers), protections, toasts and the active sheet/range.
 */
import { type Execution, GasObject, unwrap } from '../../runtime';
import { isValidTimeZone } from '../../timezone';
import { parseA1, splitSheetRef } from './a1';
import { ctxOf, enumName, realmList } from './context';
import { MSG, type SheetModel, type SpreadsheetModel } from './model';
import { NamedRangeImpl } from './named-range';
import { assertCanChangeSheet, ProtectionImpl } from './protection';
import { checkedRange, RangeImpl } from './range';
import { SheetImpl } from './sheet';
import { TextFinderImpl } from './text-finder';
import { emailOf, UserImpl } from './user';

export class SpreadsheetImpl extends GasObject {
  readonly _gasClass = 'Spreadsheet';

  constructor(
    exec: Execution,
    readonly _ss: SpreadsheetModel,
  ) {
    super(exec);
  }

  private get _user(): string {
    return this._exec.effectiveUser;
  }

  private _mustEdit(): void {
    const a = this._ss.access(this._user);
    if (a === null) throw new Error(MSG.noAccess);
    if (a === 'viewer') throw new Error(MSG.protectedCell);
  }

  private _sheetOf(sheet: unknown): SheetModel {
    const host = sheet !== null && typeof sheet === 'object' ? unwrap(sheet) : undefined;
    if (host instanceof SheetImpl && host._sheet.parent === this._ss && !host._sheet.deleted) return host._sheet;
    throw new Error(MSG.rangeNotFound);
  }

  // ---- identity ----

  getId(): string {
    return this._ss.id;
  }

  getName(): string {
    return this._ss.name;
  }

  rename(newName: string): void {
    this._mustEdit();
    this._ss.name = String(newName);
  }

  getUrl(): string {
    return this._ss.url;
  }

  getFormUrl(): string | null {
    return this._ss.formUrl;
  }

  getSpreadsheetTimeZone(): string {
    return this._ss.timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    this._mustEdit();
    const tz = String(timezone);
    if (!isValidTimeZone(tz)) throw new Error(`Invalid argument: ${tz}`);
    this._ss.timeZone = tz;
  }

  getSpreadsheetLocale(): string {
    return this._ss.locale;
  }

  setSpreadsheetLocale(locale: string): void {
    this._mustEdit();
    this._ss.locale = String(locale);
  }

  // ---- sheets ----

  getSheets(): SheetImpl[] {
    return this._ss.sheets.map((s) => new SheetImpl(this._exec, s));
  }

  getNumSheets(): number {
    return this._ss.sheets.length;
  }

  getSheetByName(name: string): SheetImpl | null {
    const s = this._ss.sheetByName(String(name));
    return s ? new SheetImpl(this._exec, s) : null;
  }

  getSheetById(id: number): SheetImpl | null {
    const s = this._ss.sheetById(Number(id));
    return s ? new SheetImpl(this._exec, s) : null;
  }

  /** insertSheet(), (index), (name), (name, index) — the index is 0-based; the new sheet becomes active. */
  insertSheet(a?: unknown, b?: unknown): SheetImpl {
    this._mustEdit();
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') {
      name = a;
      if (typeof b === 'number') index = b;
    } else if (typeof a === 'number') index = a;
    const sheet = this._ss.insertSheet(name, index);
    ctxOf(this._exec).setSelection(this._ss, sheet, { r1: 1, c1: 1, r2: 1, c2: 1 });
    return new SheetImpl(this._exec, sheet);
  }

  deleteSheet(sheet: unknown): void {
    const s = this._sheetOf(sheet);
    this._mustEdit();
    assertCanChangeSheet(this._user, s);
    this._ss.deleteSheet(s);
  }

  deleteActiveSheet(): SheetImpl {
    const active = ctxOf(this._exec).activeSelection(this._ss).sheet;
    this.deleteSheet(new SheetImpl(this._exec, active));
    return this.getActiveSheet();
  }

  getActiveSheet(): SheetImpl {
    return new SheetImpl(this._exec, ctxOf(this._exec).activeSelection(this._ss).sheet);
  }

  setActiveSheet(sheet: unknown): SheetImpl {
    const s = this._sheetOf(sheet);
    ctxOf(this._exec).setSelection(this._ss, s, { r1: 1, c1: 1, r2: 1, c2: 1 });
    return new SheetImpl(this._exec, s);
  }

  getActiveRange(): RangeImpl {
    const { sheet, rect } = ctxOf(this._exec).activeSelection(this._ss);
    return new RangeImpl(this._exec, sheet, rect.r1, rect.c1, rect.r2 - rect.r1 + 1, rect.c2 - rect.c1 + 1);
  }

  getActiveCell(): RangeImpl {
    const { sheet, rect } = ctxOf(this._exec).activeSelection(this._ss);
    return new RangeImpl(this._exec, sheet, rect.r1, rect.c1, 1, 1);
  }

  getCurrentCell(): RangeImpl {
    return this.getActiveCell();
  }

  setActiveRange(range: unknown): RangeImpl {
    const host = unwrap(range as object);
    if (!(host instanceof RangeImpl)) throw new Error(MSG.rangeNotFound);
    return host.activate();
  }

  /** Moves the active sheet to a 1-based position. */
  moveActiveSheet(pos: number): void {
    this._mustEdit();
    const active = ctxOf(this._exec).activeSelection(this._ss).sheet;
    const sheets = this._ss.sheets.filter((s) => s !== active);
    const at = Math.max(0, Math.min(sheets.length, Math.trunc(Number(pos)) - 1));
    sheets.splice(at, 0, active);
    this._ss.sheets = sheets;
  }

  getRange(a1Notation: string): RangeImpl {
    const { sheet: name, a1 } = splitSheetRef(String(a1Notation));
    const sheet = name === undefined ? ctxOf(this._exec).activeSelection(this._ss).sheet : this._ss.sheetByName(name);
    if (!sheet) throw new Error(MSG.rangeNotFound);
    const rect = parseA1(a1, sheet.maxRows, sheet.maxCols);
    if (!rect) throw new Error(MSG.rangeNotFound);
    return checkedRange(this._exec, sheet, rect.r1, rect.c1, rect.r2 - rect.r1 + 1, rect.c2 - rect.c1 + 1);
  }

  getLastRow(): number {
    return this.getActiveSheet().getLastRow();
  }

  getLastColumn(): number {
    return this.getActiveSheet().getLastColumn();
  }

  createTextFinder(findText: string): TextFinderImpl {
    const s = ctxOf(this._exec).activeSelection(this._ss).sheet;
    return new TextFinderImpl(this._exec, s, { r1: 1, c1: 1, r2: s.maxRows, c2: s.maxCols }, String(findText));
  }

  // ---- named ranges ----

  getRangeByName(name: string): RangeImpl | null {
    const n = this._ss.namedRanges.find((x) => x.name === String(name));
    if (!n || n.ref.broken) return null;
    const r = n.ref;
    return new RangeImpl(this._exec, r.sheet, r.r1, r.c1, r.r2 - r.r1 + 1, r.c2 - r.c1 + 1);
  }

  /** Creates the name, or moves it when it exists. */
  setNamedRange(name: string, range: unknown): void {
    this._mustEdit();
    const host = unwrap(range as object);
    if (!(host instanceof RangeImpl)) throw new Error(MSG.rangeNotFound);
    const existing = this._ss.namedRanges.find((x) => x.name === String(name));
    if (existing) existing.ref = host._ref();
    else this._ss.namedRanges.push({ name: String(name), ref: host._ref() });
  }

  getNamedRanges(): NamedRangeImpl[] {
    return realmList(
      this._exec,
      this._ss.namedRanges.map((n) => new NamedRangeImpl(this._exec, n)),
    );
  }

  removeNamedRange(name: string): void {
    this._mustEdit();
    this._ss.namedRanges = this._ss.namedRanges.filter((x) => x.name !== String(name));
  }

  // ---- sharing ----

  getOwner(): UserImpl {
    return new UserImpl(this._exec, this._ss.owner);
  }

  /** The owner and editors; empty when the user running the script cannot edit. */
  getEditors(): UserImpl[] {
    if (!this._ss.canEditDocument(this._user)) return realmList(this._exec, []);
    return [this._ss.owner, ...this._ss.editors].map((e) => new UserImpl(this._exec, e));
  }

  getViewers(): UserImpl[] {
    if (!this._ss.canEditDocument(this._user)) return realmList(this._exec, []);
    return realmList(
      this._exec,
      this._ss.viewers.map((e) => new UserImpl(this._exec, e)),
    );
  }

  addEditor(emailOrUser: unknown): this {
    this._mustEdit();
    const email = emailOf(emailOrUser);
    if (this._ss.access(email) === 'owner' || this._ss.access(email) === 'editor') return this;
    this._ss.viewers = this._ss.viewers.filter((v) => v.toLowerCase() !== email.toLowerCase());
    this._ss.editors.push(email);
    return this;
  }

  addEditors(emailAddresses: unknown): this {
    for (const e of Array.isArray(emailAddresses) ? emailAddresses : []) this.addEditor(e);
    return this;
  }

  removeEditor(emailOrUser: unknown): this {
    this._mustEdit();
    const email = emailOf(emailOrUser).toLowerCase();
    this._ss.editors = this._ss.editors.filter((e) => e.toLowerCase() !== email);
    return this;
  }

  addViewer(emailOrUser: unknown): this {
    this._mustEdit();
    const email = emailOf(emailOrUser);
    if (this._ss.access(email) !== null) return this;
    this._ss.viewers.push(email);
    return this;
  }

  addViewers(emailAddresses: unknown): this {
    for (const e of Array.isArray(emailAddresses) ? emailAddresses : []) this.addViewer(e);
    return this;
  }

  removeViewer(emailOrUser: unknown): this {
    this._mustEdit();
    const email = emailOf(emailOrUser).toLowerCase();
    this._ss.viewers = this._ss.viewers.filter((e) => e.toLowerCase() !== email);
    return this;
  }

  getProtections(type: unknown): ProtectionImpl[] {
    const name = enumName(type);
    return realmList(
      this._exec,
      this._ss.protections.filter((p) => p.type === name).map((p) => new ProtectionImpl(this._exec, p)),
    );
  }

  /** Shown to whoever has the spreadsheet open; recorded for tests (reference/spreadsheet/spreadsheet#toastmsg,-title,-timeoutseconds). */
  toast(msg: unknown, title?: unknown, timeoutSeconds?: unknown): void {
    const ctx = ctxOf(this._exec);
    ctx.store.ui.events.push({
      kind: 'toast',
      user: ctx.person,
      spreadsheetId: this._ss.id,
      executionId: this._exec.id,
      message: String(msg),
      title: title === undefined || title === null ? '' : String(title),
      timeoutSeconds: timeoutSeconds === undefined || timeoutSeconds === null ? 5 : Number(timeoutSeconds),
    });
  }
}
