import { cleanTextFields, INTAKE_TEXT_FIELDS, prepareIncoming } from '../../src/domain/intake';
import type { IncomingRequest } from '../../src/domain/request';
import { CELL_LIMIT, restoreFitted } from '../../src/domain/text-safety';
import { en, ru } from '../../src/locale/intake';

const base: IncomingRequest = {
  source: { kind: 'form', responseId: 'r1' },
  channel: 'form',
  receivedAt: new Date('2026-03-11T10:00:00+05:00'),
  requesterType: 'parent',
  name: 'Иванова Мария Петровна',
  className: '5Б',
  email: 'ivanova@mail.ru',
  phone: '8 (912) 000-00-00',
  preferredChannel: 'email',
  topic: 'Учёт посещаемости',
  description: 'Не отображаются пропуски за март.',
  consent: true,
};

const incoming = (extra: Partial<IncomingRequest>): IncomingRequest => ({ ...base, ...extra });

/** Every field's cell value plus its overflow gives back the cleaned input: nothing lost. */
function expectNothingLost(input: IncomingRequest, marker = ru.continuedMarker, locale?: string): void {
  const prepared = prepareIncoming(input, { locale });
  const cleaned = cleanTextFields(input);
  for (const field of INTAKE_TEXT_FIELDS) {
    const restored = restoreFitted({ value: prepared.fields[field], overflow: prepared.overflow[field] ?? '' }, marker);
    expect(restored).toBe(cleaned[field]);
    expect(prepared.fields[field].length).toBeLessThanOrEqual(CELL_LIMIT);
  }
}

describe('prepareIncoming: a clean form request', () => {
  test('passes through unchanged, unflagged', () => {
    const prepared = prepareIncoming(base);
    expect(prepared.fields).toEqual(base);
    expect(prepared.flags).toEqual([]);
    expect(prepared.overflow).toEqual({});
    expect(prepared.problems).toEqual([]);
    expect(prepared.contactKeys).toEqual(['email:ivanova@mail.ru', 'phone:+79120000000']);
  });
  test('keeps source, channel, time and choices as they came', () => {
    const input = incoming({ source: { kind: 'manual', registeredBy: 'c@school.ru', token: 't1' }, channel: 'phone' });
    const { fields } = prepareIncoming(input);
    expect(fields.source).toEqual(input.source);
    expect(fields.channel).toBe('phone');
    expect(fields.receivedAt).toBe(input.receivedAt);
    expect(fields.requesterType).toBe('parent');
  });
});

describe('prepareIncoming: hostile text is stored as typed', () => {
  test.each([
    ['=IMPORTXML("http://evil","//a")'],
    ['+1+1'],
    ['-2'],
    ['@SUM(A1)'],
    ['<script>alert(1)</script>'],
    ['Ivanova Мария 👩‍👧 ОБ-2026-00042'],
  ])('%j in every text field', (text) => {
    const input = incoming({ name: text, className: text, topic: text, description: text });
    const prepared = prepareIncoming(input);
    expect(prepared.fields.name).toBe(text);
    expect(prepared.fields.className).toBe(text);
    expect(prepared.fields.topic).toBe(text);
    expect(prepared.fields.description).toBe(text);
    expect(prepared.flags).toEqual([]);
    expectNothingLost(input);
  });

  test('a phone with a leading + or leading zeros is kept exactly as typed', () => {
    for (const phone of ['+79120000000', '0012', '+7 (912) 000-00-00', '00 7 912 000 00 00']) {
      expect(prepareIncoming(incoming({ phone })).fields.phone).toBe(phone);
    }
  });

  test('control characters and surrounding whitespace go; the rest stays', () => {
    const prepared = prepareIncoming(
      incoming({ name: '  Иванова\u0000 Мария\u0007  ', description: 'раз\r\nдва  \r\n' }),
    );
    expect(prepared.fields.name).toBe('Иванова Мария');
    expect(prepared.fields.description).toBe('раз\nдва');
  });

  test('a field that is not a string at run time (a forged dialog call) becomes text, not a crash', () => {
    const forged = { ...base, name: 42, className: null, description: undefined } as unknown as IncomingRequest;
    const prepared = prepareIncoming(forged);
    expect(prepared.fields.name).toBe('42');
    expect(prepared.fields.className).toBe('');
    expect(prepared.fields.description).toBe('');
  });
});

