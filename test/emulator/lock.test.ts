// LockService and Lock (reference/lock/lock, reference/lock/lock-service).
import { inlineRuntime, OWNER } from '../helpers/inline-runtime';
import { holdLock, LOCK_TIMEOUT_ERROR, lockHolder } from '../../emulator/services/lock';

const CODE = `
function tryIt(ms) { var l = LockService.getScriptLock(); var t = Date.now(); var ok = l.tryLock(ms); return [ok, l.hasLock(), Date.now() - t].join('|'); }
function waitIt(ms) { try { LockService.getScriptLock().waitLock(ms); return 'got it'; } catch (e) { return e.name + ': ' + e.message; } }
function holdAndRead() { var l = LockService.getScriptLock(); l.waitLock(1000); PropertiesService.getScriptProperties().getProperty('x'); return 'outer done'; }
function crash() { LockService.getScriptLock().waitLock(1000); throw new Error('boom'); }
`;

describe('Lock', () => {
  test('a free lock is taken at once; hasLock follows releaseLock (reference/lock/lock#haslock)', () => {
    const rt = inlineRuntime(`function f() {
      var l = LockService.getScriptLock();
      var r = [l.hasLock(), l.tryLock(0), l.hasLock()];
      l.releaseLock();
      r.push(l.hasLock());
      l.releaseLock(); // no effect when not held
      return r.join(',');
    }`);
    expect(rt.runAsOwner('f')).toBe('false,true,true,false');
  });

  test('a lock held by another process longer than the timeout: tryLock waits the timeout and returns false', () => {
    const rt = inlineRuntime(CODE);
    holdLock(rt, 'script', rt.clock.now() + 60_000);
    const [ok, has, waited] = rt.runAsOwner<string>('tryIt', 10_000).split('|');
    expect([ok, has]).toEqual(['false', 'false']);
    expect(Number(waited)).toBeGreaterThanOrEqual(10_000);
    expect(Number(waited)).toBeLessThan(11_000);
  });

  test('a hold that ends within the timeout lets tryLock succeed after waiting for it', () => {
    const rt = inlineRuntime(CODE);
    holdLock(rt, 'script', rt.clock.now() + 3_000);
    const [ok, has, waited] = rt.runAsOwner<string>('tryIt', 10_000).split('|');
    expect([ok, has]).toEqual(['true', 'true']);
    expect(Number(waited)).toBeGreaterThanOrEqual(2_900);
    expect(Number(waited)).toBeLessThan(10_000);
  });

  test("waitLock throws Apps Script's timeout error (reference/lock/lock#waitlocktimeoutinmillis)", () => {
    const rt = inlineRuntime(CODE);
    const hold = holdLock(rt, 'script');
    expect(rt.runAsOwner('waitIt', 5_000)).toBe(`Exception: ${LOCK_TIMEOUT_ERROR}`);
    hold.release();
    expect(rt.runAsOwner('waitIt', 5_000)).toBe('got it');
  });

  test('an outer execution holding the lock blocks a nested execution started in the middle of it', () => {
    const rt = inlineRuntime(CODE);
    let nested: unknown;
    rt.faults.add({
      method: 'Properties.getProperty',
      functionName: 'holdAndRead',
      action: {
        run: (r) =>
          (nested = r.run('tryIt', [2_000], { kind: 'installable-trigger', effectiveUser: OWNER, actingUser: OWNER })),
      },
    });
    expect(rt.runAsOwner('holdAndRead')).toBe('outer done');
    expect(String(nested).split('|').slice(0, 2)).toEqual(['false', 'false']);
    // Released when the outer execution ended.
    expect(lockHolder(rt)).toBeUndefined();
    expect(rt.runAsOwner<string>('tryIt', 0).startsWith('true|true')).toBe(true);
  });

  test('a lock is released when its execution fails', () => {
    const rt = inlineRuntime(CODE);
    expect(rt.execute('crash', [], { kind: 'editor', effectiveUser: OWNER, actingUser: OWNER }).ok).toBe(false);
    expect(lockHolder(rt)).toBeUndefined();
    expect(rt.runAsOwner('waitIt', 0)).toBe('got it');
  });

  test('user locks are per user; the script lock is shared by all', () => {
    const rt = inlineRuntime(`function user(ms) { return LockService.getUserLock().tryLock(ms); }
      function script(ms) { return LockService.getScriptLock().tryLock(ms); }`);
    holdLock(rt, 'user', Number.POSITIVE_INFINITY, 'a@school.ru');
    const as = (who: string, fn: string) => rt.run(fn, [0], { kind: 'menu', effectiveUser: who, actingUser: who });
    expect(as('a@school.ru', 'user')).toBe(false);
    expect(as('b@school.ru', 'user')).toBe(true);
    holdLock(rt, 'script');
    expect(as('b@school.ru', 'script')).toBe(false);
  });

  test('waiting for a lock counts against the 6-minute limit', () => {
    const rt = inlineRuntime(CODE);
    holdLock(rt, 'script');
    const out = rt.execute('waitIt', [400_000], {
      kind: 'installable-trigger',
      effectiveUser: OWNER,
      actingUser: OWNER,
    });
    expect(out.execution.status).toBe('timed-out');
  });
});
