// Service levels on the embedded runtime, over a workbook built by the real setup and intake: the hourly
// sweep (its trigger fires at :34 past each hour here) and the morning digest (07:15), with the virtual clock
// advanced hour by hour across the May holidays of 2026 (1–3 May off, 30 Apr shortened to 08:00–15:00).
// Times are Yekaterinburg's (UTC+5); working hours 08:00–16:00, support 09:00–18:00 daily; each expected
// moment is worked out by hand next to it.
import path from 'node:path';
import type { Runtime } from '../../emulator/index';
import { person } from '../../emulator/people';
import { advanceTo, type TriggerRun } from '../../emulator/scheduler';
import { holdLock } from '../../emulator/services/lock';
import { sentMail } from '../../emulator/services/mail';
import {
  containerSpreadsheet,
  readSheetValues,
  shareSpreadsheet,
  sheetModel,
  writeCells,
} from '../../emulator/services/spreadsheet/index';
import type { SweepReport } from '../../src/app/run-sla-sweep';
import { readBlocks } from '../../src/gas/sla-repo';
import { type SheetKey, sheetDef } from '../../src/domain/schema';
import { ru } from '../../src/locale/ru';
import { testEntryRuntime } from '../helpers/gas-bundle';
import { setSetting } from '../helpers/settings';

const ENTRY = path.join(__dirname, 'sla.entry.ts');
const OWNER = 'school.helpdesk@gmail.com';
const CONSULTANT = 'consultant.ivanova@gmail.com';
const DEPUTY = 'deputy.sokolova@gmail.com';
const DIRECTOR = 'director.petrov@gmail.com';
const NEWCOMER = 'new.teacher@gmail.com';
const TRAINED = 'trained.teacher@gmail.com';
const H = 3_600_000;
const ekb = (s: string): number => Date.parse(`${s.replace(' ', 'T')}:00+05:00`);
const show = (t: number): string => new Date(t + 5 * H).toISOString().slice(0, 16).replace('T', ' ');
const KEY_LINE = /Код письма: (\S+)/g;

function records(rt: Runtime, sheet: SheetKey): Array<Record<string, unknown> & { row: number }> {
  const [keys, , ...rows] = readSheetValues(rt, ru.sheets[sheet]);
  return rows
    .map((line, i) => ({
      row: i + 3,
      ...Object.fromEntries(keys.map((k, j) => [String(k), line[j]]).filter(([k]) => k !== '')),
    }))
    .filter((r) => Object.values(r).some((v, i) => i > 0 && v !== ''));
}

function column(rt: Runtime, sheet: SheetKey, key: string): number {
  return readSheetValues(rt, ru.sheets[sheet])[0].indexOf(key) + 1;
}

const letter = (col: number): string => String.fromCharCode(64 + col);

function rowOf(rt: Runtime, id: string): number {
  const found = records(rt, 'requests').find((r) => r.id === id);
  if (!found) throw new Error(`no request ${id}`);
  return found.row;
}

function request(rt: Runtime, id: string): Record<string, unknown> {
  return records(rt, 'requests').find((r) => r.id === id) ?? {};
}

function bookkeeping(rt: Runtime, id: string): Record<string, unknown> {
  return records(rt, 'state').find((r) => r.requestId === id) ?? {};
}

/** A person changes a request's status in the log, as in the spreadsheet. */
function setStatus(rt: Runtime, who: string, id: string, status: string): void {
  const a1 = `${letter(column(rt, 'requests', 'status'))}${rowOf(rt, id)}`;
  expect(person(rt, who).edit(ru.sheets.requests, a1, status).refused).toBeUndefined();
}

/** A script-owned cell written as the status actions of the workflow will write it. */
function writeLogCell(rt: Runtime, id: string, key: string, value: unknown): void {
  writeCells(rt, ru.sheets.requests, rowOf(rt, id), column(rt, 'requests', key), [[value]]);
}

