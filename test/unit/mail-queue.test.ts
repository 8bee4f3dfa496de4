import {
  asFailed,
  asPending,
  asRetry,
  asSent,
  checkMessage,
  classifySendError,
  entriesToAdd,
  foldAlerts,
  isValidKey,
  MAX_ATTEMPTS,
  MAX_DIGEST_ITEMS,
  mailKey,
  type MailKind,
  newEntry,
  type OutgoingMessage,
  PENDING_GRACE_MS,
  pendingToResolve,
  planSends,
  type QueueEntry,
  recipientCount,
  sameRecipients,
  sendOrder,
} from '../../src/domain/mail-queue';

const T0 = Date.UTC(2026, 8, 1, 4, 0); // 09:00 in Yekaterinburg

function message(requestId: string, kind: MailKind, to = 'parent@gmail.com', event = 'e1'): OutgoingMessage {
  return {
    key: mailKey(requestId, kind, event),
    requestId,
    kind,
    to,
    subject: `${kind} ${requestId}`,
    text: 'text',
    html: '<p>text</p>',
  };
}

function entry(requestId: string, kind: MailKind, at: number, to?: string): QueueEntry {
  return newEntry(message(requestId, kind, to), at);
}

describe('keys', () => {
  test('a key is request|kind|event and must be searchable as one phrase', () => {
    expect(mailKey('ОБ-2026-00042', 'ack', 'received')).toBe('ОБ-2026-00042|ack|received');
    expect(isValidKey('ОБ-2026-00042|ack|received')).toBe(true);
    expect(isValidKey('ОБ-2026-00042|ack')).toBe(false);
    expect(isValidKey('ОБ 2026|ack|received')).toBe(false);
    expect(isValidKey('ОБ-1|ack|"x"')).toBe(false);
    expect(isValidKey('ОБ-1|ack|a|b')).toBe(false);
  });

  test('a malformed message is refused with every problem named', () => {
    const bad = { ...message('ОБ-1', 'ack'), key: 'no bars', to: ' ', subject: '' };
    expect(checkMessage(bad).map((p) => p.code)).toEqual(['badKey', 'noRecipient', 'noSubject']);
    const unknownKind = { ...message('ОБ-1', 'ack'), kind: 'spam' as MailKind };
    expect(checkMessage(unknownKind).map((p) => p.code)).toEqual(['badKind']);
    const huge = { ...message('ОБ-1', 'answer'), text: 'я'.repeat(60_000) };
    expect(checkMessage(huge)).toEqual([{ code: 'tooLarge', key: huge.key, size: expect.any(Number), max: 50_000 }]);
    expect(checkMessage(message('ОБ-1', 'ack'))).toEqual([]);
  });
});

describe('enqueueing', () => {
  test('a key already queued, or repeated in the batch, adds nothing', () => {
    const a = message('ОБ-1', 'ack');
    const b = message('ОБ-2', 'ack');
    const added = entriesToAdd(new Set([a.key]), [a, b, b], T0);
    expect(added.map((e) => e.key)).toEqual([b.key]);
    expect(added[0]).toMatchObject({ status: 'queued', attempts: 0, createdAt: T0, messageId: '' });
  });

  test('the thread to continue is kept with the entry', () => {
    expect(newEntry({ ...message('ОБ-1', 'answer'), threadId: 'th-1' }, T0).threadId).toBe('th-1');
  });
});

