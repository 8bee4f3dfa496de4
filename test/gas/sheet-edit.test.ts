// Working in the sheet (issue 5 parts 1, 3, 7) on the embedded runtime, over a workbook built by the real setup:
// people edit «Обращения» (person(rt, who).edit fires the installable edit trigger the owner created, as
// Apps Script does — guides/triggers/installable), runQueue runs every 5 minutes from its own trigger.
// The school here is a Google Workspace domain (school59.ru): the owner's trigger is told who of the same
// domain edited. A consumer-account member (gmail.com) is hidden from it (reference/base/session
// getActiveUser; APPS_SCRIPT_FACTS.md), so their status edits are refused with a note saying why.
import path from 'node:path';
import type { Runtime } from '../../emulator/index';
import { person } from '../../emulator/people';
import { advance, advanceTo } from '../../emulator/scheduler';
import { sentMail } from '../../emulator/services/mail';
import {
  containerSpreadsheet,
  readSheetValues,
  shareSpreadsheet,
  sheetModel,
  writeCells,
} from '../../emulator/services/spreadsheet/index';
import { scriptRun } from '../../emulator/web';
import type { SheetKey } from '../../src/domain/schema';
import { ru } from '../../src/locale/ru';
import { testEntryRuntime } from '../helpers/gas-bundle';
import { setSetting } from '../helpers/settings';

const ENTRY = path.join(__dirname, 'sheet-edit.entry.ts');
const OWNER = 'pomosh@school59.ru';
const CONSULTANT = 'ivanova@school59.ru';
const DIRECTOR = 'petrov@school59.ru';
const TEACHER = 'orlova@school59.ru';
/** The deputy uses a personal consumer account: the owner's trigger is not told who she is. */
const DEPUTY_GMAIL = 'sokolova.deputy@gmail.com';
/** Can edit the spreadsheet but is not listed in «Сотрудники». */
const UNLISTED = 'helper@school59.ru';
const PARENT = 'parent.sidorova@mail.ru';
const MIN = 60_000;
const S = ru.choices.status;

type Rec = Record<string, unknown> & { row: number };

function records(rt: Runtime, sheet: SheetKey): Rec[] {
  const [keys, , ...rows] = readSheetValues(rt, ru.sheets[sheet]);
  return rows
    .map((line, i) => ({
      row: i + 3,
      ...Object.fromEntries(keys.map((k, j) => [String(k), line[j]]).filter(([k]) => k !== '')),
    }))
    .filter((r) => Object.entries(r).some(([k, v]) => k !== 'row' && v !== '' && v !== undefined));
}

function column(rt: Runtime, sheet: SheetKey, key: string): number {
  const col = readSheetValues(rt, ru.sheets[sheet])[0].indexOf(key) + 1;
  expect(col).toBeGreaterThan(0);
  return col;
}

const letter = (col: number): string => String.fromCharCode(64 + col);

function request(rt: Runtime, id: string): Rec {
  const found = records(rt, 'requests').find((r) => r.id === id);
  if (!found) throw new Error(`no request ${id}`);
  return found;
}

function a1(rt: Runtime, id: string, key: string): string {
  return `${letter(column(rt, 'requests', key))}${request(rt, id).row}`;
}

function edit(rt: Runtime, who: string, id: string, key: string, value: unknown) {
  const result = person(rt, who).edit(ru.sheets.requests, a1(rt, id, key), value);
  expect(result.refused).toBeUndefined();
  // The owner's installable trigger ran for the edit, and did not fail.
  expect(result.installable.map((r) => [r.handler, r.outcome.ok, r.outcome.error?.message])).toEqual([
    ['onSheetEdit', true, undefined],
  ]);
  return result.installable[0];
}

function statusNote(rt: Runtime, id: string): string {
  const sheet = sheetModel(rt, ru.sheets.requests);
  return sheet.layers.note.get(request(rt, id).row, column(rt, 'requests', 'status')) ?? '';
}

function journal(rt: Runtime, id?: string): Rec[] {
  return records(rt, 'audit').filter((r) => id === undefined || r.requestId === id);
}

function journalText(rt: Runtime): string {
  return JSON.stringify(readSheetValues(rt, ru.sheets.audit));
}

