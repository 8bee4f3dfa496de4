// The request log reaches 50 000 rows × 25 columns: one batched read or write over it must stay cheap in
// host time and memory, with formats kept as runs rather than per cell.
import { spreadsheetModel } from '../../emulator/services/spreadsheet/index';
import { inlineRuntime, OWNER } from '../helpers/inline-runtime';

const ROWS = 50_000;
const COLS = 25;

test('setValues and getValues over 50 000 × 25 cells round-trip, with whole-column formats kept as one run', () => {
  const rt = inlineRuntime(`function prepare() {
      var sh = SpreadsheetApp.getActiveSheet();
      sh.insertRowsAfter(1000, ${ROWS - 1000});
      sh.getRange('A:C').setNumberFormat('@');
      sh.getRange('D:D').setNumberFormat('dd.MM.yyyy HH:mm');
    }
    function write() {
      var rows = [];
      for (var i = 0; i < ${ROWS}; i++) {
        var r = ['R-' + i, 'Иванов Иван ' + i, '+7912' + i, new Date(2026, 0, 1 + (i % 300), 9, 30), i, i % 2 === 0, 'Не открывается дневник, номер ' + i];
        for (var j = r.length; j < ${COLS}; j++) r.push(j % 3 === 0 ? String(i * j) : 'текст ' + j);
        rows.push(r);
      }
      SpreadsheetApp.getActiveSheet().getRange(1, 1, rows.length, ${COLS}).setValues(rows);
    }
    function read() {
      var v = SpreadsheetApp.getActiveSheet().getRange(1, 1, ${ROWS}, ${COLS}).getValues();
      return [v.length, v[${ROWS - 1}][0], v[7][2], v[7][3] instanceof Date, v[7][4], v[7][9]].join('|');
    }`);
  rt.runAsOwner('prepare');
  rt.runAsOwner('write');
  expect(rt.runAsOwner('read')).toBe(`${ROWS}|R-${ROWS - 1}|+79127|true|7|63`);
  // Host time of these calls is measured by `npm run bench`, not asserted here.
  // Whole-column formats stay one run per column.
  const sheet = spreadsheetModel(rt).sheets[0];
  expect(sheet.layers.numberFormat.column(4)?.runs).toEqual([{ start: 1, end: ROWS, value: 'dd.MM.yyyy HH:mm' }]);
  expect(rt.executions.at(-1)?.effectiveUser).toBe(OWNER);
});
