// Escalation to the regional support service (cl. 8, 9, 9.4) as pure functions.
import { checkMessage, mailKey } from '../../src/domain/mail-queue';
import type { MailContext } from '../../src/domain/mail-templates';
import {
  findSupportTicket,
  isSupportAddress,
  type PacketData,
  readEscalationRequest,
  renderSupportNotice,
  renderSupportPacket,
  supportRejectedNote,
} from '../../src/domain/support-packet';
import { en, ru } from '../../src/locale/escalation';

const CTX: MailContext = {
  locale: 'ru',
  timeZone: 'Asia/Yekaterinburg',
  schoolName: 'МБОУ «Северокоммунарская СОШ»',
  schoolPhone: '2-34-81',
  schoolEmail: 'fsk1-siva@mail.ru',
  officeHours: { start: '15:00', end: '16:00' },
  consultantName: 'Иванова И. И.',
  appointmentOrder: '',
  support: { phone: '8 800 300 4444', vk: '', email: 'help@sedizh.permkrai.ru', start: '9:00', end: '18:00' },
  spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/abc/edit',
};
const KEY = mailKey('ОБ-2026-00042', 'support', 'packet-1');

function packet(extra: Partial<PacketData> = {}): PacketData {
  return {
    key: KEY,
    requestId: 'ОБ-2026-00042',
    requester: {
      name: 'Петрова Анна',
      requesterType: 'parent',
      className: '5А',
      email: 'anna@mail.ru',
      phone: '+7 912 345-67-89',
    },
    topic: 'Доступ к дневнику и вход',
    description: 'После входа через Госуслуги пишет «нет доступа к организации».',
    receivedAt: Date.UTC(2026, 8, 1, 4, 0),
    escalatedAt: Date.UTC(2026, 8, 1, 10, 30),
    tried: 'Сбросили пароль, проверили привязку ребёнка.',
    documents: 'Руководство родителя, раздел 2.',
    link: 'https://edu.permkrai.ru/forum/123',
    ticket: '',
    previousTicket: '',
    consultant: { name: 'Иванова Ирина', email: 'consultant@school.ru' },
    ...extra,
  };
}

describe('renderSupportPacket (cl. 9.4)', () => {
  const mail = renderSupportPacket(CTX, packet());

  test('who, what, when, what was tried, the documents studied and the link, and how to reply', () => {
    expect(mail.subject).toBe('Нештатная ситуация в СЭДиЖ: МБОУ «Северокоммунарская СОШ», обращение ОБ-2026-00042');
    for (const line of [
      'ФИО: Петрова Анна',
      'Категория: Родитель',
      'Класс: 5А',
      'Эл. почта: anna@mail.ru',
      'Телефон: +7 912 345-67-89',
      'Номер обращения в школе: ОБ-2026-00042',
      'Поступило в школу: 01.09.2026 09:00',
      'Передано в Службу поддержки: 01.09.2026 15:30',
      '> После входа через Госуслуги',
      'Сбросили пароль, проверили привязку ребёнка.',
      'Руководство родителя, раздел 2.',
      '• https://edu.permkrai.ru/forum/123',
      'Технический консультант: Иванова Ирина',
      'Телефон школы: 2-34-81',
      'сохраняя в теме номер обращения ОБ-2026-00042',
      `Код письма: ${KEY}`,
    ]) {
      expect(mail.text).toContain(line);
    }
    expect(mail.html).toContain('<a href="https://edu.permkrai.ru/forum/123">');
  });

  test('missing fields say «не указано»; a link that is not a web address is shown as text', () => {
    const bare = renderSupportPacket(CTX, packet({ tried: '', documents: ' ', link: 'javascript:alert(1)' }));
    expect(bare.text.match(/не указано/g)).toHaveLength(2);
    expect(bare.html).not.toContain('href="javascript');
    expect(renderSupportPacket(CTX, packet({ link: '' })).text).toContain(
      `${ru.packet.linkHeading}\n\n${ru.packet.notStated}`,
    );
  });

  test('sent again, it says so and names the earlier ticket', () => {
    const again = renderSupportPacket(CTX, packet({ previousTicket: 'SD-2026-0042' }));
    expect(again.subject.startsWith('Повторно:')).toBe(true);
    expect(again.text).toContain('ранее — заявка № SD-2026-0042');
  });

  test('hostile text is escaped, and a huge description is shortened until the message fits the queue', () => {
    const hostile = renderSupportPacket(CTX, packet({ description: '<script>x</script> =IMPORTXML("a")' }));
    expect(hostile.html).toContain('&lt;script&gt;');
    expect(hostile.html).not.toContain('<script>');
    const huge = renderSupportPacket(CTX, packet({ description: '"<>'.repeat(16_000) }));
    expect(checkMessage({ key: KEY, requestId: 'ОБ-2026-00042', kind: 'support', to: 'help@x.ru', ...huge })).toEqual(
      [],
    );
    expect(huge.text).toContain(ru.packet.shortened);
  });

  test('English', () => {
    expect(renderSupportPacket({ ...CTX, locale: 'en' }, packet()).text).toContain(en.packet.triedHeading);
  });
});