const time = (v: unknown): number | undefined => (v instanceof Date ? v.getTime() : undefined);

/** A time the trigger run recorded: inside that run (the virtual clock moves with every service call). */
function expectDuring(v: unknown, run: { outcome: { execution: { startedAt: number; endedAt: number } } }): void {
  const t = time(v);
  expect(t).toBeGreaterThanOrEqual(run.outcome.execution.startedAt);
  expect(t).toBeLessThanOrEqual(run.outcome.execution.endedAt);
}

function answersTo(rt: Runtime, to: string, text: string) {
  return sentMail(rt, OWNER).filter((m) => m.to.includes(to) && m.body.includes(text));
}

function workbook(): Runtime {
  const rt = testEntryRuntime(ENTRY, { owner: OWNER, now: '2026-09-01T09:00:00+05:00' });
  rt.runAsOwner('setupHelpdesk');
  setSetting(rt, 'consultant.email', CONSULTANT);
  setSetting(rt, 'director.email', DIRECTOR);
  const staff = [
    [CONSULTANT, 'Иванова Анна Сергеевна', ru.choices.role.consultant],
    [DEPUTY_GMAIL, 'Соколова Ольга Петровна', ru.choices.role.deputy],
    [DIRECTOR, 'Петров Игорь Олегович', ru.choices.role.director],
    [TEACHER, 'Орлова Елена Викторовна', ru.choices.role.teacher],
  ];
  expect(person(rt, OWNER).edit(ru.sheets.staff, 'A3:C6', staff).refused).toBeUndefined();
  for (const who of [CONSULTANT, DEPUTY_GMAIL, DIRECTOR, TEACHER, UNLISTED]) {
    shareSpreadsheet(rt, containerSpreadsheet(rt).id, who, 'editor');
  }
  return rt;
}

function call(rt: Runtime, token: string, email = PARENT): string {
  const id = rt.runAsOwner<string>('registerCall', token, email);
  // The acknowledgement leaves with the next runQueue; later assertions look only at what follows.
  advance(rt, 5 * MIN);
  return id;
}

