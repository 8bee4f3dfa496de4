/**
 * Etiquette check (SPEC R10, cl. 10): does a message hold obscene or insulting words?
 *
 * Each whitespace-separated piece of the text is normalised into a few candidate words — punctuation inside
 * it dropped («х.у.й», «сво-лочь») or split on («привет,сука»), look-alike Latin letters and digits read as
 * Cyrillic («xyй», «6лядь», «пи3да»), «ё» read as «е», repeated letters collapsed («хуууй»), one asterisk
 * read as one hidden letter («х*й») — and runs of single spaced letters are joined («х у й»). Each candidate
 * is matched against the word list in `etiquette-lexicon.ts`, whose patterns say where in a word a root may
 * stand, so that ordinary words («употреблять», «команда», «скипидар») stay clean.
 */
import { CLEAN_COLLOCATIONS, CLEAN_STEMS, LATIN_PATTERNS, RUSSIAN_PATTERNS } from './etiquette-lexicon';

export interface AbuseVerdict {
  abusive: boolean;
  /** The offending words as normalised (for the audit; the caller keeps no other copy of the text). */
  matches: string[];
}

/** Characters that may make up a word, look-alike digits and «@» included. */
const WORD_CHAR = /[a-zа-яё0-9@]/;
const NOT_WORD_CHAR = /[^a-zа-яё0-9@]+/g;
/** The same, but keeping «*», which may stand for a hidden letter. */
const NOT_WORD_CHAR_OR_MASK = /[^a-zа-яё0-9@*]+/g;
const LATIN_OR_CYRILLIC = /[a-zа-яё]/;
const CYRILLIC = /[а-яё]/;
const RUSSIAN_ALPHABET = 'абвгдежзийклмнопрстуфхцчшщъыьэюя';

/** In a word that already has Cyrillic letters, a Latin letter or digit is a disguise: read it as these. */
// biome-ignore format: a table reads better in rows
const LOOKALIKES_IN_CYRILLIC = new Map<string, string>([
  ['a', 'а'], ['b', 'бвь'], ['c', 'с'], ['d', 'д'], ['e', 'е'], ['h', 'н'], ['k', 'к'], ['m', 'м'], ['n', 'пи'],
  ['o', 'о'], ['p', 'р'], ['r', 'гр'], ['t', 'т'], ['u', 'иу'], ['x', 'х'], ['y', 'у'],
  ['0', 'о'], ['3', 'з'], ['4', 'ч'], ['6', 'б'], ['@', 'а'],
]);

/** A word typed wholly in Latin is read as Cyrillic only if every character looks like a Cyrillic letter. */
// biome-ignore format: a table reads better in rows
const LOOKALIKES_IN_LATIN = new Map<string, string>([
  ['a', 'а'], ['b', 'вь'], ['c', 'с'], ['e', 'е'], ['h', 'н'], ['k', 'к'], ['m', 'м'], ['n', 'п'], ['o', 'о'],
  ['p', 'р'], ['r', 'г'], ['t', 'т'], ['u', 'и'], ['x', 'х'], ['y', 'у'], ['0', 'о'], ['3', 'з'], ['6', 'б'],
  ['@', 'а'],
]);

/** Ambiguous letters multiply the readings of a word; past this many, the first reading of each is used. */
const MAX_READINGS = 64;
/** «х*й», «б**ть»: more hidden letters than this are not guessed (33² readings is already plenty). */
const MAX_HIDDEN_LETTERS = 2;
/** «х у й»: a run of at least this many single letters is read as one word. */
const MIN_SPACED_LETTERS = 3;
/** Guessing hidden letters costs up to 33² readings a word; a message gets this many guesses at most. */
const MAX_MASKED_PIECES = 20;

/** Russian patterns are searched for every match (`g`), since a clean stem may excuse one but not the next. */
const RUSSIAN_REGEXPS = RUSSIAN_PATTERNS.map((p) => new RegExp(p.pattern, 'g'));
/** One pass over a clean word instead of one per pattern: most words match nothing. */
const ANY_RUSSIAN = new RegExp(RUSSIAN_PATTERNS.map((p) => `(?:${p.pattern})`).join('|'));
const LATIN_REGEXPS = LATIN_PATTERNS.map((p) => new RegExp(p.pattern));

/** «хуууй» → «хуй»; only letters, so the asterisks of «б**ть» stay as typed for the audit. */
export function collapseRepeats(word: string): string {
  return word.replace(/([a-zа-яё])\1+/g, '$1');
}

/** The form every pattern is written in: «ё» as «е», no repeated letters. */
function canonical(word: string): string {
  return collapseRepeats(word.replace(/ё/g, 'е'));
}

function trimToWord(piece: string): string {
  let start = 0;
  let end = piece.length;
  while (start < end && !WORD_CHAR.test(piece[start])) start++;
  while (end > start && !WORD_CHAR.test(piece[end - 1])) end--;
  return piece.slice(start, end);
}

function wordCharsOnly(piece: string): string {
  return piece.replace(NOT_WORD_CHAR, '');
}

