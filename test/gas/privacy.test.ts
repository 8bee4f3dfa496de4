// Retention and erasure (152-FZ) on the embedded runtime, over a workbook built by the real setup and
// intake: form responses, a request registered from a phone call, the mail they started, a complaint.
import path from 'node:path';
import type { Runtime } from '../../emulator/index';
import { person } from '../../emulator/people';
import { storedResponses, submitForm } from '../../emulator/services/forms';
import { holdLock } from '../../emulator/services/lock';
import { deliverMail, type MailRecord, mailbox } from '../../emulator/services/mail';
import { propertyStore } from '../../emulator/services/properties';
import {
  containerSpreadsheet,
  queueUiAnswer,
  readDisplayValues,
  readSheetValues,
  shareSpreadsheet,
  spreadsheetModel,
  uiEvents,
} from '../../emulator/services/spreadsheet/index';
import { timeDrivenEvent } from '../../emulator/scheduler';
import { toRealmValue } from '../../emulator/services/utilities';
import type { AnonymiseReport } from '../../src/app/anonymise-expired';
import type { ErasureSummary } from '../../src/app/erase-person';
import type { Status } from '../../src/domain/request';
import { ru as privacy } from '../../src/locale/privacy';
import { ru } from '../../src/locale/ru';
import { testEntryRuntime } from '../helpers/gas-bundle';
import { setSetting } from '../helpers/settings';

const ENTRY = path.join(__dirname, 'privacy.entry.ts');
const OWNER = 'school.helpdesk@gmail.com';
const CONSULTANT = 'consultant.ivanova@gmail.com';
const DIRECTOR = 'director.petrov@gmail.com';
const STRANGER = 'someone.else@gmail.com';
const DAY_MS = 24 * 3_600_000;

interface Workbook {
  rt: Runtime;
  triggerUid: string;
  formId: string;
  complaints: { formId: string; spreadsheetId: string };
}

/** A workbook as the school has it: set up, the consultant and the director listed and sharing the file. */
function workbook(now = '2026-09-01T09:00:00+05:00'): Workbook {
  const rt = testEntryRuntime(ENTRY, { owner: OWNER, now });
  const triggerUid = rt.runAsOwner<string>('setupHelpdesk');
  setSetting(rt, 'consultant.email', CONSULTANT);
  setSetting(rt, 'director.email', DIRECTOR);
  const staff = [
    [CONSULTANT, 'Иванова Анна Сергеевна', ru.choices.role.consultant],
    [DIRECTOR, 'Петров Игорь Олегович', ru.choices.role.director],
  ];
  expect(person(rt, OWNER).edit(ru.sheets.staff, 'A3:C4', staff).refused).toBeUndefined();
  for (const who of [CONSULTANT, DIRECTOR]) shareSpreadsheet(rt, containerSpreadsheet(rt).id, who, 'editor');
  const forms = JSON.parse(propertyStore(rt, 'document').get('helpdesk.forms') ?? '{}');
  return { rt, triggerUid, formId: forms.requests.formId, complaints: forms.complaints };
}

interface Requester {
  name: string;
  contact: string;
  description: string;
}

/** A respondent fills the request form; the response is registered as the form's trigger would. */
function submitRequest(w: Workbook, r: Requester): string {
  const result = submitForm(
    w.rt,
    w.formId,
    {
      [ru.form.requesterType[0]]: ru.choices.requesterType.parent,
      [ru.form.name[0]]: r.name,
      [ru.form.className[0]]: '5Б',
      [ru.form.contact[0]]: r.contact,
      [ru.form.preferredChannel[0]]: ru.choices.preferredChannel.email,
      [ru.form.topic[0]]: ru.choices.topic.grades,
      [ru.form.description[0]]: r.description,
      [ru.form.consent[0]]: [ru.form.consentChoice],
    },
    { respondent: '', fireTriggers: false },
  );
  expect(result.ok).toBe(true);
  const id = w.rt.runAsOwner<string>('registerResponse', result.responseId);
  w.rt.clock.advance(60_000);
  return id;
}

function submitComplaint(w: Workbook, name: string, contact: string, text: string): void {
  const answers = {
    [ru.complaintsForm.name[0]]: name,
    [ru.complaintsForm.contact[0]]: contact,
    [ru.complaintsForm.about[0]]: 'Технический консультант',
    [ru.complaintsForm.text[0]]: text,
  };
  expect(submitForm(w.rt, w.complaints.formId, answers, { respondent: '', fireTriggers: false }).ok).toBe(true);
}

