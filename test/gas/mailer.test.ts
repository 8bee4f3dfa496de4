// The mailer on the embedded runtime: the queue sheet, the quota, sends that die half-way, the work inbox.
import path from 'node:path';
import type { Runtime } from '../../emulator/index';
import { person } from '../../emulator/people';
import { deliverMail, type MailRecord, mailbox, sentMail, setMailQuota } from '../../emulator/services/mail';
import { holdLock } from '../../emulator/services/lock';
import { propertyStore } from '../../emulator/services/properties';
import { readSheetValues } from '../../emulator/services/spreadsheet/index';
import { mailKey, type MailKind, type OutgoingMessage, PENDING_GRACE_MS } from '../../src/domain/mail-queue';
import { renderAcknowledgement } from '../../src/domain/mail-templates';
import type { MailRunSummary } from '../../src/gas/mailer';
import { testEntryRuntime } from '../helpers/gas-bundle';

const OWNER = 'school@gmail.com';
const CONSULTANT = 'consultant@gmail.com';
const QUEUE = 'Очередь писем';
const ENTRY = path.join(__dirname, 'mailer.entry.ts');
const DAY_MS = 24 * 3_600_000;
const RUN_GAP_MS = 5 * 60_000; // runQueue's cadence
const KEY_LINE = /Код письма: (\S+)/g;

function runtime(order?: string[]): Runtime {
  const rt = testEntryRuntime(ENTRY, { owner: OWNER });
  rt.runAsOwner('createQueueSheet', order);
  propertyStore(rt, 'document').set('helpdesk.owner', OWNER);
  return rt;
}

/** A message as callers build it: rendered by a template, so it carries its key footer. */
function message(
  requestId: string,
  kind: MailKind = 'ack',
  to = 'parent@gmail.com',
  extra: Partial<OutgoingMessage> = {},
) {
  const key = mailKey(requestId, kind, 'e1');
  const rendered = renderAcknowledgement(
    {
      locale: 'ru',
      timeZone: 'Asia/Yekaterinburg',
      schoolName: 'Школа',
      schoolPhone: '2-34-81',
      schoolEmail: '',
      officeHours: { start: '15:00', end: '16:00' },
      consultantName: '',
      appointmentOrder: '',
      support: { phone: '8 800 300 4444', vk: '', email: '', start: '9:00', end: '18:00' },
      spreadsheetUrl: '',
    },
    { key, requestId, dueAt: null, articles: [] },
  );
  return { key, requestId, kind, to, ...rendered, senderName: 'Помощь по ЭЖ', replyTo: 'help@gmail.com', ...extra };
}

/** The queue's records by key, read host-side by the key row. */
function queueRows(rt: Runtime): Array<Record<string, unknown>> {
  const [keys, , ...rows] = readSheetValues(rt, QUEUE);
  return rows
    .map((row) => Object.fromEntries(keys.map((k, i) => [String(k), row[i]]).filter(([k]) => k !== '')))
    .filter((r) => r.key !== '');
}

function rowOf(rt: Runtime, key: string): Record<string, unknown> {
  const row = queueRows(rt).find((r) => r.key === key);
  if (!row) throw new Error(`no queue row ${key}`);
  return row;
}

