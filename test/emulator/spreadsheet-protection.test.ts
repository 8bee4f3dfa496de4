// Protected ranges and sheets (reference/spreadsheet/protection, reference/spreadsheet/range#protect).
import {
  canUserEdit,
  containerSpreadsheetId,
  personEdit,
  readSheetValues,
  shareSpreadsheet,
} from '../../emulator/services/spreadsheet/index';
import { inlineRuntime, OWNER } from '../helpers/inline-runtime';

const CONSULTANT = 'consultant@school.ru';
const DEPUTY = 'deputy@school.ru';
const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

function setup(code: string) {
  const rt = inlineRuntime(`function prepare() {
      var ss = SpreadsheetApp.getActive();
      ss.insertSheet('Журнал');
      ss.insertSheet('Очередь');
    }
    ${code}`);
  rt.runAsOwner('prepare');
  const id = containerSpreadsheetId(rt);
  shareSpreadsheet(rt, id, CONSULTANT, 'editor');
  shareSpreadsheet(rt, id, DEPUTY, 'editor');
  const as = (user: string, fn: string, ...args: unknown[]) =>
    rt.execute(fn, args, { kind: 'menu', effectiveUser: user, actingUser: user });
  return { rt, id, as };
}

test('a new protection mirrors the spreadsheet editors until the script changes its editor list', () => {
  const { rt, id, as } =
    setup(`function protectLoosely() { SpreadsheetApp.getActive().getSheetByName('Очередь').protect().setDescription('только владелец'); }
    function write() { SpreadsheetApp.getActive().getSheetByName('Очередь').getRange('A1').setValue('x'); }`);
  rt.runAsOwner('protectLoosely');
  expect(as(CONSULTANT, 'write').ok).toBe(true);
  expect(canUserEdit(rt, CONSULTANT, id, 'Очередь', 1, 1)).toBe(true);
});

test("an owner-only sheet rejects an editor's script write with Apps Script's message; the owner can always write", () => {
  const { rt, id, as } = setup(`function lock() {
      var p = SpreadsheetApp.getActive().getSheetByName('Очередь').protect().setDescription('очередь писем');
      p.addEditor(Session_me());
      p.removeEditors(p.getEditors());
      return p.getEditors().map(function (u) { return u.getEmail(); }).join(',') + '|' + p.canEdit() + '|' + p.getProtectionType();
    }
    function Session_me() { return '${OWNER}'; }
    function write() { SpreadsheetApp.getActive().getSheetByName('Очередь').getRange('B2').setValue('письмо'); }
    function canEdit() { return SpreadsheetApp.getActive().getProtections(SpreadsheetApp.ProtectionType.SHEET)[0].canEdit(); }`);
  expect(rt.runAsOwner('lock')).toBe(`${OWNER}|true|SHEET`);
  const denied = as(CONSULTANT, 'write');
  expect(denied.ok).toBe(false);
  expect(denied.error?.name).toBe('Exception');
  expect(denied.error?.message).toBe(PROTECTED);
  expect(as(CONSULTANT, 'canEdit').value).toBe(false);
  expect(canUserEdit(rt, CONSULTANT, id, 'Очередь', 2, 2)).toBe(false);
  expect(canUserEdit(rt, CONSULTANT, id, 'Журнал', 2, 2)).toBe(true);
  rt.runAsOwner('write');
  expect(readSheetValues(rt, 'Очередь')).toEqual([
    ['', ''],
    ['', 'письмо'],
  ]);
});

test('range protection with named editors; warning-only protection blocks nobody; unprotected ranges of a protected sheet', () => {
  const { rt, id, as } = setup(`function rules() {
      var ss = SpreadsheetApp.getActive();
      var log = ss.getSheetByName('Журнал');
      var p = log.getRange('A1:C1').protect().setDescription('шапка');
      p.removeEditors(p.getEditors());
      p.addEditor('${DEPUTY}');
      log.getRange('E:E').protect().setWarningOnly(true);
      var q = ss.getSheetByName('Очередь').protect();
      q.removeEditors(p.getEditors().concat([]));
      q.removeEditor('${CONSULTANT}');
      q.setUnprotectedRanges([ss.getSheetByName('Очередь').getRange('D1:D100')]);
      return ss.getProtections(SpreadsheetApp.ProtectionType.RANGE).map(function (x) { return x.getDescription() + ':' + x.getRange().getA1Notation() + ':' + x.isWarningOnly(); }).join(',');
    }
    function write(sheet, a1) { SpreadsheetApp.getActive().getSheetByName(sheet).getRange(a1).setValue('x'); }`);
  expect(rt.runAsOwner('rules')).toBe('шапка:A1:C1:false,:E1:E1000:true');
  expect(as(CONSULTANT, 'write', 'Журнал', 'B1').error?.message).toBe(PROTECTED);
  expect(as(DEPUTY, 'write', 'Журнал', 'B1').ok).toBe(true);
  expect(as(CONSULTANT, 'write', 'Журнал', 'B2').ok).toBe(true);
  expect(as(CONSULTANT, 'write', 'Журнал', 'E7').ok).toBe(true);
  expect(as(CONSULTANT, 'write', 'Очередь', 'D5').ok).toBe(true);
  expect(as(CONSULTANT, 'write', 'Очередь', 'C5').ok).toBe(false);
  expect(canUserEdit(rt, CONSULTANT, id, 'Очередь', 5, 4)).toBe(true);
});

test("a person's edit through the UI is refused on a protected cell and reports old and new values", () => {
  const { rt } = setup(`function lock() {
      var p = SpreadsheetApp.getActive().getSheetByName('Журнал').getRange('A:A').protect();
      p.removeEditors(p.getEditors());
      SpreadsheetApp.getActive().getSheetByName('Журнал').getRange('B2').setValue('было');
    }`);
  rt.runAsOwner('lock');
  expect(() => personEdit(rt, CONSULTANT, 'Журнал', 'A2', [['x']])).toThrow(PROTECTED);
  const edit = personEdit(rt, CONSULTANT, 'Журнал', 'B2', [['15.01.2026']]);
  expect(edit.oldValues).toEqual([['было']]);
  expect(edit.newValues[0][0]).toBeInstanceOf(Date);
});

test('viewers and strangers cannot write at all', () => {
  const { rt, as } = setup(
    `function write() { SpreadsheetApp.getActive().getSheetByName('Журнал').getRange('A1').setValue('x'); }`,
  );
  shareSpreadsheet(rt, containerSpreadsheetId(rt), 'parent@gmail.com', 'viewer');
  expect(as('parent@gmail.com', 'write').error?.message).toBe(PROTECTED);
  expect(as('stranger@gmail.com', 'write').error?.message).toBe(
    'You do not have permission to access the requested document.',
  );
});

test('protections follow deleted rows and disappear with them', () => {
  const { rt } = setup(`function f() {
      var sh = SpreadsheetApp.getActive().getSheetByName('Журнал');
      sh.getRange('A5:B6').protect();
      sh.getRange('A10:B10').protect();
      sh.deleteRows(1, 2);
      sh.deleteRows(8, 1);
      return SpreadsheetApp.getActive().getProtections(SpreadsheetApp.ProtectionType.RANGE).map(function (p) { return p.getRange().getA1Notation(); }).join(',');
    }`);
  expect(rt.runAsOwner('f')).toBe('A3:B4');
});
