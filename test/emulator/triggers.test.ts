// ScriptApp, TriggerBuilder, ClockTriggerBuilder, Trigger, Service (reference/script/*).
import { inlineRuntime, OWNER } from '../helpers/inline-runtime';
import { listTriggers, setGrantedScopes } from '../../emulator/services/script-app';

const EDITOR = 'consultant@gmail.com';

const CODE = `
var SS = { getId: function () { return 'sheet-1'; } };
function clock(kind, n) {
  try { var b = ScriptApp.newTrigger('tick').timeBased(); b[kind](n); return b.create().getUniqueId(); }
  catch (e) { return e.name + ': ' + e.message; }
}
function onEditTrigger() { return ScriptApp.newTrigger('handleEdit').forSpreadsheet(SS).onEdit().create().getUniqueId(); }
function mine() { return ScriptApp.getProjectTriggers().map(function (t) { return t.getHandlerFunction(); }).join(','); }
function describe() {
  return ScriptApp.getProjectTriggers().map(function (t) {
    return [t.getHandlerFunction(), t.getEventType(), t.getTriggerSource(), t.getTriggerSourceId(),
      t.getEventType() == ScriptApp.EventType.ON_EDIT || t.getEventType() == ScriptApp.EventType.CLOCK].join(' ');
  }).join('; ');
}
function deleteAll() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); return mine(); }
function tick() {}
function handleEdit() {}
`;

const asEditor = { kind: 'menu' as const, effectiveUser: EDITOR, actingUser: EDITOR };

describe('clock trigger builder arguments (reference/script/clock-trigger-builder)', () => {
  test('everyMinutes accepts only 1, 5, 10, 15 or 30 (reference/script/clock-trigger-builder#everyminutesn)', () => {
    const rt = inlineRuntime(CODE);
    expect(rt.runAsOwner('clock', 'everyMinutes', 2)).toBe(
      'Exception: The value you passed to everyMinutes was invalid. It must be one of 1, 5, 10, 15 or 30.',
    );
    expect(rt.runAsOwner('clock', 'everyMinutes', 5)).toMatch(/^\d+$/);
  });

  test('everyHours accepts only 1, 2, 4, 6, 8 or 12 (reference/script/clock-trigger-builder#everyhoursn)', () => {
    const rt = inlineRuntime(CODE);
    expect(rt.runAsOwner('clock', 'everyHours', 3)).toMatch(
      /^Exception: The value you passed to everyHours was invalid/,
    );
    expect(rt.runAsOwner('clock', 'everyHours', 6)).toMatch(/^\d+$/);
  });

  test('a clock trigger without a schedule is refused', () => {
    const rt = inlineRuntime(
      `function f() { try { ScriptApp.newTrigger('tick').timeBased().create(); return 'created'; } catch (e) { return 'refused'; } }`,
    );
    expect(rt.runAsOwner('f')).toBe('refused');
    expect(listTriggers(rt)).toHaveLength(0);
  });
});

describe('Trigger (reference/script/trigger)', () => {
  test('reports handler, event type, source and source id', () => {
    const rt = inlineRuntime(CODE);
    rt.runAsOwner('clock', 'everyMinutes', 5);
    rt.runAsOwner('onEditTrigger');
    expect(rt.runAsOwner('describe')).toBe('tick CLOCK CLOCK  true; handleEdit ON_EDIT SPREADSHEETS sheet-1 true');
    expect(listTriggers(rt).map((t) => [t.owner, t.handler, t.source, t.sourceId])).toEqual([
      [OWNER, 'tick', 'CLOCK', null],
      [OWNER, 'handleEdit', 'SPREADSHEETS', 'sheet-1'],
    ]);
  });

  test('forForm takes a form or its id (reference/script/trigger-builder#forformkey)', () => {
    const rt =
      inlineRuntime(`function f() { var t = ScriptApp.newTrigger('onSubmit').forForm('form-9').onFormSubmit().create();
      return [t.getTriggerSource(), t.getTriggerSourceId(), t.getEventType()].join(' '); }`);
    expect(rt.runAsOwner('f')).toBe('FORMS form-9 ON_FORM_SUBMIT');
  });
});

