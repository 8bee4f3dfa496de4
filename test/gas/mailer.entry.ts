// Test entry: thin exports over the mailer, bundled by test/helpers/gas-bundle.ts.
import type { OutgoingMessage } from '../../src/domain/mail-queue';
import { FIRST_DATA_ROW, numberFormatOf, sheetDef } from '../../src/domain/schema';
import { drainMailWork, enqueueMail, runMailQueue } from '../../src/gas/mailer';
import { ru } from '../../src/locale/ru';

/**
 * The queue sheet as setup makes it (setup is not part of the mailer): keys in row 1, labels in row 2, each
 * column's number format. `order` lists the keys left to right; other names become people's own columns.
 */
export function createQueueSheet(order?: string[]): void {
  const def = sheetDef('mailQueue');
  const keys = order ?? def.columns.map((c) => c.key);
  const labels = ru.columns.mailQueue as Record<string, string>;
  const sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet(ru.sheets.mailQueue);
  const rows = sheet.getMaxRows() - FIRST_DATA_ROW + 1;
  keys.forEach((key, i) => {
    const col = def.columns.find((c) => c.key === key);
    sheet.getRange(FIRST_DATA_ROW, i + 1, rows, 1).setNumberFormat(col ? numberFormatOf(col.type) : '@');
  });
  const header = sheet.getRange(1, 1, 2, keys.length);
  header.setNumberFormat('@');
  header.setValues([keys.map((k) => (def.columns.some((c) => c.key === k) ? k : '')), keys.map((k) => labels[k] ?? k)]);
}

export function enqueue(messages: OutgoingMessage[]) {
  return enqueueMail(messages);
}

export function runQueue(budgetMs?: number) {
  return runMailQueue(new Date(), budgetMs);
}

export function drain() {
  return drainMailWork();
}
