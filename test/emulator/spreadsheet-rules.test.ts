// Data validation, checkboxes and conditional formatting.
import {
  checkUserInput,
  containerSpreadsheetId,
  personEdit,
  shareSpreadsheet,
} from '../../emulator/services/spreadsheet/index';
import { inlineRuntime } from '../helpers/inline-runtime';

describe('data validation (reference/spreadsheet/data-validation-builder)', () => {
  test('builder getters; requireValueInList shows a dropdown by default; new rules allow invalid data', () => {
    const rt = inlineRuntime(`function f() {
      var b = SpreadsheetApp.newDataValidation().requireValueInList(['Новое', 'В работе', 'Закрыто']);
      var lenient = b.build();
      var strict = b.setAllowInvalid(false).setHelpText('Выберите статус').build();
      var vals = strict.getCriteriaValues();
      return [lenient.getAllowInvalid(), strict.getAllowInvalid(), strict.getHelpText(),
        strict.getCriteriaType() === SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST, String(strict.getCriteriaType()),
        Array.isArray(vals[0]) && vals[0] instanceof Array, vals[0].join('/'), vals[1]].join('|');
    }`);
    expect(rt.runAsOwner('f')).toBe('true|false|Выберите статус|true|VALUE_IN_LIST|true|Новое/В работе/Закрыто|true');
  });

  test('setDataValidation stores the rule on every cell; script writes are not rejected', () => {
    const rt = inlineRuntime(`function f() {
      var sh = SpreadsheetApp.getActiveSheet();
      var rule = SpreadsheetApp.newDataValidation().requireValueInList(['a', 'b'], false).setAllowInvalid(false).build();
      sh.getRange('C2:C1000').setDataValidation(rule);
      sh.getRange('C5').setValue('не из списка');
      var rules = sh.getRange('B4:C5').getDataValidations();
      return [sh.getRange('C5').getValue(), rules[0][0] === null, rules[1][1].getCriteriaValues()[1], sh.getRange('C1').getDataValidation() === null,
        sh.getRange('D3').getDataValidation() === null].join('|');
    }`);
    expect(rt.runAsOwner('f')).toBe('не из списка|true|false|true|true');
  });

  test("a person's input is checked: rejected when invalid data is not allowed, flagged when it is", () => {
    const rt = inlineRuntime(`function f() {
      var sh = SpreadsheetApp.getActiveSheet();
      var v = SpreadsheetApp.newDataValidation();
      sh.getRange('A2:A50').setDataValidation(v.requireValueInList(['Новое', 'Закрыто']).setAllowInvalid(false).setHelpText('Статус из списка').build());
      sh.getRange('B2:B50').setDataValidation(SpreadsheetApp.newDataValidation().requireTextIsEmail().build());
      sh.getRange('C2:C50').setDataValidation(SpreadsheetApp.newDataValidation().requireDateOnOrAfter(new Date(2026, 0, 1)).setAllowInvalid(false).build());
      sh.getRange('D2:D50').setDataValidation(SpreadsheetApp.newDataValidation().requireNumberBetween(1, 5).setAllowInvalid(false).build());
    }`);
    rt.runAsOwner('f');
    const id = containerSpreadsheetId(rt);
    const check = (row: number, col: number, v: unknown) => checkUserInput(rt, id, 'Лист1', row, col, v);
    expect(check(2, 1, 'Новое')).toEqual({ valid: true, rejected: false, helpText: 'Статус из списка' });
    expect(check(2, 1, 'Что-то')).toEqual({ valid: false, rejected: true, helpText: 'Статус из списка' });
    expect(check(2, 1, '')).toMatchObject({ valid: true });
    expect(check(2, 2, 'parent@mail')).toEqual({ valid: false, rejected: false, helpText: '' });
    expect(check(2, 2, 'parent@mail.ru')).toMatchObject({ valid: true });
    expect(check(2, 3, '31.12.2025')).toMatchObject({ valid: false, rejected: true });
    expect(check(2, 3, '15.01.2026')).toMatchObject({ valid: true });
    expect(check(2, 4, '7')).toMatchObject({ rejected: true });
    expect(check(2, 4, '3')).toMatchObject({ valid: true });
    shareSpreadsheet(rt, id, 'consultant@school.ru', 'editor');
    expect(() => personEdit(rt, 'consultant@school.ru', 'Лист1', 'A2', [['Что-то']])).toThrow(/Статус из списка/);
    expect(personEdit(rt, 'consultant@school.ru', 'Лист1', 'B2', [['not-an-email']]).invalid).toEqual([
      { row: 2, col: 2, helpText: '' },
    ]);
  });

  test('insertCheckboxes sets FALSE and a checkbox rule; check()/isChecked() follow (reference/spreadsheet/range#insertcheckboxes)', () => {
    const rt = inlineRuntime(`function f() {
      var r = SpreadsheetApp.getActiveSheet().getRange('E2:E4');
      r.insertCheckboxes();
      var before = JSON.stringify(r.getValues()) + ':' + r.isChecked();
      r.getCell(2, 1).check();
      var mixed = r.isChecked();
      var type = String(r.getDataValidation().getCriteriaType());
      r.check();
      return [before, String(mixed), r.isChecked(), type, JSON.stringify(r.getValues())].join('|');
    }`);
    expect(rt.runAsOwner('f')).toBe('[[false],[false],[false]]:false|null|true|CHECKBOX|[[true],[true],[true]]');
  });
});

