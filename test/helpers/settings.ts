/** Tests change «Настройки» as the school account does: by typing into the value cell of the setting's row. */
import type { Runtime } from '../../emulator/index';
import { person } from '../../emulator/people';
import { readSheetValues } from '../../emulator/services/spreadsheet/index';
import { ru } from '../../src/locale/ru';

export function setSetting(rt: Runtime, key: string, value: string): void {
  const row = readSheetValues(rt, ru.sheets.settings).findIndex((r) => r[0] === key) + 1;
  expect(row).toBeGreaterThan(0);
  expect(person(rt, rt.owner).edit(ru.sheets.settings, `C${row}`, value).refused).toBeUndefined();
}
