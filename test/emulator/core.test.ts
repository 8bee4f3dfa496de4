// The runtime core: realm isolation, the virtual clock, time zones, identity, limits, faults.
import { GasObject, registerService } from '../../emulator/index';
import { inlineRuntime, OWNER } from '../helpers/inline-runtime';

// A tiny service used only here, to observe the core's instrumentation.
class ProbeImpl extends GasObject {
  readonly _gasClass = 'Probe';
  ping(): string {
    return 'pong';
  }
  fail(): never {
    throw new Error('probe failed');
  }
  now(): Date {
    return new Date(this._exec.runtime.clock.now());
  }
}
registerService({ globals: (exec) => ({ Probe: new ProbeImpl(exec)._wrapped() }) });

describe('realm', () => {
  test('holds ECMAScript built-ins and Apps Script globals only (DESIGN: no require, process, setTimeout, TextDecoder, fetch)', () => {
    const rt = inlineRuntime(`function probe() {
      return [typeof require, typeof process, typeof setTimeout, typeof TextDecoder, typeof fetch, typeof module,
        typeof Buffer, typeof JSON, typeof Map, typeof Probe].join(',');
    }`);
    expect(rt.runAsOwner('probe')).toBe(
      'undefined,undefined,undefined,undefined,undefined,undefined,undefined,object,function,object',
    );
  });

  test('each execution starts from a fresh global scope (guides/triggers: no state survives between runs)', () => {
    const rt = inlineRuntime(
      `var counter = 0; function bump() { counter += 1; globalThis.leak = (globalThis.leak || 0) + 1; return counter + ':' + leak; }`,
    );
    expect(rt.runAsOwner('bump')).toBe('1:1');
    expect(rt.runAsOwner('bump')).toBe('1:1');
  });

  test('an unknown function fails as Apps Script says', () => {
    const rt = inlineRuntime('function a() {}');
    const out = rt.execute('missing', [], { kind: 'editor', effectiveUser: OWNER, actingUser: OWNER });
    expect(out.ok).toBe(false);
    expect(out.error?.message).toBe('Script function not found: missing');
  });
});

describe('virtual clock and time zone', () => {
  test('new Date() reads the virtual clock, and advancing it moves Date.now()', () => {
    const rt = inlineRuntime('function now() { return Date.now(); }', { now: '2026-01-15T06:00:00Z' });
    expect(rt.runAsOwner('now')).toBe(Date.parse('2026-01-15T06:00:00Z'));
    rt.clock.advance(3_600_000);
    expect(rt.runAsOwner('now')).toBe(Date.parse('2026-01-15T07:00:00Z'));
  });

  test("local Date fields follow the manifest's timeZone, whatever the host's TZ (reference/manifest: timeZone)", () => {
    const code = `function local() { var d = new Date(); return [d.getHours(), d.getDate(), d.getTimezoneOffset(), new Date(2026, 0, 15, 9, 30).toISOString(), String(new Date(2026, 0, 15, 9, 30)), new Date('2026-01-15T09:30:00').getTime() === new Date(2026, 0, 15, 9, 30).getTime()].join('|'); }`;
    const ekb = inlineRuntime(code, { now: '2026-01-14T20:00:00Z' });
    expect(ekb.runAsOwner('local')).toBe('1|15|-300|2026-01-15T04:30:00.000Z|Thu Jan 15 2026 09:30:00 GMT+0500|true');
    const ny = inlineRuntime(code, { now: '2026-01-14T20:00:00Z', timeZone: 'America/New_York' });
    expect(ny.runAsOwner('local')).toBe('15|14|300|2026-01-15T14:30:00.000Z|Thu Jan 15 2026 09:30:00 GMT-0500|true');
  });

  test('local setters keep the script zone', () => {
    const rt = inlineRuntime(
      `function f() { var d = new Date(2026, 2, 9, 23, 0); d.setHours(25); return d.toISOString(); }`,
    );
    // 10 March 2026 01:00 in Yekaterinburg (UTC+5) = 9 March 20:00 UTC
    expect(rt.runAsOwner('f')).toBe('2026-03-09T20:00:00.000Z');
  });
});

describe('identity (reference/base/session#getactiveuser)', () => {
  test('a person running a menu action is visible; in a simple trigger a consumer account is blank', () => {
    const rt = inlineRuntime('function f() {}');
    const menu = rt.execute('f', [], {
      kind: 'menu',
      effectiveUser: 'parent@gmail.com',
      actingUser: 'parent@gmail.com',
    });
    expect(menu.execution.activeUser).toBe('parent@gmail.com');
    const simple = rt.execute('f', [], {
      kind: 'simple-trigger',
      effectiveUser: OWNER,
      actingUser: 'teacher@gmail.com',
    });
    expect(simple.execution.activeUser).toBe('');
    expect(simple.execution.kind).toBe('simple-trigger');
  });

  test('same Workspace domain is visible, anonymous web visitors are blank', () => {
    const rt = inlineRuntime('function f() {}');
    const sameDomain = rt.execute('f', [], {
      kind: 'web-app',
      effectiveUser: 'owner@school.ru',
      actingUser: 'teacher@school.ru',
    });
    expect(sameDomain.execution.activeUser).toBe('teacher@school.ru');
    const anon = rt.execute('f', [], { kind: 'web-app', effectiveUser: 'owner@school.ru', actingUser: '' });
    expect(anon.execution.activeUser).toBe('');
  });
});