describe('status edits in the sheet', () => {
  test('a consultant takes a request and asks a clarifying question: times, bookkeeping, journal, e-mail', () => {
    const rt = workbook();
    const id = call(rt, 'c1');
    const run = edit(rt, CONSULTANT, id, 'status', S.inProgress);
    expect(run.outcome.execution.activeUser).toBe(CONSULTANT);
    expect(request(rt, id).status).toBe(S.inProgress);
    // Taking a request is a bare status change: no first response (R5.2).
    expect(request(rt, id).firstResponseAt).toBe('');
    const taken = journal(rt, id).find((e) => e.columnKey === 'status');
    expect(taken).toMatchObject({ before: S.new, after: S.inProgress, actor: CONSULTANT, note: 'правка в таблице' });

    const asked = edit(rt, CONSULTANT, id, 'status', S.clarification);
    const row = request(rt, id);
    expect(row.status).toBe(S.clarification);
    expectDuring(row.firstResponseAt, asked);
    expect(statusNote(rt, id)).toBe('');
    // The clock pauses at the moment of the change (waiting on the requester), kept in whole minutes.
    const book = records(rt, 'state').find((r) => r.requestId === id) as Rec;
    expect(time(book.pausedSince)).toBe(Math.floor((time(row.firstResponseAt) as number) / MIN) * MIN);
    // The clarifying question leaves with the next runQueue.
    advance(rt, 5 * MIN);
    expect(sentMail(rt, OWNER).filter((m) => m.to.includes(PARENT) && m.body.includes(id)).length).toBe(2);
  });

  test('an illegal hand edit is set back, with the reason as the cell note and a journal entry', () => {
    const rt = workbook();
    const id = call(rt, 'c2');
    edit(rt, CONSULTANT, id, 'status', S.closed);
    expect(request(rt, id).status).toBe(S.new);
    const note = statusNote(rt, id);
    expect(note).toContain(`Статус возвращён: «${S.new}».`);
    expect(note).toContain(`Из «${S.new}» нельзя перейти в «${S.closed}»`);
    const entry = journal(rt, id).find((e) => e.action === 'Изменение статуса вручную отменено');
    expect(entry).toMatchObject({ columnKey: 'status', before: S.closed, after: S.new, actor: CONSULTANT });
    expect(String(entry?.note)).toContain('нельзя перейти');
    // A legal change afterwards clears the note the handler left.
    edit(rt, CONSULTANT, id, 'status', S.inProgress);
    expect(request(rt, id).status).toBe(S.inProgress);
    expect(statusNote(rt, id)).toBe('');
  });

  test('a teacher may not change a status; a member the spreadsheet does not name is refused too', () => {
    const rt = workbook();
    const id = call(rt, 'c3');
    edit(rt, TEACHER, id, 'status', S.inProgress);
    expect(request(rt, id).status).toBe(S.new);
    expect(statusNote(rt, id)).toContain('может только');

    // The deputy's consumer account is hidden from the owner's trigger: e.user is blank.
    const hidden = edit(rt, DEPUTY_GMAIL, id, 'status', S.inProgress);
    expect(hidden.outcome.execution.activeUser).toBe('');
    expect(request(rt, id).status).toBe(S.new);
    expect(statusNote(rt, id)).toContain('Таблица не сообщила, кто вы');
    const entry = journal(rt, id)
      .filter((e) => e.action === 'Изменение статуса вручную отменено')
      .pop();
    expect(entry?.actor).toBe('не известен (таблица не сообщила)');

    // An editor of the spreadsheet who is not in «Сотрудники».
    edit(rt, UNLISTED, id, 'status', S.inProgress);
    expect(request(rt, id).status).toBe(S.new);
    expect(statusNote(rt, id)).toContain(`Адреса ${UNLISTED} там нет`);
    // No change was applied: no journal status change, no e-mail beyond the acknowledgement.
    expect(journal(rt, id).some((e) => e.action === 'Статус изменён')).toBe(false);
  });

  test('«Дан ответ» without an answer text is set back, saying what is missing', () => {
    const rt = workbook();
    const id = call(rt, 'c4');
    edit(rt, CONSULTANT, id, 'status', S.answered);
    expect(request(rt, id).status).toBe(S.new);
    expect(statusNote(rt, id)).toContain('сначала впишите текст ответа');
    advance(rt, 30 * MIN);
    expect(request(rt, id).status).toBe(S.new);
  });

  test('a forged edit event is refused', () => {
    const rt = workbook();
    const forged = scriptRun(rt, 'onSheetEdit', [{ triggerUid: 'forged', range: null }], {
      from: 'sidebar',
      user: UNLISTED,
    });
    expect(forged.ok).toBe(false);
  });
});

