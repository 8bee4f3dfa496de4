/**
 * Exports a spreadsheet of the embedded runtime to .xlsx (exceljs), so a person can open what the script
 * built in LibreOffice or Excel: every sheet in order with values (dates as dates of the spreadsheet's
 * zone), formulas with their shown values, number formats, bold/italic/colours/backgrounds, alignment and
 * wrapping, borders, frozen panes, column widths, hidden sheets/rows/columns, tab colours, notes, data
 * validation and conditional formatting rules. Protections are not exported (Excel's model differs).
 */
import ExcelJS from 'exceljs';
import type { Runtime } from './runtime';
import { columnToLetters, spreadsheetModel } from './services/spreadsheet/index';
import type { Layers, RangeRef, SheetModel, ValidationRule } from './services/spreadsheet/model';
import { formatFamily, isDateFamily } from './services/spreadsheet/number-format';
import type { Run } from './services/spreadsheet/runs';
import { EPOCH_MS, TypedNumber } from './services/spreadsheet/values';

const DAY_MS = 86_400_000;
/** Sheets' pixels to Excel's character widths (Arial 10: about 7 px a character plus padding). */
const PX_PER_CHAR = 7;
/** Formatting of empty rows is exported this far below the data, so whole-column styles stay cheap. */
const STYLE_MARGIN_ROWS = 50;

function argb(hex: string): string {
  const h = hex.replace('#', '');
  return `FF${(h.length === 3 ? h.replace(/./g, '$&$&') : h).toUpperCase()}`;
}

