import {
  findRequestIds,
  formatRequestId,
  nextRequestId,
  normalizeRequestId,
  parseRequestId,
  registrationYear,
} from '../../src/domain/request-id';

const ID42 = 'ОБ-2026-00042';

describe('formatRequestId', () => {
  test('Cyrillic prefix, year, a 5-digit sequence that grows rather than fails', () => {
    expect(formatRequestId(2026, 42)).toBe(ID42);
    expect(formatRequestId(2026, 42).charCodeAt(0)).toBe(0x41e); // Cyrillic О
    expect(formatRequestId(2026, 42).charCodeAt(1)).toBe(0x411); // Cyrillic Б
    expect(formatRequestId(2026, 99_999)).toBe('ОБ-2026-99999');
    expect(formatRequestId(2026, 100_000)).toBe('ОБ-2026-100000');
  });
  test.each([
    [2026, 0],
    [2026, -1],
    [2026, 1.5],
    [1999, 1],
    [3000, 1],
  ])('refuses year %d, sequence %d', (year, seq) => {
    expect(() => formatRequestId(year, seq)).toThrow(RangeError);
  });
});

describe('normalizeRequestId', () => {
  test.each([
    ['ОБ-2026-00042', ID42],
    ['об-2026-00042', ID42],
    ['OB-2026-00042', ID42], // Latin
    ['ob 2026 42', ID42],
    ['0B-2026-42', ID42], // digit zero
    ['ОВ-2026-42', ID42], // Cyrillic В
    ['OВ-2026-42', ID42], // Latin O, Cyrillic В
    ['Оb-2026-42', ID42], // Cyrillic О, Latin b
    ['ОБ‐2026‐00042', ID42], // U+2010 hyphen
    ['ОБ‑2026‑00042', ID42], // U+2011 non-breaking hyphen
    ['ОБ–2026–00042', ID42], // en dash
    ['ОБ—2026—00042', ID42], // em dash
    ['ОБ−2026−00042', ID42], // minus sign
    ['ОБ - 2026 - 42', ID42],
    ['ОБ\u00A02026\u00A042', ID42], // no-break spaces
    ['ОБ202600042', ID42],
    ['ОБ2026-42', ID42],
    ['ОБ-2026-0000042', ID42], // zeros added
    ['[ОБ-2026-00042]', ID42],
    ['«ОБ-2026-00042»', ID42],
    ['№ ОБ-2026-42.', ID42],
    ['  ОБ-2026-00042  ', ID42],
    ['ОБ-2026-123456', 'ОБ-2026-123456'],
  ])('%s → %s', (text, expected) => {
    expect(normalizeRequestId(text)).toBe(expected);
  });

  test.each([
    [''],
    ['ОБ'],
    ['ОБ-2026'],
    ['ОБ-2026-00000'], // no request 0
    ['ОБ-26-42'], // two-digit year
    ['ОБ-1999-42'],
    ['ОБ2026042'], // fused with a short sequence: where the year ends is a guess
    ['ОБ-2026-42abc'],
    ['АБ-2026-42'],
    ['ОБ-2026-42-7'],
    ['ОБ-2026-1234567890123'], // 13 digits
  ])('%j is not an ID', (text) => {
    expect(normalizeRequestId(text)).toBeUndefined();
  });

  test('a long text is not an ID, however it ends', () => {
    expect(normalizeRequestId(`${' '.repeat(100_000)}ОБ-2026-00042`)).toBeUndefined();
  });

  test('parseRequestId gives year and sequence', () => {
    expect(parseRequestId('ob-2027-7')).toEqual({ year: 2027, seq: 7 });
  });
});

describe('findRequestIds', () => {
  test('every ID of a subject or body, canonical, deduplicated, in order', () => {
    const text = 'Re: [ОБ-2026-00042] вопрос\nсм. также OB-2026-7 и ещё раз ОБ–2026–00042, и ob202600100';
    expect(findRequestIds(text)).toEqual([ID42, 'ОБ-2026-00007', 'ОБ-2026-00100']);
  });
  test('an ID glued to letters or digits is not one', () => {
    expect(findRequestIds('JOB-2026-00042 10B-2026-00042 ОБ-2026-00042й')).toEqual([]);
  });
  test('space-separated parts in prose need the padded sequence', () => {
    expect(findRequestIds('вопрос об 2026 3 раза')).toEqual([]);
    expect(findRequestIds('номер ОБ 2026 00003')).toEqual(['ОБ-2026-00003']);
    expect(findRequestIds('номер ОБ 2026-3')).toEqual(['ОБ-2026-00003']);
  });
  test('nothing in ordinary text, and a long text is no trouble', () => {
    expect(findRequestIds('Не могу войти в дневник с 2026 года, код 00042')).toEqual([]);
    const long = `${'а '.repeat(30_000)}ОБ-2026-00001${'-'.repeat(30_000)}`;
    expect(findRequestIds(long)).toEqual(['ОБ-2026-00001']);
  });
});

describe('nextRequestId', () => {
  test('the first of a year is 00001', () => {
    expect(nextRequestId(2026, [])).toBe('ОБ-2026-00001');
  });
  test('max of that year + 1, whatever the order; other years and junk ignored', () => {
    const ids = ['ОБ-2026-00005', 'ОБ-2025-00900', 'ОБ-2026-00041', 'мусор', '', 42, null, 'ОБ-2026-00003'];
    expect(nextRequestId(2026, ids)).toBe(ID42);
    expect(nextRequestId(2025, ids)).toBe('ОБ-2025-00901');
  });
  test('the sequence restarts each year', () => {
    expect(nextRequestId(2027, ['ОБ-2026-00500'])).toBe('ОБ-2027-00001');
  });
  test('a hand-edited ID in another shape still counts', () => {
    expect(nextRequestId(2026, ['ob 2026 77'])).toBe('ОБ-2026-00078');
  });
  test('past 99 999 the sequence grows to 6 digits', () => {
    expect(nextRequestId(2026, ['ОБ-2026-99999'])).toBe('ОБ-2026-100000');
    expect(nextRequestId(2026, ['ОБ-2026-99999', 'ОБ-2026-100000'])).toBe('ОБ-2026-100001');
  });
});

describe('registrationYear', () => {
  test('the school zone decides the year, not the machine', () => {
    // 19:30 UTC on 31 Dec 2025 is already 00:30 on 1 Jan 2026 in Yekaterinburg.
    const newYearsEve = Date.parse('2025-12-31T19:30:00Z');
    expect(registrationYear(newYearsEve, 'Asia/Yekaterinburg')).toBe(2026);
    expect(registrationYear(new Date(newYearsEve), 'UTC')).toBe(2025);
  });
});