describe('triggers belong to the person who created them (guides/triggers/installable)', () => {
  test("getProjectTriggers returns only the current user's; a second editor sees none and installs a second set", () => {
    const rt = inlineRuntime(CODE);
    rt.runAsOwner('onEditTrigger');
    expect(rt.runAsOwner('mine')).toBe('handleEdit');
    expect(rt.run('mine', [], asEditor)).toBe('');
    rt.run('onEditTrigger', [], asEditor);
    expect(rt.run('mine', [], asEditor)).toBe('handleEdit');
    expect(listTriggers(rt).map((t) => t.owner)).toEqual([OWNER, EDITOR]);
  });

  test("deleteTrigger removes the caller's own triggers only", () => {
    const rt = inlineRuntime(CODE);
    rt.runAsOwner('onEditTrigger');
    rt.run('onEditTrigger', [], asEditor);
    expect(rt.run('deleteAll', [], asEditor)).toBe('');
    expect(listTriggers(rt).map((t) => t.owner)).toEqual([OWNER]);
  });

  test("getUserTriggers(spreadsheet) lists the user's triggers for that document (reference/script/script-app#getusertriggersspreadsheet)", () => {
    const rt = inlineRuntime(`${CODE}
      function forSheet(id) { return ScriptApp.getUserTriggers({ getId: function () { return id; } }).length; }`);
    rt.runAsOwner('onEditTrigger');
    rt.runAsOwner('clock', 'everyMinutes', 1);
    expect(rt.runAsOwner('forSheet', 'sheet-1')).toBe(1);
    expect(rt.runAsOwner('forSheet', 'sheet-2')).toBe(0);
    expect(rt.run('forSheet', ['sheet-1'], asEditor)).toBe(0);
  });

  test("20 triggers per user per script, with Apps Script's error; another user still has room (guides/services/quotas)", () => {
    const rt = inlineRuntime(CODE);
    for (let i = 0; i < 20; i++) expect(rt.runAsOwner('clock', 'everyMinutes', 30)).toMatch(/^\d+$/);
    expect(rt.runAsOwner('clock', 'everyMinutes', 30)).toBe(
      'Exception: This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    expect(rt.run('clock', ['everyMinutes', 30], asEditor)).toMatch(/^\d+$/);
  });
});

describe('authorisation', () => {
  test('a simple trigger (LIMITED) cannot create triggers (guides/triggers#restrictions)', () => {
    const rt = inlineRuntime(`function onOpen() { ScriptApp.newTrigger('tick').timeBased().everyHours(1).create(); }`);
    const out = rt.execute('onOpen', [{}], { kind: 'simple-trigger', effectiveUser: OWNER, actingUser: OWNER });
    expect(out.error?.message).toBe(
      'You do not have permission to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
    );
    expect(listTriggers(rt)).toHaveLength(0);
  });

  test('an explicit oauthScopes list without script.scriptapp forbids trigger calls even with full authorisation', () => {
    const rt = inlineRuntime('function f() { return ScriptApp.getProjectTriggers().length; }', {
      manifest: {
        timeZone: 'Asia/Yekaterinburg',
        oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'],
      },
    });
    expect(() => rt.runAsOwner('f')).toThrow(/You do not have permission to call ScriptApp.getProjectTriggers/);
  });

  test('granular consent: getAuthorizationInfo and requireScopes see what the user granted (reference/script/script-app#requirescopesauthmode,-oauthscopes)', () => {
    const mail = 'https://www.googleapis.com/auth/script.send_mail';
    const rt = inlineRuntime(
      `function info() { var i = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
         return [i.getAuthorizationStatus(), i.getAuthorizationUrl() !== null, i.getAuthorizedScopes().length].join('|'); }
       function need() { try { ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, ['${mail}']); return 'granted'; } catch (e) { return 'prompt'; } }`,
      {
        manifest: {
          timeZone: 'Asia/Yekaterinburg',
          oauthScopes: [mail, 'https://www.googleapis.com/auth/spreadsheets'],
        },
      },
    );
    expect(rt.runAsOwner('info')).toBe('NOT_REQUIRED|false|2');
    expect(rt.runAsOwner('need')).toBe('granted');
    setGrantedScopes(rt, OWNER, ['https://www.googleapis.com/auth/spreadsheets']);
    expect(rt.runAsOwner('info')).toBe('REQUIRED|true|1');
    expect(rt.runAsOwner('need')).toBe('prompt');
  });
});

describe('ScriptApp misc', () => {
  test('getService().getUrl() is the web app URL once deployed, null otherwise (reference/script/service#geturl)', () => {
    const code = "function url() { var s = ScriptApp.getService(); return [s.getUrl(), s.isEnabled()].join('|'); }";
    const deployed = inlineRuntime(code, {
      manifest: { timeZone: 'Asia/Yekaterinburg', webapp: { access: 'ANYONE_ANONYMOUS', executeAs: 'USER_DEPLOYING' } },
    });
    expect(deployed.runAsOwner('url')).toBe(`https://script.google.com/macros/s/AKfycb${deployed.scriptId}/exec|true`);
    expect(inlineRuntime(code).runAsOwner('url')).toBe('|false');
  });

  test('enums, script id and an OAuth token', () => {
    const rt = inlineRuntime(`function f() {
      return [Object.keys(ScriptApp.WeekDay).length, ScriptApp.AuthMode.FULL, ScriptApp.TriggerSource.SPREADSHEETS,
        ScriptApp.getScriptId(), typeof ScriptApp.getOAuthToken()].join('|'); }`);
    expect(rt.runAsOwner('f')).toBe(`7|FULL|SPREADSHEETS|${rt.scriptId}|string`);
  });

  test('builder calls are counted like any service call', () => {
    const rt = inlineRuntime(CODE);
    rt.runAsOwner('onEditTrigger');
    expect(rt.countOf('SpreadsheetTriggerBuilder.create')).toBe(1);
    expect(rt.countOf('ScriptApp.newTrigger')).toBe(1);
  });
});
