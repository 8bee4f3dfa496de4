/** What setup shapes, read from the host side, for comparing one workbook state with another. */
import type { Runtime } from '../../emulator/index';
import { listTriggers } from '../../emulator/scheduler';
import { formModel, listForms } from '../../emulator/services/forms';
import { propertyStore } from '../../emulator/services/properties';
import { containerSpreadsheet, readSheetValues } from '../../emulator/services/spreadsheet/index';
import { ru } from '../../src/locale/ru';

/** Everything setup shapes, read from the host side. */
export function snapshot(rt: Runtime) {
  const ss = containerSpreadsheet(rt);
  return {
    timeZone: ss.timeZone,
    locale: ss.locale,
    // The form's responses sheet is Google's: a question deleted by a run that died half-way keeps its
    // column there, as Google keeps columns of deleted questions. Only its presence is compared.
    responseSheets: ss.sheets.filter((s) => s.formUrl).length,
    sheets: ss.sheets
      .filter((s) => !s.formUrl)
      .map((s) => {
        const columns = Array.from({ length: s.lastColumn() }, (_, i) => i + 1);
        return {
          name: s.name,
          hidden: s.hidden,
          frozen: s.frozenRows,
          keyRowHidden: s.hiddenRows.get(1) === true,
          header: s.lastRow() >= 2 ? readSheetValues(rt, s.name, { a1: `A1:${letter(s.lastColumn())}2` }) : [],
          rows: s.lastRow(),
          // Formats and dropdowns of the first record row stand for the whole column (set column-wide).
          formats: columns.map((c) => s.layers.numberFormat.get(3, c) ?? ''),
          dropdowns: columns.map((c) => JSON.stringify(s.layers.validation.get(3, c) ?? null)),
        };
      }),
    settings: readSheetValues(rt, ru.sheets.settings),
    protections: ss.protections
      .map((p) => ({
        sheet: p.sheet.name,
        type: p.type,
        description: p.description,
        warningOnly: p.warningOnly,
        editors: p.editors === null ? null : [...p.editors].sort(),
      }))
      .sort((a, b) => a.description.localeCompare(b.description)),
    triggers: listTriggers(rt).map((t) => `${t.handler}:${t.owner}`),
    // Form and spreadsheet IDs differ from one runtime to another: compare the shape of the record.
    properties: [...propertyStore(rt, 'document').entries()]
      .map(([k, v]) => [
        k,
        k === 'helpdesk.forms' ? v.replace(/"[A-Za-z0-9_-]{20,}"/g, '"ID"').replace(/\d{5,}/g, 'N') : v,
      ])
      .sort(),
    // The forms that feed a spreadsheet: each question as a person sees it.
    linkedForms: listForms(rt)
      .filter((f) => f.destinationId !== null)
      .map((f) => ({
        title: f.title,
        intoContainer: f.destinationId === ss.id,
        items: formModel(rt, f.id).items.map(
          (i) => `${i.type}:${i.title}:${i.required}:${i.choices.map((c) => c.value).join('|')}`,
        ),
      })),
  };
}

export function letter(col: number): string {
  let s = '';
  for (let n = Math.max(col, 1); n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
