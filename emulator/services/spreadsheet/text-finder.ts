/**
 * TextFinder (reference/spreadsheet/text-finder): finds cells by their displayed text, row by row, without
 * moving the cells to the script (only the matches are charged as moved).
 */
import { type Execution, GasObject, unwrap } from '../../runtime';
import type { Rect } from './a1';
import { displayOf } from './cells';
import { realmList } from './context';
import type { SheetModel } from './model';
import { assertCanEdit } from './protection';
import { RangeImpl } from './range';

export class TextFinderImpl extends GasObject {
  readonly _gasClass = 'TextFinder';
  private _case = false;
  private _entire = false;
  private _regex = false;
  private _formulas = false;
  private _pos = -1;
  private _matches?: Array<{ r: number; c: number }>;

  constructor(
    exec: Execution,
    readonly _sheet: SheetModel,
    readonly _scope: Rect,
    readonly _text: string,
  ) {
    super(exec);
  }

  private _reset(): this {
    this._matches = undefined;
    this._pos = -1;
    return this;
  }

  matchCase(matchCase: boolean): this {
    this._case = Boolean(matchCase);
    return this._reset();
  }

  matchEntireCell(entireCell: boolean): this {
    this._entire = Boolean(entireCell);
    return this._reset();
  }

  useRegularExpression(useRegEx: boolean): this {
    this._regex = Boolean(useRegEx);
    return this._reset();
  }

  matchFormulaText(matchFormulaText: boolean): this {
    this._formulas = Boolean(matchFormulaText);
    return this._reset();
  }

  ignoreDiacritics(_ignoreDiacritics: boolean): this {
    return this._reset();
  }

  startFrom(startRange: unknown): this {
    const host = unwrap(startRange as object);
    const all = this._all();
    if (host instanceof RangeImpl) this._pos = all.findIndex((m) => m.r === host._r && m.c === host._c);
    return this;
  }

  private _test(): (s: string) => boolean {
    const flags = this._case ? '' : 'i';
    if (this._regex) {
      const re = new RegExp(this._entire ? `^(?:${this._text})$` : this._text, flags);
      return (s) => re.test(s);
    }
    const needle = this._case ? this._text : this._text.toLowerCase();
    return (s) => {
      const hay = this._case ? s : s.toLowerCase();
      return this._entire ? hay === needle : hay.includes(needle);
    };
  }

  private _all(): Array<{ r: number; c: number }> {
    if (this._matches) return this._matches;
    const test = this._test();
    const s = this._sheet;
    const out: Array<{ r: number; c: number }> = [];
    const rEnd = Math.min(this._scope.r2, Math.max(s.values.length, s.formulas.length));
    for (let r = this._scope.r1; r <= rEnd; r++) {
      for (let c = this._scope.c1; c <= this._scope.c2; c++) {
        const f = this._formulas ? s.formula(r, c) : undefined;
        const text = f ?? displayOf(s.cell(r, c), s.layers.numberFormat.get(r, c), s.parent.locale);
        if (text !== '' && test(text)) out.push({ r, c });
      }
    }
    this._matches = out;
    return out;
  }

  private _range(m: { r: number; c: number }): RangeImpl {
    return new RangeImpl(this._exec, this._sheet, m.r, m.c, 1, 1);
  }

  findAll(): RangeImpl[] {
    const all = this._all();
    this._exec.moved(all.length);
    return realmList(
      this._exec,
      all.map((m) => this._range(m)),
    );
  }

  findNext(): RangeImpl | null {
    const all = this._all();
    if (this._pos + 1 >= all.length) return null;
    this._pos += 1;
    this._exec.moved(1);
    return this._range(all[this._pos]);
  }

  findPrevious(): RangeImpl | null {
    const all = this._all();
    if (all.length === 0) return null;
    this._pos = this._pos <= 0 ? all.length - 1 : this._pos - 1;
    this._exec.moved(1);
    return this._range(all[this._pos]);
  }

  getCurrentMatch(): RangeImpl | null {
    const all = this._all();
    return this._pos >= 0 && this._pos < all.length ? this._range(all[this._pos]) : null;
  }

  replaceAllWith(replaceText: string): number {
    const all = this._all();
    for (const m of all) assertCanEdit(this._exec.effectiveUser, this._sheet, { r1: m.r, c1: m.c, r2: m.r, c2: m.c });
    const flags = this._case ? 'g' : 'gi';
    const re = this._regex
      ? new RegExp(this._text, flags)
      : new RegExp(this._text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags);
    for (const m of all) {
      const cur = this._sheet.cell(m.r, m.c);
      const text = typeof cur === 'string' ? cur : String(displayOf(cur, undefined, this._sheet.parent.locale));
      this._sheet.setCell(m.r, m.c, this._entire ? String(replaceText) : text.replace(re, String(replaceText)));
    }
    this._exec.moved(all.length);
    this._reset();
    return all.length;
  }
}
