/** NamedRange (reference/spreadsheet/named-range): a name for a range that follows row/column changes. */
import { type Execution, GasObject, unwrap } from '../../runtime';
import { MSG, type NamedRangeModel } from './model';
import { assertCanEdit } from './protection';
import { RangeImpl } from './range';

export class NamedRangeImpl extends GasObject {
  readonly _gasClass = 'NamedRange';

  constructor(
    exec: Execution,
    readonly _n: NamedRangeModel,
  ) {
    super(exec);
  }

  get _name(): string {
    return this._n.name;
  }

  getName(): string {
    return this._n.name;
  }

  getRange(): RangeImpl {
    const r = this._n.ref;
    return new RangeImpl(this._exec, r.sheet, r.r1, r.c1, r.r2 - r.r1 + 1, r.c2 - r.c1 + 1);
  }

  setName(name: string): this {
    const ss = this._n.ref.sheet.parent;
    if (!ss.canEditDocument(this._exec.effectiveUser)) throw new Error(MSG.noAccess);
    this._n.name = String(name);
    return this;
  }

  setRange(range: unknown): this {
    const host = unwrap(range as object);
    if (!(host instanceof RangeImpl)) return this;
    assertCanEdit(this._exec.effectiveUser, host._sheet, host._rect);
    this._n.ref = host._ref();
    return this;
  }

  remove(): void {
    const ss = this._n.ref.sheet.parent;
    if (!ss.canEditDocument(this._exec.effectiveUser)) throw new Error(MSG.noAccess);
    ss.namedRanges = ss.namedRanges.filter((n) => n !== this._n);
  }
}
