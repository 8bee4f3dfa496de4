/**
 * SpreadsheetApp (reference/spreadsheet/spreadsheet-app). The script is bound to its container
 * spreadsheet; openById and create need full authorization (not simple triggers); getUi works only where
 * a person sees the spreadsheet (menus, sidebars, editor runs, onOpen).
 */
import { type Execution, GasObject, unwrap } from '../../runtime';
import { ConditionalFormatRuleBuilderImpl } from './conditional';
import { ctxOf, type GasEnum } from './context';
import { MSG, type SpreadsheetModel } from './model';
import { RangeImpl } from './range';
import { SheetImpl } from './sheet';
import { SpreadsheetImpl } from './spreadsheet';
import { UiImpl } from './ui';
import { DataValidationBuilderImpl } from './validation';

const SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

export class SpreadsheetAppImpl extends GasObject {
  readonly _gasClass = 'SpreadsheetApp';
  readonly ProtectionType: Record<string, GasEnum>;
  readonly DataValidationCriteria: Record<string, GasEnum>;
  readonly BooleanCriteria: Record<string, GasEnum>;
  readonly WrapStrategy: Record<string, GasEnum>;
  readonly BorderStyle: Record<string, GasEnum>;
  readonly Dimension: Record<string, GasEnum>;

  constructor(exec: Execution) {
    super(exec);
    const ctx = ctxOf(exec);
    this.ProtectionType = ctx.enumObject('ProtectionType');
    this.DataValidationCriteria = ctx.enumObject('DataValidationCriteria');
    this.BooleanCriteria = ctx.enumObject('BooleanCriteria');
    this.WrapStrategy = ctx.enumObject('WrapStrategy');
    this.BorderStyle = ctx.enumObject('BorderStyle');
    this.Dimension = ctx.enumObject('Dimension');
  }

  private _container(): SpreadsheetModel {
    const ss = ctxOf(this._exec).store.container();
    if (ss.access(this._exec.effectiveUser) === null) throw new Error(MSG.noAccess);
    return ss;
  }

  private _full(method: string): void {
    if (this._exec.authMode !== 'FULL') {
      throw new Error(`You do not have permission to call SpreadsheetApp.${method}. Required permissions: ${SCOPE}`);
    }
  }

  getActive(): SpreadsheetImpl {
    return new SpreadsheetImpl(this._exec, this._container());
  }

  getActiveSpreadsheet(): SpreadsheetImpl {
    return this.getActive();
  }

  getActiveSheet(): SheetImpl {
    return new SheetImpl(this._exec, ctxOf(this._exec).activeSelection(this._container()).sheet);
  }

  getActiveRange(): RangeImpl {
    return new SpreadsheetImpl(this._exec, this._container()).getActiveRange();
  }

  getCurrentCell(): RangeImpl {
    return new SpreadsheetImpl(this._exec, this._container()).getActiveCell();
  }

  setActiveSheet(sheet: unknown): SheetImpl {
    const host = unwrap(sheet as object);
    if (!(host instanceof SheetImpl)) throw new Error(MSG.rangeNotFound);
    return new SpreadsheetImpl(this._exec, host._sheet.parent).setActiveSheet(sheet);
  }

  setActiveRange(range: unknown): RangeImpl {
    const host = unwrap(range as object);
    if (!(host instanceof RangeImpl)) throw new Error(MSG.rangeNotFound);
    return host.activate();
  }

  openById(id: string): SpreadsheetImpl {
    this._full('openById');
    const ss = ctxOf(this._exec).store.get(String(id));
    if (!ss)
      throw new Error('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
    if (ss.access(this._exec.effectiveUser) === null) throw new Error(MSG.noAccess);
    return new SpreadsheetImpl(this._exec, ss);
  }

  openByUrl(url: string): SpreadsheetImpl {
    this._full('openByUrl');
    const m = /\/d\/([A-Za-z0-9_-]+)/.exec(String(url));
    const ss = m ? ctxOf(this._exec).store.get(m[1]) : undefined;
    if (!ss)
      throw new Error('Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.');
    if (ss.access(this._exec.effectiveUser) === null) throw new Error(MSG.noAccess);
    return new SpreadsheetImpl(this._exec, ss);
  }

  /** A new spreadsheet owned by the effective user (reference/spreadsheet/spreadsheet-app#createname). */
  create(name: string, rows?: number, columns?: number): SpreadsheetImpl {
    this._full('create');
    const store = ctxOf(this._exec).store;
    const container = store.container();
    const ss = store.create(String(name), this._exec.effectiveUser, {
      timeZone: container.timeZone,
      locale: container.locale,
      rows: rows === undefined ? undefined : Math.trunc(Number(rows)),
      cols: columns === undefined ? undefined : Math.trunc(Number(columns)),
    });
    return new SpreadsheetImpl(this._exec, ss);
  }

  /** Writes are applied at once here; flush only marks the point (reference/spreadsheet/spreadsheet-app#flush). */
  flush(): void {}

  getUi(): UiImpl {
    const ctx = ctxOf(this._exec);
    const { kind } = this._exec.spec;
    const allowed =
      kind === 'menu' ||
      kind === 'editor' ||
      kind === 'script-run' ||
      ctx.uiAllowed ||
      (kind === 'simple-trigger' && this._exec.functionName === 'onOpen');
    if (!allowed) throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
    return new UiImpl(this._exec, ctx.store.container().id);
  }

  newDataValidation(): DataValidationBuilderImpl {
    return new DataValidationBuilderImpl(this._exec);
  }

  newConditionalFormatRule(): ConditionalFormatRuleBuilderImpl {
    return new ConditionalFormatRuleBuilderImpl(this._exec);
  }
}
