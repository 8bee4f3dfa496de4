/**
 * Protected ranges and sheets (reference/spreadsheet/protection) and the edit check every write goes
 * through. Until a script changes a protection's editors, they mirror the spreadsheet's, so the range stays
 * editable by every editor (reference/spreadsheet/range#protect). The owner can always edit; warning-only
 * protections block nobody.
 */
import { CONSUMER_DOMAINS, type Execution, GasObject, unwrap } from '../../runtime';
import { type Rect, rectContains } from './a1';
import { ctxOf, type GasEnum, realmList } from './context';
import { MSG, type ProtectionModel, type RangeRef, type SheetModel, type SpreadsheetModel } from './model';
import { RangeImpl } from './range';
import { emailOf, UserImpl } from './user';

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

function sameWorkspaceDomain(a: string, b: string): boolean {
  const d = domainOf(a);
  return d === domainOf(b) && !CONSUMER_DOMAINS.has(d);
}

/** Whether protection `p` stops `user` from editing what it covers. */
export function blocks(p: ProtectionModel, user: string): boolean {
  if (p.warningOnly) return false;
  const ss = p.sheet.parent;
  const access = ss.access(user);
  if (access === 'owner') return false;
  if (access !== 'editor') return true;
  if (p.editors === null) return false;
  const u = user.toLowerCase();
  for (const e of p.editors) if (e.toLowerCase() === u) return false;
  if (p.domainEdit && sameWorkspaceDomain(user, ss.owner)) return false;
  return true;
}

function covers(p: ProtectionModel, r: number, c: number): boolean {
  if (p.type === 'RANGE') return rectContains(p.range, r, c);
  return !p.unprotected.some((u) => rectContains(u, r, c));
}

function coversAny(p: ProtectionModel, rect: Rect): boolean {
  if (p.type === 'RANGE') {
    return p.range.r1 <= rect.r2 && rect.r1 <= p.range.r2 && p.range.c1 <= rect.c2 && rect.c1 <= p.range.c2;
  }
  // A protected sheet covers the block unless one unprotected range holds all of it.
  return !p.unprotected.some((u) => u.r1 <= rect.r1 && u.r2 >= rect.r2 && u.c1 <= rect.c1 && u.c2 >= rect.c2);
}

/** Whether `user` may change cell (row, col) of `sheet` (document access and protections). */
export function userCanEditCell(
  ss: SpreadsheetModel,
  user: string,
  sheet: SheetModel,
  row: number,
  col: number,
): boolean {
  if (!ss.canEditDocument(user)) return false;
  return !ss.protections.some((p) => p.sheet === sheet && covers(p, row, col) && blocks(p, user));
}

/** Throws Apps Script's message when `user` may not change the block. */
export function assertCanEdit(user: string, sheet: SheetModel, rect: Rect): void {
  const ss = sheet.parent;
  const access = ss.access(user);
  if (access === null) throw new Error(MSG.noAccess);
  if (access === 'viewer') throw new Error(MSG.protectedCell);
  if (access === 'owner') return;
  for (const p of ss.protections) {
    if (p.sheet === sheet && blocks(p, user) && coversAny(p, rect)) throw new Error(MSG.protectedCell);
  }
}

/** Structural changes (insert/delete rows, rename, hide...) need the sheet not to be protected against the user. */
export function assertCanChangeSheet(user: string, sheet: SheetModel): void {
  assertCanEdit(user, sheet, { r1: 1, c1: 1, r2: sheet.maxRows, c2: sheet.maxCols });
}

export function newProtection(
  ss: SpreadsheetModel,
  type: 'RANGE' | 'SHEET',
  sheet: SheetModel,
  rect: Rect,
  rangeName?: string,
): ProtectionModel {
  const p: ProtectionModel = {
    id: ss.nextProtectionId++,
    type,
    sheet,
    range: { sheet, ...rect },
    rangeName,
    description: '',
    warningOnly: false,
    editors: null,
    domainEdit: false,
    unprotected: [],
  };
  ss.protections.push(p);
  return p;
}

export class ProtectionImpl extends GasObject {
  readonly _gasClass = 'Protection';

  constructor(
    exec: Execution,
    readonly _p: ProtectionModel,
  ) {
    super(exec);
  }

  private get _ss(): SpreadsheetModel {
    return this._p.sheet.parent;
  }

  private _me(): string {
    return this._exec.effectiveUser;
  }

  /** Changing a protection needs the right to edit what it protects. */
  private _assertMayChange(): void {
    if (this._p.warningOnly) {
      if (!this._ss.canEditDocument(this._me())) throw new Error(MSG.protectedCell);
      return;
    }
    if (blocks(this._p, this._me())) throw new Error(MSG.protectedCell);
  }