/** Sheets patterns are close to Excel's; date codes become Excel's canonical lower case (MM → mm, H → h). */
function excelNumFmt(pattern: string): string | undefined {
  const family = formatFamily(pattern);
  if (family === 'general') return undefined;
  if (!isDateFamily(family)) return pattern;
  return pattern
    .split(/("[^"]*")/)
    .map((part) =>
      part.startsWith('"')
        ? part
        : part
            .toLowerCase()
            .replace(/am\/pm/g, 'AM/PM')
            .replace(/a\/p/g, 'A/P'),
    )
    .join('');
}

/** The wall-clock serial as a Date whose UTC fields read it (exceljs writes Dates by their UTC time). */
function serialDate(serial: number): Date {
  return new Date(EPOCH_MS + Math.round(serial * DAY_MS));
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function refAddress(ref: RangeRef, withSheet: boolean): string {
  const a = `$${columnToLetters(ref.c1)}$${ref.r1}:$${columnToLetters(ref.c2)}$${ref.r2}`;
  return withSheet ? `${quoteSheet(ref.sheet.name)}!${a}` : a;
}

function isRef(v: unknown): v is RangeRef {
  return v !== null && typeof v === 'object' && 'sheet' in v && 'r1' in v;
}

function excelDate(v: unknown): Date | undefined {
  return v instanceof Date ? v : undefined;
}

function validationOf(rule: ValidationRule, sheet: SheetModel): ExcelJS.DataValidation | undefined {
  const base = {
    allowBlank: true,
    showErrorMessage: !rule.allowInvalid,
    showInputMessage: rule.helpText !== '',
    prompt: rule.helpText || undefined,
    error: rule.helpText || undefined,
  };
  const a = rule.args;
  switch (rule.criteria) {
    case 'VALUE_IN_LIST': {
      const list = (Array.isArray(a[0]) ? a[0] : []).map((x) => String(x).replace(/"/g, '""'));
      return { ...base, type: 'list', formulae: [`"${list.join(',')}"`] };
    }
    case 'VALUE_IN_RANGE':
      return isRef(a[0]) ? { ...base, type: 'list', formulae: [refAddress(a[0], a[0].sheet !== sheet)] } : undefined;
    case 'CHECKBOX':
      return { ...base, type: 'list', formulae: [a.length === 0 ? '"TRUE,FALSE"' : `"${a.map(String).join(',')}"`] };
    case 'NUMBER_BETWEEN':
      return { ...base, type: 'decimal', operator: 'between', formulae: [a[0], a[1]] };
    case 'NUMBER_NOT_BETWEEN':
      return { ...base, type: 'decimal', operator: 'notBetween', formulae: [a[0], a[1]] };
    case 'NUMBER_GREATER_THAN':
      return { ...base, type: 'decimal', operator: 'greaterThan', formulae: [a[0]] };
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return { ...base, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [a[0]] };
    case 'NUMBER_LESS_THAN':
      return { ...base, type: 'decimal', operator: 'lessThan', formulae: [a[0]] };
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return { ...base, type: 'decimal', operator: 'lessThanOrEqual', formulae: [a[0]] };
    case 'NUMBER_EQUAL_TO':
      return { ...base, type: 'decimal', operator: 'equal', formulae: [a[0]] };
    case 'NUMBER_NOT_EQUAL_TO':
      return { ...base, type: 'decimal', operator: 'notEqual', formulae: [a[0]] };
    case 'DATE_AFTER':
    case 'DATE_ON_OR_AFTER':
    case 'DATE_BEFORE':
    case 'DATE_ON_OR_BEFORE': {
      const d = excelDate(a[0]);
      if (!d) return undefined;
      const op = {
        DATE_AFTER: 'greaterThan',
        DATE_ON_OR_AFTER: 'greaterThanOrEqual',
        DATE_BEFORE: 'lessThan',
        DATE_ON_OR_BEFORE: 'lessThanOrEqual',
      } as const;
      return { ...base, type: 'date', operator: op[rule.criteria], formulae: [d] };
    }
    case 'DATE_BETWEEN': {
      const d0 = excelDate(a[0]);
      const d1 = excelDate(a[1]);
      return d0 && d1 ? { ...base, type: 'date', operator: 'between', formulae: [d0, d1] } : undefined;
    }
    case 'CUSTOM_FORMULA':
      return { ...base, type: 'custom', formulae: [String(a[0]).replace(/^=/, '')] };
    default:
      return undefined;
  }
}

interface StyleSpec {
  apply(
    target: {
      numFmt?: string;
      font?: Partial<ExcelJS.Font>;
      fill?: ExcelJS.Fill;
      alignment?: Partial<ExcelJS.Alignment>;
      border?: Partial<ExcelJS.Borders>;
    },
    value: unknown,
  ): void;
}

/** How each attribute layer lands on an exceljs cell or column. */
function styleSpecs(layers: Layers): Array<{ runs: Iterable<{ c: number } & Run<unknown>>; spec: StyleSpec }> {
  const font = (t: { font?: Partial<ExcelJS.Font> }, patch: Partial<ExcelJS.Font>) => {
    t.font = { ...(t.font ?? {}), ...patch };
  };
  const align = (t: { alignment?: Partial<ExcelJS.Alignment> }, patch: Partial<ExcelJS.Alignment>) => {
    t.alignment = { ...(t.alignment ?? {}), ...patch };
  };
  return [
    {
      runs: layers.numberFormat.entries(),
      spec: {
        apply: (t, v) => {
          const f = excelNumFmt(String(v));
          if (f) t.numFmt = f;
        },
      },
    },
    {
      runs: layers.background.entries(),
      spec: {
        apply: (t, v) => {
          t.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(String(v)) } };
        },
      },
    },
    { runs: layers.fontWeight.entries(), spec: { apply: (t, v) => font(t, { bold: v === 'bold' }) } },
    { runs: layers.fontStyle.entries(), spec: { apply: (t, v) => font(t, { italic: v === 'italic' }) } },
    { runs: layers.fontColor.entries(), spec: { apply: (t, v) => font(t, { color: { argb: argb(String(v)) } }) } },
    { runs: layers.fontSize.entries(), spec: { apply: (t, v) => font(t, { size: Number(v) }) } },
    { runs: layers.fontFamily.entries(), spec: { apply: (t, v) => font(t, { name: String(v) }) } },
    {
      runs: layers.fontLine.entries(),
      spec: {
        apply: (t, v) =>
          font(t, v === 'underline' ? { underline: true } : v === 'line-through' ? { strike: true } : {}),
      },
    },
    {
      runs: layers.hAlign.entries(),
      spec: {
        apply: (t, v) => {
          const h = String(v).toLowerCase();
          if (h === 'left' || h === 'center' || h === 'right') align(t, { horizontal: h });
        },
      },
    },
    {
      runs: layers.vAlign.entries(),
      spec: {
        apply: (t, v) => {
          const x = String(v).toLowerCase();
          align(t, { vertical: x === 'middle' || x === 'center' ? 'middle' : x === 'top' ? 'top' : 'bottom' });
        },
      },
    },
    { runs: layers.wrap.entries(), spec: { apply: (t, v) => align(t, { wrapText: v === 'WRAP' }) } },
    {
      runs: layers.border.entries(),
      spec: {
        apply: (t, v) => {
          const color = { argb: argb(String(v).split(' ')[1] ?? '#000000') };
          const side: Partial<ExcelJS.Border> = { style: 'thin', color };
          t.border = { top: side, left: side, bottom: side, right: side };
        },
      },
    },
  ];
}

function writeSheet(wb: ExcelJS.Workbook, sheet: SheetModel): void {
  const frozen = sheet.frozenRows > 0 || sheet.frozenCols > 0;
  const ws = wb.addWorksheet(sheet.name.slice(0, 31), {
    state: sheet.hidden ? 'hidden' : 'visible',
    properties: sheet.tabColor ? { tabColor: { argb: argb(sheet.tabColor) } } : {},
    views: [frozen ? { state: 'frozen', xSplit: sheet.frozenCols, ySplit: sheet.frozenRows } : { state: 'normal' }],
  });
  const lastRow = sheet.lastRow();
  const styleRows = Math.min(sheet.maxRows, lastRow + STYLE_MARGIN_ROWS);

  // Widths and hidden columns.
  for (const run of sheet.colWidths.runs) {
    for (let c = run.start; c <= run.end && c <= sheet.maxCols; c++)
      ws.getColumn(c).width = Math.max(1, run.value / PX_PER_CHAR);
  }
  for (const run of sheet.hiddenCols.runs) for (let c = run.start; c <= run.end; c++) ws.getColumn(c).hidden = true;

  // A run covering the whole column becomes the column's style; shorter runs style their cells.
  const cellRuns: Array<{ c: number; start: number; end: number; value: unknown; spec: StyleSpec }> = [];
  for (const { runs, spec } of styleSpecs(sheet.layers)) {
    for (const run of runs) {
      if (run.start === 1 && run.end >= sheet.maxRows)
        spec.apply(ws.getColumn(run.c) as unknown as Parameters<StyleSpec['apply']>[0], run.value);
      else cellRuns.push({ ...run, spec });
    }
  }

  // Values and formulas.
  for (let r = 1; r <= lastRow; r++) {
    const row = sheet.values[r - 1];
    const frow = sheet.formulas[r - 1];
    if (!row && !frow) continue;
    const width = Math.max(row?.length ?? 0, frow?.length ?? 0);
    for (let c = 1; c <= width; c++) {
      const v = row?.[c - 1];
      const f = frow?.[c - 1];
      if ((v === undefined || v === '') && f === undefined) continue;
      const cell = ws.getCell(r, c);
      const explicit = sheet.layers.numberFormat.get(r, c);
      let value: ExcelJS.CellValue;
      if (v instanceof TypedNumber) {
        value = isDateFamily(formatFamily(v.fmt)) ? serialDate(v.n) : v.n;
        const fmt = excelNumFmt(v.fmt);
        if (fmt) cell.numFmt = fmt;
      } else if (typeof v === 'number' && explicit !== undefined && isDateFamily(formatFamily(explicit))) {
        value = serialDate(v);
      } else {
        value = v === undefined ? '' : v;
      }
      if (f !== undefined) {
        const result =
          value instanceof Date ||
          typeof value === 'number' ||
          typeof value === 'boolean' ||
          (typeof value === 'string' && value !== '')
            ? value
            : undefined;
        cell.value = (
          result === undefined ? { formula: f.slice(1) } : { formula: f.slice(1), result }
        ) as ExcelJS.CellFormulaValue;
      } else cell.value = value;
    }
  }

  for (const run of cellRuns) {
    const end = Math.min(run.end, styleRows);
    for (let r = run.start; r <= end; r++)
      run.spec.apply(ws.getCell(r, run.c) as unknown as Parameters<StyleSpec['apply']>[0], run.value);
  }

  // Hidden rows.
  for (const run of sheet.hiddenRows.runs)
    for (let r = run.start; r <= Math.min(run.end, styleRows); r++) ws.getRow(r).hidden = true;
  for (const run of sheet.rowHeights.runs)
    for (let r = run.start; r <= Math.min(run.end, styleRows); r++) ws.getRow(r).height = run.value * 0.75;

  // Notes.
  for (const run of sheet.layers.note.entries()) {
    for (let r = run.start; r <= Math.min(run.end, styleRows); r++) ws.getCell(r, run.c).note = run.value;
  }

  // Data validation, one range per run.
  const dvs = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  for (const run of sheet.layers.validation.entries()) {
    const dv = validationOf(run.value, sheet);
    if (!dv) continue;
    const col = columnToLetters(run.c);
    const end = Math.min(run.end, Math.max(styleRows, run.start));
    dvs.add(run.start === end ? `${col}${run.start}` : `${col}${run.start}:${col}${end}`, dv);
  }

  // Merges.
  for (const m of sheet.merges) ws.mergeCells(m.r1, m.c1, m.r2, m.c2);

  // Conditional formatting.
  for (const rule of sheet.conditionalRules) {
    const cf = conditionalRule(rule.criteria, rule.args, rule.ranges[0]);
    if (!cf || rule.ranges.length === 0) continue;
    const style: Partial<ExcelJS.Style> = {};
    if (rule.background) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(rule.background) } };
    if (rule.fontColor || rule.bold || rule.italic || rule.strikethrough || rule.underline) {
      style.font = {
        ...(rule.fontColor ? { color: { argb: argb(rule.fontColor) } } : {}),
        ...(rule.bold ? { bold: true } : {}),
        ...(rule.italic ? { italic: true } : {}),
        ...(rule.strikethrough ? { strike: true } : {}),
        ...(rule.underline ? { underline: true } : {}),
      };
    }
    ws.addConditionalFormatting({
      ref: rule.ranges.map((r) => refAddress(r, false).replace(/\$/g, '')).join(' '),
      rules: [{ ...cf, priority: 1, style } as ExcelJS.ConditionalFormattingRule],
    });
  }
}