/** Every cell of every sheet of a spreadsheet, as people see it. */
function allCells(rt: Runtime, spreadsheetId?: string): string[] {
  const ss = spreadsheetModel(rt, spreadsheetId);
  return ss.sheets
    .filter((s) => !s.deleted)
    .flatMap((s) => readDisplayValues(rt, s.name, { spreadsheetId: ss.id }).flat());
}

function messageText(m: MailRecord): string {
  return [m.from, m.to.join(' '), m.cc.join(' '), m.subject, m.body, m.htmlBody ?? ''].join('\n');
}

/** The request log's records by column key (read host-side by the key row). */
function requests(rt: Runtime): Array<Record<string, unknown>> {
  const [keys, , ...rows] = readSheetValues(rt, ru.sheets.requests);
  return rows
    .map((row) => Object.fromEntries(keys.map((k, i) => [String(k), row[i]]).filter(([k]) => k !== '')))
    .filter((r) => r.id !== '');
}

function requestById(rt: Runtime, id: string): Record<string, unknown> {
  const row = requests(rt).find((r) => r.id === id);
  if (!row) throw new Error(`no request ${id}`);
  return row;
}

function queueRows(rt: Runtime): Array<Record<string, unknown>> {
  const [keys, , ...rows] = readSheetValues(rt, ru.sheets.mailQueue);
  return rows
    .map((row) => Object.fromEntries(keys.map((k, i) => [String(k), row[i]]).filter(([k]) => k !== '')))
    .filter((r) => r.key !== '');
}

function auditRows(rt: Runtime): Array<Record<string, unknown>> {
  const [keys, , ...rows] = readSheetValues(rt, ru.sheets.audit);
  return rows
    .map((row) => Object.fromEntries(keys.map((k, i) => [String(k), row[i]]).filter(([k]) => k !== '')))
    .filter((r) => r.action !== '');
}