describe('instrumentation', () => {
  test('every service call is counted by Class.method', () => {
    const rt = inlineRuntime(`function f() { Probe.ping(); Probe.ping(); return Probe.ping(); }`);
    expect(rt.runAsOwner('f')).toBe('pong');
    expect(rt.countOf('Probe.ping')).toBe(3);
  });

  test('a method the emulator lacks throws an error naming it', () => {
    const rt = inlineRuntime(`function f() { return Probe.somethingNew(); }`);
    expect(() => rt.runAsOwner('f')).toThrow(/does not implement Probe\.somethingNew/);
  });

  test('internal fields are invisible and facades cannot be modified by the script', () => {
    const rt = inlineRuntime(
      `function f() { 'use strict'; var hidden = typeof Probe._exec; try { Probe.ping = 1; return hidden + ':writable'; } catch (e) { return hidden + ':' + e.name; } }`,
    );
    expect(rt.runAsOwner('f')).toBe('undefined:TypeError');
  });

  test('service errors reach the script as errors of its own realm, named Exception', () => {
    const rt = inlineRuntime(
      `function f() { try { Probe.fail(); } catch (e) { return [e instanceof Error, e.name, e.message].join('|'); } }`,
    );
    expect(rt.runAsOwner('f')).toBe('true|Exception|probe failed');
  });

  test('dates returned by services are dates of the script realm', () => {
    const rt = inlineRuntime(`function f() { return Probe.now() instanceof Date; }`);
    expect(rt.runAsOwner('f')).toBe(true);
  });
});

describe('limits and faults', () => {
  test('an execution past 6 minutes is killed with "Exceeded maximum execution time", and catching it does not help', () => {
    const rt = inlineRuntime(
      `function loop() { var n = 0; try { while (true) { Probe.ping(); n++; } } catch (e) { } return n; }`,
    );
    const out = rt.execute('loop', [], { kind: 'installable-trigger', effectiveUser: OWNER, actingUser: OWNER });
    expect(out.ok).toBe(false);
    expect(out.error?.message).toBe('Exceeded maximum execution time');
    expect(out.execution.status).toBe('timed-out');
    expect(out.execution.endedAt - out.execution.startedAt).toBeGreaterThan(360_000);
  });

  test('a simple trigger is limited to 30 seconds', () => {
    const rt = inlineRuntime(`function onOpen() { while (true) Probe.ping(); }`);
    const out = rt.execute('onOpen', [], { kind: 'simple-trigger', effectiveUser: OWNER, actingUser: OWNER });
    expect(out.error?.message).toBe('Exceeded maximum execution time');
    expect(out.execution.endedAt - out.execution.startedAt).toBeLessThan(31_000);
  });

  test('a fault fires at the chosen call and a second execution can start in the middle of the first', () => {
    const rt =
      inlineRuntime(`function f() { var r = []; for (var i = 0; i < 5; i++) { try { r.push(Probe.ping()); } catch (e) { r.push(e.message); } } return r.join(','); }
      function g() { return Probe.ping(); }`);
    rt.faults.add({
      method: 'Probe.ping',
      nth: 2,
      action: { throw: 'Service Spreadsheets failed while accessing document with id x.' },
    });
    let nested: string | undefined;
    rt.faults.add({
      method: 'Probe.ping',
      nth: 4,
      functionName: 'f',
      action: {
        run: (r) => {
          nested = r.runAsOwner<string>('g');
        },
      },
    });
    expect(rt.runAsOwner('f')).toBe(
      'pong,Service Spreadsheets failed while accessing document with id x.,pong,pong,pong',
    );
    expect(nested).toBe('pong');
    expect(rt.executions.map((e) => e.functionName)).toEqual(['g', 'f']);
  });

  test('a kill after a call has taken effect ends the run there', () => {
    const rt = inlineRuntime(`function f() { Probe.ping(); Probe.ping(); return 'finished'; }`);
    rt.faults.add({ method: 'Probe.ping', nth: 1, phase: 'after', action: { kill: true } });
    const out = rt.execute('f', [], { kind: 'editor', effectiveUser: OWNER, actingUser: OWNER });
    expect(out.ok).toBe(false);
    expect(rt.countOf('Probe.ping')).toBe(1);
  });
});
