// The .xlsx export: what the script built opens in LibreOffice/Excel (read back here with exceljs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { containerSpreadsheetId } from '../../emulator/services/spreadsheet/index';
import { exportXlsx } from '../../emulator/xlsx';
import { inlineRuntime } from '../helpers/inline-runtime';

test('exports sheets in order with values, dates, formulas, formats, panes, widths, hidden parts, notes and validation', async () => {
  const rt = inlineRuntime(`function build() {
    var ss = SpreadsheetApp.getActive();
    var log = ss.getSheets()[0].setName('Журнал');
    log.getRange('A1:E1').setValues([['ID', 'Дата', 'Телефон', 'Статус', 'Ссылка']]).setFontWeight('bold').setBackground('#cfe2f3').setFontColor('#1c4587');
    log.getRange('C:C').setNumberFormat('@');
    log.getRange('B2:B1000').setNumberFormat('dd.MM.yyyy HH:mm');
    log.getRange('A2:E3').setValues([
      ['R-1', new Date(2026, 0, 15, 9, 30), '+79120000000', 'Новое', '=HYPERLINK("https://example.org/r1", "Открыть")'],
      ['R-2', '16.01.2026 10:05', '0012', 'Закрыто', 42],
    ]);
    log.getRange('D2:D1000').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['Новое', 'В работе', 'Закрыто']).setAllowInvalid(false).build());
    log.getRange('A2').setNote('создано формой');
    log.getRange('D2:D3').setWrap(true).setHorizontalAlignment('center');
    log.setFrozenRows(1);
    log.setColumnWidth(5, 280);
    log.hideColumns(3);
    log.hideRows(3);
    log.setConditionalFormatRules([SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo('Закрыто').setBackground('#d9ead3').setRanges([log.getRange('D2:D1000')]).build()]);
    var service = ss.insertSheet('Служебный');
    service.getRange('A1').setValue(true);
    service.hideSheet();
    ss.insertSheet('Сводка', 1).getRange('A1:B1').setValues([['Всего', 2]]);
  }`);
  rt.runAsOwner('build');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-'));
  const file = path.join(dir, 'helpdesk.xlsx');
  await exportXlsx(rt, containerSpreadsheetId(rt), file);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Журнал', 'Сводка', 'Служебный']);
  const log = wb.getWorksheet('Журнал');
  if (!log) throw new Error('no sheet');

  expect(log.getCell('A1').value).toBe('ID');
  expect(log.getCell('A1').font?.bold).toBe(true);
  expect(log.getCell('A1').font?.color?.argb).toBe('FF1C4587');
  expect((log.getCell('A1').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFCFE2F3');
  // The date is the spreadsheet zone's wall clock (09:30), whatever the machine's zone.
  const date = log.getCell('B2').value as Date;
  expect(date).toBeInstanceOf(Date);
  expect(date.toISOString()).toBe('2026-01-15T09:30:00.000Z');
  expect(log.getCell('B2').numFmt).toBe('dd.mm.yyyy hh:mm');
  expect((log.getCell('B3').value as Date).toISOString()).toBe('2026-01-16T10:05:00.000Z');
  expect(log.getCell('C2').value).toBe('+79120000000');
  expect(log.getCell('C3').value).toBe('0012');
  expect(log.getCell('C2').numFmt).toBe('@');
  expect(log.getCell('E2').value).toEqual({
    formula: 'HYPERLINK("https://example.org/r1", "Открыть")',
    result: 'Открыть',
  });
  expect(log.getCell('E3').value).toBe(42);
  expect(log.getCell('A2').note).toBe('создано формой');
  expect(log.getCell('D2').alignment).toMatchObject({ wrapText: true, horizontal: 'center' });
  expect(log.getCell('D5').dataValidation).toMatchObject({
    type: 'list',
    formulae: ['"Новое,В работе,Закрыто"'],
    showErrorMessage: true,
  });
  expect(log.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(log.getColumn(5).width).toBeCloseTo(40, 0);
  expect(log.getColumn(3).hidden).toBe(true);
  expect(log.getRow(3).hidden).toBe(true);
  const cf = (
    log as unknown as {
      conditionalFormattings: Array<{ ref: string; rules: Array<{ type: string; formulae: string[] }> }>;
    }
  ).conditionalFormattings;
  expect(cf).toMatchObject([{ ref: 'D2:D1000', rules: [{ type: 'expression', formulae: ['D2="Закрыто"'] }] }]);
  expect(wb.getWorksheet('Служебный')?.state).toBe('hidden');
  expect(wb.getWorksheet('Служебный')?.getCell('A1').value).toBe(true);
  expect(wb.getWorksheet('Сводка')?.getCell('B1').value).toBe(2);
  fs.rmSync(dir, { recursive: true, force: true });
});