describe('erasing one person on request', () => {
  const MOTHER = {
    name: 'Смирнова Мария Петровна',
    email: 'Mama.Smirnova@gmail.com',
    phoneTyped: '+7 912 000-00-01',
    phoneSaid: '8 (912) 000-00-01',
    phoneDigits: '9120000001',
    words: ['пропали оценки за четверть', 'не видит домашнее задание', 'не приходят уведомления'],
  };
  const others: Requester[] = [
    {
      name: 'Кузнецов Олег',
      contact: 'oleg.kuznetsov@gmail.com',
      description: 'Не открывается дневник: пишет «нет доступа к организации».',
    },
    {
      name: 'Орлова Вера',
      contact: '+7 922 111-22-33',
      description: 'Как подтвердить учётную запись ребёнка на портале Госуслуг?',
    },
  ];
  let w: Workbook;
  let motherIds: string[];
  let otherIds: string[];
  let summary: ErasureSummary;

  beforeAll(() => {
    w = workbook();
    const { rt } = w;
    motherIds = [
      submitRequest(w, {
        name: MOTHER.name,
        contact: MOTHER.email,
        description: `У сына ${MOTHER.words[0]}, что делать?`,
      }),
      submitRequest(w, {
        name: MOTHER.name,
        contact: MOTHER.phoneTyped,
        description: `Дочь ${MOTHER.words[1]} в дневнике.`,
      }),
    ];
    otherIds = others.map((o) => submitRequest(w, o));
    // The mother calls; the consultant registers her with both contacts.
    motherIds.push(
      rt.runAsOwner<string>('registerCall', {
        token: 'call-1',
        name: MOTHER.name,
        email: MOTHER.email.toLowerCase(),
        phone: MOTHER.phoneSaid,
        description: `По телефону: ${MOTHER.words[2]}.`,
      }),
    );
    // She also writes to the school's mailbox, and complains about the consultant.
    deliverMail(rt, {
      from: `${MOTHER.name} <${MOTHER.email}>`,
      to: OWNER,
      subject: `Вопрос по обращению ${motherIds[0]}`,
      body: `Здравствуйте! ${MOTHER.words[0]}. ${MOTHER.name}, тел. ${MOTHER.phoneTyped}`,
    });
    submitComplaint(w, MOTHER.name, MOTHER.phoneSaid, 'Консультант не перезвонил.');
    submitComplaint(w, others[0].name, others[0].contact, 'Долго не отвечали на письмо.');
    rt.runAsOwner('sendMail');

    summary = person(rt, CONSULTANT).runOrThrow<ErasureSummary>('erasePerson', MOTHER.email.toUpperCase());
    rt.runAsOwner('runErasureWork');
  });

  test('the workbook held her data before: the setup is realistic', () => {
    expect(motherIds).toHaveLength(3);
    expect(storedResponses(w.rt, w.formId)).toHaveLength(2);
    expect(storedResponses(w.rt, w.complaints.formId)).toHaveLength(1);
    expect(mailbox(w.rt, OWNER).some((m) => m.to.includes(MOTHER.email.toLowerCase()))).toBe(true);
  });

  test("the consultant's action clears the log at once and leaves the rest to the school account's run", () => {
    expect(summary).toMatchObject({ ok: true, pending: true, counts: { requests: 3 } });
    expect(summary.requestIds.sort()).toEqual([...motherIds].sort());
    expect(summary.message).toContain('данные удалены: 3');
  });

  test('her e-mail, phone, name and words are nowhere in the workbook, whatever the sheet', () => {
    for (const cell of allCells(w.rt)) {
      expect(cell.toLowerCase()).not.toContain(MOTHER.email.toLowerCase());
      expect(cell.replace(/\D/g, '')).not.toContain(MOTHER.phoneDigits);
      expect(cell).not.toContain('Смирнова');
      for (const words of MOTHER.words) expect(cell).not.toContain(words);
    }
  });

  test('nor in the complaints spreadsheet, nor in either form', () => {
    for (const cell of allCells(w.rt, w.complaints.spreadsheetId)) {
      expect(cell).not.toContain('Смирнова');
      expect(cell.replace(/\D/g, '')).not.toContain(MOTHER.phoneDigits);
    }
    const stored = [...storedResponses(w.rt, w.formId), ...storedResponses(w.rt, w.complaints.formId)];
    expect(JSON.stringify(stored)).not.toContain('Смирнова');
  });

  test("nor in the school's mailbox outside the bin", () => {
    const kept = mailbox(w.rt, OWNER).filter((m) => !m.trashed);
    for (const m of kept) {
      const text = messageText(m);
      expect(text.toLowerCase()).not.toContain(MOTHER.email.toLowerCase());
      expect(text).not.toContain('Смирнова');
      for (const words of MOTHER.words) expect(text).not.toContain(words);
      for (const id of motherIds) expect(text).not.toContain(id);
    }
    expect(mailbox(w.rt, OWNER).filter((m) => m.trashed).length).toBeGreaterThan(0);
  });

  test('her requests keep their ID, dates, topic, status and channel; the queue keeps its keys, so nothing is sent again', () => {
    for (const id of motherIds) {
      const r = requestById(w.rt, id);
      expect(r).toMatchObject({
        name: privacy.erasedMarker,
        email: '',
        phone: '',
        className: '',
        description: privacy.erasedMarker,
      });
      expect(r.createdAt).toBeInstanceOf(Date);
      expect(r.topic).toBe(ru.choices.topic.grades);
      expect(r.status).toBe(ru.choices.status.new);
    }
    const hers = queueRows(w.rt).filter((q) => motherIds.includes(String(q.requestId)));
    expect(hers.length).toBeGreaterThan(0);
    for (const q of hers) expect(q).toMatchObject({ to: '', payload: '' });
    expect(hers.every((q) => String(q.key).startsWith(String(q.requestId)))).toBe(true);
  });

  test("other people's data stays where it was", () => {
    const log = requests(w.rt);
    otherIds.forEach((id, i) => {
      expect(log.find((r) => r.id === id)).toMatchObject({ name: others[i].name, description: others[i].description });
    });
    const responses = storedResponses(w.rt, w.formId);
    expect(responses.map((r) => r.answers[ru.form.name[0]])).toEqual(others.map((o) => o.name));
    expect(allCells(w.rt).filter((c) => c === others[0].contact)).not.toHaveLength(0);
    expect(allCells(w.rt, w.complaints.spreadsheetId)).toContain(others[0].name);
    expect(storedResponses(w.rt, w.complaints.formId)).toHaveLength(1);
    const oleg = mailbox(w.rt, OWNER).filter((m) => m.to.includes(others[0].contact));
    expect(oleg.length).toBeGreaterThan(0);
    expect(oleg.every((m) => !m.trashed)).toBe(true);
    expect(
      queueRows(w.rt)
        .filter((q) => otherIds.includes(String(q.requestId)))
        .every((q) => q.to !== ''),
    ).toBe(true);
  });

  test('one audit entry says when and how much in each place, with the request IDs', () => {
    const entries = auditRows(w.rt).filter((a) => a.action === privacy.audit.erasureDone);
    expect(entries).toHaveLength(1);
    const note = String(entries[0].note);
    for (const id of motherIds) expect(note).toContain(id);
    expect(note).toMatch(
      /обращения: 3; строки ответов формы в таблице: 2; ответы в самой форме: 2; строки таблицы жалоб: 1; ответы формы жалоб: 1; письма в очереди: \d+; переписки в почте школы \(в корзине\): \d+/,
    );
    expect(entries[0].actor).toBe(CONSULTANT);
    // The work item with her contacts is gone once done.
    expect([...propertyStore(w.rt, 'script').keys()].filter((k) => k.startsWith('work.'))).toEqual([]);
  });

  test('a second erasure of the same person finds nothing left', () => {
    const again = person(w.rt, CONSULTANT).runOrThrow<ErasureSummary>('erasePerson', MOTHER.phoneSaid);
    expect(again.counts.requests).toBe(0);
    w.rt.runAsOwner('runErasureWork');
    const last = auditRows(w.rt)
      .filter((a) => a.action === privacy.audit.erasureDone)
      .pop();
    expect(String(last?.note)).toContain('Запрошено');
    expect(String(last?.note)).toMatch(/\. —\./);
  });
});