/** How many sent messages carry each key in their footer. */
function sendsPerKey(rt: Runtime): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of sentMail(rt, OWNER)) {
    for (const [, key] of m.body.matchAll(KEY_LINE)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function keysOf(m: MailRecord): string[] {
  return [...m.body.matchAll(KEY_LINE)].map(([, key]) => key);
}

function run(rt: Runtime, budgetMs?: number): MailRunSummary {
  return rt.runAsOwner<MailRunSummary>('runQueue', budgetMs);
}

describe('enqueueing', () => {
  test('enqueueing the same key twice adds one entry, written by column key', () => {
    const rt = runtime();
    const m = message('ОБ-2026-00042');
    expect(rt.runAsOwner('enqueue', [m])).toEqual({ queued: 1, duplicates: 0, posted: 0 });
    expect(rt.runAsOwner('enqueue', [m, m])).toEqual({ queued: 0, duplicates: 2, posted: 0 });
    const rows = queueRows(rt);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      key: 'ОБ-2026-00042|ack|e1',
      requestId: 'ОБ-2026-00042',
      kind: 'ack',
      priority: 2,
      to: 'parent@gmail.com',
      status: 'queued',
      attempts: 0,
    });
    expect(JSON.parse(String(rows[0].payload))).toMatchObject({
      senderName: 'Помощь по ЭЖ',
      replyTo: 'help@gmail.com',
    });
  });

  test('a malformed message is refused with a clear message and nothing is queued', () => {
    const rt = runtime();
    const bad = { ...message('ОБ-1'), key: 'ОБ-1 ack', to: '' };
    expect(() => rt.runAsOwner('enqueue', [message('ОБ-2'), bad])).toThrow(
      /Неверный код письма «ОБ-1 ack»[\s\S]*не указан получатель/,
    );
    expect(queueRows(rt)).toEqual([]);
  });

  test("columns found by key: moved columns and a column of people's own are respected", () => {
    const rt = runtime([
      'status',
      'заметки',
      'payload',
      'key',
      'to',
      'subject',
      'kind',
      'requestId',
      'priority',
      'createdAt',
      'sentAt',
      'messageId',
      'threadId',
      'attempts',
      'error',
    ]);
    rt.runAsOwner('enqueue', [message('ОБ-1')]);
    expect(run(rt)).toMatchObject({ sent: 1, left: 0 });
    const [, , first] = readSheetValues(rt, QUEUE);
    expect(first[0]).toBe('sent');
    expect(first[1]).toBe('');
    expect(first[3]).toBe('ОБ-1|ack|e1');
  });
});