describe('prepareIncoming: text longer than a cell', () => {
  const room = CELL_LIMIT - ru.continuedMarker.length;
  const long = `${'я'.repeat(room - 1)}😀${'конец '.repeat(1_600)}`; // ~60 000 characters, emoji at the cut

  test('is fitted with the marker; the overflow keeps the rest, emoji whole', () => {
    expect(long.length).toBeGreaterThan(59_000);
    const prepared = prepareIncoming(incoming({ description: long }));
    expect(prepared.fields.description.length).toBeLessThanOrEqual(CELL_LIMIT);
    expect(prepared.fields.description.endsWith(ru.continuedMarker)).toBe(true);
    expect(prepared.overflow.description.startsWith('😀')).toBe(true);
    expect(prepared.flags).toEqual(['truncated']);
    expect(prepared.problems).toEqual([{ field: 'description', code: 'truncated' }]);
    expectNothingLost(incoming({ description: long }));
  });

  test('every field is fitted on its own, and the English marker is used in English', () => {
    const input = incoming({ name: 'Ф'.repeat(60_000), description: long });
    const prepared = prepareIncoming(input, { locale: 'en' });
    expect(Object.keys(prepared.overflow).sort()).toEqual(['description', 'name']);
    expect(prepared.fields.name.endsWith(en.continuedMarker)).toBe(true);
    expect(prepared.flags).toEqual(['truncated']);
    expectNothingLost(input, en.continuedMarker, 'en');
  });

  test('a smaller cell limit works the same way', () => {
    const prepared = prepareIncoming(incoming({ description: 'x'.repeat(500) }), { cellLimit: 200 });
    expect(prepared.fields.description.length).toBeLessThanOrEqual(200);
    expect(restoreFitted({ value: prepared.fields.description, overflow: prepared.overflow.description })).toBe(
      'x'.repeat(500),
    );
  });
});

describe('prepareIncoming: contacts', () => {
  test('an invalid e-mail flags the row and asks for a call back, never dropped', () => {
    const input = incoming({ source: { kind: 'manual', registeredBy: 'c', token: 't' }, channel: 'phone' });
    const prepared = prepareIncoming({ ...input, email: 'ivanova@mail' });
    expect(prepared.fields.email).toBe('ivanova@mail');
    expect(prepared.flags).toEqual(['invalid-email', 'callback-needed']);
    expect(prepared.problems).toEqual([{ field: 'email', code: 'invalidEmail' }]);
    expect(prepared.contactKeys).toEqual(['phone:+79120000000']);
  });

  test('an invalid e-mail from the form is flagged too', () => {
    expect(prepareIncoming(incoming({ email: 'ivanova@mail,ru' })).flags).toEqual(['invalid-email', 'callback-needed']);
  });

  test('no e-mail but a phone: a call back, no complaint about the contact', () => {
    const prepared = prepareIncoming(incoming({ email: '', preferredChannel: 'phone' }));
    expect(prepared.flags).toEqual(['callback-needed']);
    expect(prepared.problems).toEqual([]);
  });

  test('neither a usable e-mail nor a phone: registered, flagged, and the registrar is told', () => {
    const prepared = prepareIncoming(incoming({ email: '', phone: '' }));
    expect(prepared.flags).toEqual(['callback-needed']);
    expect(prepared.problems).toEqual([{ field: 'contact', code: 'noContact' }]);
    expect(prepared.contactKeys).toEqual([]);
  });

  test('a phone that cannot be dialled is kept as typed and reported', () => {
    const prepared = prepareIncoming(incoming({ phone: '=1+1' }));
    expect(prepared.fields.phone).toBe('=1+1');
    expect(prepared.flags).toEqual([]);
    expect(prepared.problems).toEqual([{ field: 'phone', code: 'invalidPhone' }]);
  });

  test('a Cyrillic domain is a usable e-mail', () => {
    const prepared = prepareIncoming(incoming({ email: 'Директор@Школа.рф', phone: '' }));
    expect(prepared.flags).toEqual([]);
    expect(prepared.fields.email).toBe('Директор@Школа.рф'); // stored as typed
    expect(prepared.contactKeys).toEqual(['email:директор@школа.рф']);
  });
});