  /** The first change of editors turns the mirrored list into an explicit one. */
  private _editors(): Set<string> {
    if (this._p.editors === null) this._p.editors = new Set([this._ss.owner, ...this._ss.editors]);
    return this._p.editors;
  }

  addEditor(emailOrUser: unknown): this {
    this._assertMayChange();
    this._editors().add(emailOf(emailOrUser));
    return this;
  }

  addEditors(emailAddresses: unknown): this {
    this._assertMayChange();
    const set = this._editors();
    for (const e of toList(emailAddresses)) set.add(emailOf(e));
    return this;
  }

  removeEditor(emailOrUser: unknown): this {
    return this.removeEditors([emailOrUser]);
  }

  /** The owner and the user running the script stay editors. */
  removeEditors(emailAddresses: unknown): this {
    this._assertMayChange();
    const set = this._editors();
    const keep = new Set([this._ss.owner.toLowerCase(), this._me().toLowerCase()]);
    for (const e of toList(emailAddresses)) {
      const email = emailOf(e).toLowerCase();
      if (keep.has(email)) continue;
      for (const x of [...set]) if (x.toLowerCase() === email) set.delete(x);
    }
    return this;
  }

  getEditors(): UserImpl[] {
    const list = this._p.editors === null ? [this._ss.owner, ...this._ss.editors] : [...this._p.editors];
    const seen = new Set<string>();
    const out: UserImpl[] = [];
    for (const e of [this._ss.owner, ...list]) {
      if (seen.has(e.toLowerCase())) continue;
      seen.add(e.toLowerCase());
      out.push(new UserImpl(this._exec, e));
    }
    return out;
  }

  canEdit(): boolean {
    return !blocks(this._p, this._me()) && this._ss.canEditDocument(this._me());
  }

  canDomainEdit(): boolean {
    if (CONSUMER_DOMAINS.has(domainOf(this._ss.owner))) return false;
    return this._p.domainEdit || this._p.editors === null;
  }

  setDomainEdit(editable: boolean): this {
    this._assertMayChange();
    this._editors();
    this._p.domainEdit = Boolean(editable) && !CONSUMER_DOMAINS.has(domainOf(this._ss.owner));
    return this;
  }

  getDescription(): string {
    return this._p.description;
  }

  setDescription(description: string): this {
    this._assertMayChange();
    this._p.description = String(description);
    return this;
  }

  isWarningOnly(): boolean {
    return this._p.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): this {
    this._assertMayChange();
    this._p.warningOnly = Boolean(warningOnly);
    return this;
  }

  getProtectionType(): GasEnum {
    return ctxOf(this._exec).enumValue('ProtectionType', this._p.type);
  }

  getRange(): RangeImpl {
    const r = this._p.range;
    return new RangeImpl(this._exec, this._p.sheet, r.r1, r.c1, r.r2 - r.r1 + 1, r.c2 - r.c1 + 1);
  }

  getRangeName(): string | null {
    return this._p.rangeName ?? null;
  }

  setRange(range: unknown): this {
    this._assertMayChange();
    const host = unwrap(range as object);
    if (!(host instanceof RangeImpl) || this._p.type !== 'RANGE') return this;
    this._p.range = host._ref();
    this._p.rangeName = undefined;
    return this;
  }

  setRangeName(rangeName: string): this {
    this._assertMayChange();
    const named = this._ss.namedRanges.find((n) => n.name === rangeName);
    if (!named) throw new Error(MSG.rangeNotFound);
    this._p.range = { ...named.ref };
    this._p.rangeName = rangeName;
    return this;
  }

  setNamedRange(namedRange: unknown): this {
    const host = unwrap(namedRange as object) as { _name?: string };
    return this.setRangeName(String(host._name ?? ''));
  }

  getUnprotectedRanges(): RangeImpl[] {
    return realmList(
      this._exec,
      this._p.unprotected.map((u) => new RangeImpl(this._exec, u.sheet, u.r1, u.c1, u.r2 - u.r1 + 1, u.c2 - u.c1 + 1)),
    );
  }

  setUnprotectedRanges(ranges: unknown): this {
    this._assertMayChange();
    if (this._p.type !== 'SHEET') return this;
    const refs: RangeRef[] = [];
    for (const r of toList(ranges)) {
      const host = unwrap(r as object);
      if (host instanceof RangeImpl && host._sheet === this._p.sheet) refs.push(host._ref());
    }
    this._p.unprotected = refs;
    return this;
  }

  remove(): void {
    this._assertMayChange();
    this._ss.protections = this._ss.protections.filter((p) => p !== this._p);
  }
}

function toList(value: unknown): unknown[] {
  if (Array.isArray(value)) return [...value];
  return [value];
}
