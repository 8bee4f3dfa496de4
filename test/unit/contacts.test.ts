import {
  contactKeys,
  isPlausibleEmail,
  isPlausiblePhone,
  normalizeEmail,
  normalizePhone,
} from '../../src/domain/contacts';

describe('isPlausibleEmail', () => {
  test.each([
    'ivanova@mail.ru',
    'Ivanova.Maria+school@Gmail.com',
    '  ivanova@mail.ru  ',
    'fsk1-siva@mail.ru',
    'директор@школа.рф',
    'info@xn--80aqjmft.xn--p1ai',
    'a_b@sub.domain.example.org',
  ])('%s is plausible', (email) => {
    expect(isPlausibleEmail(email)).toBe(true);
  });

  test.each([
    '',
    'ivanova',
    'ivanova@',
    '@mail.ru',
    'ivanova@mail',
    'ivanova@@mail.ru',
    'a@b@mail.ru',
    'ivan ova@mail.ru',
    'ivanova@mail .ru',
    'ivanova@mail,ru',
    '.ivanova@mail.ru',
    'ivanova.@mail.ru',
    'iva..nova@mail.ru',
    'ivanova@mail..ru',
    'ivanova@-mail.ru',
    'ivanova@mail.ru.',
    'ivanova@mail.r',
    'ivanova@mail.123',
    '<script>@mail.ru',
    'нет',
    '-',
    `${'a'.repeat(65)}@mail.ru`,
    `a@${'b'.repeat(250)}.ru`,
  ])('%j is not plausible', (email) => {
    expect(isPlausibleEmail(email)).toBe(false);
  });
});

describe('normalizeEmail', () => {
  test('trims and lower-cases, Cyrillic too', () => {
    expect(normalizeEmail('  Ivanova@Mail.RU ')).toBe('ivanova@mail.ru');
    expect(normalizeEmail('Директор@Школа.РФ')).toBe('директор@школа.рф');
  });
  test('composes decomposed letters so that both spellings compare equal', () => {
    expect(normalizeEmail('и\u0306@школа.рф')).toBe(normalizeEmail('й@школа.рф'));
  });
});

describe('normalizePhone', () => {
  test.each([
    ['8 (912) 000-00-00', '+79120000000'],
    ['+7 912 000 00 00', '+79120000000'],
    ['79120000000', '+79120000000'],
    ['89120000000', '+79120000000'],
    ['9120000000', '+79120000000'],
    ['+7(912)000–00–00', '+79120000000'],
    ['8 912 000 00 00 доб. 12', '+79120000000'],
    ['8 800 300 4444', '+78003004444'],
    ['2-34-81', '23481'],
    ['0012', '0012'],
    ['+380 44 123 4567', '+380441234567'],
    ['+1 212 555 0100', '+12125550100'],
  ])('%s → %s', (text, key) => {
    expect(normalizePhone(text)).toBe(key);
  });
  test('no digits, no key', () => {
    expect(normalizePhone('')).toBeUndefined();
    expect(normalizePhone('нет телефона')).toBeUndefined();
  });
});

describe('isPlausiblePhone', () => {
  test.each([
    '8 (912) 000-00-00',
    '+7 912 000 00 00',
    '79120000000',
    '9120000000',
    '2-34-81',
    '23-4-81',
    '8 800 300 4444',
    '+380 44 123 4567',
    '8 912 000 00 00 доб. 12',
  ])('%s is plausible', (phone) => {
    expect(isPlausiblePhone(phone)).toBe(true);
  });
  test.each([
    '',
    '0012',
    '123',
    '+7 912 000',
    '99120000000', // 11 digits that are not Russian
    '8 912 000 00 00 0', // 12 digits without +
    '+1234567890123456', // longer than E.164
    '8912+0000000',
    'позвоните маме',
    '=1+1',
    '+7 912 000 00 00; DROP TABLE',
  ])('%j is not plausible', (phone) => {
    expect(isPlausiblePhone(phone)).toBe(false);
  });
});

describe('contactKeys', () => {
  test('the same person by e-mail or by phone, however written', () => {
    expect(contactKeys(' Ivanova@Mail.ru ', '8 (912) 000-00-00')).toEqual([
      'email:ivanova@mail.ru',
      'phone:+79120000000',
    ]);
    expect(contactKeys('', '+7 912 000 00 00')).toEqual(['phone:+79120000000']);
  });
  test('junk values make no key, so strangers do not look alike', () => {
    expect(contactKeys('нет', '-')).toEqual([]);
    expect(contactKeys('', '')).toEqual([]);
  });
  test('a local school number is a key of its own', () => {
    expect(contactKeys('', '2-34-81')).toEqual(['phone:23481']);
  });
});
