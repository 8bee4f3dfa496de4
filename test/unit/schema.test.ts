import { CHOICE_LISTS, numberFormatOf, planColumns, SHEETS, sheetDef } from '../../src/domain/schema';
import { en } from '../../src/locale/en';
import { ru } from '../../src/locale/ru';

describe('schema', () => {
  test('column keys are unique within each sheet', () => {
    for (const sheet of SHEETS) {
      const keys = sheet.columns.map((c) => c.key);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  test('every sheet, column and choice has a label in both locales', () => {
    for (const locale of [ru, en]) {
      for (const sheet of SHEETS) {
        expect(locale.sheets[sheet.key]).toBeTruthy();
        const labels = (locale.columns as Record<string, Record<string, string>>)[sheet.key] ?? {};
        for (const col of sheet.columns) expect(labels[col.key]).toBeTruthy();
      }
      for (const [list, keys] of Object.entries(CHOICE_LISTS)) {
        const labels = (locale.choices as Record<string, Record<string, string>>)[list];
        for (const k of keys) expect(labels[k]).toBeTruthy();
      }
    }
  });

  test('people-written text and personal columns are plain text, so nothing typed is parsed or evaluated', () => {
    for (const sheet of SHEETS) {
      for (const col of sheet.columns) {
        if (col.type === 'text' || col.personal) expect(numberFormatOf(col.type)).toBe('@');
      }
    }
    expect(numberFormatOf('datetime')).toBe('dd.mm.yyyy hh:mm');
  });

  test('the regulation topics (R3.2) in order', () => {
    expect(CHOICE_LISTS.topic.map((k) => ru.choices.topic[k])).toEqual([
      'Учёт расписания',
      'Учёт текущей и итоговой успеваемости',
      'Учёт посещаемости',
      'Ведение поурочного планирования',
      'Проведение уроков',
      'Доступ к электронному дневнику, вход',
      'Другое',
    ]);
  });
});

describe('planColumns', () => {
  const def = sheetDef('staff');

  test('an empty sheet needs every column', () => {
    expect(planColumns(def, []).missing.map((c) => c.key)).toEqual(def.columns.map((c) => c.key));
  });

  test("moved columns and people's own columns are left where they are; only missing keys are added", () => {
    const keyRow = ['name', 'my own column', 'email', '', 'role', 'position', 'startDate', 'trainingDue', 'active'];
    const plan = planColumns(def, keyRow);
    expect(plan.missing.map((c) => c.key)).toEqual(['trainingDone', 'notes']);
    expect(plan.positions.get('email')).toBe(3);
    expect(plan.positions.get('name')).toBe(1);
  });
});
