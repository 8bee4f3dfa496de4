import path from 'node:path';
import { testEntryRuntime } from '../helpers/gas-bundle';

test('a test entry bundles src modules into top-level functions the runtime can call', () => {
  const rt = testEntryRuntime(path.join(__dirname, 'entry-smoke.entry.ts'), { owner: 'school@gmail.com' });
  expect(rt.runAsOwner('greet', 'Анна')).toBe('Здравствуйте, Анна!');
});
