import {
  addMonths,
  clearedValue,
  consecutiveRuns,
  contactKeysIn,
  DEFAULT_RETENTION_MONTHS,
  holdsPersonalData,
  isCleared,
  isDueForAnonymisation,
  keysOfContact,
  matchPerson,
  mentionsAny,
  personalColumns,
  retentionEndsOn,
  retentionMonths,
} from '../../src/domain/retention';
import { PRIVACY_MARKERS } from '../../src/locale/privacy';

const ZONE = 'Asia/Yekaterinburg';
const at = (iso: string) => new Date(iso).getTime();

describe('retention period', () => {
  test('the setting as whole months; blank or nonsense is the catalogue default, not "for ever"', () => {
    expect(DEFAULT_RETENTION_MONTHS).toBe(36);
    expect(retentionMonths('12')).toBe(12);
    expect(retentionMonths(' 6,5 ')).toBe(6);
    expect(retentionMonths('0')).toBe(0);
    for (const bad of ['', 'три года', '-1', 'Infinity']) expect(retentionMonths(bad)).toBe(36);
  });

  test('months end on the corresponding date, or the last day of a shorter month (Civil Code art. 192)', () => {
    expect(addMonths('2026-09-15', 36)).toBe('2029-09-15');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-12-10', 1)).toBe('2027-01-10');
    expect(addMonths('2026-05-05', 0)).toBe('2026-05-05');
    expect(() => addMonths('2026-02-30', 1)).toThrow(RangeError);
  });

  test('counted from the resolution date in the school zone, or from creation when unresolved', () => {
    // 22:30 UTC on 14 September is already 15 September in Yekaterinburg (UTC+5).
    const resolved = {
      status: 'closed' as const,
      createdAt: at('2026-09-01T04:00:00Z'),
      resolvedAt: at('2026-09-14T22:30:00Z'),
    };
    expect(retentionEndsOn(resolved, 12, ZONE)).toBe('2027-09-15');
    expect(retentionEndsOn({ ...resolved, resolvedAt: undefined }, 12, ZONE)).toBe('2027-09-01');
    expect(
      retentionEndsOn({ status: 'closed', createdAt: undefined, resolvedAt: undefined }, 12, ZONE),
    ).toBeUndefined();
  });

  test('due the day after the period ends, in the school zone', () => {
    const facts = {
      status: 'closed' as const,
      createdAt: at('2026-09-01T04:00:00Z'),
      resolvedAt: at('2026-09-14T22:30:00Z'),
    };
    // The last day kept is 15.09.2027 local; 16.09.2027 starts at 19:00 UTC on the 15th.
    expect(isDueForAnonymisation(facts, at('2027-09-15T18:59:00Z'), 12, ZONE)).toBe(false);
    expect(isDueForAnonymisation(facts, at('2027-09-15T19:00:00Z'), 12, ZONE)).toBe(true);
  });

  test('only final statuses are due: closed, rejected, ended for etiquette and answered; never an open one', () => {
    const old = { createdAt: at('2020-01-10T05:00:00Z'), resolvedAt: at('2020-01-11T05:00:00Z') };
    const now = at('2026-09-01T05:00:00Z');
    for (const status of ['closed', 'rejected', 'etiquetteEnded', 'answered'] as const) {
      expect(isDueForAnonymisation({ status, ...old }, now, 36, ZONE)).toBe(true);
    }
    for (const status of ['new', 'inProgress', 'clarification', 'escalated'] as const) {
      expect(isDueForAnonymisation({ status, ...old }, now, 36, ZONE)).toBe(false);
    }
    expect(isDueForAnonymisation({ status: undefined, ...old }, now, 36, ZONE)).toBe(false);
  });
});