describe('prepareIncoming: consent, topic, description', () => {
  test('missing consent on a manual or e-mail request is flagged', () => {
    const manual = incoming({ source: { kind: 'manual', registeredBy: 'c', token: 't' }, consent: false });
    const mail = incoming({
      source: { kind: 'email', messageId: 'm', threadId: 'th' },
      channel: 'email',
      consent: false,
    });
    for (const input of [manual, mail]) {
      const prepared = prepareIncoming(input);
      expect(prepared.flags).toEqual(['no-consent']);
      expect(prepared.problems).toEqual([{ field: 'consent', code: 'noConsent' }]);
    }
  });

  test('empty optional fields are fine; an empty topic or description is reported, not refused', () => {
    const prepared = prepareIncoming(
      incoming({ className: '', requesterType: '', preferredChannel: '', topic: '', description: '   ' }),
    );
    expect(prepared.fields.className).toBe('');
    expect(prepared.fields.description).toBe('');
    expect(prepared.flags).toEqual([]);
    expect(prepared.problems).toEqual([
      { field: 'topic', code: 'missingTopic' },
      { field: 'description', code: 'emptyDescription' },
    ]);
  });

  test('a description under the minimum length is reported when a minimum is set', () => {
    const input = incoming({ description: 'Помогите' });
    expect(prepareIncoming(input).problems).toEqual([]);
    expect(prepareIncoming(input, { minDescriptionLength: 20 }).problems).toEqual([
      { field: 'description', code: 'shortDescription' },
    ]);
  });
});

describe('prepareIncoming: etiquette', () => {
  test('the detector reads the name and the whole description, overflow included', () => {
    const seen: string[] = [];
    const detectAbuse = (text: string) => {
      seen.push(text);
      return text.includes('ПЛОХОЕ');
    };
    const tail = `${'a'.repeat(CELL_LIMIT)} ПЛОХОЕ`;
    const prepared = prepareIncoming(incoming({ description: tail }), { detectAbuse });
    expect(seen).toEqual([`${base.name}\n${tail}`]);
    expect(prepared.flags).toEqual(['etiquette', 'truncated']);
  });

  test('a clean text is not flagged', () => {
    expect(prepareIncoming(base, { detectAbuse: () => false }).flags).toEqual([]);
  });

  test('a detector that throws costs nothing but a reported problem', () => {
    const prepared = prepareIncoming(base, {
      detectAbuse: () => {
        throw new Error('boom');
      },
    });
    expect(prepared.fields).toEqual(base);
    expect(prepared.flags).toEqual([]);
    expect(prepared.problems).toEqual([{ field: 'description', code: 'etiquetteCheckFailed' }]);
  });
});

describe('prepareIncoming: flags together, in the list order', () => {
  test('invalid e-mail, no phone, no consent, abuse and a long text', () => {
    const input = incoming({
      source: { kind: 'email', messageId: 'm', threadId: 't' },
      channel: 'email',
      email: 'not an address',
      phone: '',
      consent: false,
      description: `ПЛОХОЕ ${'x'.repeat(CELL_LIMIT)}`,
    });
    const prepared = prepareIncoming(input, { detectAbuse: (t) => t.includes('ПЛОХОЕ') });
    expect(prepared.flags).toEqual(['invalid-email', 'callback-needed', 'etiquette', 'truncated', 'no-consent']);
    expect(prepared.problems.map((p) => p.code)).toEqual(['invalidEmail', 'noContact', 'noConsent', 'truncated']);
    expectNothingLost(input);
  });
});

describe('locale texts', () => {
  test('every problem and flag has a text in both languages, Russian in Russian', () => {
    expect(Object.keys(en.problems).sort()).toEqual(Object.keys(ru.problems).sort());
    expect(Object.keys(en.flags).sort()).toEqual(Object.keys(ru.flags).sort());
    for (const text of [...Object.values(ru.problems), ...Object.values(ru.flags), ru.continuedMarker]) {
      expect(text).toMatch(/[а-яё]/i);
    }
  });
  test('the marker is short', () => {
    expect(ru.continuedMarker.length).toBeLessThan(100);
    expect(en.continuedMarker.length).toBeLessThan(100);
  });
});
