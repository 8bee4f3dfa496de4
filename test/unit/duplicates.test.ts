import {
  type DuplicateProbe,
  findPossibleDuplicate,
  type PriorRequest,
  priorRequestOf,
  topicKey,
} from '../../src/domain/duplicates';
import { productionCalendarRows } from '../../src/domain/production-calendar';
import { WorkingCalendar } from '../../src/domain/working-calendar';

/** '2026-03-06 15:00' in Yekaterinburg (UTC+5), independent of the host's zone. */
const ekb = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+05:00`);

const calendar = new WorkingCalendar({
  zone: 'Asia/Yekaterinburg',
  hours: { startMin: 8 * 60, endMin: 16 * 60 },
  production: productionCalendarRows(),
});

const KEYS = ['email:ivanova@mail.ru', 'phone:+79120000000'];
const TOPIC = 'Учёт посещаемости';

const probe = (receivedAt: string, extra: Partial<DuplicateProbe> = {}): DuplicateProbe => ({
  contactKeys: KEYS,
  topic: TOPIC,
  receivedAt: ekb(receivedAt),
  ...extra,
});

const prior = (id: string, createdAt: string, extra: Partial<PriorRequest> = {}): PriorRequest => ({
  id,
  contactKeys: KEYS,
  topic: TOPIC,
  createdAt: ekb(createdAt),
  status: 'new',
  ...extra,
});

const idOf = (p: DuplicateProbe, recent: PriorRequest[]) => findPossibleDuplicate(p, recent, calendar)?.id;

describe('findPossibleDuplicate', () => {
  test('same contact and topic within one working day: the earlier request', () => {
    expect(idOf(probe('2026-03-11 10:00'), [prior('ОБ-2026-00001', '2026-03-11 09:00')])).toBe('ОБ-2026-00001');
  });

  test('exactly one working day before counts; a minute more does not', () => {
    // Tuesday 15:00 → Wednesday 15:00 is 8 working hours: one working day.
    expect(idOf(probe('2026-03-11 15:00'), [prior('A', '2026-03-10 15:00')])).toBe('A');
    expect(idOf(probe('2026-03-11 15:01'), [prior('A', '2026-03-10 15:00')])).toBeUndefined();
  });

  test('a weekend between the two does not count', () => {
    // Friday 17:00 (after hours) and Monday 15:00: 7 working hours apart.
    expect(idOf(probe('2026-03-16 15:00'), [prior('A', '2026-03-13 17:00')])).toBe('A');
  });

  test('holidays between the two do not count (8 March 2026 moves to Monday 9 March)', () => {
    // Friday 6 March 15:30 and Tuesday 10 March 08:30: one working hour apart.
    expect(idOf(probe('2026-03-10 08:30'), [prior('A', '2026-03-06 15:30')])).toBe('A');
  });

  test('a contact shared by e-mail alone or by phone alone is the same person', () => {
    const byPhone = prior('A', '2026-03-11 09:00', { contactKeys: ['phone:+79120000000'] });
    const byEmail = prior('B', '2026-03-11 09:00', { contactKeys: ['email:ivanova@mail.ru'] });
    expect(idOf(probe('2026-03-11 10:00'), [byPhone])).toBe('A');
    expect(idOf(probe('2026-03-11 10:00'), [byEmail])).toBe('B');
  });

  test('another person or another topic is not a repeat', () => {
    const other = prior('A', '2026-03-11 09:00', { contactKeys: ['email:petrov@mail.ru'] });
    const otherTopic = prior('B', '2026-03-11 09:00', { topic: 'Учёт расписания' });
    expect(idOf(probe('2026-03-11 10:00'), [other, otherTopic])).toBeUndefined();
  });

  test('topics compare ignoring case, spaces and ё', () => {
    expect(idOf(probe('2026-03-11 10:00'), [prior('A', '2026-03-11 09:00', { topic: '  учет   ПОСЕЩАЕМОСТИ ' })])).toBe(
      'A',
    );
    expect(topicKey(' Учёт  Посещаемости ')).toBe('учет посещаемости');
  });

  test('a blank topic is unknown, not the same', () => {
    expect(idOf(probe('2026-03-11 10:00', { topic: '' }), [prior('A', '2026-03-11 09:00', { topic: '' })])).toBe(
      undefined,
    );
  });

  test('a rejected request is not repeated; a closed one is', () => {
    expect(idOf(probe('2026-03-11 10:00'), [prior('A', '2026-03-11 09:00', { status: 'rejected' })])).toBeUndefined();
    expect(idOf(probe('2026-03-11 10:00'), [prior('A', '2026-03-11 09:00', { status: 'closed' })])).toBe('A');
  });

  test('the most recent match wins, wherever it stands in the list', () => {
    const recent = [prior('B', '2026-03-11 09:30'), prior('A', '2026-03-11 08:30'), prior('C', '2026-03-11 09:00')];
    expect(idOf(probe('2026-03-11 10:00'), recent)).toBe('B');
  });

  test('a later request, the request itself, or no contact keys never match', () => {
    expect(idOf(probe('2026-03-11 10:00'), [prior('A', '2026-03-11 11:00')])).toBeUndefined();
    expect(idOf(probe('2026-03-11 10:00', { id: 'A' }), [prior('A', '2026-03-11 10:00')])).toBeUndefined();
    expect(
      idOf(probe('2026-03-11 10:00', { contactKeys: [] }), [prior('A', '2026-03-11 09:00', { contactKeys: [] })]),
    ).toBe(undefined);
  });

  test('a record with an unreadable date is skipped', () => {
    const broken = { ...prior('A', '2026-03-11 09:00'), createdAt: new Date(Number.NaN) };
    expect(idOf(probe('2026-03-11 10:00'), [broken])).toBeUndefined();
  });

  test('returns the record itself, so the caller can link it', () => {
    const recent = [{ ...prior('A', '2026-03-11 09:00'), row: 7 }];
    expect(findPossibleDuplicate(probe('2026-03-11 10:00'), recent, calendar)?.row).toBe(7);
  });
});

describe('priorRequestOf', () => {
  test('builds the contact keys from what the record stores', () => {
    const record = {
      id: 'ОБ-2026-00001',
      email: 'Ivanova@Mail.ru',
      phone: '8 (912) 000-00-00',
      topic: TOPIC,
      createdAt: ekb('2026-03-11 09:00'),
      status: 'inProgress' as const,
    };
    expect(priorRequestOf(record)).toEqual({
      id: 'ОБ-2026-00001',
      contactKeys: KEYS,
      topic: TOPIC,
      createdAt: ekb('2026-03-11 09:00'),
      status: 'inProgress',
    });
  });
});