describe("the school account's part of an erasure", () => {
  const workItems = (rt: Runtime) => [...propertyStore(rt, 'script').keys()].filter((k) => k.startsWith('work.'));

  test('a request of theirs registered after the action is caught by the owner run; a busy run leaves the work posted', () => {
    const w = workbook();
    const vera = {
      name: 'Орлова Вера',
      contact: 'vera.orlova@gmail.com',
      description: 'Не вижу расписание на следующую неделю.',
    };
    const first = submitRequest(w, vera);
    const summary = person(w.rt, CONSULTANT).runOrThrow<ErasureSummary>('erasePerson', vera.contact);
    expect(summary.requestIds).toEqual([first]);
    // She writes again before the school account's run.
    const second = submitRequest(w, { ...vera, description: 'И ещё: не открывается электронный дневник.' });

    // The lock is held for longer than the run waits: nothing is lost, the item stays posted.
    const hold = holdLock(w.rt, 'script', w.rt.clock.now() + 5 * 60_000);
    expect(w.rt.runAsOwner('runErasureWork')).toMatchObject({ done: 0, left: 1 });
    hold.release();
    expect(workItems(w.rt)).toHaveLength(1);

    expect(w.rt.runAsOwner('runErasureWork')).toMatchObject({ done: 1, left: 0 });
    expect(workItems(w.rt)).toEqual([]);
    for (const id of [first, second])
      expect(requestById(w.rt, id)).toMatchObject({ name: privacy.erasedMarker, email: '' });
    expect(storedResponses(w.rt, w.formId)).toEqual([]);
    expect(allCells(w.rt).some((c) => c.includes('Орлова') || c.includes('vera.orlova'))).toBe(false);
    const entry = auditRows(w.rt).find((a) => a.action === privacy.audit.erasureDone);
    expect(String(entry?.note)).toContain(`${first}, ${second}`);
  });
});

