// The work inbox in the script properties: what a person's run posts and the owner's run takes.
import path from 'node:path';
import type { Runtime } from '../../emulator/index';
import { person } from '../../emulator/people';
import { propertyStore } from '../../emulator/services/properties';
import { testEntryRuntime } from '../helpers/gas-bundle';

const OWNER = 'school@gmail.com';
const CONSULTANT = 'consultant@gmail.com';
const ENTRY = path.join(__dirname, 'pending-work.entry.ts');

function runtime(): Runtime {
  return testEntryRuntime(ENTRY, { owner: OWNER });
}

function inbox(rt: Runtime): string[] {
  return [...propertyStore(rt, 'script').keys()].filter((k) => k.startsWith('work.')).sort();
}

test('items are keyed work.<time>.<uuid> and taken oldest first, whoever posted them', () => {
  const rt = runtime();
  const first = person(rt, CONSULTANT).runOrThrow<string>('post', 'mail', { n: 1 });
  rt.clock.advance(60_000);
  const second = rt.runAsOwner<string>('post', 'sheet-write', { n: 2 });
  rt.clock.advance(60_000);
  const third = person(rt, 'deputy@gmail.com').runOrThrow<string>('post', 'mail', { n: 3, text: 'Здравствуйте 👋' });
  expect(first).toMatch(/^work\.\d{15}\.[0-9a-f-]{36}$/);
  expect(inbox(rt)).toEqual([first, second, third]);

  const items = rt.runAsOwner<Array<{ key: string; kind: string; postedAt: number; payload: unknown }>>('take');
  expect(items.map((i) => i.key)).toEqual([first, second, third]);
  expect(items[2]).toMatchObject({ kind: 'mail', payload: { n: 3, text: 'Здравствуйте 👋' } });
  expect(items[1].postedAt - items[0].postedAt).toBeGreaterThanOrEqual(60_000);
  expect(rt.runAsOwner<unknown[]>('take', 'mail').map((i) => (i as { key: string }).key)).toEqual([first, third]);
  // Taking deletes nothing.
  expect(inbox(rt)).toHaveLength(3);
});

test('a drain deletes only what the handler reports done; the rest waits for the next run', () => {
  const rt = runtime();
  const keys = [1, 2, 3].map((n) => rt.runAsOwner<string>('post', 'mail', { n }));
  const { report, seen } = rt.runAsOwner<{ report: unknown; seen: string[] }>('drainFirst', 2);
  expect(seen).toEqual(keys);
  expect(report).toEqual({ taken: 3, done: 2, left: 1 });
  expect(inbox(rt)).toEqual([keys[2]]);
});

test('a handler that fails deletes nothing', () => {
  const rt = runtime();
  const keys = [1, 2].map((n) => rt.runAsOwner<string>('post', 'mail', { n }));
  expect(rt.runAsOwner('drainFailing')).toEqual({
    taken: 2,
    done: 0,
    left: 2,
    error: 'Service Spreadsheets failed while accessing document with id 1x.',
  });
  expect(inbox(rt)).toEqual(keys);
});

test('a run killed before its deletes leaves the items for the next drain (handlers are idempotent)', () => {
  const rt = runtime();
  const keys = [1, 2].map((n) => rt.runAsOwner<string>('post', 'mail', { n }));
  rt.faults.add({ method: 'Properties.deleteProperty', nth: 2, action: { kill: true } });
  const killed = rt.execute('drainFirst', [2], {
    kind: 'installable-trigger',
    effectiveUser: OWNER,
    actingUser: OWNER,
  });
  expect(killed.ok).toBe(false);
  expect(inbox(rt)).toEqual([keys[1]]);
  expect(rt.runAsOwner<{ seen: string[] }>('drainFirst', 2).seen).toEqual([keys[1]]);
  expect(inbox(rt)).toEqual([]);
});

test('an item larger than a property value (9 KB) goes in parts and comes back whole; beyond 200 KB it is refused', () => {
  const rt = runtime();
  // 5 000 Cyrillic letters are 10 000 UTF-8 bytes: more than one property value holds.
  const text = `${'я'.repeat(5_000)}🙂`;
  const key = person(rt, CONSULTANT).runOrThrow<string>('post', 'mail', { text });
  expect(inbox(rt)).toEqual([key, `${key}~1`, `${key}~2`]);
  const items = rt.runAsOwner<Array<{ key: string; payload: { text: string } }>>('take');
  expect(items.map((i) => i.payload.text)).toEqual([text]);
  expect(rt.runAsOwner<{ seen: string[] }>('drainFirst', 1).seen).toEqual([key]);
  expect([...propertyStore(rt, 'script').keys()]).toEqual([]);

  const out = person(rt, CONSULTANT).run('post', 'mail', { text: 'я'.repeat(110_000) });
  expect(out.ok).toBe(false);
  expect(out.error?.name).toBe('WorkRefused');
  expect(out.error?.message).toMatch(
    /^Задание слишком большое для передачи владельцу системы \(\d+ байт, допустимо 204800\)/,
  );
  expect([...propertyStore(rt, 'script').keys()]).toEqual([]);
});

test('a full inbox (500 KB of properties) is refused with a message that says whom to tell', () => {
  const rt = runtime();
  const store = propertyStore(rt, 'script');
  for (let i = 0; i < 56; i++) store.set(`filler.${i}`, 'x'.repeat(9_000));
  const out = person(rt, CONSULTANT).run('post', 'mail', { text: 'x'.repeat(8_000) });
  expect(out.error?.message).toMatch(/Очередь заданий для владельца системы переполнена/);
  expect(inbox(rt)).toEqual([]);
});

test('an unreadable item is left where it is, and the others are still taken', () => {
  const rt = runtime();
  propertyStore(rt, 'script').set('work.000000000000001.broken', '{not json');
  const key = rt.runAsOwner<string>('post', 'mail', { n: 1 });
  expect(rt.runAsOwner<{ seen: string[] }>('drainFirst', 5).seen).toEqual([key]);
  expect(inbox(rt)).toEqual(['work.000000000000001.broken']);
});
