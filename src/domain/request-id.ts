/**
 * Request IDs: `ОБ-2026-00042` — Cyrillic «ОБ», the year of registration in the school's zone, and a
 * sequence that restarts each year, padded to 5 digits and growing to 6 or more rather than failing.
 *
 * People type IDs and mail subjects carry them in many shapes, so reading is lenient:
 * - the prefix in any case, with look-alikes: О as Latin O, Greek Ο or the digit 0; Б as Latin B or
 *   Cyrillic/Latin В (the letter people reach for on a Latin keyboard);
 * - any dash (- ‐ ‑ ‒ – — ― − ﹣ －), underscore or horizontal spaces between the parts, or none;
 * - leading zeros of the sequence dropped or added.
 * When the year and the sequence are written together (`ОБ202600042`) the split is only trusted if the
 * sequence has at least the canonical 5 digits. In free text (`findRequestIds`) an ID whose parts are
 * separated by spaces only must also have 5 digits: «об 2026 3» there is more likely prose than an ID.
 */
import { wallClockOf } from './zoned-time';

export const REQUEST_ID_PREFIX = 'ОБ';
export const SEQUENCE_DIGITS = 5;

export interface RequestIdParts {
  year: number;
  seq: number;
}

const DASHES = '\\-\\u2010-\\u2015\\u2212\\uFE58\\uFE63\\uFF0D';
const SPACES = ' \\t\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000';
const SEPARATOR = `[${DASHES}${SPACES}_]{0,3}`;
// Cyrillic О/о, Latin O/o, Greek Ο/ο, digit 0; then Cyrillic Б/б, Latin B/b, Cyrillic В/в, Greek Β.
const PREFIX = '[ОоOoΟο0][БбBbВвΒ]';
const ID_BODY = `${PREFIX}(${SEPARATOR})(2\\d{3})(${SEPARATOR})(\\d{1,12})`;

const WHOLE_ID = new RegExp(`^${ID_BODY}$`, 'u');
// Not glued to a letter or digit on either side, so «JOB-2026-1» or «10B-2026-1» do not count.
const ID_IN_TEXT = new RegExp(`(?<![\\p{L}\\p{N}])${ID_BODY}(?![\\p{L}\\p{N}])`, 'gu');
const HAS_DASH = new RegExp(`[${DASHES}]`, 'u');

/** Wrappers people and mail clients put around an ID: brackets, quotes, «№», «#», a trailing full stop. */
const WRAPPERS = /^[\s[\](){}<>«»"'“”„№#]+|[\s[\](){}<>«»"'“”„.,;:!?]+$/gu;

/** The canonical text of an ID. Throws on a year or sequence the canonical form cannot carry. */
export function formatRequestId(year: number, seq: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 2999) throw new RangeError(`Year out of range: ${year}`);
  if (!Number.isSafeInteger(seq) || seq < 1 || seq > 999_999_999) throw new RangeError(`Sequence out of range: ${seq}`);
  return `${REQUEST_ID_PREFIX}-${year}-${String(seq).padStart(SEQUENCE_DIGITS, '0')}`;
}

/** No ID, however wrapped, is this long; the cap also keeps hostile input away from the regexes. */
const MAX_ID_TEXT = 64;

/** Year and sequence of an ID in any accepted shape; undefined when it is not an ID. */
export function parseRequestId(text: string): RequestIdParts | undefined {
  if (text.length > MAX_ID_TEXT) return undefined;
  const match = WHOLE_ID.exec(text.replace(WRAPPERS, ''));
  return match ? partsOf(match, false) : undefined;
}

/** `ob 2026 42`, `[ОБ–2026–00042]`, `OB202600042` → `ОБ-2026-00042`; undefined when it is not an ID. */
export function normalizeRequestId(text: string): string | undefined {
  const parts = parseRequestId(text);
  return parts && formatRequestId(parts.year, parts.seq);
}

/** Every ID in a subject or body, canonical, each once, in order of first appearance. */
export function findRequestIds(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(ID_IN_TEXT)) {
    const parts = partsOf(match, true);
    if (!parts) continue;
    const id = formatRequestId(parts.year, parts.seq);
    if (!found.includes(id)) found.push(id);
  }
  return found;
}

/**
 * The ID for the next request of `year`: the highest sequence of that year + 1. IDs in other shapes
 * (hand-edited cells) count, so that a new ID never repeats one a person typed; malformed ones are ignored.
 */
export function nextRequestId(year: number, existingIds: Iterable<unknown>): string {
  let max = 0;
  for (const id of existingIds) {
    const parts = typeof id === 'string' ? parseRequestId(id) : undefined;
    if (parts && parts.year === year && parts.seq > max) max = parts.seq;
  }
  return formatRequestId(year, max + 1);
}

/** The year a request registered at `instant` belongs to: the school's calendar year, not the server's. */
export function registrationYear(instant: Date | number, zone: string): number {
  return wallClockOf(typeof instant === 'number' ? instant : instant.getTime(), zone).y;
}

function partsOf(match: RegExpMatchArray, inProse: boolean): RequestIdParts | undefined {
  const [, beforeYear, year, beforeSeq, digits] = match;
  const padded = digits.length >= SEQUENCE_DIGITS;
  if (beforeSeq === '' && !padded) return undefined; // «ОБ2026042»: where the year ends is a guess
  if (inProse && !padded && !HAS_DASH.test(beforeYear + beforeSeq)) return undefined;
  const seq = Number(digits);
  return seq >= 1 && seq <= 999_999_999 ? { year: Number(year), seq } : undefined;
}
