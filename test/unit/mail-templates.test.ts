import { mailKey } from '../../src/domain/mail-queue';
import {
  escapeHtml,
  formatDue,
  type MailContext,
  mailContextOf,
  type RenderedMail,
  renderAcknowledgement,
  renderAssigneeNotice,
  renderComplaintNotice,
  renderDigest,
  renderEtiquetteAlert,
} from '../../src/domain/mail-templates';

const DUE = Date.UTC(2026, 8, 2, 10, 0); // 15:00 in Yekaterinburg (UTC+5)

function context(overrides: Partial<MailContext> = {}): MailContext {
  return {
    locale: 'ru',
    timeZone: 'Asia/Yekaterinburg',
    schoolName: 'МБОУ «Северокоммунарская СОШ»',
    schoolPhone: '2-34-81',
    schoolEmail: 'fsk1-siva@mail.ru',
    officeHours: { start: '15:00', end: '16:00' },
    consultantName: 'Иванова И. И.',
    appointmentOrder: '№ 12-од от 01.09.2026',
    support: { phone: '8 800 300 4444', vk: 'https://vk.com/sedizh', email: '', start: '9:00', end: '18:00' },
    spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/abc/edit',
    ...overrides,
  };
}

const HOSTILE_NAME = 'Buy cheap pills at http://spam.example <script>alert(1)</script>';
const HOSTILE_DESCRIPTION = 'CLICK http://phish.example/login and send your password =IMPORTXML("x") <b>now</b>';

const ackKey = mailKey('ОБ-2026-00042', 'ack', 'received');

function ack(ctx = context()): RenderedMail {
  return renderAcknowledgement(ctx, {
    key: ackKey,
    requestId: 'ОБ-2026-00042',
    dueAt: DUE,
    articles: [
      { title: 'Как отметить отсутствующих', link: 'https://school.example/kb/1' },
      { title: 'Опасная ссылка', link: 'javascript:alert(1)' },
    ],
  });
}

const all: Array<[string, string, () => RenderedMail]> = [
  ['acknowledgement', ackKey, () => ack()],
  [
    'assignee notice',
    mailKey('ОБ-2026-00042', 'assignee', 'consultant'),
    () =>
      renderAssigneeNotice(context(), {
        key: mailKey('ОБ-2026-00042', 'assignee', 'consultant'),
        requestId: 'ОБ-2026-00042',
        topic: 'Учёт посещаемости',
        requesterType: 'parent',
        channel: 'form',
        dueAt: DUE,
        description: HOSTILE_DESCRIPTION,
      }),
  ],
  [
    'etiquette alert',
    mailKey('ОБ-2026-00042', 'etiquette', 'flagged'),
    () =>
      renderEtiquetteAlert(context(), {
        key: mailKey('ОБ-2026-00042', 'etiquette', 'flagged'),
        requestId: 'ОБ-2026-00042',
        event: 'flagged',
      }),
  ],
  [
    'complaint notice',
    mailKey('ЖАЛ-17', 'complaint', 'received'),
    () =>
      renderComplaintNotice(context(), {
        key: mailKey('ЖАЛ-17', 'complaint', 'received'),
        receivedAt: DUE,
        complaintsUrl: 'https://docs.google.com/spreadsheets/d/complaints/edit',
      }),
  ],
  [
    'digest',
    mailKey('ОБ-1', 'reminder', 'due'),
    () =>
      renderDigest(context(), [
        { key: mailKey('ОБ-1', 'reminder', 'due'), subject: 'Напоминание', text: 'Срок близко' },
        { key: mailKey('ОБ-2', 'assignee', 'consultant'), subject: 'Новое', text: 'Назначено' },
      ]),
  ],
];

