/**
 * Modelled Apps Script time per service call, in virtual milliseconds. The emulator advances the virtual
 * clock by these, so long runs hit the 6-minute limit as they would on Google's servers, and the benchmark
 * turns call counts into a modelled run time.
 *
 * Sources: Google's best-practices page (guides/support/best-practices) measured 10 000 single-cell
 * `setBackgroundColor` calls at about 70 s against about 1 s for one `setBackgrounds` call over the same
 * cells: about 7 ms a round trip and about 0.1 ms a cell moved. The other services' figures are typical
 * execution-transcript timings, rounded; they only need to be of the right order.
 */
export const CALL_COST_MS: Record<string, number> = {
  Spreadsheet: 7,
  Form: 40,
  Gmail: 60,
  GmailSend: 250,
  Mail: 250,
  Properties: 15,
  Cache: 8,
  Lock: 5,
  ScriptApp: 30,
  Html: 5,
  Content: 2,
  Charts: 7,
  Utilities: 0.05,
  Session: 0.5,
  Logger: 0.05,
  Other: 1,
  // Builders, enum values and value objects (a DataValidation read back) live in the script's process.
  Local: 0.05,
};

/** Per cell read or written by a range call. */
export const CELL_COST_MS = 0.1;

/** Apps Script's execution limits (guides/services/quotas). */
export const LIMITS = {
  executionMs: 6 * 60_000,
  simpleTriggerMs: 30_000,
  customFunctionMs: 30_000,
};

/** Which cost family an Apps Script class belongs to. */
export function costFamily(gasClass: string): string {
  if (
    /Builder$|^(DataValidation|ConditionalFormatRule|BooleanCondition|GradientCondition|ContainerInfo)$/.test(gasClass)
  )
    return 'Local';
  if (LOCAL_ENUMS.has(gasClass)) return 'Local';
  if (
    /^(SpreadsheetApp|Spreadsheet|Sheet|Range|RangeList|Protection|DataValidation|ConditionalFormat|NamedRange|EmbeddedChart|Filter|DeveloperMetadata|TextFinder)/.test(
      gasClass,
    )
  )
    return 'Spreadsheet';
  if (/^(FormApp|Form|Item|.*Item$|FormResponse|ItemResponse)/.test(gasClass)) return 'Form';
  if (/^Gmail/.test(gasClass)) return 'Gmail';
  if (gasClass === 'MailApp') return 'Mail';
  if (/^(PropertiesService|Properties)$/.test(gasClass)) return 'Properties';
  if (/^(CacheService|Cache)$/.test(gasClass)) return 'Cache';
  if (/^(LockService|Lock)$/.test(gasClass)) return 'Lock';
  if (
    /^(ScriptApp|Trigger|TriggerBuilder|ClockTriggerBuilder|SpreadsheetTriggerBuilder|FormTriggerBuilder|Service)/.test(
      gasClass,
    )
  )
    return 'ScriptApp';
  if (/^(HtmlService|HtmlOutput|HtmlTemplate|Ui|Menu)/.test(gasClass)) return 'Html';
  if (/^(ContentService|TextOutput)/.test(gasClass)) return 'Content';
  if (/^Charts/.test(gasClass)) return 'Charts';
  if (gasClass === 'Utilities' || gasClass === 'Blob') return 'Utilities';
  if (gasClass === 'Session' || gasClass === 'User') return 'Session';
  if (gasClass === 'Logger' || gasClass === 'console') return 'Logger';
  return 'Other';
}

/** Enum classes: their methods (name(), toString()) never leave the script's process. */
const LOCAL_ENUMS = new Set([
  'ProtectionType',
  'DataValidationCriteria',
  'BooleanCriteria',
  'WrapStrategy',
  'BorderStyle',
  'Button',
  'ButtonSet',
  'ChartType',
  'AuthMode',
  'EventType',
  'TriggerSource',
  'WeekDay',
  'XFrameOptionsMode',
  'SandboxMode',
  'MimeType',
  'ItemType',
  'DestinationType',
]);
