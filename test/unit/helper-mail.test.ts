// Helpers by e-mail (cl. 7) as pure functions: what a helper reads, the consultant's notice, the draft's note.
import {
  draftNote,
  draftNoteHeader,
  helperQuestion,
  maskRequesterData,
  renderHelperReplyNotice,
  renderHelperRequest,
} from '../../src/domain/helper-mail';
import { checkMessage, mailKey } from '../../src/domain/mail-queue';
import type { MailContext } from '../../src/domain/mail-templates';
import { en, ru } from '../../src/locale/helpers';

const CTX: MailContext = {
  locale: 'ru',
  timeZone: 'Asia/Yekaterinburg',
  schoolName: 'МБОУ «Северокоммунарская СОШ»',
  schoolPhone: '2-34-81',
  schoolEmail: 'fsk1-siva@mail.ru',
  officeHours: { start: '15:00', end: '16:00' },
  consultantName: 'Иванова И. И.',
  appointmentOrder: '',
  support: { phone: '8 800 300 4444', vk: '', email: '', start: '9:00', end: '18:00' },
  spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/abc/edit',
};
const WHO = { name: 'Петрова Анна Сергеевна', email: 'anna.petrova@mail.ru', phone: '+7 912 345-67-89' };

describe('maskRequesterData', () => {
  test('hides the name (declined too), every address and phone-like numbers; keeps dates, classes and short numbers', () => {
    const text = [
      'Я Анна Петрова, мама ученика 5А. С Петровой Анной Сергеевной не связывались.',
      'Пишите на anna.petrova@mail.ru или papa_2015@yandex.ru, звоните 8 (912) 345-67-89 или +79123456789.',
      'С 15.01.2026 по 20.01.2026 не видно оценок; школа 2-34-81, кабинет 214.',
    ].join('\n');
    const { text: out, masked } = maskRequesterData(text, WHO, 'ru');
    expect(masked).toBe(true);
    for (const hidden of [
      'Анна',
      'Петрова',
      'Петровой',
      'Анной',
      'Сергеевной',
      'anna.petrova',
      'papa_2015',
      '345-67-89',
      '79123456789',
    ]) {
      expect(out).not.toContain(hidden);
    }
    expect(out).toContain('мама ученика 5А');
    expect(out).toContain('15.01.2026 по 20.01.2026');
    expect(out).toContain('2-34-81');
    expect(out).toContain('кабинет 214');
    expect(out.match(/\[имя скрыто\]/g)).toHaveLength(5);
    expect(out.match(/\[адрес скрыт\]/g)).toHaveLength(2);
    expect(out.match(/\[телефон скрыт\]/g)).toHaveLength(2);
  });

  test('ordinary words that merely start like the name stay, and a text without data is untouched', () => {
    const text = 'Аннотация к уроку и аннулированные оценки не видны.';
    expect(maskRequesterData(text, { name: 'Анна', email: '', phone: '' }, 'ru')).toEqual({ text, masked: false });
  });

  test('the English texts of the masks', () => {
    expect(maskRequesterData('write to a@b.ru', WHO, 'en').text).toBe(`write to ${en.redaction.email}`);
  });
});

describe('helperQuestion', () => {
  test('a long question is cut with an ellipsis, never inside an emoji', () => {
    const q = helperQuestion(`${'а'.repeat(9)}😀хвост`, WHO, 'ru', 10);
    expect(q).toEqual({ text: `${'а'.repeat(9)}…`, masked: false, shortened: true });
  });
});