function workbook(now: string): Runtime {
  const rt = testEntryRuntime(ENTRY, { owner: OWNER, now });
  rt.runAsOwner('setupHelpdesk');
  setSetting(rt, 'consultant.email', CONSULTANT);
  setSetting(rt, 'director.email', DIRECTOR);
  const staff = [
    [CONSULTANT, 'Иванова Анна Сергеевна', ru.choices.role.consultant],
    [DEPUTY, 'Соколова Ольга Петровна', ru.choices.role.deputy],
    [DIRECTOR, 'Петров Игорь Олегович', ru.choices.role.director],
  ];
  expect(person(rt, OWNER).edit(ru.sheets.staff, 'A3:C5', staff).refused).toBeUndefined();
  for (const who of [CONSULTANT, DEPUTY, DIRECTOR]) shareSpreadsheet(rt, containerSpreadsheet(rt).id, who, 'editor');
  return rt;
}

function call(rt: Runtime, token: string, email = `parent.${token}@mail.ru`): string {
  return rt.runAsOwner<string>('registerCall', {
    token,
    requesterType: 'parent',
    email,
    description: 'Ребёнок не видит отметки о посещаемости в электронном дневнике.',
  });
}

interface QueueRow {
  key: string;
  at: number;
  to: string;
  payload: string;
}

function queue(rt: Runtime): QueueRow[] {
  return records(rt, 'mailQueue').map((r) => ({
    key: String(r.key),
    at: (r.createdAt as Date).getTime(),
    to: String(r.to),
    payload: String(r.payload),
  }));
}

/** The alert keys of the queue (reminders, escalations, training, notices), each with when it was queued. */
function alertTimes(rt: Runtime): Record<string, string> {
  const out: Record<string, string> = {};
  for (const q of queue(rt)) {
    if (/\|(reminder|escalation|notice)\|/.test(q.key)) out[q.key] = show(q.at);
  }
  return out;
}

function sweeps(runs: readonly TriggerRun[]): SweepReport[] {
  return runs.filter((r) => r.handler === 'runSlaSweep' && r.outcome.ok).map((r) => r.outcome.value as SweepReport);
}