describe('conditional formatting (reference/spreadsheet/conditional-format-rule-builder)', () => {
  test('rules are stored on the sheet with their ranges, condition and format', () => {
    const rt = inlineRuntime(`function f() {
      var sh = SpreadsheetApp.getActiveSheet();
      var overdue = SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=AND($F2<>"", $F2<NOW())').setBackground('#F4CCCC').setBold(true)
        .setRanges([sh.getRange('A2:K1000')]).build();
      var closed = SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo('Закрыто').setFontColor('#999999').setRanges([sh.getRange('C2:C1000')]).build();
      sh.setConditionalFormatRules([overdue, closed]);
      var rules = sh.getConditionalFormatRules();
      var c = rules[0].getBooleanCondition();
      return [rules.length, rules[0].getRanges()[0].getA1Notation(), String(c.getCriteriaType()), c.getCriteriaValues()[0], c.getBackground(), c.getBold(),
        rules[1].getBooleanCondition().getFontColor(), c.getCriteriaType() === SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA].join('|');
    }`);
    expect(rt.runAsOwner('f')).toBe('2|A2:K1000|CUSTOM_FORMULA|=AND($F2<>"", $F2<NOW())|#f4cccc|true|#999999|true');
  });
});

describe('formatting calls are recorded (the xlsx export reads them)', () => {
  test('backgrounds, fonts, notes, wraps, alignment come back from their getters', () => {
    const rt = inlineRuntime(`function f() {
      var r = SpreadsheetApp.getActiveSheet().getRange('A1:B2');
      r.setBackgrounds([['#ff0000', null], ['yellow', '#00FF00']]).setFontWeight('bold').setFontColor('#0000ff').setFontSize(12)
        .setNotes([['note a', ''], ['', 'note d']]).setWrap(true).setHorizontalAlignment('center');
      r.getCell(2, 2).setWrapStrategy(SpreadsheetApp.WrapStrategy.CLIP);
      return [JSON.stringify(r.getBackgrounds()), JSON.stringify(r.getFontWeights()), r.getFontColor(), r.getFontSize(), JSON.stringify(r.getNotes()),
        r.getWrap(), String(r.getCell(2, 2).getWrapStrategy()), r.getHorizontalAlignment(), r.getCell(2, 2).getWrap()].join('|');
    }`);
    expect(rt.runAsOwner('f')).toBe(
      '[["#ff0000","#ffffff"],["#ffff00","#00ff00"]]|[["bold","bold"],["bold","bold"]]|#0000ff|12|[["note a",""],["","note d"]]|true|CLIP|center|false',
    );
  });
});
