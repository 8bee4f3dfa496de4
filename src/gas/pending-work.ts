/**
 * A small inbox in the script properties, shared by everyone who runs the script. A person's run cannot
 * write the owner-only sheets or send as the school, so it posts work here; the owner's `runQueue` takes
 * the items, oldest first, and deletes each one only after its handler has durably done it. Handlers must
 * be idempotent (a run that dies after the work and before the delete hands the item over again).
 */
import { format } from '../locale/index';
import { mailTexts } from '../locale/mail';
import { readLocale } from './properties';

const PREFIX = 'work.';
/** A property value holds at most 9 KB (guides/services/quotas). */
export const WORK_VALUE_MAX_BYTES = 9 * 1024;

export interface WorkItem {
  /** `work.<posted ms, zero-padded>.<uuid>`: sorts oldest first, unique without a lock. */
  key: string;
  kind: string;
  postedAt: number;
  payload: unknown;
}

/** Work that cannot be posted; the message says why and what to do. Nothing was written. */
export class WorkRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkRefused';
  }
}

function scriptProperties(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getScriptProperties();
}

/** UTF-8 length, counted by hand: the V8 of Apps Script has no TextEncoder. */
export function utf8Length(value: string): number {
  let bytes = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function workKey(postedAt: number, uuid: string): string {
  return `${PREFIX}${String(postedAt).padStart(15, '0')}.${uuid}`;
}

function postedAtOf(key: string): number {
  return Number(key.slice(PREFIX.length).split('.')[0]) || 0;
}

/** A large item is stored in parts of at most one property value each (`<key>~1`, `<key>~2`…). */
const PART_MARK = '~';
/** Beyond this an item would crowd the 500 KB store that every person's posts share. */
export const WORK_ITEM_MAX_BYTES = 200 * 1024;

/** Splits `text` into pieces of at most `maxBytes` UTF-8 bytes, never inside a surrogate pair. */
function splitUtf8(text: string, maxBytes: number): string[] {
  const parts: string[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : pair ? 4 : 3;
    if (bytes + size > maxBytes) {
      parts.push(text.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += size;
    if (pair) i++;
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * Posts one item; refuses clearly, writing nothing, when it is too large or the store is full. An item larger
 * than one property value goes in parts, written in one call with its head, so no reader sees half of it.
 */
export function postWork(kind: string, payload: unknown, now: Date = new Date()): string {
  const value = JSON.stringify({ kind, payload });
  const size = utf8Length(value);
  if (size > WORK_ITEM_MAX_BYTES) {
    throw new WorkRefused(format(mailTexts(readLocale()).errors.workTooLarge, { size, max: WORK_ITEM_MAX_BYTES }));
  }
  const key = workKey(now.getTime(), Utilities.getUuid());
  const entries: Record<string, string> = {};
  if (size <= WORK_VALUE_MAX_BYTES) entries[key] = value;
  else {
    const parts = splitUtf8(value, WORK_VALUE_MAX_BYTES);
    parts.forEach((part, i) => {
      entries[`${key}${PART_MARK}${i + 1}`] = part;
    });
    entries[key] = JSON.stringify({ parts: parts.length });
  }
  try {
    scriptProperties().setProperties(entries);
  } catch (e) {
    // The whole store holds 500 KB: full means the owner's runQueue has not drained it for a long time.
    if (/storage quota|too large/i.test(String((e as Error)?.message ?? e))) {
      throw new WorkRefused(mailTexts(readLocale()).errors.workInboxFull);
    }
    throw e;
  }
  return key;
}

function parseItem(key: string, raw: string, all: Record<string, string>): WorkItem | undefined {
  try {
    let parsed = JSON.parse(raw) as { kind?: unknown; payload?: unknown; parts?: unknown };
    if (typeof parsed?.parts === 'number') {
      const pieces: string[] = [];
      for (let i = 1; i <= parsed.parts; i++) {
        const piece = all[`${key}${PART_MARK}${i}`];
        if (piece === undefined) return undefined;
        pieces.push(piece);
      }
      parsed = JSON.parse(pieces.join('')) as { kind?: unknown; payload?: unknown };
    }
    if (typeof parsed?.kind !== 'string') return undefined;
    return { key, kind: parsed.kind, postedAt: postedAtOf(key), payload: parsed.payload };
  } catch {
    return undefined;
  }
}

/** Every readable item (of `kind`, when given), oldest first. An unreadable one is left where it is. */
export function takeWork(kind?: string): WorkItem[] {
  return itemsIn(scriptProperties().getProperties(), kind);
}

function itemsIn(all: Record<string, string>, kind: string | undefined): WorkItem[] {
  return Object.keys(all)
    .filter((key) => key.indexOf(PREFIX) === 0 && key.indexOf(PART_MARK) < 0)
    .sort()
    .map((key) => parseItem(key, all[key], all))
    .filter((item): item is WorkItem => item !== undefined && (kind === undefined || item.kind === kind));
}

/** Handles a batch and returns the keys it has durably done (written and flushed); the rest stay posted. */
export type WorkHandler = (items: readonly WorkItem[]) => readonly string[];

export interface DrainReport {
  taken: number;
  done: number;
  left: number;
  error?: string;
}

/**
 * Hands the inbox's items to `handle` in one batch (so a handler writes a sheet once, not once per item)
 * and deletes each item it reports done. A handler that throws deletes nothing: all stay for the next run.
 */
export function drainWork(handle: WorkHandler, kind?: string): DrainReport {
  const props = scriptProperties();
  const items = itemsIn(props.getProperties(), kind);
  if (items.length === 0) return { taken: 0, done: 0, left: 0 };
  let done: readonly string[];
  try {
    done = handle(items);
  } catch (e) {
    return { taken: items.length, done: 0, left: items.length, error: String((e as Error)?.message ?? e) };
  }
  const taken = new Set(items.map((i) => i.key));
  const all = props.getKeys();
  let deleted = 0;
  for (const key of new Set(done)) {
    if (!taken.has(key)) continue;
    // The head first: without it the parts are never read again, even if a part's delete fails.
    props.deleteProperty(key);
    for (const part of all) if (part.indexOf(key + PART_MARK) === 0) props.deleteProperty(part);
    deleted++;
  }
  return { taken: items.length, done: deleted, left: items.length - deleted };
}
