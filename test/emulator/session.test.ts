// Session, User, Logger and console (reference/base/session, reference/base/user, reference/base/logger,
// reference/base/console).
import { inlineRuntime, OWNER } from '../helpers/inline-runtime';
import { logEntries } from '../../emulator/services/logger';
import { setUserLocale } from '../../emulator/services/session';

const WHO = `function who() { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()].join('|'); }`;

describe('Session identity (reference/base/session#getactiveuser)', () => {
  test('a person running a menu action sees themselves as active and effective user', () => {
    const rt = inlineRuntime(WHO);
    const v = rt.run('who', [], { kind: 'menu', effectiveUser: 'teacher@school.ru', actingUser: 'teacher@school.ru' });
    expect(v).toBe('teacher@school.ru|teacher@school.ru');
  });

  test('an installable trigger run for someone else hides a consumer account but shows the owner as effective user', () => {
    const rt = inlineRuntime(WHO);
    const v = rt.run('who', [], { kind: 'installable-trigger', effectiveUser: OWNER, actingUser: 'parent@gmail.com' });
    expect(v).toBe(`|${OWNER}`);
  });

  test('without the userinfo.email scope in an explicit oauthScopes list every e-mail is blank (APPS_SCRIPT_FACTS: manifest)', () => {
    const rt = inlineRuntime(WHO, {
      manifest: {
        timeZone: 'Asia/Yekaterinburg',
        oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'],
      },
    });
    expect(rt.runAsOwner('who')).toBe('|');
  });
});

describe('Session settings', () => {
  test("getScriptTimeZone is the manifest's zone (reference/base/session#getscripttimezone)", () => {
    const rt = inlineRuntime('function tz() { return Session.getScriptTimeZone(); }', { timeZone: 'Europe/Moscow' });
    expect(rt.runAsOwner('tz')).toBe('Europe/Moscow');
  });

  test("getActiveUserLocale is the person's language, 'ru' unless a test sets another", () => {
    const rt = inlineRuntime('function loc() { return Session.getActiveUserLocale(); }');
    setUserLocale(rt, 'guest@gmail.com', 'en');
    expect(rt.runAsOwner('loc')).toBe('ru');
    expect(rt.run('loc', [], { kind: 'menu', effectiveUser: 'guest@gmail.com', actingUser: 'guest@gmail.com' })).toBe(
      'en',
    );
  });

  test('getTemporaryActiveUserKey is stable per person, differs between people and reveals no e-mail', () => {
    const rt = inlineRuntime('function key() { return Session.getTemporaryActiveUserKey(); }');
    const asParent = () =>
      rt.run<string>('key', [], { kind: 'web-app', effectiveUser: OWNER, actingUser: 'parent@gmail.com' });
    const first = asParent();
    expect(asParent()).toBe(first);
    expect(rt.runAsOwner('key')).not.toBe(first);
    expect(first).not.toContain('parent');
    expect(first.length).toBeGreaterThan(20);
  });
});

describe('Logger and console', () => {
  test('Logger.log substitutes %s, chains, and getLog returns this execution only (reference/base/logger#logformat,-values)', () => {
    const rt =
      inlineRuntime(`function f() { Logger.log('Заявка %s: %s', 7, 'создана').log('second'); return Logger.getLog(); }
      function g() { Logger.clear(); return Logger.getLog(); }`);
    const out = rt.execute('f', [], { kind: 'editor', effectiveUser: OWNER, actingUser: OWNER });
    expect(out.value).toBe('Заявка 7: создана\nsecond');
    expect(out.logs).toEqual(['Заявка 7: создана', 'second']);
    expect(rt.runAsOwner('g')).toBe('');
  });

  test('console methods write to the execution log with their level; service objects show as their class', () => {
    const rt =
      inlineRuntime(`function f() { console.log('n=%d', 3); console.warn('careful'); console.error({ code: 1 });
      console.info(Session.getActiveUser()); Logger.log(Session.getActiveUser()); }`);
    const out = rt.execute('f', [], { kind: 'editor', effectiveUser: OWNER, actingUser: OWNER });
    expect(out.logs).toEqual(['n=3', 'careful', '{ code: 1 }', 'User', 'User']);
    expect(
      logEntries(rt)
        .map((e) => e.level)
        .slice(0, 3),
    ).toEqual(['log', 'warn', 'error']);
    expect(rt.countOf('console.warn')).toBe(1);
  });
});
