import {
  nextMonth,
  OPEN_END,
  parseMonthInput,
  parsePeriodInput,
  periodOfMonth,
} from '../../src/domain/schedule-period';

const TODAY = '2026-09-10';

describe('the month a person types', () => {
  it.each([
    ['12.2026', { year: 2026, month: 12 }],
    ['1.2027', { year: 2027, month: 1 }],
    ['12/2026', { year: 2026, month: 12 }],
    ['2026-12', { year: 2026, month: 12 }],
    ['2026.03', { year: 2026, month: 3 }],
    ['декабрь 2026', { year: 2026, month: 12 }],
    ['Декабрь 2026 г.', { year: 2026, month: 12 }],
    ['декабря 2026 года', { year: 2026, month: 12 }],
    ['дек. 2026', { year: 2026, month: 12 }],
    ['  МАЙ   2027 ', { year: 2027, month: 5 }],
    ['мая 2027', { year: 2027, month: 5 }],
    ['март 2027', { year: 2027, month: 3 }],
    ['июнь 2027', { year: 2027, month: 6 }],
    ['июля 2027', { year: 2027, month: 7 }],
    ['сентябрь, 2026', { year: 2026, month: 9 }],
    ['2026 ноябрь', { year: 2026, month: 11 }],
    ['December 2026', { year: 2026, month: 12 }],
    ['sept 2026', { year: 2026, month: 9 }],
  ])('reads %p', (input, expected) => {
    expect(parseMonthInput(input, TODAY)).toEqual(expected);
  });

  it('a blank answer is the next month, across a year end too', () => {
    expect(parseMonthInput('', TODAY)).toEqual({ year: 2026, month: 10 });
    expect(parseMonthInput('   ', '2026-12-31')).toEqual({ year: 2027, month: 1 });
    expect(nextMonth('2026-12-01')).toEqual({ year: 2027, month: 1 });
  });

  it("a month's name alone is its next occurrence, this month included", () => {
    expect(parseMonthInput('сентябрь', TODAY)).toEqual({ year: 2026, month: 9 });
    expect(parseMonthInput('декабрь', TODAY)).toEqual({ year: 2026, month: 12 });
    expect(parseMonthInput('август', TODAY)).toEqual({ year: 2027, month: 8 });
  });

  it.each([
    '13.2026',
    '0.2026',
    '12.26',
    '2026-13',
    'ма 2026',
    'марш',
    'тринадцатый месяц',
    '12.1999',
    '15.09.2026',
    'декабрь 20266',
  ])('refuses %p', (input) => {
    expect(parseMonthInput(input, TODAY)).toBeUndefined();
  });

  it('gives a month as its first and last dates (leap years too)', () => {
    expect(periodOfMonth({ year: 2028, month: 2 })).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodOfMonth({ year: 2026, month: 12 })).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});

describe('the period an approval covers', () => {
  it('blank: everything from today on', () => {
    expect(parsePeriodInput('', TODAY)).toEqual({ period: { from: TODAY, to: OPEN_END }, all: true });
  });

  it('a month, a date, or two dates', () => {
    expect(parsePeriodInput('октябрь 2026', TODAY)).toEqual({
      period: { from: '2026-10-01', to: '2026-10-31' },
      all: false,
    });
    expect(parsePeriodInput('15.09.2026', TODAY)).toEqual({
      period: { from: '2026-09-15', to: '2026-09-15' },
      all: false,
    });
    for (const text of [
      '01.09.2026–15.09.2026',
      '01.09.2026 - 15.09.2026',
      'с 01.09.2026 по 15.09.2026',
      '1.9.2026—15.9.2026',
    ]) {
      expect(parsePeriodInput(text, TODAY)).toEqual({ period: { from: '2026-09-01', to: '2026-09-15' }, all: false });
    }
  });

  it.each(['15.09.2026–01.09.2026', '31.02.2026', '01.09.2026–31.09.2026', 'когда-нибудь', '2026'])(
    'refuses %p',
    (text) => {
      expect(parsePeriodInput(text, TODAY)).toBeUndefined();
    },
  );
});