describe('order and quota', () => {
  test('answers first, then acknowledgements, then internal alerts; oldest first within each', () => {
    const entries = [
      entry('ОБ-1', 'assignee', T0, 'staff@school.ru'),
      entry('ОБ-2', 'ack', T0 + 2),
      entry('ОБ-3', 'answer', T0 + 3),
      entry('ОБ-4', 'ack', T0 + 1),
      { ...entry('ОБ-5', 'answer', T0), status: 'sent' as const },
      entry('ОБ-6', 'clarification', T0 + 1),
    ];
    expect(sendOrder(entries).map((e) => e.requestId)).toEqual(['ОБ-6', 'ОБ-3', 'ОБ-4', 'ОБ-2', 'ОБ-1']);
  });

  test('the quota counts recipients, not messages', () => {
    expect(recipientCount('a@gmail.com')).toBe(1);
    expect(recipientCount('a@gmail.com, Учитель <b@school.ru>,c@x.ru')).toBe(3);
    expect(recipientCount('  ')).toBe(0);
    expect(sameRecipients('Анна <A@gmail.com>', 'a@gmail.com')).toBe(true);
    expect(sameRecipients('a@gmail.com', 'b@gmail.com')).toBe(false);
  });

  test('what does not fit the remaining quota is deferred, higher priority first', () => {
    const entries = [entry('ОБ-1', 'ack', T0), entry('ОБ-2', 'answer', T0 + 5), entry('ОБ-3', 'ack', T0 + 1)];
    const plan = planSends(entries, 2);
    expect(plan.steps.map((s) => (s.type === 'single' ? s.entry.requestId : 'digest'))).toEqual(['ОБ-2', 'ОБ-1']);
    expect(plan.deferred.map((e) => e.requestId)).toEqual(['ОБ-3']);
  });

  test('a message to several recipients waits when fewer are left, and smaller ones still go', () => {
    const entries = [entry('ОБ-1', 'answer', T0, 'a@gmail.com, b@gmail.com, c@gmail.com'), entry('ОБ-2', 'ack', T0)];
    const plan = planSends(entries, 2);
    expect(plan.steps).toHaveLength(1);
    expect(plan.deferred.map((e) => e.requestId)).toEqual(['ОБ-1']);
  });

  test('alerts go one by one while the quota allows', () => {
    const alerts = ['ОБ-1', 'ОБ-2', 'ОБ-3'].map((id, i) => entry(id, 'assignee', T0 + i, 'consultant@school.ru'));
    const plan = planSends(alerts, 10);
    expect(plan.steps.every((s) => s.type === 'single')).toBe(true);
    expect(plan.deferred).toEqual([]);
  });

  test('when the quota is short, alerts to one reader fold into a digest and none is dropped', () => {
    const alerts = [
      entry('ОБ-1', 'assignee', T0, 'consultant@school.ru'),
      entry('ОБ-2', 'etiquette', T0 + 1, 'director@school.ru'),
      entry('ОБ-3', 'reminder', T0 + 2, 'Consultant@School.ru'),
      entry('ОБ-4', 'assignee', T0 + 3, 'consultant@school.ru'),
    ];
    const plan = planSends([entry('ОБ-9', 'ack', T0), ...alerts], 3);
    expect(plan.deferred).toEqual([]);
    const [ack, digest, single] = plan.steps;
    expect(ack).toMatchObject({ type: 'single', entry: { requestId: 'ОБ-9' } });
    expect(digest.type).toBe('digest');
    if (digest.type === 'digest') expect(digest.entries.map((e) => e.requestId)).toEqual(['ОБ-1', 'ОБ-3', 'ОБ-4']);
    expect(single).toMatchObject({ type: 'single', entry: { requestId: 'ОБ-2' } });
  });

  test('requester mail is never folded, and a digest holds at most its limit', () => {
    const answers = ['ОБ-1', 'ОБ-2'].map((id) => entry(id, 'answer', T0, 'parent@gmail.com'));
    expect(planSends(answers, 1).steps).toHaveLength(1);
    const many = Array.from({ length: MAX_DIGEST_ITEMS + 2 }, (_, i) =>
      entry(`ОБ-${i}`, 'reminder', T0 + i, 'c@school.ru'),
    );
    const steps = foldAlerts(many);
    expect(steps.map((s) => (s.type === 'digest' ? s.entries.length : 1))).toEqual([MAX_DIGEST_ITEMS, 2]);
  });
});

describe("an entry's life", () => {
  const queued = entry('ОБ-1', 'ack', T0);

  test('pending carries the time the send began; sent carries the message', () => {
    const pending = asPending(queued, T0 + 10);
    expect(pending).toMatchObject({ status: 'pending', sentAt: T0 + 10 });
    const sent = asSent(pending, { messageId: 'm1', threadId: 't1', sentAt: T0 + 11 });
    expect(sent).toMatchObject({ status: 'sent', messageId: 'm1', threadId: 't1', sentAt: T0 + 11, error: '' });
  });

  test('a transient failure is retried, then failed after too many attempts', () => {
    const once = asRetry(queued, 'Service error: Gmail');
    expect(once).toMatchObject({ status: 'queued', attempts: 1, error: 'Service error: Gmail', sentAt: undefined });
    let e = queued;
    for (let i = 0; i < MAX_ATTEMPTS; i++) e = asRetry(e, 'x');
    expect(e.status).toBe('failed');
    expect(asFailed(queued, 'Invalid email: x')).toMatchObject({ status: 'failed', attempts: 1 });
  });

  test('send errors: the quota waits, a bad address never works, anything else is retried', () => {
    expect(classifySendError('Service invoked too many times for one day: email.')).toBe('quota');
    expect(classifySendError('Invalid email: мама@')).toBe('permanent');
    expect(classifySendError('Limit Exceeded: Email Body Size.')).toBe('permanent');
    expect(classifySendError('Service error: Gmail')).toBe('transient');
  });

  test('a pending entry is looked up only after the grace period', () => {
    const pending = asPending(queued, T0);
    expect(pendingToResolve([pending, queued], T0 + PENDING_GRACE_MS - 1)).toEqual([]);
    expect(pendingToResolve([pending, queued], T0 + PENDING_GRACE_MS)).toEqual([pending]);
  });
});