describe('renderHelperRequest', () => {
  const key = mailKey('ОБ-2026-00042', 'assignee', 'helper-1');
  const question = helperQuestion(
    'Анна Петрова: <b>не вижу</b> домашнее задание =IMPORTXML("x"), тел. 89123456789',
    WHO,
    'ru',
  );
  const mail = renderHelperRequest(CTX, {
    key,
    requestId: 'ОБ-2026-00042',
    topic: 'Учёт текущей и итоговой успеваемости',
    requesterType: 'parent',
    dueAt: Date.UTC(2026, 8, 2, 10, 0),
    question,
  });

  test('names the request, topic, category and due time, the masked question and how to answer', () => {
    expect(mail.subject).toBe(
      'Просьба помочь с ответом: обращение ОБ-2026-00042 (Учёт текущей и итоговой успеваемости)',
    );
    expect(mail.text).toContain('Кто спрашивает: Родитель');
    expect(mail.text).toContain('02.09.2026 15:00');
    expect(mail.text).toContain(
      '> [имя скрыто] [имя скрыто]: <b>не вижу</b> домашнее задание =IMPORTXML("x"), тел. [телефон скрыт]',
    );
    expect(mail.text).toContain(ru.helperMail.redacted);
    expect(mail.text).toContain(ru.helperMail.howToReply);
    expect(mail.text).toContain(ru.helperMail.privacy);
    expect(mail.text).toContain(`Код письма: ${key}`);
  });

  test('carries no identity of the requester and no link to the spreadsheet; HTML is escaped', () => {
    for (const part of [mail.text, mail.html]) {
      expect(part).not.toContain('Петрова');
      expect(part).not.toContain('anna.petrova');
      expect(part).not.toContain('docs.google.com');
    }
    expect(mail.html).toContain('&lt;b&gt;не вижу&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>не вижу');
  });

  test('fits the queue even for the longest question', () => {
    const long = helperQuestion('"'.repeat(50_000), WHO, 'ru');
    const big = renderHelperRequest(CTX, {
      key,
      requestId: 'ОБ-2026-00042',
      topic: 't',
      requesterType: '',
      dueAt: null,
      question: long,
    });
    expect(checkMessage({ key, requestId: 'ОБ-2026-00042', kind: 'assignee', to: 'x@y.ru', ...big })).toEqual([]);
    expect(big.text).toContain(ru.helperMail.shortened);
  });
});

describe('the draft and its note', () => {
  const source = {
    kind: 'helper' as const,
    who: 'teacher@school.ru',
    at: Date.UTC(2026, 8, 2, 10, 0),
    timeZone: 'Asia/Yekaterinburg',
  };

  test('the header names the source and time, and what to do', () => {
    expect(draftNoteHeader('ru', source, true)).toBe(
      'Черновик ответа (помощник teacher@school.ru, 02.09.2026 15:00). Статус не изменён: проверьте текст и поставьте «Дан ответ», чтобы отправить его заявителю.',
    );
  });

  test('a note keeps what it said before below the new draft, and cuts a long draft', () => {
    const note = draftNote('ru', source, 'Ответ педагога', 'прежнее примечание');
    expect(note.split('\n')[1]).toBe('Ответ педагога');
    expect(note.endsWith('———\nпрежнее примечание')).toBe(true);
    const long = draftNote('ru', source, 'я'.repeat(100), '', 10);
    expect(long).toContain(`${'я'.repeat(10)}\n${ru.draftNote.cut}`);
  });
});

describe('renderHelperReplyNotice', () => {
  const base = {
    key: mailKey('ОБ-2026-00042', 'assignee', 'reply-abc'),
    requestId: 'ОБ-2026-00042',
    helper: 'teacher@school.ru',
    finished: false,
    requestLink: 'https://docs.google.com/spreadsheets/d/abc/edit#gid=0&range=A3',
    mailLink: 'javascript:alert(1)',
  };

  test.each([
    ['cell', false, ru.replyNotice.inCell],
    ['note', false, ru.replyNotice.inNote],
    ['already', false, ru.replyNotice.already],
    ['empty', false, ru.replyNotice.empty],
    ['note', true, ru.replyNotice.finished],
  ] as const)('placement %s (finished %s) says where the answer is', (placement, finished, expected) => {
    const mail = renderHelperReplyNotice(CTX, { ...base, placement, finished });
    expect(mail.subject).toBe('Ответ помощника по обращению ОБ-2026-00042');
    expect(mail.text).toContain(expected);
    expect(mail.text).toContain('teacher@school.ru ответил(а)');
    expect(mail.text).toContain(base.requestLink);
    // Only https links become links: a forged one is dropped.
    expect(mail.html).not.toContain('javascript:');
  });
});
