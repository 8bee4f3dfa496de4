import {
  classifyMail,
  forwardedSender,
  intakeLabelNames,
  intakeQuery,
  labelSearchName,
  type MailFacts,
  type MailIntakeContext,
  parseMailbox,
  renderReplyNotice,
  replySender,
  statusAfterRequesterReply,
  trimReplyText,
} from '../../src/domain/email-intake';
import { ru as texts } from '../../src/locale/email-intake';

const CTX: MailIntakeContext = {
  ownAddresses: ['Pomosh.EJ.School@gmail.com'],
  forwarderAddresses: ['fsk1-siva@mail.ru'],
  locale: 'ru',
};

function facts(extra: Partial<MailFacts> = {}): MailFacts {
  return {
    id: '18f0a1b2c3d4e5f6',
    threadId: '18f0a1b2c3d4e5f6',
    from: 'Анна Петрова <anna@mail.ru>',
    replyTo: 'Анна Петрова <anna@mail.ru>',
    subject: 'Не открывается дневник',
    plainBody: 'Пишет «нет доступа к организации».',
    date: new Date('2026-09-01T04:00:00Z'),
    autoSubmitted: '',
    precedence: '',
    returnPath: '<anna@mail.ru>',
    ...extra,
  };
}

function person(extra: Partial<MailFacts> = {}) {
  const verdict = classifyMail(facts(extra), CTX);
  if (verdict.kind !== 'person') throw new Error(`not a person's message: ${JSON.stringify(verdict)}`);
  return verdict;
}

describe('parseMailbox', () => {
  test.each([
    ['Анна Петрова <anna@mail.ru>', 'Анна Петрова', 'anna@mail.ru'],
    ['"Петрова, Анна" <anna@mail.ru>', 'Петрова, Анна', 'anna@mail.ru'],
    ['"Анна \\"мама\\"" <anna@mail.ru>', 'Анна "мама"', 'anna@mail.ru'],
    ['<anna@mail.ru>', '', 'anna@mail.ru'],
    ['anna@mail.ru (Анна)', 'Анна', 'anna@mail.ru'],
    ['  anna@mail.ru ', '', 'anna@mail.ru'],
    ['undisclosed-recipients', '', 'undisclosed-recipients'],
  ])('%s', (text, name, address) => {
    expect(parseMailbox(text)).toEqual({ name, address });
  });
});

describe('trimReplyText', () => {
  test('a Gmail reply: the "wrote:" header and the quote below it are cut', () => {
    const body =
      'Спасибо, помогло.\n\nOn Tue, Sep 1, 2026 at 9:00 AM Школа <pomosh@gmail.com> wrote:\n> Ваше обращение\n> зарегистрировано.\n';
    expect(trimReplyText(body)).toEqual({ text: 'Спасибо, помогло.', trimmed: true });
  });

  test('a header Gmail wrapped at the address starts one line up', () => {
    const body = 'Ответ.\nOn Tue, Sep 1, 2026 at 9:00 AM Школа <\npomosh@gmail.com> wrote:\n\n> цитата';
    expect(trimReplyText(body).text).toBe('Ответ.');
  });

  test('Russian and mail.ru headers', () => {
    expect(trimReplyText('Да.\n\n1 сент. 2026 г., в 9:00, Школа пишет:\n> цитата').text).toBe('Да.');
    const mailRu = 'Да.\n\nВторник, 1 сентября 2026, 9:00 +05:00 от Школа <pomosh@gmail.com>:\n> цитата';
    expect(trimReplyText(mailRu).text).toBe('Да.');
  });

  test('an Outlook reply: everything from the original-message separator is cut', () => {
    expect(trimReplyText('Понял.\r\n\r\n-----Исходное сообщение-----\r\nОт: Школа\r\nТема: x\r\n\r\nтекст').text).toBe(
      'Понял.',
    );
    expect(trimReplyText('Понял.\n________________________________\nFrom: Школа\nSent: today').text).toBe('Понял.');
  });

  test('answers written between quoted lines are kept whole', () => {
    const body = 'On Tue, Sep 1, 2026 Школа wrote:\n> Какой класс?\n5А\n> Какой браузер?\nЯндекс';
    expect(trimReplyText(body)).toEqual({ text: body, trimmed: false });
  });

  test('a signature after "-- " and a device footer are cut; a long tail after "--" is not a signature', () => {
    expect(trimReplyText('Вопрос.\n-- \nАнна Петрова\n+7 912 000-00-00').text).toBe('Вопрос.');
    expect(trimReplyText('Вопрос.\n\nОтправлено из мобильной Почты Mail.ru').text).toBe('Вопрос.');
    const long = `Вопрос.\n--\n${Array.from({ length: 12 }, (_, i) => `строка ${i}`).join('\n')}`;
    expect(trimReplyText(long)).toEqual({ text: long, trimmed: false });
  });

  test('a forwarded message is never cut, and a body that is all quote stays whole', () => {
    const forwarded = 'См. ниже\n---------- Forwarded message ---------\nFrom: A <a@b.ru>\n\n> старое';
    expect(trimReplyText(forwarded)).toEqual({ text: forwarded, trimmed: false });
    expect(trimReplyText('> только цитата\n> ещё')).toEqual({ text: '> только цитата\n> ещё', trimmed: false });
  });
});