describe('who may erase', () => {
  test('a colleague who can open the spreadsheet but has no role is refused, and nothing changes', () => {
    const w = workbook();
    shareSpreadsheet(w.rt, containerSpreadsheet(w.rt).id, STRANGER, 'editor');
    const id = submitRequest(w, {
      name: 'Кузнецов Олег',
      contact: 'oleg@gmail.com',
      description: 'Не открывается дневник на телефоне.',
    });
    const outcome = person(w.rt, STRANGER).run<ErasureSummary>('erasePerson', 'oleg@gmail.com');
    expect(outcome.ok).toBe(false);
    expect(outcome.error?.message).toContain('Действие доступно только сотрудникам');
    expect(requestById(w.rt, id)).toMatchObject({ name: 'Кузнецов Олег', email: 'oleg@gmail.com' });
  });

  test('junk and the school’s own phone are refused without touching anything', () => {
    const w = workbook();
    const junk = person(w.rt, CONSULTANT).runOrThrow<ErasureSummary>('erasePerson', 'нет');
    expect(junk).toMatchObject({ ok: false, message: expect.stringContaining('не похоже') });
    const school = person(w.rt, DIRECTOR).runOrThrow<ErasureSummary>('erasePerson', '2-34-81');
    expect(school).toMatchObject({ ok: false, message: privacy.dialog.schoolContact });
    expect([...propertyStore(w.rt, 'script').keys()].filter((k) => k.startsWith('work.'))).toEqual([]);
  });

  test('from the menu the owner confirms what was found and everything is erased in one go', () => {
    const w = workbook();
    const id = submitRequest(w, {
      name: 'Орлова Вера',
      contact: 'vera.orlova@gmail.com',
      description: 'Не вижу расписание на следующую неделю.',
    });
    w.rt.runAsOwner('sendMail');
    queueUiAnswer(w.rt, { button: 'OK', text: 'vera.orlova@gmail.com' });
    queueUiAnswer(w.rt, { button: 'YES' });
    const summary = person(w.rt, OWNER).runOrThrow<ErasureSummary>('eraseFromMenu');
    expect(summary).toMatchObject({
      ok: true,
      pending: false,
      requestIds: [id],
      counts: { requests: 1, responseRows: 1, formResponses: 1 },
    });
    const confirm = uiEvents(w.rt, 'alert').find((e) => e.buttons === 'YES_NO');
    expect(confirm?.message).toContain(id);
    expect(allCells(w.rt).some((c) => c.includes('vera.orlova'))).toBe(false);
  });

  test('from the menu, "No" changes nothing', () => {
    const w = workbook();
    const id = submitRequest(w, {
      name: 'Орлова Вера',
      contact: 'vera.orlova@gmail.com',
      description: 'Не вижу расписание на следующую неделю.',
    });
    queueUiAnswer(w.rt, { button: 'OK', text: 'vera.orlova@gmail.com' });
    queueUiAnswer(w.rt, { button: 'NO' });
    const summary = person(w.rt, CONSULTANT).runOrThrow<ErasureSummary>('eraseFromMenu');
    expect(summary).toMatchObject({ ok: false, message: privacy.dialog.cancelled });
    expect(requestById(w.rt, id).email).toBe('vera.orlova@gmail.com');
  });
});