describe('an answer typed into the sheet waits out the undo window', () => {
  const ANSWER = 'Итоговые отметки появятся после того, как учитель закроет четверть; проверьте завтра после 16:00.';

  test('the e-mail leaves only after the window, via runQueue, with the times of the answer', () => {
    const rt = workbook();
    const other = call(rt, 'a0', 'another.parent@mail.ru');
    const id = call(rt, 'a1');
    const untouched = JSON.stringify(request(rt, other));
    edit(rt, CONSULTANT, id, 'status', S.inProgress);
    edit(rt, CONSULTANT, id, 'answer', ANSWER);
    const staging = edit(rt, CONSULTANT, id, 'status', S.answered);
    const staged = staging.outcome.execution.startedAt;
    // The cell shows «Дан ответ» during the window, with a note saying until when it can be undone.
    expect(request(rt, id).status).toBe(S.answered);
    expect(statusNote(rt, id)).toContain('Ответ ждёт отправки: уйдёт заявителю после 01.09.2026 09:');
    expect(statusNote(rt, id)).toContain(`верните статус «${S.inProgress}»`);
    expect(request(rt, id).firstResponseAt).toBe('');
    expect(journal(rt, id).some((e) => String(e.action).startsWith('Ответ ждёт отправки'))).toBe(true);

    const early = advanceTo(rt, staged + 10 * MIN - 1000).filter((r) => r.handler === 'runQueue');
    expect(early.length).toBeGreaterThanOrEqual(1);
    expect(early.every((r) => r.outcome.ok)).toBe(true);
    expect(answersTo(rt, PARENT, ANSWER)).toEqual([]);

    advanceTo(rt, staged + 15 * MIN);
    const sent = answersTo(rt, PARENT, ANSWER);
    expect(sent.length).toBe(1);
    expect(sent[0].date.getTime()).toBeGreaterThanOrEqual(staged + 10 * MIN);
    const row = request(rt, id);
    expect(row.status).toBe(S.answered);
    // The times are the person's: when the answer was given, not when the queue sent it.
    expectDuring(row.firstResponseAt, staging);
    expect(time(row.resolvedAt)).toBe(time(row.firstResponseAt));
    expect(statusNote(rt, id)).toBe('');
    const change = journal(rt, id).find((e) => e.note === 'отложенная отправка ответа' && e.columnKey === 'status');
    expect(change).toMatchObject({ before: S.inProgress, after: S.answered, actor: CONSULTANT });

    // Nothing goes twice.
    advance(rt, 60 * MIN);
    expect(answersTo(rt, PARENT, ANSWER).length).toBe(1);
    // Only the edited row's own cells were touched.
    expect(JSON.stringify(request(rt, other))).toBe(untouched);
  });

  test('setting the status back within the window cancels it: no e-mail, ever', () => {
    const rt = workbook();
    const id = call(rt, 'a2');
    edit(rt, CONSULTANT, id, 'status', S.inProgress);
    edit(rt, CONSULTANT, id, 'answer', ANSWER);
    edit(rt, CONSULTANT, id, 'status', S.answered);
    advance(rt, 4 * MIN);
    edit(rt, CONSULTANT, id, 'status', S.inProgress);
    expect(request(rt, id).status).toBe(S.inProgress);
    expect(statusNote(rt, id)).toBe('');
    expect(journal(rt, id).some((e) => e.action === 'Отправка ответа отменена: статус возвращён')).toBe(true);
    advance(rt, 2 * 60 * MIN);
    expect(answersTo(rt, PARENT, ANSWER)).toEqual([]);
    const row = request(rt, id);
    expect(row.firstResponseAt).toBe('');
    expect(row.resolvedAt).toBe('');
    expect(journal(rt, id).some((e) => e.after === S.answered && e.action === 'Статус изменён')).toBe(false);
  });

  test('a new status within the window cancels the answer and is checked from the status before it', () => {
    const rt = workbook();
    const id = call(rt, 'a3');
    edit(rt, CONSULTANT, id, 'answer', ANSWER);
    edit(rt, CONSULTANT, id, 'status', S.answered);
    // From «Новое» (the status before the waiting answer) «Закрыто» is not allowed.
    edit(rt, CONSULTANT, id, 'status', S.closed);
    expect(request(rt, id).status).toBe(S.new);
    expect(statusNote(rt, id)).toContain(`Из «${S.new}» нельзя перейти в «${S.closed}»`);
    advance(rt, 60 * MIN);
    expect(answersTo(rt, PARENT, ANSWER)).toEqual([]);
  });

  test('a changed answer text restarts the window and the new text is sent', () => {
    const rt = workbook();
    const id = call(rt, 'a4');
    edit(rt, CONSULTANT, id, 'answer', 'Черновик ответа');
    const first = rt.clock.now();
    edit(rt, CONSULTANT, id, 'status', S.answered);
    advanceTo(rt, first + 8 * MIN);
    const change = edit(rt, CONSULTANT, id, 'answer', ANSWER);
    const changed = change.outcome.execution.startedAt;
    expect(
      journal(rt, id).some((e) => String(e.action).startsWith('Ответ изменён: ожидание отправки начато заново')),
    ).toBe(true);
    advanceTo(rt, changed + 10 * MIN - 1000);
    expect(sentMail(rt, OWNER).filter((m) => m.to.includes(PARENT) && m.body.includes('Черновик'))).toEqual([]);
    expect(answersTo(rt, PARENT, ANSWER)).toEqual([]);
    advanceTo(rt, changed + 15 * MIN);
    expect(answersTo(rt, PARENT, ANSWER).length).toBe(1);
    expectDuring(request(rt, id).firstResponseAt, change);
  });

  test('an answer deleted within the window cancels it and sets the status back', () => {
    const rt = workbook();
    const id = call(rt, 'a5');
    edit(rt, CONSULTANT, id, 'status', S.inProgress);
    edit(rt, CONSULTANT, id, 'answer', ANSWER);
    edit(rt, CONSULTANT, id, 'status', S.answered);
    edit(rt, CONSULTANT, id, 'answer', '');
    expect(request(rt, id).status).toBe(S.inProgress);
    expect(statusNote(rt, id)).toContain('текст ответа удалён');
    advance(rt, 60 * MIN);
    expect(sentMail(rt, OWNER).filter((m) => m.to.includes(PARENT)).length).toBe(1); // the acknowledgement only
  });

  test('a status cell changed without its trigger (a failed run) is never sent', () => {
    const rt = workbook();
    const id = call(rt, 'a6');
    edit(rt, CONSULTANT, id, 'answer', ANSWER);
    edit(rt, CONSULTANT, id, 'status', S.answered);
    // The consultant sets it back while the edit trigger fails (e.g. a service error): the cell alone says so.
    rt.faults.add({
      functionName: 'onSheetEdit',
      action: { throw: 'Service Spreadsheets failed while accessing document' },
    });
    const failed = person(rt, CONSULTANT).edit(ru.sheets.requests, a1(rt, id, 'status'), S.new);
    expect(failed.installable[0].outcome.ok).toBe(false);
    advance(rt, 30 * MIN);
    expect(answersTo(rt, PARENT, ANSWER)).toEqual([]);
    expect(
      journal(rt, id).some((e) => e.action === 'Отправка ответа отменена: в ячейке статуса уже не «Дан ответ»'),
    ).toBe(true);
  });

  test('the window is the setting workflow.undoMinutes', () => {
    const rt = workbook();
    setSetting(rt, 'workflow.undoMinutes', '20');
    const id = call(rt, 'a7');
    edit(rt, CONSULTANT, id, 'answer', ANSWER);
    const staged = rt.clock.now();
    edit(rt, CONSULTANT, id, 'status', S.answered);
    advanceTo(rt, staged + 20 * MIN - 1000);
    expect(answersTo(rt, PARENT, ANSWER)).toEqual([]);
    advanceTo(rt, staged + 25 * MIN);
    expect(answersTo(rt, PARENT, ANSWER).length).toBe(1);
  });
});

