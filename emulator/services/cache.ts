/**
 * CacheService and Cache (reference/cache/cache-service, reference/cache/cache). Expiry follows the
 * virtual clock. Limits from reference/cache/cache: keys up to 250 characters, values up to 100 KB,
 * expiration at most 21600 s (6 h, default 600 s), and at most 1000 items: past that the cache keeps the
 * 900 items farthest from expiry.
 */
import { type Execution, GasObject, registerService, type Runtime } from '../runtime';
import { signatureError } from './utilities';

export const CACHE_KEY_MAX_CHARS = 250;
export const CACHE_VALUE_MAX_BYTES = 100 * 1024;
export const CACHE_DEFAULT_TTL_S = 600;
export const CACHE_MAX_TTL_S = 21_600;
export const CACHE_ITEM_CAP = 1000;
export const CACHE_ITEMS_KEPT = 900;

interface Entry {
  value: string;
  expiresAt: number;
}

class CacheStores {
  readonly caches = new Map<string, Map<string, Entry>>();

  get(scope: string): Map<string, Entry> {
    let c = this.caches.get(scope);
    if (!c) {
      c = new Map();
      this.caches.set(scope, c);
    }
    return c;
  }
}

function cacheMap(rt: Runtime, scope: string): Map<string, Entry> {
  return rt.store('cache', () => new CacheStores()).get(scope);
}

/** Test hook: empties every cache, as Google may at any moment (a cache is not a store). */
export function evictAllCaches(rt: Runtime): void {
  rt.store('cache', () => new CacheStores()).caches.clear();
}

function checkKey(key: unknown): string {
  const k = String(key);
  if (k.length > CACHE_KEY_MAX_CHARS) throw new Error('Argument too large: key');
  return k;
}

function ttlSeconds(ttl: unknown): number {
  if (ttl === undefined) return CACHE_DEFAULT_TTL_S;
  const n = typeof ttl === 'number' ? ttl : Number(String(ttl).trim());
  if (!Number.isFinite(n)) throw new Error(`Cannot convert '${String(ttl)}' to int.`);
  const s = Math.trunc(n);
  // Longer expirations are capped at the 6-hour maximum; a non-positive one is not honoured, the default applies.
  if (s <= 0) return CACHE_DEFAULT_TTL_S;
  return Math.min(s, CACHE_MAX_TTL_S);
}

class CacheImpl extends GasObject {
  readonly _gasClass = 'Cache';

  constructor(
    exec: Execution,
    readonly _map: Map<string, Entry>,
  ) {
    super(exec);
  }

  _live(key: string): Entry | undefined {
    const e = this._map.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= this._exec.runtime.clock.now()) {
      this._map.delete(key);
      return undefined;
    }
    return e;
  }

  _store(entries: Array<[string, string]>, ttl: unknown): void {
    const seconds = ttlSeconds(ttl);
    for (const [, v] of entries) {
      if (Buffer.byteLength(v, 'utf8') > CACHE_VALUE_MAX_BYTES) throw new Error('Argument too large: value');
    }
    const expiresAt = this._exec.runtime.clock.now() + seconds * 1000;
    for (const [k, v] of entries) {
      this._map.delete(k);
      this._map.set(k, { value: v, expiresAt });
    }
    this._evict();
  }

  _evict(): void {
    const now = this._exec.runtime.clock.now();
    for (const [k, e] of this._map) if (e.expiresAt <= now) this._map.delete(k);
    if (this._map.size <= CACHE_ITEM_CAP) return;
    const kept = [...this._map.entries()].sort((a, b) => b[1].expiresAt - a[1].expiresAt).slice(0, CACHE_ITEMS_KEPT);
    this._map.clear();
    for (const [k, e] of kept) this._map.set(k, e);
  }

  get(key: unknown): string | null {
    return this._live(checkKey(key))?.value ?? null;
  }

  getAll(...args: unknown[]): Record<string, unknown> {
    const [keys] = args;
    if (!Array.isArray(keys)) throw signatureError('Cache.getAll', args);
    const out = this._exec.realm.newObject();
    for (const key of keys) {
      const k = checkKey(key);
      const e = this._live(k);
      if (e) out[k] = e.value;
    }
    return out;
  }

  put(...args: unknown[]): void {
    const [key, value, ttl] = args;
    if (args.length < 2) throw signatureError('Cache.put', args);
    this._store([[checkKey(key), String(value)]], ttl);
  }

  putAll(...args: unknown[]): void {
    const [values, ttl] = args;
    if (typeof values !== 'object' || values === null || Array.isArray(values))
      throw signatureError('Cache.putAll', args);
    this._store(
      Object.entries(values).map(([k, v]) => [checkKey(k), String(v)]),
      ttl,
    );
  }

  remove(key: unknown): void {
    this._map.delete(checkKey(key));
  }

  removeAll(...args: unknown[]): void {
    const [keys] = args;
    if (!Array.isArray(keys)) throw signatureError('Cache.removeAll', args);
    for (const key of keys) this._map.delete(checkKey(key));
  }
}

class CacheServiceImpl extends GasObject {
  readonly _gasClass = 'CacheService';

  getScriptCache(): CacheImpl {
    return new CacheImpl(this._exec, cacheMap(this._exec.runtime, 'script'));
  }

  getDocumentCache(): CacheImpl {
    // A bound script always has its container document.
    return new CacheImpl(this._exec, cacheMap(this._exec.runtime, 'document'));
  }

  getUserCache(): CacheImpl {
    return new CacheImpl(this._exec, cacheMap(this._exec.runtime, `user:${this._exec.effectiveUser.toLowerCase()}`));
  }
}

registerService({ globals: (exec) => ({ CacheService: new CacheServiceImpl(exec)._wrapped() }) });