describe('forwardedSender', () => {
  test('Gmail and mail.ru forward blocks', () => {
    expect(forwardedSender('x\n---------- Forwarded message ---------\nFrom: **Мария** <m@ya.ru>\nDate: …')).toEqual({
      name: 'Мария',
      address: 'm@ya.ru',
    });
    expect(forwardedSender('-------- Пересылаемое сообщение --------\nОт кого: m@ya.ru')).toEqual({
      name: '',
      address: 'm@ya.ru',
    });
    expect(forwardedSender('Просто письмо. От: меня')).toBeUndefined();
  });
});

describe('classifyMail', () => {
  test('a person’s message becomes an e-mail request: sender, subject as the first line, no consent asked', () => {
    const verdict = person();
    expect(verdict.referencedIds).toEqual([]);
    expect(verdict.incoming).toEqual({
      source: { kind: 'email', messageId: '18f0a1b2c3d4e5f6', threadId: '18f0a1b2c3d4e5f6' },
      channel: 'email',
      receivedAt: new Date('2026-09-01T04:00:00Z'),
      requesterType: '',
      name: 'Анна Петрова',
      className: '',
      email: 'anna@mail.ru',
      phone: '',
      preferredChannel: 'email',
      topic: '',
      description: 'Не открывается дневник\nПишет «нет доступа к организации».',
      consent: false,
    });
  });

  test('what was cut from the description is named by a note', () => {
    const verdict = person({ plainBody: 'Да, 5А.\n\nOn Tue Школа wrote:\n> Какой класс?' });
    expect(verdict.trimmed).toBe(true);
    expect(verdict.incoming.description).toBe(`Не открывается дневник\nДа, 5А.\n\n${texts.trimmedNote}`);
  });

  test('hostile text stays as it came (intake stores it as plain text)', () => {
    const body = `<script>alert(1)</script>${'Ж'.repeat(60_000)}`;
    const verdict = person({ subject: '=IMPORTXML("http://x", "//a")', plainBody: body });
    expect(verdict.incoming.description).toBe(`=IMPORTXML("http://x", "//a")\n${body}`);
  });

  test('request IDs: the subject’s first, then the body’s, each once, in any shape people write', () => {
    const verdict = person({
      subject: 'Re: Обращение ОБ-2026-00042 зарегистрировано',
      plainBody: 'См. ob 2026 00007 и ОБ-2026-00042.\n> Код письма: ОБ-2026-00042|ack|received',
    });
    expect(verdict.referencedIds).toEqual(['ОБ-2026-00042', 'ОБ-2026-00007']);
  });

  test('the helpdesk’s own mail, whatever the case of its address, names its request', () => {
    const verdict = classifyMail(
      facts({ from: 'Помощь <pomosh.ej.school@gmail.com>', plainBody: 'Код письма: ОБ-2026-00003|ack|received' }),
      CTX,
    );
    expect(verdict).toEqual({ kind: 'own', requestIds: ['ОБ-2026-00003'] });
  });

  test.each<[string, Partial<MailFacts>, string]>([
    ['a mailer-daemon', { from: 'Mail Delivery Subsystem <mailer-daemon@googlemail.com>' }, 'bounce'],
    ['a postmaster', { from: 'postmaster@mail.ru' }, 'bounce'],
    ['an empty Return-Path', { returnPath: '<>' }, 'bounce'],
    ['Auto-Submitted', { autoSubmitted: 'auto-replied' }, 'auto-reply'],
    ['«Автоответ:»', { subject: 'Автоответ: Re: Обращение' }, 'auto-reply'],
    ['«Автоматический ответ:»', { subject: 'RE: Автоматический ответ: тема' }, 'auto-reply'],
    ['"Out of Office:"', { subject: 'Out of Office: question' }, 'auto-reply'],
    ['"Automatic reply:"', { subject: 'Automatic reply: question' }, 'auto-reply'],
    ['Precedence: bulk', { precedence: 'bulk' }, 'automated'],
    ['a no-reply sender', { from: 'noreply@accounts.google.com', replyTo: 'noreply@accounts.google.com' }, 'automated'],
  ])('%s is machine mail', (_name, extra, reason) => {
    expect(classifyMail(facts(extra), CTX)).toEqual({ kind: 'ignore', reason });
  });

  test.each<[string, Partial<MailFacts>]>([
    ['«Автоответ не работает»', { subject: 'Автоответ не работает' }],
    ['"Out of office hours"', { subject: 'Out of office hours question' }],
    ['Auto-Submitted: no', { autoSubmitted: 'no' }],
  ])('%s is a person’s message', (_name, extra) => {
    expect(classifyMail(facts(extra), CTX).kind).toBe('person');
  });

  test('the Reply-To is the requester when it names one other address (a site form sending for a parent)', () => {
    const verdict = person({ from: 'Сайт школы <noreply@school.ru>', replyTo: 'Ирина <irina@ya.ru>' });
    expect(verdict.incoming).toMatchObject({ name: 'Ирина', email: 'irina@ya.ru' });
    const several = person({ replyTo: 'a@ya.ru, b@ya.ru' });
    expect(several.incoming.email).toBe('anna@mail.ru');
    const toHelpdesk = person({ replyTo: 'pomosh.ej.school@gmail.com' });
    expect(toHelpdesk.incoming.email).toBe('anna@mail.ru');
  });

  test('forwarded by hand from the school’s address: the forwarded sender, kept as written even when invalid', () => {
    const body = 'Пересылаю\n-------- Пересылаемое сообщение --------\nОт: Мария <maria@mail>\n\nТекст';
    const verdict = person({
      from: 'Школа <FSK1-siva@mail.ru>',
      replyTo: 'Школа <fsk1-siva@mail.ru>',
      plainBody: body,
    });
    expect(verdict.incoming).toMatchObject({ name: 'Мария', email: 'maria@mail' });
    expect(verdict.incoming.description).toBe(`Не открывается дневник\n${body}`);
    const plain = person({ from: 'fsk1-siva@mail.ru', replyTo: 'fsk1-siva@mail.ru', plainBody: 'Вопрос учителя' });
    expect(plain.incoming.email).toBe('fsk1-siva@mail.ru');
  });
});

