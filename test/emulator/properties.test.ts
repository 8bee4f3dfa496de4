// PropertiesService and Properties (reference/properties/properties, guides/services/quotas).
import { inlineRuntime } from '../helpers/inline-runtime';
import { PROPERTY_QUOTA_ERROR, propertyStore } from '../../emulator/services/properties';

const CODE = `
function put(k, v) { PropertiesService.getScriptProperties().setProperty(k, v); }
function get(k) { return PropertiesService.getScriptProperties().getProperty(k); }
function tryPut(k, v) { try { PropertiesService.getScriptProperties().setProperty(k, v); return 'ok'; } catch (e) { return e.name + ': ' + e.message; } }
function mine(v) { var p = PropertiesService.getUserProperties(); if (v) p.setProperty('theme', v); return p.getProperty('theme'); }
`;

describe('Properties', () => {
  test('values persist across executions, as strings; a missing key is null (reference/properties/properties#getpropertykey)', () => {
    const rt = inlineRuntime(CODE);
    rt.runAsOwner('put', 'count', 5);
    rt.runAsOwner('put', 'flag', true);
    expect(rt.runAsOwner('get', 'count')).toBe('5');
    expect(rt.runAsOwner('get', 'flag')).toBe('true');
    expect(rt.runAsOwner('get', 'missing')).toBeNull();
  });

  test('getProperties is a copy; setProperties(obj, deleteAllOthers) replaces the store; getKeys; chaining', () => {
    const rt = inlineRuntime(`function f() {
      var p = PropertiesService.getDocumentProperties();
      p.setProperty('a', '1').setProperty('b', '2');
      var copy = p.getProperties(); copy.a = 'changed';
      var before = p.getProperty('a') + ',' + p.getKeys().sort().join('');
      p.setProperties({ c: 3 }, true);
      var after = JSON.stringify(p.getProperties());
      p.deleteProperty('c').setProperties({ d: 'x', e: 'y' });
      var last = p.getKeys().sort().join('');
      p.deleteAllProperties();
      return [before, after, last, p.getKeys().length].join('|');
    }`);
    expect(rt.runAsOwner('f')).toBe('1,ab|{"c":"3"}|de|0');
  });

  test('user properties belong to the effective user; script properties are shared', () => {
    const rt = inlineRuntime(CODE);
    const as = (user: string, v?: string) =>
      rt.run('mine', v ? [v] : [], { kind: 'menu', effectiveUser: user, actingUser: user });
    as('a@school.ru', 'dark');
    expect(as('b@school.ru')).toBeNull();
    expect(as('a@school.ru')).toBe('dark');
    rt.run('put', ['shared', 'yes'], { kind: 'menu', effectiveUser: 'a@school.ru', actingUser: 'a@school.ru' });
    expect(rt.run('get', ['shared'], { kind: 'menu', effectiveUser: 'b@school.ru', actingUser: 'b@school.ru' })).toBe(
      'yes',
    );
    expect(propertyStore(rt, { user: 'a@school.ru' }).get('theme')).toBe('dark');
  });

  test('a value over 9 KB is refused (guides/services/quotas: Properties value size)', () => {
    const rt = inlineRuntime(CODE);
    expect(rt.runAsOwner('tryPut', 'big', 'x'.repeat(9 * 1024))).toBe('ok');
    expect(rt.runAsOwner('tryPut', 'big', 'x'.repeat(9 * 1024 + 1))).toBe('Exception: Argument too large: value');
    // Cyrillic letters take two bytes each.
    expect(rt.runAsOwner('tryPut', 'ru', 'я'.repeat(4609))).toBe('Exception: Argument too large: value');
    expect(rt.runAsOwner('get', 'big')).toHaveLength(9 * 1024);
  });

  test('a store past 500 KB is refused and keeps its earlier content (guides/services/quotas: Properties total storage)', () => {
    const rt = inlineRuntime(`function fill() {
      var p = PropertiesService.getScriptProperties();
      for (var i = 0; i < 100; i++) {
        try { p.setProperty('k' + i, new Array(9001).join('v')); } catch (e) { return i + ':' + e.message; }
      }
      return 'all stored';
    }`);
    const result = rt.runAsOwner<string>('fill');
    const stored = Number(result.split(':')[0]);
    expect(result).toBe(`${stored}:${PROPERTY_QUOTA_ERROR}`);
    expect(stored).toBe(56); // 56 values of 9000 bytes and their keys fit in 512 000 bytes; a 57th does not
    expect(propertyStore(rt, 'script').size).toBe(56);
    expect(rt.countOf('Properties.setProperty')).toBe(57);
  });
});