describe('reminders and escalations across the May holidays', () => {
  let rt: Runtime;
  const ids: Record<string, string> = {};
  const runs: TriggerRun[] = [];
  const step = (until: string) => {
    // Hour by hour, so every sweep on the way runs as the schedule fires it.
    for (let t = rt.clock.now() + H; t < ekb(until); t += H) runs.push(...advanceTo(rt, t));
    runs.push(...advanceTo(rt, ekb(until)));
  };

  beforeAll(() => {
    rt = workbook('2026-04-29T08:00:00+05:00');
    // Two new teachers start on Thu 30 Apr; the 3rd working day after it is Wed 6 May (4, 5, 6 May), due 16:00.
    step('2026-04-29 10:00');
    const newcomers = [
      [NEWCOMER, 'Новикова Дарья', ru.choices.role.staff, 'учитель математики', '30.04.2026'],
      [TRAINED, 'Фёдоров Илья', ru.choices.role.staff, 'учитель истории', '30.04.2026'],
    ];
    expect(person(rt, OWNER).edit(ru.sheets.staff, 'A6:E7', newcomers).refused).toBeUndefined();

    // C, registered Wed 29 Apr 10:00; the consultant asks a clarifying question at 10:30 (a first response).
    ids.C = call(rt, 'c');
    step('2026-04-29 10:30');
    writeLogCell(rt, ids.C, 'firstResponseAt', new Date(ekb('2026-04-29 10:30')));
    setStatus(rt, CONSULTANT, ids.C, ru.choices.status.clarification);

    // A, Thu 30 Apr 09:00: first response due Mon 4 May 10:00 (6 h on 30 Apr, 2 h on 4 May).
    step('2026-04-30 09:00');
    ids.A = call(rt, 'a');
    // B, 10:00: due Mon 4 May 11:00; at 11:00 the consultant sets «Нужно уточнение» (no message yet).
    step('2026-04-30 10:00');
    ids.B = call(rt, 'b');
    step('2026-04-30 11:00');
    setStatus(rt, CONSULTANT, ids.B, ru.choices.status.clarification);
    // D, 11:00; at 12:00 passed to the support service with a notice to the requester (a first response).
    ids.D = call(rt, 'd');
    step('2026-04-30 12:00');
    writeLogCell(rt, ids.D, 'firstResponseAt', new Date(ekb('2026-04-30 12:00')));
    writeLogCell(rt, ids.D, 'supportTicket', 'SD-2026-1187');
    setStatus(rt, CONSULTANT, ids.D, ru.choices.status.escalated);

    // One of the newcomers is trained on Mon 4 May.
    step('2026-05-04 12:00');
    expect(person(rt, OWNER).edit(ru.sheets.staff, 'G7', '04.05.2026').refused).toBeUndefined();
    // B's requester answers on Tue 5 May at 09:00: back in work.
    step('2026-05-05 09:00');
    setStatus(rt, CONSULTANT, ids.B, ru.choices.status.inProgress);
    step('2026-05-07 15:00');
  });

  test('every sweep ran, hourly, and none failed', () => {
    const all = runs.filter((r) => r.handler === 'runSlaSweep');
    expect(all.every((r) => r.outcome.ok)).toBe(true);
    // 29 Apr 08:34 … 7 May 14:34: 8 days × 24 + 7 runs.
    expect(all).toHaveLength(8 * 24 + 7);
  });

  test('each alert is queued once, by the first sweep after its moment', () => {
    const since = `support-${ekb('2026-04-30 12:34')}`;
    expect(alertTimes(rt)).toEqual({
      // A: 2 working hours before Mon 4 May 10:00 is Thu 30 Apr 15:00 (the shortened day's close).
      [`${ids.A}|reminder|firstResponse-1-assignee`]: '2026-04-30 15:34',
      [`${ids.A}|escalation|firstResponse-2-consultant`]: '2026-05-04 10:34',
      [`${ids.A}|escalation|firstResponse-2-deputy`]: '2026-05-04 10:34',
      // 8 working hours after 4 May 10:00.
      [`${ids.A}|escalation|firstResponse-3-director`]: '2026-05-05 10:34',
      // Resolution (24 working hours): 30 Apr 6 h, 4 May 8, 5 May 8, 6 May 2 → 6 May 10:00; 2 h before it is
      // 5 May 16:00; the director 8 h after, 7 May 10:00.
      [`${ids.A}|reminder|resolution-1-assignee`]: '2026-05-05 16:34',
      [`${ids.A}|escalation|resolution-2-consultant`]: '2026-05-06 10:34',
      [`${ids.A}|escalation|resolution-2-deputy`]: '2026-05-06 10:34',
      [`${ids.A}|escalation|resolution-3-director`]: '2026-05-07 10:34',
      // B paused 30 Apr 11:34 → 5 May 09:34 with 6 h 26 min of its first response left: due 5 May 16:00.
      [`${ids.B}|reminder|firstResponse-1-assignee`]: '2026-05-05 14:34',
      [`${ids.B}|escalation|firstResponse-2-consultant`]: '2026-05-05 16:34',
      [`${ids.B}|escalation|firstResponse-2-deputy`]: '2026-05-05 16:34',
      [`${ids.B}|escalation|firstResponse-3-director`]: '2026-05-06 16:34',
      // B's resolution: 22 h 26 min left at the pause → 5 May 09:34 + 6:26, 6 May 8 h, 7 May 8 h → 7 May 16:00.
      [`${ids.B}|reminder|resolution-1-assignee`]: '2026-05-07 14:34',
      // C waited on the requester from 29 Apr 10:34 for 40 working hours: 29 Apr 5:26, 30 Apr 7, 4–6 May 24,
      // 7 May 3:34 → 7 May 11:34.
      [`${ids.C}|notice|autoclosed`]: '2026-05-07 11:34',
      // D's support clock: 30 Apr 12:34–18:00 (5:26) and 1 May 09:00–12:34 (the support works on holidays).
      [`${ids.D}|escalation|${since}-assignee`]: '2026-05-01 12:34',
      // Training: new at once; the last working day begins 5 May 16:00 (8 working hours left); missed 6 May 16:00.
      [`training-${NEWCOMER}|reminder|training-1-consultant`]: '2026-04-29 10:34',
      [`training-${TRAINED}|reminder|training-1-consultant`]: '2026-04-29 10:34',
      [`training-${NEWCOMER}|reminder|training-2-consultant`]: '2026-05-05 16:34',
      [`training-${NEWCOMER}|escalation|training-3-director`]: '2026-05-06 16:34',
      [`training-${NEWCOMER}|escalation|training-3-consultant`]: '2026-05-06 16:34',
    });
  });

  test('alerts reach the right people and carry nothing the requester wrote', () => {
    const byKey = new Map(queue(rt).map((q) => [q.key, q]));
    expect(byKey.get(`${ids.A}|escalation|firstResponse-2-deputy`)?.to).toBe(DEPUTY);
    expect(byKey.get(`${ids.A}|escalation|firstResponse-3-director`)?.to).toBe(DIRECTOR);
    expect(byKey.get(`${ids.C}|notice|autoclosed`)?.to).toBe('parent.c@mail.ru');
    for (const q of queue(rt).filter((x) => /\|(reminder|escalation|report)\|/.test(x.key))) {
      expect(q.payload).not.toMatch(/Иванов Иван|parent\.\w@mail\.ru|посещаемости в электронном/);
    }
    expect(byKey.get(`${ids.D}|escalation|support-${ekb('2026-04-30 12:34')}-assignee`)?.payload).toContain(
      'SD-2026-1187',
    );
  });

  test('B was not reminded while paused, and its due times moved by the paused time', () => {
    // Paused from the 30 Apr 11:34 sweep to the 5 May 09:34 one: B's first alert comes after.
    const times = Object.entries(alertTimes(rt)).filter(([k]) => k.startsWith(`${ids.B}|`));
    expect(times.map(([, at]) => at).sort()[0]).toBe('2026-05-05 14:34');
    const state = bookkeeping(rt, ids.B);
    expect(show((state.firstResponseDueAt as Date).getTime())).toBe('2026-05-05 16:00');
    expect(show((state.resolutionDueAt as Date).getTime())).toBe('2026-05-07 16:00');
    expect(state.pausedSince).toBe('');
    // 30 Apr 11:34 → 5 May 09:34.
    expect(state.pausedMs).toBe(4 * 24 * H + 22 * H);
    // The log shows the first response's due time until it is given.
    expect(show((request(rt, ids.B).dueAt as Date).getTime())).toBe('2026-05-05 16:00');
  });

  test('C was closed for want of an answer, with the cl. 9.4.3 reason', () => {
    const c = request(rt, ids.C);
    expect(c.status).toBe(ru.choices.status.rejected);
    expect(c.rejectReason).toBe(ru.choices.rejectReason.insufficientInfo);
    expect(show((c.resolvedAt as Date).getTime())).toBe('2026-05-07 11:34');
    const closing = sweeps(runs).find((s) => s.autoClosed.length > 0);
    expect(closing?.autoClosed).toEqual([ids.C]);
    const audit = records(rt, 'audit').filter((r) => r.requestId === ids.C && r.columnKey === 'status');
    expect(audit.map((r) => [r.before, r.after])).toEqual([
      [ru.choices.status.clarification, ru.choices.status.rejected],
    ]);
  });

  test('training: due dates written, the trained one left alone after its date', () => {
    const staff = records(rt, 'staff');
    const newcomer = staff.find((r) => r.email === NEWCOMER) as Record<string, unknown>;
    expect(show((newcomer.trainingDue as Date).getTime())).toBe('2026-05-06 16:00');
    expect(Object.keys(alertTimes(rt)).filter((k) => k.startsWith(`training-${TRAINED}`))).toHaveLength(1);
  });

  test('the morning digest goes on working days only, one per reader and day', () => {
    const digests = queue(rt)
      .filter((q) => q.key.startsWith('digest-'))
      .map((q) => `${q.key.split('|')[0]} ${show(q.at)} ${q.to}`);
    expect(digests).toEqual([
      `digest-2026-04-30 2026-04-30 07:15 ${CONSULTANT}`,
      `digest-2026-05-04 2026-05-04 07:15 ${CONSULTANT}`,
      `digest-2026-05-05 2026-05-05 07:15 ${CONSULTANT}`,
      `digest-2026-05-06 2026-05-06 07:15 ${CONSULTANT}`,
      `digest-2026-05-07 2026-05-07 07:15 ${CONSULTANT}`,
    ]);
    const may4 = queue(rt).find((q) => q.key.startsWith('digest-2026-05-04'))?.payload ?? '';
    // At 07:15 on 4 May A is due at 10:00 and B waits on its requester: A comes first.
    expect(may4.indexOf(ids.A)).toBeLessThan(may4.indexOf(ids.B));
    expect(may4).not.toMatch(/parent\.\w@mail\.ru|Иванов/);
  });

  test('sent: every alert exactly once', () => {
    rt.runAsOwner('sendMail');
    const sent = sentMail(rt, OWNER).flatMap((m) => [...m.body.matchAll(KEY_LINE)].map((x) => x[1]));
    for (const key of Object.keys(alertTimes(rt))) expect(sent.filter((k) => k === key)).toEqual([key]);
  });
});

