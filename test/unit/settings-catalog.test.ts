import { checkSetting, parseTimeOfDay, SETTINGS, settingDef } from '../../src/domain/settings-catalog';
import { en } from '../../src/locale/en';
import { ru } from '../../src/locale/ru';

describe('settings catalog', () => {
  test('the regulation’s facts are prefilled (cl. 5.1, 8, 9.2, 3.1)', () => {
    const value = (k: string) => settingDef(k)?.defaultValue;
    expect(value('school.phone')).toBe('2-34-81');
    expect(value('office.start')).toBe('15:00');
    expect(value('office.end')).toBe('16:00');
    expect(value('support.phone')).toBe('8 800 300 4444');
    expect(value('support.start')).toBe('09:00');
    expect(value('support.end')).toBe('18:00');
    expect(value('sla.training.days')).toBe('3');
    expect(value('sla.firstResponse.staff')).toBe('1');
    expect(value('sla.firstResponse.parent')).toBe('1');
  });

  test('what the regulation does not give is left for the school, not invented', () => {
    expect(settingDef('support.email')?.defaultValue).toBeNull();
    expect(settingDef('support.vk')?.defaultValue).toBeNull();
    expect(checkSetting(settingDef('support.email')!, '')).toEqual({ key: 'support.email', kind: 'missing' });
  });

  test('every setting has a label and a description in both locales', () => {
    for (const s of SETTINGS) {
      expect(ru.settings[s.key]?.[0]).toBeTruthy();
      expect(en.settings[s.key]?.[0]).toBeTruthy();
    }
  });

  test('values are checked by type', () => {
    expect(checkSetting(settingDef('office.start')!, '25:00')).toEqual({ key: 'office.start', kind: 'invalid' });
    expect(checkSetting(settingDef('office.start')!, '9:30')).toBeUndefined();
    expect(checkSetting(settingDef('director.email')!, 'not-an-address')).toMatchObject({ kind: 'invalid' });
    expect(checkSetting(settingDef('sla.resolution.days')!, '1,5')).toBeUndefined();
    expect(parseTimeOfDay('15:00')).toBe(900);
    expect(parseTimeOfDay('15.00')).toBeUndefined();
  });
});
