import { APPS_SCRIPT_TRIGGER_LIMIT, planTriggers, TRIGGER_PLAN } from '../../src/domain/trigger-plan';

describe('planTriggers', () => {
  test('installs the whole plan on a fresh project', () => {
    expect(planTriggers([]).create).toEqual(TRIGGER_PLAN);
  });
  test('installs nothing when each planned handler has one trigger', () => {
    const installed = TRIGGER_PLAN.map((p, i) => ({ uid: String(i), handler: p.handler, sourceId: '' }));
    expect(planTriggers(installed)).toEqual({ create: [], remove: [] });
  });
  test('removes second copies and leaves triggers of other handlers alone', () => {
    const installed = [
      { uid: 'a', handler: 'runQueue', sourceId: '' },
      { uid: 'b', handler: 'runQueue', sourceId: '' },
      { uid: 'c', handler: 'somethingTheSchoolAdded', sourceId: '' },
    ];
    const changes = planTriggers(installed);
    expect(changes.remove).toEqual([{ uid: 'b', handler: 'runQueue', sourceId: '' }]);
    expect(changes.create.map((c) => c.handler)).not.toContain('runQueue');
  });
  test('a form trigger left on a form that is no longer ours is replaced', () => {
    const sourceOf = (spec: (typeof TRIGGER_PLAN)[number]) =>
      spec.kind === 'formSubmit' ? (spec.form === 'requests' ? 'form-new' : 'complaints-form') : '';
    const installed = [
      { uid: 'q', handler: 'runQueue', sourceId: '' },
      { uid: 'm', handler: 'pollHelpdeskMail', sourceId: '' },
      { uid: 'n', handler: 'anonymiseExpired', sourceId: '' },
      { uid: 's', handler: 'runSlaSweep', sourceId: '' },
      { uid: 'd', handler: 'sendDailyDigest', sourceId: '' },
      { uid: 'w', handler: 'sendWeeklyReport', sourceId: '' },
      { uid: 'old', handler: 'onFormSubmit', sourceId: 'form-old' },
      { uid: 'c', handler: 'onComplaintSubmit', sourceId: 'complaints-form' },
      { uid: 'e', handler: 'onSheetEdit', sourceId: '' },
    ];
    const changes = planTriggers(installed, TRIGGER_PLAN, sourceOf);
    expect(changes.remove.map((t) => t.uid)).toEqual(['old']);
    expect(changes.create.map((c) => c.handler)).toEqual(['onFormSubmit']);
  });

  test('the plan stays under the Apps Script limit of 20 triggers per user', () => {
    expect(TRIGGER_PLAN.length).toBeLessThan(APPS_SCRIPT_TRIGGER_LIMIT);
  });
});
