/**
 * People's text on its way into cells, HTML and exports. Storing it is the plain-text column format's job
 * (a formula typed into a form stays text); here the text is only cleaned of what no person meant to type,
 * fitted to a cell without losing a character, and escaped where it is shown.
 */
import { ru } from '../locale/intake';

/** Google Sheets holds at most 50 000 characters in one cell (Apps Script quotas page). */
export const CELL_LIMIT = 50_000;

export interface FittedText {
  /** What goes into the cell: the start of the text, plus the marker when something did not fit. */
  value: string;
  /** The rest, for the request's bookkeeping; '' when everything fitted. */
  overflow: string;
}

/**
 * Fits text into a cell of `limit` characters (UTF-16 code units, as Sheets counts), keeping the start.
 * When it does not fit, the cell gets as much as leaves room for `marker`, cut where no emoji or accented
 * letter is split; `restoreFitted` puts the original back together.
 */
export function fitToCell(text: string, limit: number = CELL_LIMIT, marker: string = ru.continuedMarker): FittedText {
  if (text.length <= limit) return { value: text, overflow: '' };
  if (limit <= marker.length) throw new RangeError(`A cell limit of ${limit} leaves no room for the marker`);
  const cut = safeCutIndex(text, limit - marker.length);
  return { value: text.slice(0, cut) + marker, overflow: text.slice(cut) };
}

/** The whole text again from a cell's value and its overflow. */
export function restoreFitted(fitted: FittedText, marker: string = ru.continuedMarker): string {
  if (fitted.overflow === '') return fitted.value;
  const kept = fitted.value.endsWith(marker) ? fitted.value.slice(0, -marker.length) : fitted.value;
  return kept + fitted.overflow;
}

const MAX_CLUSTER_STEPS = 32;

/**
 * The nearest index at or before `index` that starts a character as people see it: never inside a
 * surrogate pair, and not before a combining mark, variation selector, skin tone, ZWJ continuation or the
 * second half of a flag. A run of marks longer than any real letter falls back to the surrogate-safe cut.
 */
export function safeCutIndex(text: string, index: number): number {
  if (index <= 0) return 0;
  if (index >= text.length) return text.length;
  const codeUnitSafe = isLowSurrogate(text.charCodeAt(index)) && isHighSurrogate(text.charCodeAt(index - 1));
  const base = codeUnitSafe ? index - 1 : index;
  let cut = base;
  for (let steps = 0; cut > 0 && continuesCluster(text, cut); steps++) {
    if (steps === MAX_CLUSTER_STEPS) return base;
    cut = previousCodePointStart(text, cut);
  }
  return cut;
}

const MARK = /^\p{M}$/u;

/** Combining marks, the zero-width joiner, variation selectors, skin tones and emoji tag characters. */
function extendsPrevious(cp: number): boolean {
  return (
    cp === 0x200d ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
    (cp >= 0xe0020 && cp <= 0xe007f) ||
    MARK.test(String.fromCodePoint(cp))
  );
}

/** Whether the code point at `index` belongs to the character before it. */
function continuesCluster(text: string, index: number): boolean {
  const cp = text.codePointAt(index);
  if (cp === undefined) return false;
  if (extendsPrevious(cp)) return true;
  if (text.charCodeAt(index - 1) === 0x200d) return true; // after a zero-width joiner: 👨‍👩‍👧
  return isRegionalIndicatorAt(text, index) && oddRegionalRunBefore(text, index);
}

function isRegionalIndicatorAt(text: string, index: number): boolean {
  const cp = text.codePointAt(index);
  return cp !== undefined && cp >= 0x1f1e6 && cp <= 0x1f1ff;
}

/** A flag is two regional indicators; a cut after an odd count of them would split one. */
function oddRegionalRunBefore(text: string, index: number): boolean {
  let count = 0;
  for (let i = index; i > 0; ) {
    const prev = previousCodePointStart(text, i);
    if (!isRegionalIndicatorAt(text, prev)) break;
    count++;
    i = prev;
  }
  return count % 2 === 1;
}

function previousCodePointStart(text: string, index: number): number {
  return index >= 2 && isLowSurrogate(text.charCodeAt(index - 1)) && isHighSurrogate(text.charCodeAt(index - 2))
    ? index - 2
    : index - 1;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

const LINE_BREAKS = /\r\n?|[\u0085\u2028\u2029]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as a person meant it: line endings as '\n', control characters other than tab and newline dropped,
 * a broken half of an emoji replaced by �, trailing whitespace of each line and of the text trimmed.
 * Everything else — HTML, a leading = + - @, emoji, mixed scripts — stays exactly as typed.
 */
export function cleanPlainText(text: string): string {
  const cleaned = text.replace(LINE_BREAKS, '\n').replace(CONTROL_CHARS, '').replace(LONE_SURROGATE, '\uFFFD');
  // Split and trim rather than a /\s+$/m regex, which is quadratic on a long run of spaces.
  return cleaned
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trimEnd();
}

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for HTML element content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch]);
}

/** Whether a spreadsheet or CSV reader would take the text for a formula (= + - @, after optional whitespace). */
export function looksLikeFormula(text: string): boolean {
  return /^\s*[=+\-@]/.test(text);
}

/** For places that are not plain-text columns (CSV, exports): a leading apostrophe keeps a formula as text. */
export function neutralizeFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/**
 * One line of at most `max` characters for a mail subject or a list: whitespace collapsed, an ellipsis when
 * cut, and the cut at a word boundary when one is in the second half.
 */
export function truncateForSubject(text: string, max: number): string {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`A subject needs room for a character: ${max}`);
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const kept = line.slice(0, safeCutIndex(line, max - 1));
  const lastSpace = kept.lastIndexOf(' ');
  return (lastSpace > kept.length / 2 ? kept.slice(0, lastSpace) : kept).trimEnd() + '…';
}
