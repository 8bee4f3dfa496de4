// Test entry: a thin export of an adapter, bundled by test/helpers/gas-bundle.ts.
import { format } from '../../src/locale/index';

export function greet(name: string): string {
  return format('Здравствуйте, {name}!', { name });
}
