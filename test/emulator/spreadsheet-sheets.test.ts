// Spreadsheet and Sheet: sheets, rows and columns, appendRow, panes, hiding, named ranges, access, selection.
import {
  containerSpreadsheetId,
  readSheetValues,
  setActiveSelection,
  shareSpreadsheet,
  spreadsheetModel,
  spreadsheetStore,
} from '../../emulator/services/spreadsheet/index';
import { inlineRuntime, OWNER } from '../helpers/inline-runtime';

describe('Spreadsheet (reference/spreadsheet/spreadsheet)', () => {
  test('the bound container exists from the first call, owned by the project owner, renamable', () => {
    const rt = inlineRuntime(`function f() {
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      ss.rename('Журнал обращений');
      return [ss.getId() === SpreadsheetApp.getActive().getId(), ss.getName(), ss.getUrl().indexOf('https://docs.google.com/spreadsheets/d/' + ss.getId()) === 0,
        ss.getSheets().length, ss.getSpreadsheetLocale(), ss.getSpreadsheetTimeZone(), ss.getOwner().getEmail()].join('|');
    }`);
    expect(rt.runAsOwner('f')).toBe(`true|Журнал обращений|true|1|ru_RU|Asia/Yekaterinburg|${OWNER}`);
    expect(spreadsheetModel(rt, containerSpreadsheetId(rt)).name).toBe('Журнал обращений');
  });

  test('insertSheet(name[, index]) makes a 1000×26 sheet; a duplicate name throws; the last sheet cannot be deleted', () => {
    const rt = inlineRuntime(`function f() {
      var ss = SpreadsheetApp.getActive();
      var log = ss.insertSheet('Журнал');
      var first = ss.insertSheet('Настройки', 0);
      var out = [log.getMaxRows() + 'x' + log.getMaxColumns(), ss.getSheets().map(function (s) { return s.getName() + '@' + s.getIndex(); }).join(','), ss.getActiveSheet().getName()];
      try { ss.insertSheet('журнал'); } catch (e) { out.push(e.message); }
      ss.deleteSheet(ss.getSheetByName('Лист1'));
      ss.deleteSheet(first);
      try { ss.deleteSheet(log); } catch (e) { out.push(e.message); }
      out.push(ss.getSheetByName('Нет') === null);
      return out.join('|');
    }`);
    expect(rt.runAsOwner('f')).toBe(
      '1000x26|Настройки@1,Лист1@2,Журнал@3|Настройки|A sheet with the name "журнал" already exists. Please enter another name.|You can\'t remove all the sheets in a document.|true',
    );
  });

  test('getRange("Sheet!A1:B2") and named ranges that follow inserted rows', () => {
    const rt = inlineRuntime(`function f() {
      var ss = SpreadsheetApp.getActive();
      var sh = ss.insertSheet('Справочник тем');
      ss.getRange("'Справочник тем'!A1:A3").setValues([['Расписание'], ['Оценки'], ['Другое']]);
      ss.setNamedRange('Темы', sh.getRange('A1:A3'));
      sh.insertRowsBefore(1, 2);
      var r = ss.getRangeByName('Темы');
      var out = [r.getA1Notation(), r.getValues().join(','), ss.getNamedRanges().map(function (n) { return n.getName(); }).join(',')];
      ss.removeNamedRange('Темы');
      out.push(ss.getRangeByName('Темы') === null);
      try { ss.getRange('Нет!A1'); } catch (e) { out.push(e.message); }
      return out.join('|');
    }`);
    expect(rt.runAsOwner('f')).toBe('A3:A5|Расписание,Оценки,Другое|Темы|true|Range not found');
  });

  test('openById needs full authorization and access; create makes a spreadsheet owned by the effective user', () => {
    const rt = inlineRuntime(`function open(id) { return SpreadsheetApp.openById(id).getName(); }
      function make() { var s = SpreadsheetApp.create('Жалобы'); return s.getId() + '|' + s.getOwner().getEmail(); }`);
    const [id, owner] = rt.runAsOwner<string>('make').split('|');
    expect(owner).toBe(OWNER);
    expect(rt.runAsOwner('open', id)).toBe('Жалобы');
    // reference/spreadsheet/spreadsheet-app#openbyidid needs the spreadsheets scope: not in a simple trigger
    const limited = rt.execute('open', [id], { kind: 'simple-trigger', effectiveUser: OWNER, actingUser: OWNER });
    expect(limited.error?.message).toBe(
      'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
    const stranger = rt.execute('open', [id], {
      kind: 'menu',
      effectiveUser: 'consultant@school.ru',
      actingUser: 'consultant@school.ru',
    });
    expect(stranger.error?.message).toBe('You do not have permission to access the requested document.');
    shareSpreadsheet(rt, id, 'consultant@school.ru', 'viewer');
    expect(
      rt.run('open', [id], { kind: 'menu', effectiveUser: 'consultant@school.ru', actingUser: 'consultant@school.ru' }),
    ).toBe('Жалобы');
    const missing = rt.execute('open', ['nope'], { kind: 'editor', effectiveUser: OWNER, actingUser: OWNER });
    expect(missing.error?.message).toBe(
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
  });

  test('editors and viewers: addEditor/removeEditor, getEditors lists the owner first', () => {
    const rt = inlineRuntime(`function f() {
      var ss = SpreadsheetApp.getActive();
      ss.addEditor('consultant@school.ru').addEditors(['deputy@school.ru']).addViewer('director@school.ru');
      ss.removeEditor('deputy@school.ru');
      return ss.getEditors().map(function (u) { return u.getEmail(); }).join(',') + '|' + ss.getViewers().map(function (u) { return u.getEmail(); }).join(',');
    }`);
    expect(rt.runAsOwner('f')).toBe(`${OWNER},consultant@school.ru|director@school.ru`);
  });
});

describe('Sheet rows and columns (reference/spreadsheet/sheet)', () => {
  test('getLastRow is 0 on an empty sheet; appendRow writes after the last row and grows a full sheet', () => {
    const rt = inlineRuntime(`function f() {
      var sh = SpreadsheetApp.getActiveSheet();
      var out = [sh.getLastRow(), sh.getLastColumn(), sh.getDataRange().getA1Notation()];
      sh.deleteRows(3, 997);
      sh.appendRow(['R-1', '0012', 'текст']);
      sh.appendRow(['R-2']);
      sh.appendRow(['R-3', 5]);
      var wide = ['R-4'];
      for (var i = 2; i <= 27; i++) wide.push(i);
      sh.appendRow(wide);
      out.push(sh.getMaxRows(), sh.getMaxColumns(), sh.getLastRow(), sh.getLastColumn(), sh.getDataRange().getA1Notation());
      return out.join('|');
    }`);
    expect(rt.runAsOwner('f')).toBe('0|0|A1|4|27|4|27|A1:AA4');
    expect(readSheetValues(rt, 'Лист1', { a1: 'A1:C2' })).toEqual([
      ['R-1', 12, 'текст'],
      ['R-2', '', ''],
    ]);
  });

  test('insert and delete rows/columns move the data; out-of-bounds and delete-all fail as in Apps Script', () => {
    const rt = inlineRuntime(`function f() {
      var sh = SpreadsheetApp.getActiveSheet();
      sh.getRange('A1:C3').setValues([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
      sh.insertRowsAfter(1, 2);
      sh.insertColumnsBefore(2, 1);
      sh.deleteRow(5);
      sh.deleteColumns(4, 1);
      var out = [JSON.stringify(sh.getRange('A1:C4').getValues()), sh.getMaxRows(), sh.getMaxColumns()];
      try { sh.deleteRows(1000, 5); } catch (e) { out.push(e.message); }
      try { sh.deleteRows(1, sh.getMaxRows()); } catch (e) { out.push(e.message); }
      try { sh.deleteColumns(30, 1); } catch (e) { out.push(e.message); }
      return out.join('|');
    }`);
    expect(rt.runAsOwner('f')).toBe(
      '[[1,"",2],["","",""],["","",""],[4,"",5]]|1001|26|Those rows are out of bounds.|Sorry, it is not possible to delete all non-frozen rows.|Those columns are out of bounds.',
    );
  });

  test('frozen panes, hidden rows/columns/sheets, widths and tab colour are recorded', () => {
    const rt = inlineRuntime(`function f() {
      var ss = SpreadsheetApp.getActive();
      var sh = ss.getActiveSheet();
      var other = ss.insertSheet('Служебный');
      sh.setFrozenRows(1); sh.setFrozenColumns(2);
      sh.hideRows(5, 3); sh.showRows(6);
      sh.hideColumns(4);
      sh.setColumnWidth(2, 240);
      sh.setTabColor('#FF0000');
      other.hideSheet();
      var out = [sh.getFrozenRows(), sh.getFrozenColumns(), sh.isRowHiddenByUser(5), sh.isRowHiddenByUser(6), sh.isRowHiddenByUser(7),
        sh.isColumnHiddenByUser(4), sh.getColumnWidth(2), sh.getColumnWidth(3), other.isSheetHidden()];
      try { sh.hideSheet(); } catch (e) { out.push(e.message); }
      return out.join('|');
    }`);
    expect(rt.runAsOwner('f')).toBe(
      "1|2|true|false|true|true|240|100|true|You can't hide all the sheets in a document.",
    );
    const sheet = spreadsheetModel(rt).sheets[0];
    expect(sheet.tabColor).toBe('#ff0000');
  });

  test('inserted rows take the formatting of the row above (a header row stays bold only where it was)', () => {
    const rt = inlineRuntime(`function f() {
      var sh = SpreadsheetApp.getActiveSheet();
      sh.getRange('A1:C1').setFontWeight('bold').setBackground('#cfe2f3');
      sh.getRange('A2:C2').setBackground('#ffffff');
      sh.insertRowsAfter(2, 1);
      return [sh.getRange('A1').getFontWeight(), sh.getRange('A3').getFontWeight(), sh.getRange('A3').getBackground(), sh.getRange('A2').getBackground()].join('|');
    }`);
    expect(rt.runAsOwner('f')).toBe('bold|normal|#ffffff|#ffffff');
  });

  test('TextFinder finds cells by their text without moving the sheet (reference/spreadsheet/text-finder)', () => {
    const rt = inlineRuntime(`function f() {
      var sh = SpreadsheetApp.getActiveSheet();
      sh.getRange('A1:B3').setValues([['R-1', 'a'], ['R-12', 'b'], ['R-2', 'c']]);
      var exact = sh.createTextFinder('R-1').matchEntireCell(true).findAll().map(function (r) { return r.getA1Notation(); });
      var loose = sh.getRange('A:A').createTextFinder('r-1').findAll().length;
      return exact.join(',') + '|' + loose + '|' + (sh.createTextFinder('zzz').findNext() === null);
    }`);
    expect(rt.runAsOwner('f')).toBe('A1|2|true');
  });
});

describe('active sheet and selection', () => {
  test("a person's selection is the active range in their menu run; triggers see the first sheet", () => {
    const rt = inlineRuntime(`function setup() { SpreadsheetApp.getActive().insertSheet('Журнал'); }
      function where() { return SpreadsheetApp.getActiveSheet().getName() + '!' + SpreadsheetApp.getActiveRange().getA1Notation(); }`);
    rt.runAsOwner('setup');
    shareSpreadsheet(rt, containerSpreadsheetId(rt), 'consultant@school.ru', 'editor');
    setActiveSelection(rt, 'consultant@school.ru', 'Журнал', 'B5:C6');
    expect(
      rt.run('where', [], { kind: 'menu', effectiveUser: 'consultant@school.ru', actingUser: 'consultant@school.ru' }),
    ).toBe('Журнал!B5:C6');
    expect(rt.run('where', [], { kind: 'installable-trigger', effectiveUser: OWNER, actingUser: OWNER })).toBe(
      'Лист1!A1',
    );
    // insertSheet activated the new sheet for the owner who ran setup (reference/spreadsheet/spreadsheet#insertsheetsheetname)
    expect(rt.runAsOwner('where')).toBe('Журнал!A1');
    expect(spreadsheetStore(rt).selections.size).toBe(2);
  });

  test('setActiveSheet / activate change the active sheet for the rest of the run', () => {
    const rt = inlineRuntime(`function f() {
      var ss = SpreadsheetApp.getActive();
      var a = ss.insertSheet('A');
      ss.getSheets()[0].activate();
      var first = SpreadsheetApp.getActiveSheet().getName();
      ss.setActiveSheet(a);
      return first + '|' + SpreadsheetApp.getActiveSheet().getName();
    }`);
    expect(rt.runAsOwner('f')).toBe('Лист1|A');
  });
});
