// The pure parts of working in the sheet: which columns the journal watches and what its entries hold
// (src/domain/edit-audit.ts), and the undo window of a staged answer (src/domain/staged-answer.ts).
import {
  AUDIT_VALUE_MAX,
  clip,
  handEditEntry,
  isHandlerNote,
  isPersonalColumn,
  pastedEntries,
  pastedSummary,
  watchedColumn,
} from '../../src/domain/edit-audit';
import { sheetDef } from '../../src/domain/schema';
import {
  DEFAULT_UNDO_MINUTES,
  isDue,
  parseStaged,
  restartWindow,
  serializeStaged,
  stageAnswer,
  undoWindowMs,
} from '../../src/domain/staged-answer';
import { revertNote } from '../../src/domain/workflow';
import { format } from '../../src/locale/index';
import { sheetEditTexts } from '../../src/locale/sheet-edit';

const AT = new Date(Date.UTC(2026, 8, 1, 5, 0));
const MIN = 60_000;

describe('watched columns', () => {
  test('every keyed column of «Обращения» is watched; a column people added is not', () => {
    for (const c of sheetDef('requests').columns) expect(watchedColumn(c.key)?.key).toBe(c.key);
    expect(watchedColumn('myOwnColumn')).toBeUndefined();
    expect(watchedColumn('')).toBeUndefined();
    expect(watchedColumn(undefined)).toBeUndefined();
  });

  test("personal columns are the schema's", () => {
    const personal = sheetDef('requests')
      .columns.filter((c) => c.personal)
      .map((c) => c.key);
    expect(personal).toEqual(['name', 'className', 'email', 'phone', 'description', 'answer', 'notes']);
    for (const key of personal) expect(isPersonalColumn(key)).toBe(true);
    for (const key of ['status', 'assignee', 'supportTicket', 'dueAt']) expect(isPersonalColumn(key)).toBe(false);
  });
});

describe('a single-cell hand edit', () => {
  const edit = (columnKey: string, before: string, after: string, actor = 'ivanova@school59.ru') => ({
    at: AT,
    requestId: 'ОБ-2026-00042',
    columnKey,
    actor,
    before,
    after,
  });

  test('a non-personal column: before → after, who and when', () => {
    expect(handEditEntry(edit('supportTicket', '', 'SD-1'), 'ru')).toEqual({
      at: AT,
      requestId: 'ОБ-2026-00042',
      action: 'Изменено в таблице вручную',
      columnKey: 'supportTicket',
      actor: 'ivanova@school59.ru',
      before: '',
      after: 'SD-1',
    });
  });

  test('a personal column: that it changed, never a value', () => {
    const entry = handEditEntry(edit('email', 'old@mail.ru', 'new@mail.ru'), 'en');
    expect(entry).toMatchObject({ columnKey: 'email', note: 'personal data: values are not recorded' });
    expect(entry?.before).toBeUndefined();
    expect(entry?.after).toBeUndefined();
    expect(JSON.stringify(entry)).not.toMatch(/mail\.ru/);
  });

  test('an unknown editor is named so; the same value typed again is no entry', () => {
    expect(handEditEntry(edit('supportTicket', 'A', 'B', ''), 'ru')?.actor).toBe('не известен (таблица не сообщила)');
    expect(handEditEntry(edit('supportTicket', 'A', 'A'), 'ru')).toBeUndefined();
  });

  test('long values are cut', () => {
    const long = 'x'.repeat(AUDIT_VALUE_MAX + 10);
    const entry = handEditEntry(edit('supportTicket', '', long), 'ru');
    expect(entry?.after?.length).toBe(AUDIT_VALUE_MAX);
    expect(entry?.after?.endsWith('…')).toBe(true);
    expect(clip('short')).toBe('short');
  });
});