describe('sending', () => {
  test('sends in priority order and records the message and thread of each', () => {
    const rt = runtime();
    rt.runAsOwner('enqueue', [message('ОБ-1', 'assignee', 'consultant@gmail.com')]);
    rt.runAsOwner('enqueue', [message('ОБ-2', 'ack')]);
    rt.runAsOwner('enqueue', [message('ОБ-3', 'answer')]);
    expect(run(rt)).toMatchObject({ sent: 3, messages: 3, left: 0, failed: [], busy: false });
    const sent = sentMail(rt, OWNER);
    expect(sent.map((m) => keysOf(m)[0])).toEqual(['ОБ-3|answer|e1', 'ОБ-2|ack|e1', 'ОБ-1|assignee|e1']);
    const row = rowOf(rt, 'ОБ-3|answer|e1');
    expect(row).toMatchObject({ status: 'sent', messageId: sent[0].id, threadId: sent[0].threadId, attempts: 0 });
    expect(sent[0]).toMatchObject({ fromName: 'Помощь по ЭЖ', replyTo: 'help@gmail.com', to: ['parent@gmail.com'] });
    expect(sent[0].htmlBody).toContain('Код письма: ОБ-3|answer|e1');
    // A second run has nothing to send.
    expect(run(rt)).toMatchObject({ sent: 0, left: 0 });
    expect(sentMail(rt, OWNER)).toHaveLength(3);
  });

  test('the quota spent mid-run: the rest stays queued and goes out after the 24-hour reset, each key once', () => {
    const rt = runtime();
    const ids = ['ОБ-1', 'ОБ-2', 'ОБ-3', 'ОБ-4', 'ОБ-5'];
    rt.runAsOwner(
      'enqueue',
      ids.map((id) => message(id)),
    );
    // After the first send, another execution of the owner spends what is left of the day's quota.
    rt.faults.add({ method: 'GmailDraft.send', phase: 'after', action: { run: (r) => setMailQuota(r, OWNER, 0) } });
    expect(run(rt)).toMatchObject({ sent: 1, left: 4, quotaSpent: true, failed: [] });
    expect(queueRows(rt).map((r) => r.status)).toEqual(['sent', 'queued', 'queued', 'queued', 'queued']);
    expect(queueRows(rt)[1]).toMatchObject({ attempts: 0, error: '' });

    rt.clock.advance(RUN_GAP_MS);
    expect(run(rt)).toMatchObject({ sent: 0, left: 4, quotaSpent: true });

    rt.clock.advance(DAY_MS);
    expect(run(rt)).toMatchObject({ sent: 4, left: 0, quotaSpent: false });
    expect(sendsPerKey(rt)).toEqual(new Map(ids.map((id) => [`${id}|ack|e1`, 1])));
    // The send the quota refused left no draft behind.
    expect(mailbox(rt, OWNER).filter((m) => m.draft)).toEqual([]);
  });

  test('a second run started in the middle of the first finds the queue busy and sends nothing', () => {
    const rt = runtime();
    rt.runAsOwner('enqueue', [message('ОБ-1'), message('ОБ-2')]);
    let second: MailRunSummary | undefined;
    rt.faults.add({
      method: 'GmailDraft.send',
      action: {
        run: (r) => {
          second = r.runAsOwner<MailRunSummary>('runQueue');
        },
      },
    });
    expect(run(rt)).toMatchObject({ sent: 2, left: 0 });
    expect(second).toMatchObject({ busy: true, sent: 0 });
    expect(sendsPerKey(rt)).toEqual(
      new Map([
        ['ОБ-1|ack|e1', 1],
        ['ОБ-2|ack|e1', 1],
      ]),
    );
  });

  test('a run killed between the send and its record: the next run finds the message by key and does not resend', () => {
    const rt = runtime();
    rt.runAsOwner('enqueue', [message('ОБ-1'), message('ОБ-2')]);
    rt.faults.add({ method: 'GmailDraft.send', phase: 'after', action: { kill: true } });
    const killed = rt.execute('runQueue', [], { kind: 'installable-trigger', effectiveUser: OWNER, actingUser: OWNER });
    expect(killed.ok).toBe(false);
    expect(sentMail(rt, OWNER)).toHaveLength(1);
    expect(rowOf(rt, 'ОБ-1|ack|e1')).toMatchObject({ status: 'pending', messageId: '' });

    // Right away the pending entry is given time (Gmail's index may lag): neither resent nor given up.
    expect(run(rt)).toMatchObject({ sent: 1, resolved: 0, left: 1 });
    expect(rowOf(rt, 'ОБ-1|ack|e1').status).toBe('pending');

    rt.clock.advance(RUN_GAP_MS);
    expect(run(rt)).toMatchObject({ sent: 0, resolved: 1, left: 0 });
    const first = sentMail(rt, OWNER).find((m) => keysOf(m).includes('ОБ-1|ack|e1'));
    expect(rowOf(rt, 'ОБ-1|ack|e1')).toMatchObject({ status: 'sent', messageId: first?.id, threadId: first?.threadId });
    expect(sendsPerKey(rt)).toEqual(
      new Map([
        ['ОБ-1|ack|e1', 1],
        ['ОБ-2|ack|e1', 1],
      ]),
    );
  });

  test('a run that died after marking pending but before the send: not in the sent mail, so sent again', () => {
    const rt = runtime();
    rt.runAsOwner('enqueue', [message('ОБ-1')]);
    rt.faults.add({ method: 'GmailApp.createDraft', action: { kill: true } });
    expect(
      rt.execute('runQueue', [], { kind: 'installable-trigger', effectiveUser: OWNER, actingUser: OWNER }).ok,
    ).toBe(false);
    expect(rowOf(rt, 'ОБ-1|ack|e1').status).toBe('pending');
    rt.clock.advance(PENDING_GRACE_MS);
    expect(run(rt)).toMatchObject({ sent: 1, resolved: 0, left: 0 });
    expect(rowOf(rt, 'ОБ-1|ack|e1')).toMatchObject({ status: 'sent', attempts: 1 });
    expect(sendsPerKey(rt)).toEqual(new Map([['ОБ-1|ack|e1', 1]]));
  });

  test('a transient failure before the send is retried by a later run', () => {
    const rt = runtime();
    rt.runAsOwner('enqueue', [message('ОБ-1')]);
    rt.faults.add({ method: 'GmailApp.createDraft', action: { throw: 'Service error: Gmail' } });
    expect(run(rt)).toMatchObject({ sent: 0, left: 1, failed: [] });
    expect(rowOf(rt, 'ОБ-1|ack|e1')).toMatchObject({ status: 'queued', attempts: 1, error: 'Service error: Gmail' });
    rt.clock.advance(RUN_GAP_MS);
    expect(run(rt)).toMatchObject({ sent: 1, left: 0 });
    expect(rowOf(rt, 'ОБ-1|ack|e1')).toMatchObject({ status: 'sent', attempts: 1, error: '' });
    expect(sendsPerKey(rt)).toEqual(new Map([['ОБ-1|ack|e1', 1]]));
  });

  test('a failure of the send itself may have let the message go: it stays pending until the sent mail is checked', () => {
    const rt = runtime();
    rt.runAsOwner('enqueue', [message('ОБ-1')]);
    rt.faults.add({ method: 'GmailDraft.send', action: { throw: 'Service error: Gmail' } });
    expect(run(rt)).toMatchObject({ sent: 0, left: 1 });
    expect(rowOf(rt, 'ОБ-1|ack|e1')).toMatchObject({ status: 'pending', error: 'Service error: Gmail' });
    expect(sentMail(rt, OWNER)).toHaveLength(0);
    rt.clock.advance(RUN_GAP_MS);
    expect(run(rt)).toMatchObject({ sent: 1, resolved: 0, left: 0 });
    expect(sendsPerKey(rt)).toEqual(new Map([['ОБ-1|ack|e1', 1]]));
    // The failed attempt left no draft behind.
    expect(mailbox(rt, OWNER).filter((m) => m.draft)).toEqual([]);
  });

  test('an invalid address fails for good and is reported for a call back; the others still go', () => {
    const rt = runtime();
    rt.runAsOwner('enqueue', [message('ОБ-1', 'ack', 'мама@'), message('ОБ-2')]);
    const summary = run(rt);
    expect(summary).toMatchObject({ sent: 1, left: 0 });
    expect(summary.failed).toEqual([
      { key: 'ОБ-1|ack|e1', requestId: 'ОБ-1', kind: 'ack', error: 'Invalid email: мама@' },
    ]);
    expect(rowOf(rt, 'ОБ-1|ack|e1')).toMatchObject({ status: 'failed', attempts: 1 });
    rt.clock.advance(DAY_MS);
    expect(run(rt)).toMatchObject({ sent: 0, failed: [] });
  });

  test('a short quota folds alerts to one reader into a digest: all marked sent with its message, none twice', () => {
    const rt = runtime();
    setMailQuota(rt, OWNER, 2);
    const alerts = ['ОБ-1', 'ОБ-2', 'ОБ-3'].map((id) => message(id, 'assignee', 'consultant@gmail.com'));
    rt.runAsOwner('enqueue', [...alerts, message('ОБ-9', 'ack')]);
    expect(run(rt)).toMatchObject({ sent: 4, messages: 2, digests: 1, left: 0 });
    const sent = sentMail(rt, OWNER);
    expect(sent).toHaveLength(2);
    const digest = sent[1];
    expect(digest.to).toEqual(['consultant@gmail.com']);
    expect(digest.subject).toBe('Сводка уведомлений: 3');
    expect(keysOf(digest)).toEqual(expect.arrayContaining(alerts.map((a) => a.key)));
    for (const a of alerts) expect(rowOf(rt, a.key)).toMatchObject({ status: 'sent', messageId: digest.id });
  });

  test("a reply continues the request's thread; a thread where someone else wrote last gets a new message", () => {
    const rt = runtime();
    const incoming = deliverMail(rt, {
      from: 'Мама <parent@gmail.com>',
      to: OWNER,
      subject: 'Не входит в дневник',
      body: 'Помогите',
    });
    const threadId = incoming.copies[OWNER].threadId;
    const helper = deliverMail(rt, { from: 'Мама <parent@gmail.com>', to: OWNER, subject: 'Другое', body: 'Вопрос' });
    deliverMail(rt, {
      from: 'teacher@gmail.com',
      to: OWNER,
      subject: 'Re: Другое',
      body: 'Ответ учителя',
      inReplyToMessageId: helper.messageId,
    });
    rt.runAsOwner('enqueue', [
      message('ОБ-1', 'answer', 'parent@gmail.com', { threadId }),
      message('ОБ-2', 'answer', 'parent@gmail.com', { threadId: helper.copies[OWNER].threadId }),
    ]);
    expect(run(rt)).toMatchObject({ sent: 2, left: 0 });
    const [reply, fresh] = sentMail(rt, OWNER);
    // Gmail addresses a reply to the sender as the sender wrote it.
    expect(reply).toMatchObject({ threadId, to: ['Мама <parent@gmail.com>'], subject: 'Re: Не входит в дневник' });
    expect(rowOf(rt, 'ОБ-1|answer|e1').threadId).toBe(threadId);
    expect(fresh.to).toEqual(['parent@gmail.com']);
    expect(fresh.threadId).not.toBe(helper.copies[OWNER].threadId);
    // The reply draft Gmail addressed to the teacher was discarded, never sent.
    expect(mailbox(rt, OWNER).filter((m) => m.draft)).toEqual([]);
    expect(sentMail(rt, OWNER).flatMap((m) => m.to)).not.toContain('teacher@gmail.com');
  });

  test('stops cleanly when the time budget runs low; the next run sends the rest', () => {
    const rt = runtime();
    const ids = ['ОБ-1', 'ОБ-2', 'ОБ-3', 'ОБ-4'];
    rt.runAsOwner(
      'enqueue',
      ids.map((id) => message(id)),
    );
    const first = run(rt, 6_000);
    expect(first.stoppedEarly).toBe(true);
    expect(first.sent).toBeGreaterThan(0);
    expect(first.left).toBe(ids.length - first.sent);
    expect(queueRows(rt).filter((r) => r.status === 'pending')).toEqual([]);
    expect(run(rt)).toMatchObject({ sent: ids.length - first.sent, left: 0, stoppedEarly: false });
    expect(sendsPerKey(rt)).toEqual(new Map(ids.map((id) => [`${id}|ack|e1`, 1])));
  });
});