/** Every reading of `word` with the look-alikes of `table` replaced; characters not in the table kept. */
function readings(word: string, table: ReadonlyMap<string, string>): string[] {
  let result = [''];
  for (const ch of word) {
    const options = table.get(ch) ?? ch;
    const keepFirstOnly = options.length === 1 || result.length * options.length > MAX_READINGS;
    result = keepFirstOnly
      ? result.map((prefix) => prefix + options[0])
      : result.flatMap((prefix) => Array.from(options, (option) => prefix + option));
  }
  return result;
}

/** The Cyrillic readings of a candidate word, in canonical form; none for a Latin word that is not a disguise. */
function cyrillicReadings(word: string): string[] {
  if (CYRILLIC.test(word)) return readings(word, LOOKALIKES_IN_CYRILLIC).map(canonical);
  const allLookalikes = Array.from(word).every((ch) => LOOKALIKES_IN_LATIN.has(ch));
  if (LATIN_OR_CYRILLIC.test(word) && allLookalikes) return readings(word, LOOKALIKES_IN_LATIN).map(canonical);
  return [];
}

/** True when a clean stem found in `word` covers the first letter of the match at `index`. */
function excused(word: string, index: number): boolean {
  return CLEAN_STEMS.some((stem) => {
    for (let at = word.indexOf(stem); at >= 0; at = word.indexOf(stem, at + 1)) {
      if (at <= index && index < at + stem.length) return true;
    }
    return false;
  });
}

function matchesRussian(word: string): boolean {
  if (!ANY_RUSSIAN.test(word)) return false;
  return RUSSIAN_REGEXPS.some((re) => Array.from(word.matchAll(re)).some((m) => !excused(word, m.index ?? 0)));
}

function matchesLatin(word: string): boolean {
  return LATIN_REGEXPS.some((re) => re.test(word));
}

/** «х*й», «п**дец»: each asterisk between letters is tried as every Russian letter. */
function hiddenLetterFillings(piece: string): string[] {
  const word = piece.replace(NOT_WORD_CHAR_OR_MASK, '');
  const hidden = word.split('*').length - 1;
  if (hidden === 0 || hidden > MAX_HIDDEN_LETTERS || !CYRILLIC.test(word)) return [];
  let fillings = [word];
  for (let i = 0; i < hidden; i++) {
    fillings = fillings.flatMap((w) => Array.from(RUSSIAN_ALPHABET, (letter) => w.replace('*', letter)));
  }
  return fillings;
}

/** The offending form of one whitespace-separated piece, or undefined if it is clean. */
function offendingForm(piece: string, guessHiddenLetters: boolean): string | undefined {
  const joined = wordCharsOnly(piece);
  const parts = piece.split(NOT_WORD_CHAR).filter((part) => part && part !== joined);
  for (const candidate of [joined, ...parts]) {
    const hit = cyrillicReadings(candidate).find(matchesRussian);
    if (hit !== undefined) return hit;
    if (!CYRILLIC.test(candidate) && matchesLatin(collapseRepeats(candidate))) return collapseRepeats(candidate);
  }
  if (!guessHiddenLetters) return undefined;
  const filled = hiddenLetterFillings(piece).some((w) => cyrillicReadings(w).some(matchesRussian));
  return filled ? canonical(piece.replace(NOT_WORD_CHAR_OR_MASK, '')) : undefined;
}

function inCleanCollocation(piece: string, next: string | undefined): boolean {
  const word = canonical(wordCharsOnly(piece));
  const following = canonical(wordCharsOnly(next ?? ''));
  return CLEAN_COLLOCATIONS.some((c) => c.word === word && following.startsWith(c.nextStartsWith));
}

/** «х у й», «С У К А»: runs of single-letter pieces, each joined into one word. */
function spacedLetterWords(pieces: readonly string[]): string[] {
  const words: string[] = [];
  let run = '';
  for (const piece of [...pieces, '']) {
    const letters = wordCharsOnly(piece);
    if (letters.length === 1) {
      run += letters;
      continue;
    }
    if (run.length >= MIN_SPACED_LETTERS) words.push(run);
    run = '';
  }
  return words;
}

export function detectAbuse(text: string): AbuseVerdict {
  const pieces = text
    .toLowerCase()
    .split(/\s+/)
    .map(trimToWord)
    .filter((piece) => piece !== '');
  const candidates = pieces.filter((piece, i) => !inCleanCollocation(piece, pieces[i + 1]));
  const matches: string[] = [];
  const seen = new Set<string>();
  let maskedPieces = 0;
  for (const piece of [...candidates, ...spacedLetterWords(pieces)]) {
    if (seen.has(piece)) continue;
    seen.add(piece);
    const masked = piece.includes('*');
    if (masked) maskedPieces++;
    const form = offendingForm(piece, masked && maskedPieces <= MAX_MASKED_PIECES);
    if (form !== undefined && !matches.includes(form)) matches.push(form);
  }
  return { abusive: matches.length > 0, matches };
}

export function isAbusive(text: string): boolean {
  return detectAbuse(text).abusive;
}
