/**
 * The workbook's shape: every sheet the helpdesk owns, its columns by stable key, and the choice lists
 * behind its dropdowns. Labels live in the locale files; cells and the script meet only through keys.
 */
export const CHOICE_LISTS = {
  status: ['new', 'inProgress', 'clarification', 'escalated', 'answered', 'closed', 'rejected', 'etiquetteEnded'],
  channel: ['form', 'phone', 'inPerson', 'seminar', 'parentMeeting', 'email', 'online'],
  requesterType: ['parent', 'student', 'staff'],
  preferredChannel: ['email', 'phone'],
  role: ['consultant', 'deputy', 'director', 'teacher', 'staff'],
  scheduleKind: ['officeHours', 'seminar', 'training', 'parentMeeting', 'newStaffTraining'],
  audience: ['staff', 'parents', 'all'],
  calendarKind: ['holiday', 'workday', 'short'],
  rejectReason: ['insufficientInfo', 'incorrectQuestion', 'lateInfo'],
  satisfaction: ['helped', 'notHelped'],
  // R3.2; the labels are the default topics, which the school may edit in «Настройки».
  topic: ['timetable', 'grades', 'attendance', 'lessonPlanning', 'lessons', 'diaryAccess', 'other'],
} as const;

export type ChoiceListKey = keyof typeof CHOICE_LISTS;

export type ColumnType =
  | 'text' // a person's words or a code: plain-text format, never parsed, never a formula
  | 'id'
  | 'datetime'
  | 'date'
  | 'time'
  | 'number'
  | 'bool'
  | 'choice';

export interface ColumnDef {
  readonly key: string;
  readonly type: ColumnType;
  readonly choices?: ChoiceListKey;
  /** Who writes it: the script (protected, warning-only) or people. */
  readonly writer: 'script' | 'people';
  /** Holds a requester's personal data: never copied to the audit log, reports or the public page. */
  readonly personal?: boolean;
  readonly width?: number;
}

export const SHEET_KEYS = [
  'requests',
  'schedule',
  'staff',
  'knowledge',
  'calendar',
  'settings',
  'dashboard',
  'audit',
  'mailQueue',
  'state',
] as const;
export type SheetKey = (typeof SHEET_KEYS)[number];

export interface SheetDef {
  readonly key: SheetKey;
  /** 'table': a key row (hidden), a header row, then records. 'free': a layout the script draws (dashboard). */
  readonly kind: 'table' | 'free';
  readonly hidden?: boolean;
  /**
   * 'people': people edit records; script-owned columns are protected warning-only.
   * 'owner-only': only the owning account may edit (the script's own records).
   * 'warning': the whole sheet warns before a hand edit (the dashboard).
   */
  readonly access: 'people' | 'owner-only' | 'warning';
  readonly columns: readonly ColumnDef[];
}

const text = (key: string, writer: ColumnDef['writer'], extra: Partial<ColumnDef> = {}): ColumnDef => ({
  key,
  type: 'text',
  writer,
  ...extra,
});
const col = (
  key: string,
  type: ColumnType,
  writer: ColumnDef['writer'],
  extra: Partial<ColumnDef> = {},
): ColumnDef => ({
  key,
  type,
  writer,
  ...extra,
});
const choice = (key: string, choices: ChoiceListKey, writer: ColumnDef['writer']): ColumnDef => ({
  key,
  type: 'choice',
  choices,
  writer,
});