describe('the journal of hand edits', () => {
  test('non-personal columns: before → after; personal columns: that they changed, never the values', () => {
    const rt = workbook();
    const id = call(rt, 'j1');
    edit(rt, CONSULTANT, id, 'supportTicket', 'SD-12345');
    expect(journal(rt, id).find((e) => e.columnKey === 'supportTicket')).toMatchObject({
      action: 'Изменено в таблице вручную',
      before: '',
      after: 'SD-12345',
      actor: CONSULTANT,
    });
    edit(rt, CONSULTANT, id, 'assignee', DIRECTOR);
    expect(journal(rt, id).find((e) => e.columnKey === 'assignee')).toMatchObject({ after: DIRECTOR });

    const newEmail = 'new.address.sidorova@mail.ru';
    edit(rt, CONSULTANT, id, 'email', newEmail);
    edit(rt, CONSULTANT, id, 'name', 'Сидорова-Кузнецова Мария Петровна');
    edit(rt, CONSULTANT, id, 'notes', 'Перезвонить после 17:00 на +79125550000');
    for (const key of ['email', 'name', 'notes']) {
      const entry = journal(rt, id).find((e) => e.columnKey === key);
      expect(entry).toMatchObject({ before: '', after: '', note: 'персональные данные: значения не записываются' });
    }
    const all = journalText(rt);
    for (const secret of [newEmail, PARENT, 'Сидорова', '+79125550000', 'Перезвонить'])
      expect(all).not.toContain(secret);
  });

  test("a hand-edited time is journaled as the sheet shows it, in the school's zone", () => {
    const rt = workbook();
    const id = call(rt, 'j4');
    const due = request(rt, id).dueAt as Date;
    edit(rt, CONSULTANT, id, 'dueAt', '03.09.2026 12:00');
    const entry = journal(rt, id).find((e) => e.columnKey === 'dueAt' && e.action === 'Изменено в таблице вручную');
    const shownBefore = new Date(due.getTime() + 5 * 60 * MIN).toISOString().slice(0, 16);
    const [date, hm] = shownBefore.split('T');
    const [y, m, d] = date.split('-');
    expect(entry).toMatchObject({ before: `${d}.${m}.${y} ${hm}`, after: '03.09.2026 12:00' });
  });

  test('a formula typed into a watched column is journaled as text, never evaluated', () => {
    const rt = workbook();
    const id = call(rt, 'j2');
    edit(rt, CONSULTANT, id, 'supportTicket', '=IMPORTXML("http://evil.example","//a")');
    const entry = journal(rt, id).find((e) => e.columnKey === 'supportTicket');
    expect(entry?.after).toBe('=IMPORTXML("http://evil.example","//a")');
  });

  test('«Журнал» cannot be edited by staff', () => {
    const rt = workbook();
    call(rt, 'j3');
    expect(person(rt, CONSULTANT).edit(ru.sheets.audit, 'C3', 'подделка').refused).toBeDefined();
  });
});