/** `n` closed requests of last year and their bookkeeping, written straight into the model (as the benchmark). */
function seedClosedRequests(rt: Runtime, n: number): void {
  const created = ekb('2025-09-01 10:00');
  const id = (i: number) => `ОБ-2025-${String(i + 1).padStart(5, '0')}`;
  const seed = (sheet: 'requests' | 'state', value: (key: string, i: number) => unknown) => {
    const model = sheetModel(rt, ru.sheets[sheet]);
    if (model.maxRows < n + 102) model.insertRows(model.maxRows + 1, n + 102 - model.maxRows);
    const columns = sheetDef(sheet).columns;
    const rows = Array.from({ length: n }, (_, i) => columns.map((c) => value(c.key, i) ?? ''));
    writeCells(rt, ru.sheets[sheet], 3, 1, rows);
  };
  seed(
    'requests',
    (key, i) =>
      ({
        id: id(i),
        createdAt: new Date(created + i * 60_000),
        status: ru.choices.status.closed,
        topic: ru.choices.topic.diaryAccess,
        email: `parent${i}@mail.ru`,
        resolvedAt: new Date(created + i * 60_000 + H),
      })[key],
  );
  seed('state', (key, i) => ({ requestId: id(i), sourceKey: `form:seed-${i}`, notifiedAt: new Date(created) })[key]);
}