describe('labels', () => {
  test('Gmail search writes spaces and slashes as dashes', () => {
    expect(labelSearchName('Помощь ЭЖ')).toBe('помощь-эж');
    expect(labelSearchName('Школа/Помощь  ЭЖ')).toBe('школа-помощь-эж');
  });

  test('the intake and processed labels, the default when the setting is empty, and the query', () => {
    expect(intakeLabelNames('', 'ru')).toEqual({ intake: 'Помощь ЭЖ', processed: 'Помощь ЭЖ/обработано' });
    expect(intakeLabelNames(' Школа/ЭЖ/ ', 'en')).toEqual({ intake: 'Школа/ЭЖ', processed: 'Школа/ЭЖ/processed' });
    expect(intakeQuery(intakeLabelNames('', 'ru'))).toBe('label:помощь-эж');
  });
});

describe('a reply to a known request', () => {
  test('it is the requester’s only from the address the request holds', () => {
    expect(replySender(' Anna@Mail.ru', 'anna@mail.ru ')).toBe('requester');
    expect(replySender('anna@yandex.ru', 'anna@mail.ru')).toBe('other');
    expect(replySender('', '')).toBe('other');
  });

  test('another sender’s message is named so in the notice', () => {
    const mail = renderReplyNotice('ru', {
      key: 'ОБ-2026-00042|assignee|reply-18f0',
      requestId: 'ОБ-2026-00042',
      from: 'other',
      requestLink: '',
      mailLink: '',
    });
    expect(mail.text.startsWith('По обращению ОБ-2026-00042 пришло письмо не с адреса заявителя.')).toBe(true);
  });

  test('resumes a request waiting for clarification, and only that', () => {
    expect(statusAfterRequesterReply('clarification')).toBe('inProgress');
    for (const status of ['new', 'inProgress', 'answered', 'closed', 'rejected'] as const) {
      expect(statusAfterRequesterReply(status)).toBeUndefined();
    }
    expect(statusAfterRequesterReply(undefined)).toBeUndefined();
  });

  test('the notice names the request, the change and where to read; its key is in the footer; text escaped', () => {
    const mail = renderReplyNotice('ru', {
      key: 'ОБ-2026-00042|assignee|reply-18f0',
      requestId: 'ОБ-2026-00042',
      from: 'requester',
      statusChange: { before: 'Нужно <уточнение>', after: 'В работе' },
      requestLink: 'https://docs.google.com/spreadsheets/d/x/edit#gid=1&range=A5',
      mailLink: 'javascript:alert(1)',
    });
    expect(mail.subject).toBe('Ответ заявителя по обращению ОБ-2026-00042');
    expect(mail.text.startsWith('Заявитель ответил на письмо по обращению ОБ-2026-00042.')).toBe(true);
    expect(mail.text).toContain('Код письма: ОБ-2026-00042|assignee|reply-18f0');
    expect(mail.text).toContain('«Нужно <уточнение>» на «В работе»');
    expect(mail.html).toContain('Нужно &lt;уточнение&gt;');
    expect(mail.html).toContain('href="https://docs.google.com/spreadsheets/d/x/edit#gid=1&amp;range=A5"');
    expect(mail.html).not.toContain('javascript:');
    expect(mail.text).not.toContain('javascript:');
  });
});