describe('other sheets', () => {
  test('an edit of «График» goes to the schedule use case: a new event gets its ID', () => {
    const rt = workbook();
    const result = person(rt, CONSULTANT).edit(ru.sheets.schedule, 'A3', '15.09.2026');
    expect(result.installable.map((r) => r.outcome.ok)).toEqual([true]);
    expect(String(records(rt, 'schedule')[0]?.eventId ?? '')).not.toBe('');
  });

  test('an edit elsewhere («Настройки») changes nothing and journals nothing', () => {
    const rt = workbook();
    const before = journal(rt).length;
    setSetting(rt, 'school.name', 'МБОУ СОШ № 59');
    expect(journal(rt).length).toBe(before);
  });
});

/** Filler rows written host-side: `n` requests in the log and `n` journal rows of other requests. */
function pad(rt: Runtime, n: number): void {
  for (const sheet of [ru.sheets.requests, ru.sheets.audit]) {
    const model = sheetModel(rt, sheet);
    const needed = model.lastRow() + n + 600;
    if (model.maxRows < needed) model.insertRows(model.maxRows + 1, needed - model.maxRows);
  }
  const idCol = column(rt, 'requests', 'id');
  const statusCol = column(rt, 'requests', 'status');
  const start = records(rt, 'requests').length + 3;
  writeCells(
    rt,
    ru.sheets.requests,
    start,
    idCol,
    Array.from({ length: n }, (_, i) => [`ОБ-2025-${String(i + 1).padStart(5, '0')}`]),
  );
  writeCells(
    rt,
    ru.sheets.requests,
    start,
    statusCol,
    Array.from({ length: n }, () => [S.closed]),
  );
  const auditStart = journal(rt).length + 3;
  const [rid, action, key, after] = ['requestId', 'action', 'columnKey', 'after'].map((k) => column(rt, 'audit', k));
  expect([rid + 1, rid + 2]).toEqual([action, key]);
  writeCells(
    rt,
    ru.sheets.audit,
    auditStart,
    rid,
    Array.from({ length: n }, (_, i) => [`ОБ-2025-${String(i + 1).padStart(5, '0')}`, 'Статус изменён', 'status']),
  );
  writeCells(
    rt,
    ru.sheets.audit,
    auditStart,
    after,
    Array.from({ length: n }, () => [S.closed]),
  );
}

describe('cost', () => {
  test('a status edit makes the same number of service calls whatever the size of the log', () => {
    const small = workbook();
    const a = call(small, 'k1');
    const cost = (rt: Runtime, id: string, status: string) => {
      rt.resetCounters();
      const calls = edit(rt, CONSULTANT, id, 'status', status).outcome.execution.calls;
      return { calls, cells: rt.cellsMoved };
    };
    // Taken into work (applied), then «Закрыто» (refused and set back).
    const calls = (rt: Runtime, id: string) => [cost(rt, id, S.inProgress), cost(rt, id, S.closed)];
    const big = workbook();
    pad(big, 5000);
    const b = call(big, 'k2');
    expect(request(big, b).row).toBeGreaterThan(5000);
    const measured = calls(small, a);
    expect(calls(big, b)).toEqual(measured);
  });

  test("a paste is checked against the journal also when the request's entries are far back in it", () => {
    const rt = workbook();
    const id = call(rt, 'k3');
    pad(rt, 2500); // the request's registration is now above the journal's tail
    const col = letter(column(rt, 'requests', 'status'));
    const row = request(rt, id).row;
    const result = person(rt, CONSULTANT).edit(ru.sheets.requests, `${col}${row}:${col}${row + 1}`, [
      [S.closed],
      [S.new],
    ]);
    expect(result.installable.map((r) => r.outcome.ok)).toEqual([true]);
    expect(request(rt, id).status).toBe(S.new);
    // The filler row below was «Закрыто» by the journal: set back as well.
    expect(readSheetValues(rt, ru.sheets.requests)[row][column(rt, 'requests', 'status') - 1]).toBe(S.closed);
  });
});