describe('the cost of a sweep does not grow with the log', () => {
  interface Measure {
    reads: number;
    writes: number;
    cells: number;
    report: SweepReport;
  }

  /**
   * Three live requests after `size` closed ones, registered Tue 1 Sep 2026 09:00: due Wed 09:00, so the 15:34
   * sweep owes each a reminder (2 working hours before is Tue 15:00).
   */
  function measure(size: number): Measure {
    const rt = workbook('2026-09-01T08:00:00+05:00');
    seedClosedRequests(rt, size);
    advanceTo(rt, ekb('2026-09-01 09:00'));
    const [a, b] = [call(rt, 'a'), call(rt, 'b'), call(rt, 'c')];
    setStatus(rt, CONSULTANT, b, ru.choices.status.inProgress);
    writeLogCell(rt, a, 'assignee', DEPUTY);
    advanceTo(rt, ekb('2026-09-01 15:00'));
    rt.resetCounters();
    const runs = advanceTo(rt, ekb('2026-09-01 15:40'));
    expect(runs.map((r) => r.handler)).toEqual(['runSlaSweep']);
    return {
      reads: rt.countOf('Range.getValues'),
      writes: rt.countOf('Range.setValues'),
      cells: rt.cellsMoved,
      report: sweeps(runs)[0],
    };
  }

  test('rows far apart are read as separate blocks, at most eight', () => {
    expect(readBlocks([4000, 4001, 4003, 4100])).toEqual([[4000, 4100]]);
    expect(readBlocks([0, 4000, 4001, 4100])).toEqual([
      [0, 0],
      [4000, 4100],
    ]);
    const scattered = Array.from({ length: 20 }, (_, i) => i * 1000 + (i % 3) * 10);
    expect(readBlocks(scattered)).toHaveLength(8);
  });

  test('the same reads and writes at 100 and at 5 000 requests', () => {
    const small = measure(100);
    const large = measure(5_000);
    expect(small.report).toMatchObject({ open: 3, decided: 3, committed: 3, messages: 3 });
    expect(large.report).toEqual(small.report);
    expect(large.reads).toBe(small.reads);
    expect(large.writes).toBe(small.writes);
    // Only two single columns grow with the sweep's own reads (the log's status, the bookkeeping's IDs), each read
    // once, plus the 20 non-personal columns «Панель» reads when the sweep redraws it (refresh-dashboard.ts).
    expect(large.cells - small.cells).toBe((2 + 20) * 4_900);
  });
});