describe('anonymisation after the retention period', () => {
  const people = [
    'Алексеева Анна',
    'Борисов Борис',
    'Васильева Вера',
    'Григорьев Глеб',
    'Дмитриева Дарья',
    'Егоров Ефим',
  ];
  let w: Workbook;
  let ids: string[];

  function fireDaily(): AnonymiseReport {
    const uid = w.triggerUid;
    const started = w.rt.clock.now();
    return w.rt.run<AnonymiseReport>(
      'anonymiseExpired',
      (exec) => [toRealmValue(exec, timeDrivenEvent(started, uid))],
      {
        kind: 'installable-trigger',
        effectiveUser: OWNER,
        actingUser: OWNER,
        authMode: 'FULL',
        triggerUid: uid,
      },
    );
  }

  function statusRow(id: string): number {
    return requests(w.rt).findIndex((r) => r.id === id) + 3;
  }

  beforeEach(() => {
    w = workbook();
    setSetting(w.rt, 'retention.months', '12');
    ids = people.map((name, i) =>
      submitRequest(w, {
        name,
        contact: `person${i}@gmail.com`,
        description: `Вопрос номер ${i}: не открываются оценки в дневнике.`,
      }),
    );
    w.rt.runAsOwner('sendMail');
    const plan: Array<[Status, string | null]> = [
      ['closed', '2026-09-02T10:00:00+05:00'],
      ['rejected', '2026-09-03T10:00:00+05:00'],
      ['answered', '2026-09-03T12:00:00+05:00'],
      ['inProgress', null],
      ['closed', '2027-03-01T10:00:00+05:00'],
      ['etiquetteEnded', null],
    ];
    plan.forEach(([status, resolvedAt], i) => {
      w.rt.runAsOwner('setStatus', ids[i], status, resolvedAt);
    });
    // A year and a week later, the night run.
    w.rt.clock.set(new Date('2027-09-10T02:00:00+05:00').getTime());
  });

  test('only closed requests past the period lose their personal data, copies included; what statistics need stays', () => {
    const report = fireDaily();
    const expired = [ids[0], ids[1], ids[2], ids[5]];
    expect(report.anonymised).toEqual(expired);
    expect(report).toMatchObject({ changedMeanwhile: [], left: 0, bookkeeping: 0, formResponses: 4, responseRows: 4 });
    expect(storedResponses(w.rt, w.formId).map((r) => r.answers[ru.form.name[0]])).toEqual([people[3], people[4]]);
    for (const id of expired) {
      const r = requestById(w.rt, id);
      expect(r).toMatchObject({
        name: privacy.anonymisedMarker,
        description: privacy.anonymisedMarker,
        email: '',
        phone: '',
        className: '',
      });
      expect(r.createdAt).toBeInstanceOf(Date);
      expect(r.topic).toBe(ru.choices.topic.grades);
      expect(r.channel).toBe(ru.choices.channel.form);
      expect(r.status).not.toBe('');
    }
    for (const i of [3, 4])
      expect(requestById(w.rt, ids[i])).toMatchObject({ name: people[i], email: `person${i}@gmail.com` });
    const queue = queueRows(w.rt);
    for (const q of queue.filter((q) => expired.includes(String(q.requestId))))
      expect(q).toMatchObject({ to: '', payload: '' });
    expect(
      queue.filter((q) => !expired.includes(String(q.requestId))).every((q) => q.to !== '' && q.payload !== ''),
    ).toBe(true);
    const entry = auditRows(w.rt).find((a) => a.action === 'Обезличены обращения: 4');
    expect(String(entry?.note)).toContain(expired.join(', '));
    for (const name of expired.map((id) => people[ids.indexOf(id)])) {
      expect(allCells(w.rt).some((c) => c.includes(name))).toBe(false);
    }
  });

  test("a person's edit made during the run survives: a reopened request keeps its data, another edit is not overwritten", () => {
    w.rt.faults.add({
      functionName: 'anonymiseExpired',
      method: 'Lock.tryLock',
      action: {
        run: (rt) => {
          const consultant = person(rt, CONSULTANT);
          expect(
            consultant.edit(ru.sheets.requests, `L${statusRow(ids[1])}`, ru.choices.status.inProgress).refused,
          ).toBeUndefined();
          expect(consultant.edit(ru.sheets.requests, `M${statusRow(ids[0])}`, DIRECTOR).refused).toBeUndefined();
        },
      },
    });
    const report = fireDaily();
    expect(report.changedMeanwhile).toEqual([ids[1]]);
    expect(report.anonymised).toEqual([ids[0], ids[2], ids[5]]);
    expect(requestById(w.rt, ids[1])).toMatchObject({
      status: ru.choices.status.inProgress,
      name: people[1],
      email: 'person1@gmail.com',
    });
    expect(requestById(w.rt, ids[0])).toMatchObject({ assignee: DIRECTOR, name: privacy.anonymisedMarker });
    // The reopened request's mail keeps its data too.
    expect(
      queueRows(w.rt)
        .filter((q) => q.requestId === ids[1])
        .every((q) => q.to !== ''),
    ).toBe(true);
  });

  test('a run that cannot finish stops inside its budget and the next night finishes; a run with nothing to do writes nothing', () => {
    // Another process holds the lock all night: nothing is written, everything is left for the next run.
    const hold = holdLock(w.rt, 'script', w.rt.clock.now() + 10 * 60_000);
    const blocked = fireDaily();
    hold.release();
    expect(blocked).toMatchObject({ anonymised: [], left: 4 });
    expect(requestById(w.rt, ids[0]).name).toBe(people[0]);

    // The big read takes most of the budget: the run stops before writing and still ends far inside 6 minutes.
    w.rt.clock.advance(DAY_MS);
    w.rt.faults.add({
      functionName: 'anonymiseExpired',
      method: 'Range.getValues',
      phase: 'after',
      action: { run: (rt) => rt.clock.advance(4 * 60_000) },
    });
    const slow = fireDaily();
    expect(slow).toMatchObject({ anonymised: [], left: 4 });

    w.rt.clock.advance(DAY_MS);
    expect(fireDaily().anonymised).toEqual([ids[0], ids[1], ids[2], ids[5]]);
    const entries = auditRows(w.rt).length;
    w.rt.clock.advance(DAY_MS);
    expect(fireDaily()).toMatchObject({ anonymised: [], left: 0, queueRows: 0 });
    expect(auditRows(w.rt)).toHaveLength(entries);
  });

  test('a forged trigger event is refused', () => {
    expect(() => w.rt.runAsOwner('anonymiseExpired', { triggerUid: 'forged' })).toThrow(/Вызов отклонён/);
    expect(requestById(w.rt, ids[0]).name).toBe(people[0]);
  });
});
