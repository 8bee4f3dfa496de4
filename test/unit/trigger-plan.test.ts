import { APPS_SCRIPT_TRIGGER_LIMIT, planTriggers, TRIGGER_PLAN } from '../../src/domain/trigger-plan';

describe('planTriggers', () => {
  test('installs the whole plan on a fresh project', () => {
    expect(planTriggers([]).create).toEqual(TRIGGER_PLAN);
  });
  test('installs nothing when each planned handler has one trigger', () => {
    const installed = TRIGGER_PLAN.map((p, i) => ({ uid: String(i), handler: p.handler }));
    expect(planTriggers(installed)).toEqual({ create: [], remove: [] });
  });
  test('removes second copies and leaves triggers of other handlers alone', () => {
    const installed = [
      { uid: 'a', handler: 'runQueue' },
      { uid: 'b', handler: 'runQueue' },
      { uid: 'c', handler: 'somethingTheSchoolAdded' },
    ];
    const changes = planTriggers(installed);
    expect(changes.remove).toEqual([{ uid: 'b', handler: 'runQueue' }]);
    expect(changes.create.map((c) => c.handler)).not.toContain('runQueue');
  });
  test('the plan stays under the Apps Script limit of 20 triggers per user', () => {
    expect(TRIGGER_PLAN.length).toBeLessThan(APPS_SCRIPT_TRIGGER_LIMIT);
  });
});