describe('the work inbox', () => {
  test("a non-owner's enqueue lands in the work inbox; the owner's run moves it to the queue and sends it", () => {
    const rt = runtime();
    const m = message('ОБ-7', 'answer');
    const posted = person(rt, CONSULTANT).runOrThrow('enqueue', [m]);
    expect(posted).toEqual({ queued: 0, duplicates: 0, posted: 1 });
    expect(queueRows(rt)).toEqual([]);
    const inbox = [...propertyStore(rt, 'script').keys()].filter((k) => k.startsWith('work.'));
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatch(/^work\.\d{15}\.[0-9a-f-]{36}$/);

    expect(run(rt)).toMatchObject({ drained: 1, sent: 1, left: 0 });
    expect([...propertyStore(rt, 'script').keys()].filter((k) => k.startsWith('work.'))).toEqual([]);
    expect(rowOf(rt, m.key).status).toBe('sent');
    expect(sentMail(rt, OWNER)).toHaveLength(1);
    expect(sentMail(rt, CONSULTANT)).toHaveLength(0);

    // Posted again (a person clicked twice): the key is already queued, nothing more is sent.
    person(rt, CONSULTANT).runOrThrow('enqueue', [m]);
    expect(rt.runAsOwner('drain')).toEqual({ moved: 1, left: 0, busy: false });
    expect(queueRows(rt)).toHaveLength(1);
    expect(run(rt)).toMatchObject({ sent: 0 });
  });

  test("the owner's enqueue while a run holds the queue is posted after a short wait, and nothing is lost", () => {
    const rt = runtime();
    const hold = holdLock(rt, 'script');
    expect(rt.runAsOwner('enqueue', [message('ОБ-5')])).toEqual({ queued: 0, duplicates: 0, posted: 1 });
    hold.release();
    expect(run(rt)).toMatchObject({ drained: 1, sent: 1 });
  });

  test("before setup has made the queue sheet, the owner's mail waits in the inbox and the run says why", () => {
    const rt = testEntryRuntime(ENTRY, { owner: OWNER });
    propertyStore(rt, 'document').set('helpdesk.owner', OWNER);
    expect(rt.runAsOwner('enqueue', [message('ОБ-6')])).toEqual({ queued: 0, duplicates: 0, posted: 1 });
    expect(run(rt)).toMatchObject({
      sent: 0,
      error: 'Лист «Очередь писем» не найден. Запустите «Настроить или обновить таблицу».',
    });
    rt.runAsOwner('createQueueSheet');
    expect(run(rt)).toMatchObject({ drained: 1, sent: 1, left: 0 });
  });

  test('a long answer posted by a person goes through the inbox in parts and is sent whole', () => {
    const rt = runtime();
    const text = 'ответ '.repeat(1500);
    const big = message('ОБ-8', 'answer', 'parent@gmail.com', { text });
    expect(person(rt, CONSULTANT).run('enqueue', [big]).ok).toBe(true);
    expect(run(rt)).toMatchObject({ drained: 1, sent: 1 });
    expect(sentMail(rt, OWNER).find((m) => m.to.includes('parent@gmail.com'))?.body).toContain(text.trim());
  });
});