describe('every template', () => {
  test.each(all)('%s carries its key footer in the text and the HTML', (_name, key, render) => {
    const mail = render();
    expect(mail.text).toContain(`Код письма: ${key}`);
    expect(mail.html).toContain(`Код письма: ${escapeHtml(key)}`);
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  test('the digest lists every folded key, so each one can be found in the sent mail', () => {
    const mail = all[4][2]();
    expect(mail.text).toContain('Код письма: ОБ-1|reminder|due');
    expect(mail.text).toContain('Код письма: ОБ-2|assignee|consultant');
    expect(mail.subject).toBe('Сводка уведомлений: 2');
  });
});

describe('acknowledgement', () => {
  test('says the ID and the due time in the school zone, whatever the machine zone', () => {
    const mail = ack();
    expect(mail.subject).toBe('Обращение ОБ-2026-00042 зарегистрировано');
    expect(mail.text).toContain('не позднее 02.09.2026 15:00');
    expect(formatDue(DUE, 'Asia/Yekaterinburg')).toBe('02.09.2026 15:00');
    expect(formatDue(DUE, 'Europe/Moscow')).toBe('02.09.2026 13:00');
  });

  test('gives the school contacts, office hours, the support line, its VK group and hours, and the articles', () => {
    const { text, html } = ack();
    for (const line of [
      'Телефон: 2-34-81',
      'Эл. почта: fsk1-siva@mail.ru',
      'по рабочим дням с 15:00 до 16:00',
      'Технический консультант: Иванова И. И.',
      'Назначен приказом: № 12-од от 01.09.2026',
      'Телефон (звонок бесплатный): 8 800 300 4444',
      'Группа ВКонтакте: https://vk.com/sedizh',
      'ежедневно с 9:00 до 18:00',
      '• Как отметить отсутствующих — https://school.example/kb/1',
    ]) {
      expect(text).toContain(line);
    }
    expect(html).toContain('<a href="https://school.example/kb/1">Как отметить отсутствующих</a>');
    // Only web links become links.
    expect(html).not.toContain('href="javascript:');
  });

  test('leaves out support lines the school has not filled in', () => {
    const mail = ack(context({ support: { phone: '', vk: '', email: '', start: '9:00', end: '18:00' } }));
    expect(mail.text).not.toContain('Служба поддержки');
    expect(mail.text).not.toContain('ежедневно');
  });

  test('never repeats what the requester typed, so it is useless to a spammer', () => {
    // A caller hands over the whole hostile request; the acknowledgement takes nothing typed from it.
    const request = {
      id: 'ОБ-2026-00042',
      name: HOSTILE_NAME,
      description: HOSTILE_DESCRIPTION,
      className: '<i>5А</i> free money',
      email: 'victim@gmail.com',
      phone: '+7 999 000-00-00',
    };
    const data = { ...request, key: ackKey, requestId: request.id, dueAt: DUE, articles: [] };
    const mail = renderAcknowledgement(context(), data);
    const output = `${mail.subject}\n${mail.text}\n${mail.html}`;
    for (const fragment of [
      'spam.example',
      'pills',
      'phish.example',
      'password',
      'IMPORTXML',
      'alert(1)',
      'free money',
      'victim',
      '999',
    ]) {
      expect(output).not.toContain(fragment);
    }
    expect(output).toContain('ОБ-2026-00042');
  });

  test('renders in English with the same facts', () => {
    const mail = ack(context({ locale: 'en' }));
    expect(mail.subject).toBe('Request ОБ-2026-00042 registered');
    expect(mail.text).toContain('by 02.09.2026 15:00');
    expect(mail.text).toContain(`Message code: ${ackKey}`);
  });
});

describe('escaping and staff notices', () => {
  test('user text reaches HTML escaped: no <script>, no markup, and the text twin is plain', () => {
    const mail = renderAssigneeNotice(context(), {
      key: mailKey('ОБ-7', 'assignee', 'consultant'),
      requestId: 'ОБ-7',
      topic: 'Другое',
      requesterType: 'staff',
      channel: 'email',
      dueAt: null,
      description: '<script>alert("x")</script> & <img src=x onerror=alert(1)>',
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img');
    expect(mail.text).toContain('> <script>alert("x")</script> & <img src=x onerror=alert(1)>');
    expect(mail.text).toContain('Кто обратился: Сотрудник школы');
    expect(mail.text).toContain('Канал: Электронная почта');
  });

  test('the assignee notice shows the beginning of a long description only', () => {
    const mail = renderAssigneeNotice(context(), {
      key: mailKey('ОБ-8', 'assignee', 'consultant'),
      requestId: 'ОБ-8',
      topic: 'Другое',
      requesterType: 'parent',
      channel: 'form',
      dueAt: DUE,
      description: `${'слово '.repeat(200)}КОНЕЦ`,
    });
    expect(mail.text).not.toContain('КОНЕЦ');
    expect(mail.text).toContain('…');
    expect(mail.text).toContain('Срок ответа: 02.09.2026 15:00');
    expect(mail.html).toContain('href="https://docs.google.com/spreadsheets/d/abc/edit"');
  });

  test('the complaint notice says only that one arrived and where to read it', () => {
    const mail = all[3][2]();
    expect(mail.text).toContain('Поступила жалоба на работу специалиста (02.09.2026 15:00)');
    expect(mail.html).toContain('href="https://docs.google.com/spreadsheets/d/complaints/edit"');
  });

  test('a digest escapes the alerts it quotes', () => {
    const mail = renderDigest(context(), [
      { key: 'ОБ-1|reminder|due', subject: '<b>x</b>', text: '<script>y</script>' },
    ]);
    expect(mail.html).not.toMatch(/<script>|<b>x/);
  });
});

test('the context comes from the settings by key', () => {
  const settings = new Map([
    ['school.name', 'Школа'],
    ['support.phone', '8 800 300 4444'],
    ['office.start', '15:00'],
  ]);
  const ctx = mailContextOf(settings, { locale: 'ru', timeZone: 'Asia/Yekaterinburg', spreadsheetUrl: 'u' });
  expect(ctx).toMatchObject({
    schoolName: 'Школа',
    support: { phone: '8 800 300 4444', vk: '' },
    officeHours: { start: '15:00', end: '' },
  });
});
