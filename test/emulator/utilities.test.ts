// Utilities and Blob (reference/utilities/utilities, reference/base/blob).
import { inlineRuntime } from '../helpers/inline-runtime';

function run<T>(body: string, options: Parameters<typeof inlineRuntime>[1] = {}): T {
  return inlineRuntime(`function f() { ${body} }`, options).runAsOwner<T>('f');
}

describe('Utilities.formatDate (reference/utilities/utilities#formatdatedate,-timezone,-format)', () => {
  const at = 'new Date(Date.UTC(2026, 0, 15, 4, 30, 7, 9))'; // Thursday 15 January 2026, 09:30:07.009 in Yekaterinburg

  test('Java SimpleDateFormat letters in the given zone, English names', () => {
    expect(run(`return Utilities.formatDate(${at}, 'Asia/Yekaterinburg', 'yyyy-MM-dd HH:mm:ss.SSS');`)).toBe(
      '2026-01-15 09:30:07.009',
    );
    expect(run(`return Utilities.formatDate(${at}, 'Asia/Yekaterinburg', "EEEE, d MMMM yy 'at' h:mm a");`)).toBe(
      'Thursday, 15 January 26 at 9:30 AM',
    );
    expect(run(`return Utilities.formatDate(${at}, 'Asia/Yekaterinburg', 'EEE MMM dd D w u k K');`)).toBe(
      'Thu Jan 15 15 3 4 9 9',
    );
    expect(run(`return Utilities.formatDate(${at}, 'America/New_York', 'dd.MM.yyyy HH:mm');`)).toBe('14.01.2026 23:30');
  });

  test('zones: z, Z and X', () => {
    expect(run(`return Utilities.formatDate(${at}, 'Asia/Yekaterinburg', 'z Z X XX XXX');`)).toBe(
      'YEKT +0500 +05 +0500 +05:00',
    );
    expect(run(`return Utilities.formatDate(${at}, 'America/New_York', 'z Z');`)).toBe('EST -0500');
    expect(run(`return Utilities.formatDate(new Date(Date.UTC(2026, 6, 1, 12)), 'America/New_York', 'z XXX');`)).toBe(
      'EDT -04:00',
    );
    expect(run(`return Utilities.formatDate(${at}, 'UTC', 'HH:mm X');`)).toBe('04:30 Z');
    expect(run(`return Utilities.formatDate(${at}, 'GMT+3', 'HH:mm z');`)).toBe('07:30 GMT+03:00');
  });

  test('quoted text, doubled quotes, and the week-based year across New Year (en_US weeks)', () => {
    expect(run(`return Utilities.formatDate(${at}, 'UTC', "h 'o''clock', ''yy");`)).toBe("4 o'clock, '26");
    expect(run(`return Utilities.formatDate(new Date(Date.UTC(2025, 11, 31, 12)), 'UTC', 'yyyy YYYY w');`)).toBe(
      '2025 2026 1',
    );
  });

  test('an unknown pattern letter and a non-Date argument fail', () => {
    expect(run(`try { Utilities.formatDate(new Date(), 'UTC', 'yyyy qq'); } catch (e) { return e.message; }`)).toBe(
      "Illegal pattern character 'q'",
    );
    expect(
      run(`try { Utilities.formatDate('2026-01-15', 'UTC', 'yyyy'); } catch (e) { return e.name + ': ' + e.message; }`),
    ).toBe(
      "Exception: The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
  });
});

describe('Utilities.formatString (reference/utilities/utilities#formatstringtemplate,-args)', () => {
  test('sprintf-like conversions, widths, precision and flags', () => {
    expect(
      run(`return Utilities.formatString('%11.6f|%-11s*|%05d|%+d|%x|%s%%', 1.234, 'foo', 42, 7, 255, 'done');`),
    ).toBe('   1.234000|foo        *|00042|+7|ff|done%');
    expect(run(`return Utilities.formatString('Заявка №%s от %s', 12, 'Иванова');`)).toBe('Заявка №12 от Иванова');
  });
});

describe('digests, signatures and base64 (reference/utilities/utilities)', () => {
  test('computeDigest returns signed bytes (−128..127) in a script-realm array', () => {
    // MD5("abc") = 90 01 50 98 3c ...
    expect(
      run(
        `var d = Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'abc'); return [d instanceof Array, d.length, d.slice(0, 5).join(' ')].join('|');`,
      ),
    ).toBe('true|16|-112 1 80 -104 60');
    expect(
      run(`return Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'abc', Utilities.Charset.UTF_8).length;`),
    ).toBe(32);
  });

  test('HMAC-SHA256 of the classic test vector', () => {
    // HMAC-SHA256(key "key", "The quick brown fox jumps over the lazy dog") = f7 bc 83 f4 ...
    expect(
      run(
        `return Utilities.computeHmacSha256Signature('The quick brown fox jumps over the lazy dog', 'key').slice(0, 4).join(' ');`,
      ),
    ).toBe('-9 -68 -125 -12');
    expect(
      run(
        `return Utilities.computeHmacSignature(Utilities.MacAlgorithm.HMAC_SHA_256, 'The quick brown fox jumps over the lazy dog', 'key')[0];`,
      ),
    ).toBe(-9);
  });

  test('base64 round trip of Cyrillic text, web-safe alphabet, and an undecodable string', () => {
    expect(run(`return Utilities.base64Encode('Привет');`)).toBe('0J/RgNC40LLQtdGC');
    expect(run(`return Utilities.base64EncodeWebSafe('Привет');`)).toBe('0J_RgNC40LLQtdGC');
    expect(run(`return Utilities.newBlob(Utilities.base64DecodeWebSafe('0J_RgNC40LLQtdGC')).getDataAsString();`)).toBe(
      'Привет',
    );
    expect(run(`return Utilities.base64Encode([-48, -97]);`)).toBe('0J8=');
    expect(run(`try { Utilities.base64Decode('@@@'); } catch (e) { return e.message; }`)).toBe(
      'Could not decode string.',
    );
  });
});

describe('Blob (reference/base/blob)', () => {
  test('newBlob keeps data, type and name; setters chain', () => {
    expect(
      run(`var b = Utilities.newBlob('hi', 'text/plain', 'a.txt');
        var r = [b.getName(), b.getContentType(), b.getBytes().join(','), b.getDataAsString()];
        b.setName('b.csv').setContentType('text/csv');
        return r.concat([b.getName(), b.getContentType(), Utilities.newBlob('x').getName()]).join('|');`),
    ).toBe('a.txt|text/plain|104,105|hi|b.csv|text/csv|');
  });
});

describe('parseCsv, getUuid, sleep', () => {
  test('parseCsv handles quotes, doubled quotes, CRLF and a custom delimiter', () => {
    expect(run(`return JSON.stringify(Utilities.parseCsv('a,"b,c"\\r\\n"d ""q""",e\\n'));`)).toBe(
      '[["a","b,c"],["d \\"q\\"","e"]]',
    );
    expect(run(`return JSON.stringify(Utilities.parseCsv('a;b', ';'));`)).toBe('[["a","b"]]');
  });

  test('getUuid gives distinct version-4 UUIDs', () => {
    const [a, b] = run<string>(`return Utilities.getUuid() + ' ' + Utilities.getUuid();`).split(' ');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
  });

  test('sleep advances the virtual clock; more than 5 minutes is refused (reference/utilities/utilities#sleepmilliseconds)', () => {
    expect(run(`var t = Date.now(); Utilities.sleep(2000); return Date.now() - t >= 2000;`)).toBe(true);
    expect(run(`try { Utilities.sleep(300001); return 'slept'; } catch (e) { return 'refused'; }`)).toBe('refused');
  });

  test('sleeping past the 6-minute limit kills the execution', () => {
    const rt = inlineRuntime(`function f() { for (var i = 0; i < 10; i++) Utilities.sleep(60000); return 'done'; }`);
    const out = rt.execute('f', [], { kind: 'editor', effectiveUser: rt.owner, actingUser: rt.owner });
    expect(out.execution.status).toBe('timed-out');
  });
});