describe("a person's edit made while the sweep runs", () => {
  test('survives: that request is left for the next sweep, the others are done', () => {
    const rt = workbook('2026-09-01T08:00:00+05:00');
    advanceTo(rt, ekb('2026-09-01 09:00'));
    const x = call(rt, 'x');
    const y = call(rt, 'y');
    advanceTo(rt, ekb('2026-09-01 09:10'));
    for (const id of [x, y]) setStatus(rt, CONSULTANT, id, ru.choices.status.clarification);
    // Paused by the 09:34 sweep; 5 working days later, the 8 Sep 09:34 sweep closes both…
    advanceTo(rt, ekb('2026-09-08 09:00'));
    // …but X's requester phones just as that sweep begins, and the consultant puts X back in work.
    rt.faults.add({
      functionName: 'runSlaSweep',
      method: 'Lock.tryLock',
      action: { run: (r) => setStatus(r, CONSULTANT, x, ru.choices.status.inProgress) },
    });
    const [report] = sweeps(advanceTo(rt, ekb('2026-09-08 10:00')));
    expect(report.changedMeanwhile).toEqual([x]);
    expect(report.autoClosed).toEqual([y]);
    expect(request(rt, x)).toMatchObject({ status: ru.choices.status.inProgress, rejectReason: '', resolvedAt: '' });
    expect(request(rt, y)).toMatchObject({
      status: ru.choices.status.rejected,
      rejectReason: ru.choices.rejectReason.insufficientInfo,
    });
    expect(queue(rt).map((q) => q.key)).not.toContain(`${x}|notice|autoclosed`);
    // The next sweep decides again: X's clock runs once more.
    advanceTo(rt, ekb('2026-09-08 11:00'));
    expect(bookkeeping(rt, x).pausedSince).toBe('');
    expect(request(rt, x).status).toBe(ru.choices.status.inProgress);
  });
});

describe('a sweep that cannot finish', () => {
  test('stops cleanly, writes nothing half-done, and the next one does the work', () => {
    const rt = workbook('2026-09-01T08:00:00+05:00');
    advanceTo(rt, ekb('2026-09-01 09:00'));
    const ids = [call(rt, 'p'), call(rt, 'q')];
    advanceTo(rt, ekb('2026-09-01 15:00'));
    // Another process holds the script lock through the 15:34 sweep (its reminders are owed: due Wed 09:00).
    const hold = holdLock(rt, 'script', ekb('2026-09-01 16:00'));
    const [stopped] = sweeps(advanceTo(rt, ekb('2026-09-01 15:59')));
    expect(stopped).toMatchObject({ decided: 2, committed: 0, left: 2, messages: 0 });
    expect(Object.keys(alertTimes(rt))).toEqual([]);
    expect(ids.map((id) => bookkeeping(rt, id).alertLevel)).toEqual([0, 0]);
    hold.release();
    const [next] = sweeps(advanceTo(rt, ekb('2026-09-01 16:40')));
    expect(next).toMatchObject({ decided: 2, committed: 2, left: 0, messages: 2 });
    expect(Object.values(alertTimes(rt))).toEqual(['2026-09-01 16:34', '2026-09-01 16:34']);
  });
});
