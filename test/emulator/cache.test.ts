// CacheService and Cache (reference/cache/cache).
import { inlineRuntime } from '../helpers/inline-runtime';

const CODE = `
function put(k, v, ttl) { if (ttl === undefined) CacheService.getScriptCache().put(k, v); else CacheService.getScriptCache().put(k, v, ttl); }
function get(k) { return CacheService.getScriptCache().get(k); }
function attempt(k, v, ttl) { try { CacheService.getScriptCache().put(k, v, ttl); return 'ok'; } catch (e) { return e.name + ': ' + e.message; } }
`;

describe('Cache', () => {
  test('a value lives 600 s by default, measured on the virtual clock (reference/cache/cache#putkey,-value)', () => {
    const rt = inlineRuntime(CODE);
    rt.runAsOwner('put', 'k', 'v');
    rt.clock.advance(599_000);
    expect(rt.runAsOwner('get', 'k')).toBe('v');
    rt.clock.advance(2_000);
    expect(rt.runAsOwner('get', 'k')).toBeNull();
  });

  test('expiration is capped at 21600 s (6 hours) (reference/cache/cache#putkey,-value,-expirationinseconds)', () => {
    const rt = inlineRuntime(CODE);
    rt.runAsOwner('put', 'k', 'v', 30_000);
    rt.clock.advance(21_599_000);
    expect(rt.runAsOwner('get', 'k')).toBe('v');
    rt.clock.advance(2_000);
    expect(rt.runAsOwner('get', 'k')).toBeNull();
  });

  test('keys over 250 characters and values over 100 KB are refused; non-strings are stored as strings', () => {
    const rt = inlineRuntime(CODE);
    expect(rt.runAsOwner('attempt', 'k'.repeat(250), 'v', 60)).toBe('ok');
    expect(rt.runAsOwner('attempt', 'k'.repeat(251), 'v', 60)).toBe('Exception: Argument too large: key');
    expect(rt.runAsOwner('attempt', 'big', 'v'.repeat(100 * 1024), 60)).toBe('ok');
    expect(rt.runAsOwner('attempt', 'big', 'v'.repeat(100 * 1024 + 1), 60)).toBe(
      'Exception: Argument too large: value',
    );
    rt.runAsOwner('put', 'n', 42);
    expect(rt.runAsOwner('get', 'n')).toBe('42');
  });

  test('getAll leaves out missing keys; putAll and removeAll work on sets (reference/cache/cache#getallkeys)', () => {
    const rt = inlineRuntime(`function f() {
      var c = CacheService.getScriptCache();
      c.putAll({ a: '1', b: '2', c: '3' }, 60);
      c.removeAll(['b']);
      c.remove('c');
      return JSON.stringify(c.getAll(['a', 'b', 'c', 'zz']));
    }`);
    expect(rt.runAsOwner('f')).toBe('{"a":"1"}');
  });

  test('the user cache is per user, the script cache shared', () => {
    const rt =
      inlineRuntime(`function put(v) { CacheService.getUserCache().put('me', v); CacheService.getScriptCache().put('all', v); }
      function read() { return [CacheService.getUserCache().get('me'), CacheService.getScriptCache().get('all')].join('|'); }`);
    const as = (user: string, fn: string, ...args: unknown[]) =>
      rt.run(fn, args, { kind: 'menu', effectiveUser: user, actingUser: user });
    as('a@school.ru', 'put', 'A');
    expect(as('b@school.ru', 'read')).toBe('|A');
    expect(as('a@school.ru', 'read')).toBe('A|A');
  });

  test('past 1000 items the cache keeps the 900 farthest from expiry (reference/cache/cache)', () => {
    const rt = inlineRuntime(`function fill() {
      var c = CacheService.getScriptCache();
      for (var i = 0; i < 1001; i++) c.put('k' + i, 'v', 1000 + i);
      var kept = 0;
      for (var j = 0; j < 1001; j++) if (c.get('k' + j) !== null) kept++;
      return [kept, c.get('k0'), c.get('k1000')].join('|');
    }`);
    expect(rt.runAsOwner('fill')).toBe('900||v');
  });
});
