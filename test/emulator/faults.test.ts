// Faults, time and concurrency across the real services: what DESIGN.md's fidelity rules ask the runtime
// to be able to do to any execution at any service call.
import { sentMail, setMailQuota } from '../../emulator/services/mail';
import { holdLock } from '../../emulator/services/lock';
import { readSheetValues } from '../../emulator/services/spreadsheet/index';
import { inlineRuntime, OWNER } from '../helpers/inline-runtime';

const QUOTA_ERROR = 'Service invoked too many times for one day: email.';

describe('faults at a chosen call', () => {
  test('the daily mail quota runs out in the middle of a run (guides/services/quotas)', () => {
    const rt = inlineRuntime(`function sendThree() {
      var sent = 0;
      try { for (var i = 0; i < 3; i++) { GmailApp.sendEmail('parent' + i + '@gmail.com', 'Обращение', 'текст'); sent++; } }
      catch (e) { return sent + ':' + e.message; }
      return sent + ':ok';
    }`);
    // After the first send has gone out, another execution spends what is left of the quota.
    rt.faults.add({
      method: 'GmailApp.sendEmail',
      nth: 1,
      phase: 'after',
      action: { run: (r) => setMailQuota(r, OWNER, 0) },
    });
    expect(rt.runAsOwner('sendThree')).toBe(`1:${QUOTA_ERROR}`);
    expect(sentMail(rt, OWNER)).toHaveLength(1);
  });

  test('a lock held by another execution: tryLock fails after waiting, waitLock throws (reference/lock/lock)', () => {
    const rt =
      inlineRuntime(`function tryIt() { var l = LockService.getScriptLock(); return l.tryLock(5000) + ':' + l.hasLock(); }
      function waitIt() { LockService.getScriptLock().waitLock(5000); return 'got it'; }`);
    const hold = holdLock(rt, 'script');
    const before = rt.clock.now();
    expect(rt.runAsOwner('tryIt')).toBe('false:false');
    expect(rt.clock.now() - before).toBeGreaterThanOrEqual(5000);
    expect(() => rt.runAsOwner('waitIt')).toThrow('Lock timeout: another process was holding the lock for too long.');
    hold.release();
    expect(rt.runAsOwner('waitIt')).toBe('got it');
  });

  test('a second execution started at the Nth call of the first sees the first one holding the lock', () => {
    const rt = inlineRuntime(`function register() {
        var lock = LockService.getScriptLock(); lock.waitLock(30000);
        var sheet = SpreadsheetApp.getActiveSheet();
        var n = sheet.getLastRow();
        sheet.getRange(n + 1, 1).setValue('ОБ-' + (n + 1));
        SpreadsheetApp.flush(); lock.releaseLock();
        return n + 1;
      }
      function registerWithoutWaiting() {
        var lock = LockService.getScriptLock();
        if (!lock.tryLock(1000)) return 'busy';
        return 'registered';
      }`);
    let second: unknown;
    rt.faults.add({
      method: 'Sheet.getLastRow',
      functionName: 'register',
      action: {
        run: (r) => {
          second = r.runAsOwner('registerWithoutWaiting');
        },
      },
    });
    expect(rt.runAsOwner('register')).toBe(1);
    expect(second).toBe('busy');
    expect(readSheetValues(rt, 'Лист1')).toEqual([['ОБ-1']]);
  });

  test('a Spreadsheets failure at the chosen call leaves earlier writes and stops the later ones', () => {
    const rt = inlineRuntime(`function writeTwo() {
      var s = SpreadsheetApp.getActiveSheet();
      s.getRange('A1').setValue('first');
      s.getRange('A2').setValue('second');
    }`);
    rt.faults.add({
      method: 'Range.setValue',
      nth: 2,
      action: { throw: 'Service Spreadsheets failed while accessing document with id 1x.' },
    });
    const out = rt.execute('writeTwo', [], { kind: 'installable-trigger', effectiveUser: OWNER, actingUser: OWNER });
    expect(out.ok).toBe(false);
    expect(out.error?.message).toBe('Service Spreadsheets failed while accessing document with id 1x.');
    expect(readSheetValues(rt, 'Лист1')).toEqual([['first']]);
  });

  test('a run killed right after a send: the mail is out, nothing after it happened', () => {
    const rt = inlineRuntime(`function sendAndRecord() {
      GmailApp.sendEmail('parent@gmail.com', 'Ответ', 'текст');
      SpreadsheetApp.getActiveSheet().getRange('A1').setValue('sent');
    }`);
    rt.faults.add({ method: 'GmailApp.sendEmail', phase: 'after', action: { kill: true } });
    const out = rt.execute('sendAndRecord', [], {
      kind: 'installable-trigger',
      effectiveUser: OWNER,
      actingUser: OWNER,
    });
    expect(out.execution.status).toBe('timed-out');
    expect(sentMail(rt, OWNER)).toHaveLength(1);
    expect(readSheetValues(rt, 'Лист1')).toEqual([]);
  });
});

describe('modelled time', () => {
  test('each call advances the virtual clock by its documented cost (emulator/costs.ts)', () => {
    const rt =
      inlineRuntime(`function cells() { var s = SpreadsheetApp.getActiveSheet(); for (var i = 1; i <= 100; i++) s.getRange(i, 1).setValue(i); }
      function batch() { var s = SpreadsheetApp.getActiveSheet(); var v = []; for (var i = 1; i <= 100; i++) v.push([i]); s.getRange(1, 2, 100, 1).setValues(v); }`);
    const t0 = rt.clock.now();
    rt.runAsOwner('cells');
    const oneByOne = rt.clock.now() - t0;
    const t1 = rt.clock.now();
    rt.runAsOwner('batch');
    const batched = rt.clock.now() - t1;
    // guides/support/best-practices: one batched call beats a call per cell by an order of magnitude.
    expect(oneByOne).toBeGreaterThan(10 * batched);
  });
});
