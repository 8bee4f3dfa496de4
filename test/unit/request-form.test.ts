import { CONTACT_PATTERN, incomingFromForm, requestFormItems, splitContact } from '../../src/domain/request-form';
import { ru } from '../../src/locale/ru';

const options = {
  texts: ru.form,
  requesterTypeLabels: ru.choices.requesterType,
  preferredChannelLabels: ru.choices.preferredChannel,
  topics: ['Учёт расписания', 'Другое'],
  askClassName: true,
  descriptionMinLength: 30,
  consentText: 'Согласие…',
};

describe('requestFormItems', () => {
  test('asks the regulation’s questions, with consent as its own required question', () => {
    const items = requestFormItems(options);
    expect(items.map((i) => i.field)).toEqual([
      'requesterType',
      'name',
      'className',
      'contact',
      'preferredChannel',
      'topic',
      'description',
      'consent',
    ]);
    const consent = items.find((i) => i.field === 'consent')!;
    expect(consent).toMatchObject({ kind: 'checkbox', required: true, help: 'Согласие…', choices: ['Согласен(на)'] });
    expect(items.find((i) => i.field === 'description')?.minLength?.message).toContain('30');
  });

  test('the class is asked only when the school chooses to ask it (minimum of personal data)', () => {
    expect(requestFormItems({ ...options, askClassName: false }).map((i) => i.field)).not.toContain('className');
  });
});

describe('the contact pattern', () => {
  const whole = new RegExp(`^(?:${CONTACT_PATTERN})$`);
  test.each(['ivanova@mail.ru', ' петров@школа.рф ', '+7 912 345-67-89', '8 (912) 345-67-89', '2-34-81'])(
    'accepts %s',
    (v) => expect(whole.test(v)).toBe(true),
  );
  test.each(['', 'позвоните', 'ivanova@', '12', 'abc@def'])('refuses %s', (v) => expect(whole.test(v)).toBe(false));
});

describe('incomingFromForm', () => {
  test('maps labels back to keys and keeps every answer as typed', () => {
    const incoming = incomingFromForm(
      {
        requesterType: 'Родитель (законный представитель)',
        name: '=HYPERLINK("http://x","y")',
        className: '5А',
        contact: '+79120000000',
        preferredChannel: 'По телефону',
        topic: 'Другое',
        description: '<b>Не открывается</b> дневник',
        consent: ['Согласен(на)'],
      },
      'resp-1',
      new Date('2026-09-01T10:00:00Z'),
      options,
    );
    expect(incoming).toMatchObject({
      source: { kind: 'form', responseId: 'resp-1' },
      channel: 'form',
      requesterType: 'parent',
      name: '=HYPERLINK("http://x","y")',
      email: '',
      phone: '+79120000000',
      preferredChannel: 'phone',
      description: '<b>Не открывается</b> дневник',
      consent: true,
    });
    expect(splitContact('ivanova@mail.ru')).toEqual({ email: 'ivanova@mail.ru', phone: '' });
  });
});