describe('several cells at once', () => {
  test('a pasted block of statuses is set back to what the journal recorded, row by row, and journaled', () => {
    const rt = workbook();
    const a = call(rt, 'p1');
    const b = call(rt, 'p2');
    edit(rt, CONSULTANT, b, 'status', S.inProgress);
    const col = letter(column(rt, 'requests', 'status'));
    const rows = [request(rt, a).row, request(rt, b).row].sort();
    const result = person(rt, CONSULTANT).edit(ru.sheets.requests, `${col}${rows[0]}:${col}${rows[1]}`, [
      [S.closed],
      [S.closed],
    ]);
    expect(result.installable.map((r) => r.outcome.ok)).toEqual([true]);
    expect(request(rt, a).status).toBe(S.new);
    expect(request(rt, b).status).toBe(S.inProgress);
    expect(statusNote(rt, a)).toContain('Статус меняется по одной ячейке');
    for (const id of [a, b]) {
      const entries = journal(rt, id);
      expect(entries.some((e) => e.action === 'Изменено несколько ячеек сразу (вставка, заполнение или очистка)')).toBe(
        true,
      );
      expect(entries.some((e) => e.action === 'Изменение статуса вручную отменено' && e.before === S.closed)).toBe(
        true,
      );
    }
    advance(rt, 30 * MIN);
    expect(request(rt, a).status).toBe(S.new);
  });

  test('a paste over personal columns journals the rows without the values; a paste over a waiting answer cancels it', () => {
    const rt = workbook();
    const id = call(rt, 'p3');
    edit(rt, CONSULTANT, id, 'answer', 'Ответ, который не должен уйти.');
    edit(rt, CONSULTANT, id, 'status', S.answered);
    const row = request(rt, id).row;
    const from = column(rt, 'requests', 'name');
    const to = column(rt, 'requests', 'phone');
    const result = person(rt, CONSULTANT).edit(ru.sheets.requests, `${letter(from)}${row}:${letter(to)}${row + 1}`, [
      ['Петров Пётр', '6А', 'petrov.parent@mail.ru', '+79990001122'],
      ['', '', '', ''],
    ]);
    expect(result.installable.map((r) => r.outcome.ok)).toEqual([true]);
    const entry = journal(rt, id).find((e) => String(e.action).startsWith('Изменено несколько ячеек'));
    expect(entry?.columnKey).toBe('name, className, email, phone');
    expect(journalText(rt)).not.toContain('petrov.parent@mail.ru');
    expect(journalText(rt)).not.toContain('Петров Пётр');
    // The answer field was not in the paste: the waiting answer stays.
    expect(request(rt, id).status).toBe(S.answered);

    // A paste reaching the answer of a waiting row (and the blank row below the log) cancels the answer.
    const answerCol = letter(column(rt, 'requests', 'answer'));
    const pasted = person(rt, CONSULTANT).edit(ru.sheets.requests, `${answerCol}${row}:${answerCol}${row + 1}`, [
      ['Другой ответ, вставленный по ошибке.'],
      [''],
    ]);
    expect(pasted.installable.map((r) => r.outcome.ok)).toEqual([true]);
    expect(request(rt, id).status).toBe(S.new);
    expect(statusNote(rt, id)).toContain('строку изменили вставкой нескольких ячеек');
    advance(rt, 60 * MIN);
    expect(answersTo(rt, PARENT, 'не должен уйти')).toEqual([]);
    expect(answersTo(rt, PARENT, 'по ошибке')).toEqual([]);
  });
});
