// The service-level e-mails: what each says, to whom, under which key, and that nothing a requester wrote
// (or a hostile topic label) reaches them unescaped.
import { checkMessage } from '../../src/domain/mail-queue';
import {
  type MailContext,
  renderAutoCloseNotice,
  renderDailyDigest,
  renderSlaAlert,
  renderTrainingAlert,
} from '../../src/domain/mail-templates';
import {
  addressFor,
  alertMessages,
  autoCloseMessage,
  digestMessage,
  trainingMessages,
} from '../../src/domain/sla-messages';
import type { OwedAlert } from '../../src/domain/sla-sweep';

const ekb = (s: string): number => Date.parse(`${s.replace(' ', 'T')}:00+05:00`);
const ctx: MailContext = {
  locale: 'ru',
  timeZone: 'Asia/Yekaterinburg',
  schoolName: 'МБОУ «Северокоммунарская СОШ»',
  schoolPhone: '2-34-81',
  schoolEmail: 'fsk1-siva@mail.ru',
  officeHours: { start: '15:00', end: '16:00' },
  consultantName: 'Иванова А. С.',
  appointmentOrder: '',
  support: { phone: '8 800 300 4444', vk: '', email: '', start: '9:00', end: '18:00' },
  spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/abc/edit',
};
const people = { consultant: 'consultant@school.ru', deputy: 'deputy@school.ru', director: 'director@school.ru' };
const request = {
  id: 'ОБ-2026-00042',
  topic: 'Учёт посещаемости <b>',
  requesterType: 'parent' as const,
  statusLabel: 'Новое',
  assignee: '',
  supportTicket: '',
};
const alert = (over: Partial<OwedAlert>): OwedAlert => ({
  track: 'firstResponse',
  level: 2,
  kind: 'escalation',
  audience: ['consultant', 'deputy'],
  dueAt: ekb('2026-05-04 10:00'),
  event: 'firstResponse-2',
  ...over,
});

describe('alerts about a request', () => {
  test('overdue: one message per reader, each with its own key, the topic escaped', () => {
    const messages = alertMessages(ctx, { senderName: 'Школа' }, people, request, [alert({})], 8 * 3_600_000);
    expect(messages.map((m) => [m.key, m.to, m.kind])).toEqual([
      ['ОБ-2026-00042|escalation|firstResponse-2-consultant', 'consultant@school.ru', 'escalation'],
      ['ОБ-2026-00042|escalation|firstResponse-2-deputy', 'deputy@school.ru', 'escalation'],
    ]);
    expect(messages[0].subject).toBe('Просрочен срок первого ответа: обращение ОБ-2026-00042');
    expect(messages[0].text).toContain('Срок первого ответа по обращению ОБ-2026-00042 истёк 04.05.2026 10:00.');
    expect(messages[0].text).toContain('Исполнитель: не назначен');
    expect(messages[0].html).toContain('Учёт посещаемости &lt;b&gt;');
    expect(messages[0].text).toContain('Код письма: ОБ-2026-00042|escalation|firstResponse-2-consultant');
    for (const m of messages) expect(checkMessage(m)).toEqual([]);
  });

  test('a reader named twice gets one message; an assignee who is a name goes to the consultant', () => {
    const same = { ...people, deputy: 'Consultant@School.ru' };
    expect(alertMessages(ctx, {}, same, request, [alert({})], 0).map((m) => m.to)).toEqual(['consultant@school.ru']);
    expect(addressFor('assignee', 'Иванова', people)).toBe('consultant@school.ru');
    expect(addressFor('assignee', 'teacher@school.ru', people)).toBe('teacher@school.ru');
    expect(addressFor('director', '', { ...people, director: '' })).toBe('');
  });

  test('the director hears how long it has been overdue; the support alert names the ticket', () => {
    const director = renderSlaAlert(ctx, {
      key: 'k|escalation|e',
      requestId: request.id,
      track: 'resolution',
      level: 3,
      topic: 'Другое',
      requesterType: 'staff',
      statusLabel: 'В работе',
      assignee: 'teacher@school.ru',
      dueAt: ekb('2026-05-06 10:00'),
      directorAfterHours: 8,
    });
    expect(director.subject).toBe('Эскалация: обращение ОБ-2026-00042, просрочен срок решения');
    expect(director.text).toContain('истёк 06.05.2026 10:00, и с тех пор прошло более 8 ч');
    const support = renderSlaAlert(ctx, {
      key: 'k|escalation|e',
      requestId: request.id,
      track: 'support',
      level: 2,
      topic: 'Другое',
      requesterType: 'parent',
      statusLabel: 'Передано в Службу поддержки',
      assignee: '',
      dueAt: ekb('2026-05-01 12:34'),
      waitingSince: ekb('2026-04-30 12:34'),
      supportTicket: 'SD-1187',
    });
    expect(support.text).toContain('с 30.04.2026 12:34');
    expect(support.text).toContain('Заявка в Службе поддержки: SD-1187');
  });
});