describe('readEscalationRequest', () => {
  test('takes strings and numbers, trims the ends, refuses other shapes and over-long fields', () => {
    expect(readEscalationRequest({ requestId: ' ОБ-2026-00042 ', tried: ' x ', ticket: 12345 })).toEqual({
      ok: true,
      value: { requestId: 'ОБ-2026-00042', tried: 'x', documents: '', link: '', ticket: '12345' },
    });
    expect(readEscalationRequest(null)).toEqual({ ok: false, problem: { code: 'badInput' } });
    expect(readEscalationRequest({ requestId: '' })).toEqual({ ok: false, problem: { code: 'badInput' } });
    expect(readEscalationRequest({ requestId: 'x', tried: { evil: 1 } })).toEqual({
      ok: false,
      problem: { code: 'badInput' },
    });
    expect(readEscalationRequest({ requestId: 'x', link: 'a'.repeat(1001) })).toEqual({
      ok: false,
      problem: { code: 'tooLong', field: 'link', max: 1000 },
    });
  });
});

describe('the support service’s mail', () => {
  test('its address, and its own domain unless that is a public mail service', () => {
    expect(isSupportAddress('Help@SEDIZH.permkrai.ru', 'help@sedizh.permkrai.ru')).toBe(true);
    expect(isSupportAddress('noreply@sedizh.permkrai.ru', 'help@sedizh.permkrai.ru')).toBe(true);
    expect(isSupportAddress('parent@mail.ru', 'sedizh-help@mail.ru')).toBe(false);
    expect(isSupportAddress('sedizh-help@mail.ru', 'sedizh-help@mail.ru')).toBe(true);
    expect(isSupportAddress('help@other.ru', 'help@sedizh.permkrai.ru')).toBe(false);
    expect(isSupportAddress('help@sedizh.permkrai.ru', '')).toBe(false);
  });

  test.each([
    ['[Заявка #12345] Re: Нештатная ситуация', '', '12345'],
    ['Re: обращение ОБ-2026-00042', 'Ваше обращение зарегистрировано под номером SD-2026-0042.', 'SD-2026-0042'],
    ['Re: обращение ОБ-2026-00042', 'Номер заявки: 77-123. Ответим в рабочее время.', '77-123'],
    ['Ticket #INC0012345 created', '', 'INC0012345'],
    ['Re: Нештатная ситуация', 'Создан инцидент № 4567 по обращению ОБ-2026-00042', '4567'],
  ])('ticket in «%s» / «%s» → %s', (subject, body, ticket) => {
    expect(findSupportTicket(subject, body)).toBe(ticket);
  });

  test('no ticket: the school’s own ID, dates, an order number, short numbers', () => {
    expect(
      findSupportTicket('Re: обращение ОБ-2026-00042', 'Приказ № 98-од от 18.06.2018. Звоните 2-34-81.'),
    ).toBeUndefined();
    expect(findSupportTicket('Заявка ОБ-2026-00042', 'обращение № ОБ-2026-00042')).toBeUndefined();
  });

  test('the consultant’s notice: ticket recorded or differing, automatic receipt, draft placement, what next', () => {
    const base = {
      key: mailKey('ОБ-2026-00042', 'assignee', 'reply-1'),
      requestId: 'ОБ-2026-00042',
      recordedTicket: '',
      automated: false,
      requestLink: 'https://docs.google.com/x',
      mailLink: 'https://mail.google.com/y',
    };
    const receipt = renderSupportNotice(CTX, { ...base, ticket: '12345', automated: true });
    expect(receipt.text).toContain('Номер заявки в Службе поддержки: 12345');
    expect(receipt.text).toContain(ru.supportNotice.automated);
    expect(receipt.text).toContain(ru.supportNotice.whatNext);
    const answer = renderSupportNotice(CTX, { ...base, ticket: '999', recordedTicket: '12345', placement: 'cell' });
    expect(answer.text).toContain('номер заявки 999, а в таблице записан 12345');
    expect(answer.text).toContain(ru.supportNotice.inCell);
  });

  test('the line in «Заметки» on a rejection', () => {
    expect(
      supportRejectedNote('ru', {
        at: Date.UTC(2026, 8, 2, 10, 0),
        timeZone: 'Asia/Yekaterinburg',
        ticket: '12345',
        reason: 'Информация предоставлена несвоевременно',
      }),
    ).toBe(
      '02.09.2026 15:00: Служба поддержки отклонила обращение (№ 12345): Информация предоставлена несвоевременно (п. 9.4.3).',
    );
  });
});