describe('service calls', () => {
  function measure(count: number, what: 'drain' | 'send') {
    const rt = runtime();
    const messages = Array.from({ length: count }, (_, i) => message(`ОБ-${i + 1}`));
    for (const m of messages) person(rt, CONSULTANT).runOrThrow('enqueue', [m]);
    if (what === 'send') rt.runAsOwner('drain');
    rt.resetCounters();
    const summary = what === 'drain' ? rt.runAsOwner('drain') : run(rt);
    return { rt, summary, calls: rt.countOf(/./), reads: rt.countOf('Range.getValues') };
  }

  test('a drain of the work inbox and a send run: reads stay one batch, the rest grows per message', () => {
    const drain1 = measure(1, 'drain');
    const drain20 = measure(20, 'drain');
    expect(drain20.summary).toEqual({ moved: 20, left: 0, busy: false });
    expect(drain20.reads).toBe(drain1.reads);
    // One property delete per item; the queue is written once.
    expect(drain20.rt.countOf('Properties.deleteProperty')).toBe(20);
    expect(drain20.calls - drain1.calls).toBe(19);
    expect(drain20.rt.countOf('Range.setValues')).toBe(1);

    const send1 = measure(1, 'send');
    const send20 = measure(20, 'send');
    expect(send20.summary).toMatchObject({ sent: 20, left: 0 });
    expect(send20.reads).toBe(send1.reads);
    expect((send20.calls - send1.calls) % 19).toBe(0);
    console.log(
      `service calls — drain: 1 message ${drain1.calls}, 20 messages ${drain20.calls}; ` +
        `send run: 1 message ${send1.calls}, 20 messages ${send20.calls} ` +
        `(${(send20.calls - send1.calls) / 19} a message)\n` +
        `drain of 20: ${JSON.stringify(Object.fromEntries(drain20.rt.callCounts))}\n` +
        `send of 20: ${JSON.stringify(Object.fromEntries(send20.rt.callCounts))}`,
    );
  });
});
