// The spreadsheet Ui: where getUi works, menus per person, alerts/prompts with queued answers, dialogs, toasts.
import { type Execution, GasObject, registerService } from '../../emulator/index';
import { allowUi, menusFor, queueUiAnswer, uiEvents } from '../../emulator/services/spreadsheet/index';
import { inlineRuntime, OWNER } from '../helpers/inline-runtime';

const NO_UI = 'Cannot call SpreadsheetApp.getUi() from this context.';

// Stands in for HtmlService's HtmlOutput: the Ui records whatever host object the script passes.
class FakeHtmlOutput extends GasObject {
  readonly _gasClass = 'HtmlOutput';
  getTitle(): string {
    return 'Панель консультанта';
  }
}
registerService({ globals: (exec) => ({ FakeHtml: { make: () => new FakeHtmlOutput(exec)._wrapped() } }) });

describe('SpreadsheetApp.getUi() (reference/spreadsheet/spreadsheet-app#getui)', () => {
  const code = `function onOpen() { SpreadsheetApp.getUi().createMenu('Помощь ЭЖ').addItem('Новое обращение', 'openNew').addSeparator()
      .addSubMenu(SpreadsheetApp.getUi().createMenu('Настройка').addItem('Установить', 'setup')).addToUi(); }
    function sweep() { SpreadsheetApp.getUi(); }`;

  test('works in a simple onOpen and records the menu for the person who opened', () => {
    const rt = inlineRuntime(code);
    const out = rt.execute('onOpen', [], {
      kind: 'simple-trigger',
      effectiveUser: 'teacher@gmail.com',
      actingUser: 'teacher@gmail.com',
    });
    expect(out.ok).toBe(true);
    expect(menusFor(rt, 'teacher@gmail.com')).toEqual([
      {
        caption: 'Помощь ЭЖ',
        items: [
          { caption: 'Новое обращение', functionName: 'openNew' },
          { caption: '', separator: true },
          {
            caption: 'Настройка',
            submenu: { caption: 'Настройка', items: [{ caption: 'Установить', functionName: 'setup' }] },
          },
        ],
      },
    ]);
    expect(menusFor(rt, OWNER)).toEqual([]);
  });

  test.each([
    ['installable-trigger', 'sweep'],
    ['web-app', 'sweep'],
    ['simple-trigger', 'sweep'],
  ] as const)("in a %s run of %s it throws Apps Script's message", (kind, fn) => {
    const rt = inlineRuntime(code);
    const out = rt.execute(fn, [], { kind, effectiveUser: OWNER, actingUser: OWNER });
    expect(out.error?.name).toBe('Exception');
    expect(out.error?.message).toBe(NO_UI);
  });

  test('an installable on-open trigger gets the Ui when the trigger module allows it', () => {
    const rt = inlineRuntime(code);
    let captured: Execution | undefined;
    rt.faults.add({
      method: 'SpreadsheetApp.getUi',
      phase: 'before',
      action: {
        run: (_r, exec) => {
          captured = exec;
          allowUi(exec);
        },
      },
    });
    const out = rt.execute('sweep', [], { kind: 'installable-trigger', effectiveUser: OWNER, actingUser: OWNER });
    expect(captured).toBeDefined();
    expect(out.ok).toBe(true);
  });
});

describe('alerts, prompts, dialogs, sidebars (reference/base/ui)', () => {
  test('alert and prompt return the queued answers and are recorded with their buttons', () => {
    const rt = inlineRuntime(`function f() {
      var ui = SpreadsheetApp.getUi();
      var a = ui.alert('Закрыть обращение?', 'Обращение R-7 будет закрыто.', ui.ButtonSet.YES_NO);
      var p = ui.prompt('Номер приказа', ui.ButtonSet.OK_CANCEL);
      var plain = ui.alert('Готово');
      return [a === ui.Button.YES, String(a), p.getSelectedButton() === ui.Button.OK, p.getResponseText(), String(plain)].join('|');
    }`);
    queueUiAnswer(rt, { button: 'YES' });
    queueUiAnswer(rt, { button: 'OK', text: '№ 15 от 01.09.2026' });
    expect(
      rt.run('f', [], { kind: 'menu', effectiveUser: 'consultant@school.ru', actingUser: 'consultant@school.ru' }),
    ).toBe('true|YES|true|№ 15 от 01.09.2026|OK');
    const events = uiEvents(rt);
    expect(events.map((e) => [e.kind, e.user, e.title ?? '', e.message, e.buttons, e.response])).toEqual([
      ['alert', 'consultant@school.ru', 'Закрыть обращение?', 'Обращение R-7 будет закрыто.', 'YES_NO', 'YES'],
      ['prompt', 'consultant@school.ru', '', 'Номер приказа', 'OK_CANCEL', 'OK'],
      ['alert', 'consultant@school.ru', '', 'Готово', 'OK', 'OK'],
    ]);
  });

  test('with no queued answer a prompt counts as closed', () => {
    const rt = inlineRuntime(
      `function f() { var p = SpreadsheetApp.getUi().prompt('?'); return String(p.getSelectedButton()) + ':' + p.getResponseText(); }`,
    );
    expect(rt.runAsOwner('f')).toBe('CLOSE:');
  });

  test('dialogs and sidebars are recorded with the HtmlOutput host object; LIMITED mode lacks the container.ui scope', () => {
    const rt = inlineRuntime(`function f() {
        var ui = SpreadsheetApp.getUi();
        ui.showSidebar(FakeHtml.make());
        ui.showModalDialog(FakeHtml.make(), 'Новое обращение');
      }
      function onOpen() { SpreadsheetApp.getUi().showSidebar(FakeHtml.make()); }`);
    rt.run('f', [], { kind: 'menu', effectiveUser: 'consultant@school.ru', actingUser: 'consultant@school.ru' });
    const [sidebar, dialog] = uiEvents(rt);
    expect(sidebar.kind).toBe('sidebar');
    expect(sidebar.title).toBe('Панель консультанта');
    expect(sidebar.html).toBeInstanceOf(FakeHtmlOutput);
    expect(dialog).toMatchObject({ kind: 'modal-dialog', title: 'Новое обращение', user: 'consultant@school.ru' });
    const limited = rt.execute('onOpen', [], { kind: 'simple-trigger', effectiveUser: OWNER, actingUser: OWNER });
    expect(limited.error?.message).toBe(
      'You do not have permission to call Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui',
    );
  });

  test('toasts work in any run and are recorded (reference/spreadsheet/spreadsheet#toastmsg,-title,-timeoutseconds)', () => {
    const rt = inlineRuntime(`function f() { SpreadsheetApp.getActive().toast('Обращение зарегистрировано', 'ЭЖ'); }`);
    rt.execute('f', [], { kind: 'installable-trigger', effectiveUser: OWNER, actingUser: OWNER });
    expect(uiEvents(rt, 'toast')).toMatchObject([
      { kind: 'toast', message: 'Обращение зарегистрировано', title: 'ЭЖ', timeoutSeconds: 5 },
    ]);
  });
});