/** Sheets' boolean criteria as an Excel expression rule on the top-left cell of the first range. */
function conditionalRule(
  criteria: string,
  args: unknown[],
  first: RangeRef | undefined,
): { type: 'expression'; formulae: string[] } | undefined {
  if (!first) return undefined;
  const cell = `${columnToLetters(first.c1)}${first.r1}`;
  const text = (v: unknown) => `"${String(v).replace(/"/g, '""')}"`;
  const expr: Record<string, () => string> = {
    CUSTOM_FORMULA: () => String(args[0]).replace(/^=/, ''),
    CELL_EMPTY: () => `LEN(${cell})=0`,
    CELL_NOT_EMPTY: () => `LEN(${cell})>0`,
    TEXT_EQUAL_TO: () => `${cell}=${text(args[0])}`,
    TEXT_NOT_EQUAL_TO: () => `${cell}<>${text(args[0])}`,
    TEXT_CONTAINS: () => `ISNUMBER(SEARCH(${text(args[0])},${cell}))`,
    TEXT_DOES_NOT_CONTAIN: () => `ISERROR(SEARCH(${text(args[0])},${cell}))`,
    TEXT_STARTS_WITH: () => `LEFT(${cell},${String(args[0]).length})=${text(args[0])}`,
    TEXT_ENDS_WITH: () => `RIGHT(${cell},${String(args[0]).length})=${text(args[0])}`,
    NUMBER_GREATER_THAN: () => `${cell}>${Number(args[0])}`,
    NUMBER_GREATER_THAN_OR_EQUAL_TO: () => `${cell}>=${Number(args[0])}`,
    NUMBER_LESS_THAN: () => `${cell}<${Number(args[0])}`,
    NUMBER_LESS_THAN_OR_EQUAL_TO: () => `${cell}<=${Number(args[0])}`,
    NUMBER_EQUAL_TO: () => `${cell}=${Number(args[0])}`,
    NUMBER_NOT_EQUAL_TO: () => `${cell}<>${Number(args[0])}`,
    NUMBER_BETWEEN: () => `AND(${cell}>=${Number(args[0])},${cell}<=${Number(args[1])})`,
    NUMBER_NOT_BETWEEN: () => `OR(${cell}<${Number(args[0])},${cell}>${Number(args[1])})`,
  };
  const make = expr[criteria];
  return make ? { type: 'expression', formulae: [make()] } : undefined;
}

/** Writes spreadsheet `spreadsheetId` (the container when omitted) to `filePath` as .xlsx. */
export async function exportXlsx(rt: Runtime, spreadsheetId: string | undefined, filePath: string): Promise<void> {
  const ss = spreadsheetModel(rt, spreadsheetId);
  const wb = new ExcelJS.Workbook();
  wb.creator = ss.owner;
  wb.title = ss.name;
  wb.created = new Date(rt.clock.now());
  for (const sheet of ss.sheets) writeSheet(wb, sheet);
  await wb.xlsx.writeFile(filePath);
}
