/**
 * The spreadsheet service: registers SpreadsheetApp and exports the host-side helpers (api.ts) and the
 * model for tests and other emulator modules.
 */
import { registerService } from '../../runtime';
import { SpreadsheetAppImpl } from './app';
import { chartsGlobals } from './charts';

registerService({ globals: (exec) => ({ SpreadsheetApp: new SpreadsheetAppImpl(exec)._wrapped() }) });
registerService({ globals: chartsGlobals });

export * from './api';
export { columnToLetters, lettersToColumn, parseA1, type Rect } from './a1';
export { SpreadsheetAppImpl } from './app';
export { type ChartRecord, chartsOf } from './charts';
export {
  containerSpreadsheetId,
  type MenuRecord,
  type ProtectionModel,
  type SheetModel,
  type SpreadsheetModel,
  SpreadsheetStore,
  spreadsheetStore,
  type UiAnswer,
  type UiEvent,
} from './model';
export { DEFAULT_NUMBER_FORMAT, formatFamily } from './number-format';
export { RangeImpl } from './range';
export { SheetImpl } from './sheet';
export { SpreadsheetImpl } from './spreadsheet';
export { type Cell, serialToInstant, TypedNumber } from './values';
