// SpreadsheetApp values: shapes, typed-input parsing per locale, plain-text cells, formulas, dates and zones.
import { readFormulas, readSheetValues, spreadsheetModel } from '../../emulator/services/spreadsheet/index';
import { inlineRuntime, OWNER } from '../helpers/inline-runtime';

const SHEET = 'Лист1';

function run(code: string, fn = 'f', opts: Parameters<typeof inlineRuntime>[1] = {}) {
  const rt = inlineRuntime(code, opts);
  return { rt, value: rt.runAsOwner(fn) };
}

describe('getValues / setValues (reference/spreadsheet/range#getvalues, #setvaluesvalues)', () => {
  test('empty cells read as "", numbers, booleans and realm Dates come back typed', () => {
    const { value } = run(`function f() {
      var sh = SpreadsheetApp.getActiveSheet();
      sh.getRange('B2:D2').setValues([[42, true, new Date(2026, 0, 15, 9, 30)]]);
      var v = sh.getRange('A1:D2').getValues();
      return [JSON.stringify(v[0]), v[1][0] === '', typeof v[1][1], v[1][2], v[1][3] instanceof Date, v[1][3].getHours(), Array.isArray(v), v instanceof Array].join('|');
    }`);
    expect(value).toBe('["","","",""]|true|number|true|true|9|true|true');
  });

  test("a shape mismatch throws Apps Script's messages, naming both sizes", () => {
    const { value } = run(`function f() {
      var r = SpreadsheetApp.getActiveSheet().getRange(1, 1, 2, 3);
      var out = [];
      try { r.setValues([[1, 2, 3]]); } catch (e) { out.push(e.name + ': ' + e.message); }
      try { r.setValues([[1, 2, 3], [4, 5]]); } catch (e) { out.push(e.message); }
      return out.join('\\n');
    }`);
    expect(value).toBe(
      'Exception: The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.\n' +
        'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
  });

  test('a range past the grid throws "The coordinates of the range are outside the dimensions of the sheet."', () => {
    const { value } = run(`function f() {
      var sh = SpreadsheetApp.getActiveSheet();
      var out = [sh.getMaxRows(), sh.getMaxColumns()];
      try { sh.getRange(1000, 1, 2, 1); } catch (e) { out.push(e.message); }
      try { sh.getRange(0, 1); } catch (e) { out.push(e.message); }
      try { sh.getRange('A1:AA1'); } catch (e) { out.push(e.message); }
      return out.join('|');
    }`);
    expect(value).toBe(
      '1000|26|The coordinates of the range are outside the dimensions of the sheet.|The starting row of the range is too small.|The coordinates of the range are outside the dimensions of the sheet.',
    );
  });

  test('a cell holds at most 50 000 characters (guides/services/quotas) and a failing write changes nothing', () => {
    const { rt, value } = run(`function f() {
      var r = SpreadsheetApp.getActiveSheet().getRange('A1:B1');
      try { r.setValues([['kept?', new Array(50002).join('x')]]); } catch (e) { return e.message; }
    }`);
    expect(value).toBe('Your input contains more than the maximum of 50000 characters in a single cell.');
    expect(readSheetValues(rt, SHEET)).toEqual([]);
  });

  test('setValue on a block sets every cell; getValue reads the top-left one', () => {
    const { value } = run(`function f() {
      var r = SpreadsheetApp.getActiveSheet().getRange('A1:B2');
      r.setValue('x');
      return JSON.stringify(r.getValues()) + '|' + r.getValue();
    }`);
    expect(value).toBe('[["x","x"],["x","x"]]|x');
  });
});

describe('typed input: strings are parsed as if typed (DESIGN: fidelity rules)', () => {
  const code = `function f(locale) {
    var ss = SpreadsheetApp.getActive();
    ss.setSpreadsheetLocale(locale);
    var sh = ss.getActiveSheet();
    var input = ['+79120000000', '0012', '15.01.2026', '1/15/2026', '1,5', '1.5', 'TRUE', 'ИСТИНА', '50%', "'0012", 'Иванов', '12:30', '2026-01-15'];
    sh.getRange(1, 1, 1, input.length).setValues([input]);
    return sh.getRange(1, 1, 1, input.length).getValues()[0].map(function (v) {
      return v instanceof Date ? 'D:' + Utilities_fmt(v) : typeof v + ':' + v;
    });
  }
  function Utilities_fmt(d) { return d.getFullYear() + '-' + (d.getMonth() + 1) + '-' + d.getDate() + ' ' + d.getHours() + ':' + d.getMinutes(); }`;

  test('ru_RU: phone and zero-padded strings become numbers, dd.MM.yyyy dates, 1,5 and ИСТИНА', () => {
    const rt = inlineRuntime(code);
    expect(rt.runAsOwner('f', 'ru_RU')).toEqual([
      'number:79120000000',
      'number:12',
      'D:2026-1-15 0:0',
      'string:1/15/2026',
      'number:1.5',
      'D:2026-5-1 0:0', // "1.5" is 1 May of the current year in a Russian spreadsheet
      'boolean:true',
      'boolean:true',
      'number:0.5',
      'string:0012',
      'string:Иванов',
      'D:1899-12-30 12:30',
      'D:2026-1-15 0:0',
    ]);
  });

  test('en_US: M/d/yyyy dates and 1.5; "1,5" and ИСТИНА stay text', () => {
    const rt = inlineRuntime(code);
    const v = rt.runAsOwner<string[]>('f', 'en_US');
    expect(v.slice(0, 9)).toEqual([
      'number:79120000000',
      'number:12',
      'string:15.01.2026',
      'D:2026-1-15 0:0',
      'string:1,5',
      'number:1.5',
      'boolean:true',
      'string:ИСТИНА',
      'number:0.5',
    ]);
  });

  test('plain-text number format "@" keeps strings verbatim and never makes a formula', () => {
    const { rt, value } = run(`function f() {
      var sh = SpreadsheetApp.getActiveSheet();
      sh.getRange('A:A').setNumberFormat('@');
      sh.getRange('A1:B3').setValues([['+79120000000', '=IMPORTXML("http://x","//a")'], ['0012', '=1+1'], ['=HYPERLINK("http://e","x")', "'quoted"]]);
      return [JSON.stringify(sh.getRange('A1:A3').getValues()), sh.getRange('A3').getFormula() === '', sh.getRange('B1').getFormula(), sh.getRange('A1').getNumberFormat()].join('|');
    }`);
    expect(value).toBe(
      '[["+79120000000"],["0012"],["=HYPERLINK(\\"http://e\\",\\"x\\")"]]|true|=IMPORTXML("http://x","//a")|@',
    );
    expect(readFormulas(rt, SHEET, { a1: 'A1:B3' })).toEqual([
      ['', '=IMPORTXML("http://x","//a")'],
      ['', '=1+1'],
      ['', ''],
    ]);
  });

  test('formulas are stored; only literals and HYPERLINK labels are evaluated (others show "")', () => {
    const { value } = run(`function f() {
      var sh = SpreadsheetApp.getActiveSheet();
      sh.getRange('A1:A3').setValues([['=HYPERLINK("https://example.org"; "Открыть")'], ['="текст"'], ['=SUM(B1:B9)']]);
      sh.getRange('B1').setFormula('=42');
      return JSON.stringify(sh.getRange('A1:B3').getValues()) + '|' + JSON.stringify(sh.getRange('A1:B1').getFormulas());
    }`);
    expect(value).toBe(
      '[["Открыть",42],["текст",""],["",""]]|[["=HYPERLINK(\\"https://example.org\\"; \\"Открыть\\")","=42"]]',
    );
  });
});

describe('dates and zones (the spreadsheet zone governs cells, the manifest zone the script)', () => {
  test('a Date round-trips when spreadsheet and script zones agree', () => {
    const { value } = run(`function f() {
      var d = new Date(2026, 2, 9, 23, 45, 10);
      var r = SpreadsheetApp.getActiveSheet().getRange('A1');
      r.setValue(d);
      var back = r.getValue();
      return [back.getTime() === d.getTime(), r.getDisplayValue(), r.getNumberFormat()].join('|');
    }`);
    expect(value).toBe('true|09.03.2026 23:45:10|dd.MM.yyyy H:mm:ss');
  });

  test('a typed date is midnight of the spreadsheet zone, so a script in another zone sees the previous evening', () => {
    const rt = inlineRuntime(
      `function f() {
        var r = SpreadsheetApp.getActiveSheet().getRange('A1');
        r.setValue('15.01.2026');
        var d = r.getValue();
        return [d.toISOString(), d.getDate(), d.getHours(), r.getDisplayValue()].join('|');
      }`,
      { timeZone: 'America/New_York' },
    );
    spreadsheetModel(rt).timeZone = 'Asia/Yekaterinburg';
    // 15 Jan 00:00 in Yekaterinburg (UTC+5) = 14 Jan 19:00 UTC = 14 Jan 14:00 in New York
    expect(rt.runAsOwner('f')).toBe('2026-01-14T19:00:00.000Z|14|14|15.01.2026');
  });

  test('changing the spreadsheet zone keeps the wall-clock serials, so stored instants shift', () => {
    const rt =
      inlineRuntime(`function w() { SpreadsheetApp.getActiveSheet().getRange('A1').setValue(new Date('2026-01-15T04:00:00Z')); }
      function r() { return SpreadsheetApp.getActiveSheet().getRange('A1').getValue().toISOString(); }
      function tz(z) { SpreadsheetApp.getActive().setSpreadsheetTimeZone(z); }`);
    rt.runAsOwner('w');
    expect(rt.runAsOwner('r')).toBe('2026-01-15T04:00:00.000Z');
    rt.runAsOwner('tz', 'Europe/Moscow');
    // 09:00 wall clock stays 09:00, now read in Moscow (UTC+3)
    expect(rt.runAsOwner('r')).toBe('2026-01-15T06:00:00.000Z');
  });

  test('a number under a date format reads as a Date; an explicit number format turns a date back into its serial', () => {
    const { value } = run(`function f() {
      var sh = SpreadsheetApp.getActiveSheet();
      sh.getRange('A1').setValue(46037);
      sh.getRange('A1').setNumberFormat('dd.MM.yyyy');
      var asDate = sh.getRange('A1').getValue();
      sh.getRange('B1').setValue('15.01.2026');
      sh.getRange('B1').setNumberFormat('0');
      return [asDate instanceof Date, sh.getRange('A1').getDisplayValue(), sh.getRange('B1').getValue(), sh.getRange('B1').getDisplayValue()].join('|');
    }`);
    expect(value).toBe('true|15.01.2026|46037|46037');
  });
});

describe('display values and number formats (reference/spreadsheet/range#getdisplayvalues, #setnumberformatnumberformat)', () => {
  test('formats in the spreadsheet locale; automatic cells report 0.###############', () => {
    const { value } = run(`function f() {
      var sh = SpreadsheetApp.getActiveSheet();
      sh.getRange('A1:E1').setValues([[1234.5, 0.25, 1234567.891, true, 7]]);
      sh.getRange('B1').setNumberFormat('0%');
      sh.getRange('C1').setNumberFormat('#,##0.00');
      sh.getRange('E1').setNumberFormat('000');
      return JSON.stringify(sh.getRange('A1:E1').getDisplayValues()) + '|' + sh.getRange('A1').getNumberFormat();
    }`);
    expect(value).toBe('[["1234,5","25%","1\u00a0234\u00a0567,89","ИСТИНА","007"]]|0.###############');
  });

  test('number formats over whole columns are stored as runs and follow inserted rows', () => {
    const { rt, value } = run(`function f() {
      var sh = SpreadsheetApp.getActiveSheet();
      sh.getRange('C:C').setNumberFormat('dd.MM.yyyy');
      sh.insertRowsAfter(1000, 5);
      sh.getRange(1003, 3).setValue(46037);
      return [sh.getMaxRows(), sh.getRange(1003, 3).getNumberFormat(), sh.getRange(1003, 3).getValue() instanceof Date].join('|');
    }`);
    expect(value).toBe('1005|dd.MM.yyyy|true');
    const runs = spreadsheetModel(rt).sheets[0].layers.numberFormat.column(3)?.runs;
    expect(runs).toEqual([{ start: 1, end: 1005, value: 'dd.MM.yyyy' }]);
  });
});

describe('cells moved are charged (README: Range calls call exec.moved)', () => {
  test('one batched read moves its cells and costs one call', () => {
    const rt = inlineRuntime(
      `function f() { return SpreadsheetApp.getActiveSheet().getRange(1, 1, 100, 10).getValues().length; }`,
    );
    rt.resetCounters();
    expect(rt.runAsOwner('f')).toBe(100);
    expect(rt.cellsMoved).toBe(1000);
    expect(rt.countOf('Range.getValues')).toBe(1);
  });

  test('a uniform setter sends one value, not the block; per-cell setters send every cell', () => {
    const rt = inlineRuntime(`function f() {
      var r = SpreadsheetApp.getActiveSheet().getRange('A1:C1000');
      r.setNumberFormat('@');
      r.setBackground('#eeeeee');
    }
    function g() { SpreadsheetApp.getActiveSheet().getRange('A1:B2').setBackgrounds([['red', 'red'], ['red', 'red']]); }`);
    rt.resetCounters();
    rt.runAsOwner('f');
    expect(rt.cellsMoved).toBe(2);
    rt.runAsOwner('g');
    expect(rt.cellsMoved).toBe(6);
  });

  test('lists are arrays of the script realm, empty ones too', () => {
    const rt = inlineRuntime(`function f() {
      var ss = SpreadsheetApp.getActive();
      return [ss.getProtections(SpreadsheetApp.ProtectionType.RANGE) instanceof Array, ss.getNamedRanges() instanceof Array, ss.getSheets() instanceof Array,
        ss.getActiveSheet().getConditionalFormatRules() instanceof Array].join('|');
    }`);
    expect(rt.runAsOwner('f')).toBe('true|true|true|true');
  });

  test('the owner is the container owner', () => {
    const rt = inlineRuntime('function f() { return SpreadsheetApp.getActive().getOwner().getEmail(); }');
    expect(rt.runAsOwner('f')).toBe(OWNER);
  });
});