describe('a multi-cell edit', () => {
  const rows = [
    { row: 3, requestId: 'ОБ-2026-00001', values: { status: 'Закрыто', email: 'a@mail.ru' } },
    { row: 4, requestId: '', values: { status: 'Закрыто', email: 'b@mail.ru' } },
  ];

  test('one entry per request row, values of non-personal columns only', () => {
    const entries = pastedEntries(rows, ['status', 'email'], '', AT, 'ru');
    expect(entries).toEqual([
      {
        at: AT,
        requestId: 'ОБ-2026-00001',
        action: sheetEditTexts.ru.audit.pasted,
        columnKey: 'status, email',
        actor: sheetEditTexts.ru.unknownEditor,
        after: 'status: Закрыто',
        note: sheetEditTexts.ru.audit.pastedNote,
      },
    ]);
    expect(JSON.stringify(entries)).not.toContain('mail.ru');
  });

  test('a large one is one summary entry naming the rows', () => {
    const entry = pastedSummary(3, 5002, ['status'], 'x@school59.ru', AT, 'ru');
    expect(entry.action).toBe(format(sheetEditTexts.ru.audit.pastedMany, { rows: 5000, first: 3, last: 5002 }));
    expect(entry.requestId).toBe('');
  });
});

describe('notes the handler may clear', () => {
  test("its own (a reverted status, a waiting answer) in either language; a person's note stays", () => {
    expect(isHandlerNote(revertNote({ code: 'unknownStatus', from: 'new' }, 'ru'))).toBe(true);
    expect(isHandlerNote(revertNote({ code: 'unknownStatus', from: 'new' }, 'en'))).toBe(true);
    expect(isHandlerNote(format(sheetEditTexts.ru.notes.staged, { time: '01.09.2026 09:10', from: 'В работе' }))).toBe(
      true,
    );
    expect(
      isHandlerNote(format(sheetEditTexts.en.notes.staged, { time: '01.09.2026 09:10', from: 'In progress' })),
    ).toBe(true);
    expect(isHandlerNote('Позвонить завуч после педсовета')).toBe(false);
    expect(isHandlerNote('')).toBe(false);
  });
});

describe('the undo window', () => {
  test('the setting in minutes; blank or nonsense is the default; 0 is none; capped at a day', () => {
    expect(undoWindowMs('')).toBe(DEFAULT_UNDO_MINUTES * MIN);
    expect(undoWindowMs('десять')).toBe(DEFAULT_UNDO_MINUTES * MIN);
    expect(undoWindowMs('-5')).toBe(DEFAULT_UNDO_MINUTES * MIN);
    expect(undoWindowMs('20')).toBe(20 * MIN);
    expect(undoWindowMs('2,5')).toBe(150_000);
    expect(undoWindowMs('0')).toBe(0);
    expect(undoWindowMs('100000')).toBe(24 * 60 * MIN);
  });

  test('due at the end of the window; a changed answer starts it again', () => {
    const t0 = AT.getTime();
    const staged = stageAnswer(
      'ОБ-2026-00042',
      'inProgress',
      { email: 'c@school59.ru', role: 'consultant' },
      t0,
      10 * MIN,
    );
    expect(isDue(staged, t0 + 10 * MIN - 1)).toBe(false);
    expect(isDue(staged, t0 + 10 * MIN)).toBe(true);
    const later = restartWindow(staged, t0 + 8 * MIN, 10 * MIN);
    expect(isDue(later, t0 + 10 * MIN)).toBe(false);
    expect(later).toMatchObject({ at: t0 + 8 * MIN, due: t0 + 18 * MIN, from: 'inProgress', email: 'c@school59.ru' });
  });

  test('a stored record reads back; a malformed one is dropped', () => {
    const staged = stageAnswer('ОБ-2026-00042', 'clarification', { email: 'c@school59.ru', role: 'deputy' }, 1, 2);
    expect(parseStaged('ОБ-2026-00042', serializeStaged(staged))).toEqual(staged);
    expect(parseStaged('X', '')).toBeUndefined();
    expect(parseStaged('X', '{not json')).toBeUndefined();
    expect(
      parseStaged('X', JSON.stringify({ at: 1, due: 2, from: 'nope', email: '', role: 'consultant' })),
    ).toBeUndefined();
    expect(parseStaged('X', JSON.stringify({ at: 1, due: 2, from: 'new', email: '', role: 'hacker' }))).toBeUndefined();
    expect(
      parseStaged('X', JSON.stringify({ at: '1', due: 2, from: 'new', email: '', role: 'owner' })),
    ).toBeUndefined();
  });
});
