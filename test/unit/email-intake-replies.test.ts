// Who wrote a message that reached a known request, and how the support service's mail is classified.
import { classifyMail, type MailFacts, type MailIntakeContext, replyParty } from '../../src/domain/email-intake';

const CTX: MailIntakeContext = {
  ownAddresses: ['pomosh.ej.school@gmail.com'],
  forwarderAddresses: ['fsk1-siva@mail.ru'],
  supportAddress: 'help@sedizh.permkrai.ru',
  locale: 'ru',
};

function facts(extra: Partial<MailFacts> = {}): MailFacts {
  return {
    id: 'm1',
    threadId: 't1',
    from: 'Служба поддержки <help@sedizh.permkrai.ru>',
    replyTo: 'Служба поддержки <help@sedizh.permkrai.ru>',
    subject: '[Заявка #12345] Re: Нештатная ситуация в СЭДиЖ: обращение ОБ-2026-00042',
    plainBody: 'Проблема решена: привязка восстановлена.\n\n> цитата пакета\n> ещё',
    date: new Date('2026-09-01T04:00:00Z'),
    autoSubmitted: '',
    precedence: '',
    returnPath: '<help@sedizh.permkrai.ru>',
    ...extra,
  };
}

describe('classifyMail: the support service', () => {
  test('a person at the support: a person’s message from the support, with what they wrote', () => {
    const v = classifyMail(facts(), CTX);
    expect(v).toMatchObject({
      kind: 'person',
      fromSupport: true,
      replyText: 'Проблема решена: привязка восстановлена.',
      referencedIds: ['ОБ-2026-00042'],
    });
    expect(v.kind === 'person' && v.automated).toBeUndefined();
  });

  test('an automatic receipt from a ticket robot of its domain is kept (it carries the ticket), marked automatic', () => {
    const v = classifyMail(
      facts({ from: 'robot@sedizh.permkrai.ru', replyTo: '', autoSubmitted: 'auto-generated' }),
      CTX,
    );
    expect(v).toMatchObject({ kind: 'person', fromSupport: true, automated: 'auto-reply' });
  });

  test('a bounce is a bounce even from the support’s domain; without the setting nothing is support', () => {
    expect(classifyMail(facts({ from: 'mailer-daemon@sedizh.permkrai.ru' }), CTX)).toEqual({
      kind: 'ignore',
      reason: 'bounce',
    });
    const noSetting = classifyMail(facts({ autoSubmitted: 'auto-replied' }), { ...CTX, supportAddress: '' });
    expect(noSetting).toEqual({ kind: 'ignore', reason: 'auto-reply' });
    expect(classifyMail(facts(), { ...CTX, supportAddress: '' })).toMatchObject({ kind: 'person', fromSupport: false });
  });
});

describe('replyParty', () => {
  const base = {
    senderAddress: 'teacher@school.ru',
    fromSupport: false,
    requestEmail: 'anna@mail.ru',
    assignee: 'Teacher@School.ru',
    assigneeInCircle: false,
  };

  test('the requester first, then the support, then the assignee outside the circle as a helper', () => {
    expect(replyParty(base)).toBe('helper');
    expect(replyParty({ ...base, senderAddress: ' ANNA@mail.ru' })).toBe('requester');
    expect(replyParty({ ...base, senderAddress: 'anna@mail.ru', fromSupport: true })).toBe('requester');
    expect(replyParty({ ...base, senderAddress: 'help@x.ru', fromSupport: true })).toBe('support');
  });

  test('the consultant answering in the thread, or a former helper, is someone else', () => {
    expect(replyParty({ ...base, assigneeInCircle: true })).toBe('other');
    expect(replyParty({ ...base, assignee: 'other.teacher@school.ru' })).toBe('other');
    expect(replyParty({ ...base, senderAddress: '', assignee: '' })).toBe('other');
  });
});