describe('to the requester and about new staff', () => {
  test('the automatic closure names the request and the cl. 9.4.3 reason only', () => {
    const m = autoCloseMessage(ctx, {}, request.id, 'Mama@Mail.ru ', 5, 'Недостаточно исходной информации');
    expect(m?.key).toBe('ОБ-2026-00042|notice|autoclosed');
    expect(m?.to).toBe('Mama@Mail.ru');
    expect(m?.text).toContain('Причина: Недостаточно исходной информации (п. 9.4.3 регламента).');
    expect(autoCloseMessage(ctx, {}, request.id, '+7 912 000-00-00', 5, 'x')).toBe(undefined);
    expect(renderAutoCloseNotice(ctx, { key: 'a|notice|b', requestId: 'X', days: 5, reason: 'r' }).subject).toBe(
      'Обращение X закрыто',
    );
  });

  test('training: the consultant, then the director and the consultant when missed', () => {
    const staff = { key: 'new.teacher@gmail.com', name: 'Новикова Дарья', startDate: '2026-04-30' };
    const due = ekb('2026-05-06 16:00');
    const first = trainingMessages(ctx, {}, people, staff, [
      { level: 1, kind: 'reminder', audience: ['consultant'], dueAt: due, event: 'training-1' },
    ]);
    expect(first.map((m) => [m.key, m.to])).toEqual([
      ['training-new.teacher@gmail.com|reminder|training-1-consultant', 'consultant@school.ru'],
    ]);
    expect(first[0].text).toContain(
      'Новикова Дарья приступает к работе 30.04.2026. Обучить работе с СЭДиЖ нужно не позднее 06.05.2026 16:00',
    );
    const missed = renderTrainingAlert(ctx, {
      key: 'a|b|c',
      level: 3,
      name: staff.name,
      startDate: staff.startDate,
      dueAt: due,
    });
    expect(missed.subject).toBe('Просрочено обучение нового сотрудника: Новикова Дарья');
  });
});

describe('the morning digest', () => {
  test('grouped by urgency, IDs and topics only, one key per reader and day', () => {
    const items = [
      {
        id: 'ОБ-1',
        topic: 'Другое',
        statusLabel: 'Новое',
        dueAt: ekb('2026-05-04 10:00'),
        overdue: true,
        waiting: false,
      },
      {
        id: 'ОБ-2',
        topic: 'Другое',
        statusLabel: 'Нужно уточнение',
        dueAt: ekb('2026-05-05 10:00'),
        overdue: false,
        waiting: true,
      },
    ];
    const m = digestMessage(ctx, {}, 'Consultant@School.ru', '2026-05-05', items);
    expect(m.key).toBe('digest-2026-05-05|report|consultant@school.ru');
    expect(checkMessage(m)).toEqual([]);
    expect(m.subject).toBe('Ваши открытые обращения на 05.05.2026: 2');
    expect(m.text).toContain('Просрочены\n\nОБ-1 — Другое — Новое — срок 04.05.2026 10:00');
    expect(m.text).toContain('Ждут ответа заявителя или Службы поддержки\n\nОБ-2 — Другое — Нужно уточнение');
    expect(renderDailyDigest({ ...ctx, locale: 'en' }, { key: 'k', date: '2026-05-05', items }).subject).toBe(
      'Your open requests on 05.05.2026: 2',
    );
  });
});