describe('cleared cells', () => {
  test("the personal columns are the schema's", () => {
    expect(personalColumns('requests')).toEqual([
      'name',
      'className',
      'email',
      'phone',
      'description',
      'answer',
      'notes',
    ]);
    expect(personalColumns('mailQueue')).toEqual(['to', 'payload']);
    expect(personalColumns('state')).toEqual(['overflow']);
  });

  test('words become the marker, contacts and the class become blank, a blank stays blank', () => {
    expect(clearedValue('name', 'Иванова Мария', 'обезличено')).toBe('обезличено');
    expect(clearedValue('description', 'Не открывается дневник', 'обезличено')).toBe('обезличено');
    expect(clearedValue('notes', '', 'обезличено')).toBe('');
    for (const key of ['email', 'phone', 'className', 'to', 'payload', 'overflow']) {
      expect(clearedValue(key, 'что-то', 'обезличено')).toBe('');
    }
  });

  test('a row cleared either way, in either language, holds nothing personal; a contact left behind does', () => {
    const keys = personalColumns('requests');
    const cleared = {
      name: 'обезличено',
      description: 'erased on request',
      answer: '',
      email: '',
      phone: '',
      className: '',
      notes: '',
    };
    expect(holdsPersonalData(cleared, keys, PRIVACY_MARKERS)).toBe(false);
    expect(holdsPersonalData({ ...cleared, phone: '+7 912 000-00-00' }, keys, PRIVACY_MARKERS)).toBe(true);
    // A marker in a contact column is not a cleared contact.
    expect(isCleared('email', 'обезличено', PRIVACY_MARKERS)).toBe(false);
  });
});

describe('one person', () => {
  test('the dialog takes an e-mail or a phone, normalised; junk gives no key', () => {
    expect(keysOfContact('  Ivanova@Mail.RU ')).toEqual(['email:ivanova@mail.ru']);
    expect(keysOfContact('8 (912) 000-00-01')).toEqual(['phone:+79120000001']);
    expect(keysOfContact('нет')).toEqual([]);
    expect(keysOfContact('ivanova@')).toEqual([]);
  });

  test('contacts written inside text are found, and ordinary numbers are not taken for the person', () => {
    const keys = contactKeysIn('Пишите на Ivanova@mail.ru. Или звоните: +7 912 000-00-01, кабинет 12, 2026 год.');
    expect(keys).toContain('email:ivanova@mail.ru');
    expect(keys).toContain('phone:+79120000001');
    expect(mentionsAny('mailto:ivanova@mail.ru', new Set(['email:ivanova@mail.ru']))).toBe(true);
    expect(mentionsAny('кабинет 12, 2026 год', new Set(['phone:+79120000001']))).toBe(false);
    expect(mentionsAny('', new Set(['email:ivanova@mail.ru']))).toBe(false);
  });

  test('requests link through the contacts found on them, until nothing new turns up', () => {
    const rows = [
      { id: 'ОБ-1', keys: ['email:mama@mail.ru'] },
      { id: 'ОБ-2', keys: ['phone:+79120000001'] },
      { id: 'ОБ-3', keys: ['email:other@mail.ru'] },
      { id: 'ОБ-4', keys: ['email:mama@mail.ru', 'phone:+79120000001'] },
      { id: 'ОБ-5', keys: [] },
    ];
    const match = matchPerson(['email:mama@mail.ru'], rows, new Set());
    expect(match.ids).toEqual(['ОБ-1', 'ОБ-2', 'ОБ-4']);
    expect(match.rows).toEqual([0, 1, 3]);
    expect(match.keys.sort()).toEqual(['email:mama@mail.ru', 'phone:+79120000001']);
  });

  test("the school's shared phone links no one", () => {
    const rows = [
      { id: 'ОБ-1', keys: ['email:teacher1@mail.ru', 'phone:23481'] },
      { id: 'ОБ-2', keys: ['email:teacher2@mail.ru', 'phone:23481'] },
    ];
    expect(matchPerson(['email:teacher1@mail.ru'], rows, new Set(['phone:23481'])).ids).toEqual(['ОБ-1']);
    expect(matchPerson(['email:teacher1@mail.ru'], rows, new Set()).ids).toEqual(['ОБ-1', 'ОБ-2']);
  });
});

test('runs of consecutive numbers, capped in length, duplicates dropped', () => {
  expect(consecutiveRuns([7, 3, 4, 5, 9, 4])).toEqual([
    { start: 3, count: 3 },
    { start: 7, count: 1 },
    { start: 9, count: 1 },
  ]);
  expect(consecutiveRuns([1, 2, 3, 4, 5], 2)).toEqual([
    { start: 1, count: 2 },
    { start: 3, count: 2 },
    { start: 5, count: 1 },
  ]);
  expect(consecutiveRuns([])).toEqual([]);
});