export const SHEETS: readonly SheetDef[] = [
  {
    key: 'requests',
    kind: 'table',
    access: 'people',
    columns: [
      col('id', 'id', 'script', { width: 130 }),
      col('createdAt', 'datetime', 'script', { width: 130 }),
      choice('channel', 'channel', 'people'),
      choice('requesterType', 'requesterType', 'people'),
      text('name', 'people', { personal: true, width: 180 }),
      text('className', 'people', { personal: true, width: 70 }),
      text('email', 'people', { personal: true, width: 180 }),
      text('phone', 'people', { personal: true, width: 130 }),
      choice('preferredChannel', 'preferredChannel', 'people'),
      choice('topic', 'topic', 'people'),
      text('description', 'people', { personal: true, width: 320 }),
      choice('status', 'status', 'people'),
      text('assignee', 'people', { width: 160 }),
      col('dueAt', 'datetime', 'script', { width: 130 }),
      col('firstResponseAt', 'datetime', 'script', { width: 130 }),
      col('resolvedAt', 'datetime', 'script', { width: 130 }),
      text('answer', 'people', { personal: true, width: 320 }),
      choice('rejectReason', 'rejectReason', 'people'),
      text('supportTicket', 'people'),
      text('flags', 'script', { width: 160 }),
      text('duplicateOf', 'script'),
      text('satisfaction', 'script'),
      text('notes', 'people', { personal: true, width: 200 }),
    ],
  },
  {
    key: 'schedule',
    kind: 'table',
    access: 'people',
    columns: [
      col('date', 'date', 'people'),
      col('start', 'time', 'people'),
      col('end', 'time', 'people'),
      choice('kind', 'scheduleKind', 'people'),
      choice('audience', 'audience', 'people'),
      text('topic', 'people', { width: 220 }),
      text('place', 'people', { width: 140 }),
      text('consultant', 'people', { width: 160 }),
      text('approvedBy', 'script', { width: 160 }),
      col('approvedAt', 'datetime', 'script'),
      // What the approval covered (date, times, kind, audience, topic, place, consultant): a change voids it.
      text('approvedFingerprint', 'script'),
      text('notes', 'people', { width: 200 }),
      col('eventId', 'id', 'script'),
    ],
  },
  {
    key: 'staff',
    kind: 'table',
    access: 'people',
    columns: [
      text('email', 'people', { width: 200 }),
      text('name', 'people', { width: 200 }),
      choice('role', 'role', 'people'),
      text('position', 'people', { width: 180 }),
      col('startDate', 'date', 'people'),
      col('trainingDue', 'date', 'script'),
      col('trainingDone', 'date', 'people'),
      col('active', 'bool', 'people'),
      text('notes', 'people', { width: 200 }),
    ],
  },
  {
    key: 'knowledge',
    kind: 'table',
    access: 'people',
    columns: [
      choice('topic', 'topic', 'people'),
      text('question', 'people', { width: 260 }),
      text('answer', 'people', { width: 420 }),
      text('link', 'people', { width: 220 }),
      col('canned', 'bool', 'people'),
      col('public', 'bool', 'people'),
    ],
  },
  {
    key: 'calendar',
    kind: 'table',
    access: 'people',
    columns: [
      col('date', 'date', 'people'),
      choice('kind', 'calendarKind', 'people'),
      text('note', 'people', { width: 260 }),
      text('source', 'people', { width: 260 }),
      col('provisional', 'bool', 'people'),
    ],
  },
  {
    key: 'settings',
    kind: 'table',
    access: 'people',
    columns: [
      text('key', 'script', { width: 60 }),
      text('label', 'script', { width: 280 }),
      text('value', 'people', { width: 300 }),
      text('description', 'script', { width: 420 }),
    ],
  },
  { key: 'dashboard', kind: 'free', access: 'warning', columns: [] },
  {
    key: 'audit',
    kind: 'table',
    access: 'owner-only',
    columns: [
      col('at', 'datetime', 'script'),
      text('requestId', 'script'),
      text('action', 'script', { width: 180 }),
      text('columnKey', 'script'),
      text('actor', 'script', { width: 180 }),
      text('before', 'script', { width: 160 }),
      text('after', 'script', { width: 160 }),
      text('note', 'script', { width: 260 }),
    ],
  },
  {
    key: 'mailQueue',
    kind: 'table',
    hidden: true,
    access: 'owner-only',
    columns: [
      text('key', 'script', { width: 260 }),
      text('requestId', 'script'),
      text('kind', 'script'),
      col('priority', 'number', 'script'),
      text('to', 'script', { personal: true }),
      text('subject', 'script'),
      text('status', 'script'),
      col('createdAt', 'datetime', 'script'),
      col('sentAt', 'datetime', 'script'),
      text('messageId', 'script'),
      text('threadId', 'script'),
      col('attempts', 'number', 'script'),
      text('error', 'script'),
      text('payload', 'script', { personal: true }),
    ],
  },
  {
    key: 'state',
    kind: 'table',
    hidden: true,
    access: 'owner-only',
    columns: [
      text('requestId', 'script'),
      // One request per source: a form response, an e-mail, a dialog submission (request.ts sourceKey).
      text('sourceKey', 'script'),
      col('firstResponseDueAt', 'datetime', 'script'),
      col('resolutionDueAt', 'datetime', 'script'),
      col('pausedSince', 'datetime', 'script'),
      col('pausedMs', 'number', 'script'),
      col('alertLevel', 'number', 'script'),
      // Text beyond a cell's 50 000 characters, kept whole (JSON by column key).
      text('overflow', 'script', { personal: true }),
      // When the registration's mail was enqueued: empty means runQueue still owes it.
      col('notifiedAt', 'datetime', 'script'),
      col('updatedAt', 'datetime', 'script'),
      // The life cycle's counters, kept at the moment of each change (the dashboard reads them, not the journal).
      col('clarifications', 'number', 'script'),
      col('escalations', 'number', 'script'),
      col('lastEscalatedAt', 'datetime', 'script'),
      col('supportWaitMs', 'number', 'script'),
    ],
  },
];

/** Rows above the records in a table sheet: the (hidden) key row, then the header row. */
export const KEY_ROW = 1;
export const HEADER_ROW = 2;
export const FIRST_DATA_ROW = 3;

export function sheetDef(key: SheetKey): SheetDef {
  const def = SHEETS.find((s) => s.key === key);
  if (!def) throw new Error(`Unknown sheet ${key}`);
  return def;
}

/** The Sheets number format a column is written with. Text columns are plain text ("@"), so nothing is parsed. */
export function numberFormatOf(type: ColumnType): string {
  switch (type) {
    case 'datetime':
      return 'dd.mm.yyyy hh:mm';
    case 'date':
      return 'dd.mm.yyyy';
    case 'time':
      return 'hh:mm';
    case 'number':
      return '0';
    case 'bool':
      return 'General';
    default:
      return '@';
  }
}

export interface ColumnPlan {
  /** Schema columns missing from the sheet, in schema order, appended after the last column. */
  readonly missing: readonly ColumnDef[];
  /** Where each known key stands now (1-based), people's own columns left alone. */
  readonly positions: ReadonlyMap<string, number>;
}

/** Compares the key row a sheet has with the schema: what to add, never what to move. */
export function planColumns(def: SheetDef, keyRow: readonly unknown[]): ColumnPlan {
  const positions = new Map<string, number>();
  keyRow.forEach((cell, i) => {
    const key = String(cell ?? '').trim();
    if (key && !positions.has(key)) positions.set(key, i + 1);
  });
  return { missing: def.columns.filter((c) => !positions.has(c.key)), positions };
}
