/**
 * The spreadsheet's Ui (reference/base/ui, base/menu, base/prompt-response): menus are recorded per person,
 * alerts and prompts take answers tests queue (queueUiAnswer), dialogs and sidebars are recorded with the
 * HtmlOutput host object the script passed. Under AuthMode.LIMITED (simple onOpen) dialogs and sidebars
 * fail for lack of the script.container.ui scope, as in Apps Script.
 */
import { type Execution, GasObject, unwrap } from '../../runtime';
import { ctxOf, enumName, type GasEnum } from './context';
import type { MenuItemRecord, MenuRecord, UiAnswer, UiEvent, UiEventKind } from './model';

const BUTTONS_OF: Record<string, UiAnswer['button'][]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export class MenuImpl extends GasObject {
  readonly _gasClass = 'Menu';
  readonly _items: MenuItemRecord[] = [];

  constructor(
    exec: Execution,
    readonly _caption: string,
  ) {
    super(exec);
  }

  addItem(caption: string, functionName: string): this {
    this._items.push({ caption: String(caption), functionName: String(functionName) });
    return this;
  }

  addSeparator(): this {
    this._items.push({ caption: '', separator: true });
    return this;
  }

  addSubMenu(menu: unknown): this {
    const host = unwrap(menu as object);
    if (host instanceof MenuImpl) this._items.push({ caption: host._caption, submenu: host._record() });
    return this;
  }

  _record(): MenuRecord {
    return { caption: this._caption, items: this._items.map((i) => ({ ...i })) };
  }

  addToUi(): void {
    const ctx = ctxOf(this._exec);
    const person = ctx.person;
    const list = ctx.store.ui.menus.get(person) ?? [];
    const record = this._record();
    const at = list.findIndex((m) => m.caption === record.caption);
    if (at >= 0) list[at] = record;
    else list.push(record);
    ctx.store.ui.menus.set(person, list);
  }
}

export class PromptResponseImpl extends GasObject {
  readonly _gasClass = 'PromptResponse';

  constructor(
    exec: Execution,
    readonly _button: string,
    readonly _text: string,
  ) {
    super(exec);
  }

  getResponseText(): string {
    return this._text;
  }

  getSelectedButton(): GasEnum {
    return ctxOf(this._exec).enumValue('Button', this._button);
  }
}

export class UiImpl extends GasObject {
  readonly _gasClass = 'Ui';
  readonly Button: Record<string, GasEnum>;
  readonly ButtonSet: Record<string, GasEnum>;

  constructor(
    exec: Execution,
    readonly _spreadsheetId: string,
  ) {
    super(exec);
    this.Button = ctxOf(exec).enumObject('Button');
    this.ButtonSet = ctxOf(exec).enumObject('ButtonSet');
  }

  private _record(kind: UiEventKind, fields: Partial<UiEvent>): UiEvent {
    const ctx = ctxOf(this._exec);
    const event: UiEvent = {
      kind,
      user: ctx.person,
      spreadsheetId: this._spreadsheetId,
      executionId: this._exec.id,
      ...fields,
    };
    ctx.store.ui.events.push(event);
    return event;
  }

  private _answer(buttons: string, prompt: boolean): UiAnswer {
    const queued = ctxOf(this._exec).store.ui.answers.shift();
    if (queued) return queued;
    // Nobody to answer: a lone OK is acknowledged, anything else counts as closing the dialog.
    return !prompt && buttons === 'OK' ? { button: 'OK' } : { button: 'CLOSE', text: '' };
  }

  /** alert(prompt) / alert(prompt, buttons) / alert(title, prompt, buttons). */
  alert(a: unknown, b?: unknown, c?: unknown): GasEnum {
    const titled = c !== undefined;
    const title = titled ? String(a) : '';
    const message = String(titled ? b : a);
    const buttons = enumName(titled ? c : b) ?? 'OK';
    const answer = this._answer(buttons, false);
    this._record('alert', { title, message, buttons, response: answer.button });
    return ctxOf(this._exec).enumValue('Button', answer.button);
  }

  /** prompt(prompt) / prompt(prompt, buttons) / prompt(title, prompt, buttons). */
  prompt(a: unknown, b?: unknown, c?: unknown): PromptResponseImpl {
    const titled = c !== undefined;
    const title = titled ? String(a) : '';
    const message = String(titled ? b : a);
    const buttons = enumName(titled ? c : b) ?? 'OK';
    const answer = this._answer(buttons, true);
    const allowed = [...(BUTTONS_OF[buttons] ?? ['OK']), 'CLOSE'];
    const button = allowed.includes(answer.button) ? answer.button : 'CLOSE';
    const text = answer.text ?? '';
    this._record('prompt', { title, message, buttons, response: button, responseText: text });
    return new PromptResponseImpl(this._exec, button, text);
  }

  private _needsFullUi(method: string): void {
    if (this._exec.authMode !== 'FULL') {
      throw new Error(
        `You do not have permission to call Ui.${method}. Required permissions: https://www.googleapis.com/auth/script.container.ui`,
      );
    }
  }

  private _html(userInterface: unknown): { html: object; title?: string } {
    const host = userInterface !== null && typeof userInterface === 'object' ? unwrap(userInterface) : {};
    const getTitle = (host as { getTitle?: unknown }).getTitle;
    const title = typeof getTitle === 'function' ? String((getTitle as () => unknown).call(host) ?? '') : undefined;
    return { html: host, title };
  }

  showModalDialog(userInterface: unknown, title: string): void {
    this._needsFullUi('showModalDialog');
    this._record('modal-dialog', { html: this._html(userInterface).html, title: String(title) });
  }

  showModelessDialog(userInterface: unknown, title: string): void {
    this._needsFullUi('showModelessDialog');
    this._record('modeless-dialog', { html: this._html(userInterface).html, title: String(title) });
  }

  showSidebar(userInterface: unknown): void {
    this._needsFullUi('showSidebar');
    const { html, title } = this._html(userInterface);
    this._record('sidebar', { html, title });
  }

  createMenu(caption: string): MenuImpl {
    return new MenuImpl(this._exec, String(caption));
  }

  createAddonMenu(): MenuImpl {
    return new MenuImpl(this._exec, '');
  }
}
