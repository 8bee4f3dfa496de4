/**
 * PropertiesService and Properties (reference/properties/properties-service, reference/properties/properties).
 * Script properties are shared, document properties belong to the (single) container document, user
 * properties to the effective user. Values are strings; limits from guides/services/quotas: 9 KB a value,
 * 500 KB a store.
 */
import { type Execution, GasObject, registerService, type Runtime } from '../runtime';
import { signatureError } from './utilities';

export const PROPERTY_VALUE_MAX_BYTES = 9 * 1024;
export const PROPERTY_STORE_MAX_BYTES = 500 * 1024;
export const PROPERTY_QUOTA_ERROR =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

class PropertyStores {
  readonly stores = new Map<string, Map<string, string>>();

  get(scope: string): Map<string, string> {
    let s = this.stores.get(scope);
    if (!s) {
      s = new Map();
      this.stores.set(scope, s);
    }
    return s;
  }
}

function stores(rt: Runtime): PropertyStores {
  return rt.store('properties', () => new PropertyStores());
}

export type PropertyScope = 'script' | 'document' | { user: string };

function scopeKey(scope: PropertyScope): string {
  return typeof scope === 'string' ? scope : `user:${scope.user.toLowerCase()}`;
}

/** Host access for tests and other modules (e.g. to seed or inspect a store). */
export function propertyStore(rt: Runtime, scope: PropertyScope): Map<string, string> {
  return stores(rt).get(scopeKey(scope));
}

function bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

function storeSize(map: Map<string, string>): number {
  let n = 0;
  for (const [k, v] of map) n += bytes(k) + bytes(v);
  return n;
}

class PropertiesImpl extends GasObject {
  readonly _gasClass = 'Properties';

  constructor(
    exec: Execution,
    readonly _map: Map<string, string>,
  ) {
    super(exec);
  }

  /** Applies changes only if the store stays within Apps Script's limits. */
  _commit(changes: Map<string, string>, deleteAllOthers: boolean): void {
    for (const v of changes.values()) {
      if (bytes(v) > PROPERTY_VALUE_MAX_BYTES) throw new Error('Argument too large: value');
    }
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this._map);
    for (const [k, v] of changes) next.set(k, v);
    if (storeSize(next) > PROPERTY_STORE_MAX_BYTES) throw new Error(PROPERTY_QUOTA_ERROR);
    this._map.clear();
    for (const [k, v] of next) this._map.set(k, v);
  }

  deleteAllProperties(): PropertiesImpl {
    this._map.clear();
    return this;
  }

  deleteProperty(key: unknown): PropertiesImpl {
    this._map.delete(String(key));
    return this;
  }

  getKeys(): string[] {
    return this._exec.realm.newArray([...this._map.keys()]);
  }

  getProperties(): Record<string, unknown> {
    const out = this._exec.realm.newObject();
    for (const [k, v] of this._map) out[k] = v;
    return out;
  }

  getProperty(key: unknown): string | null {
    return this._map.get(String(key)) ?? null;
  }

  setProperties(...args: unknown[]): PropertiesImpl {
    const [properties, deleteAllOthers] = args;
    if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) {
      throw signatureError('Properties.setProperties', args);
    }
    const changes = new Map<string, string>();
    // Values are stored as their string form, as Apps Script does with numbers and booleans.
    for (const [k, v] of Object.entries(properties)) changes.set(k, String(v));
    this._commit(changes, deleteAllOthers === true);
    return this;
  }

  setProperty(...args: unknown[]): PropertiesImpl {
    const [key, value] = args;
    if (args.length < 2) throw signatureError('Properties.setProperty', args);
    this._commit(new Map([[String(key), String(value)]]), false);
    return this;
  }
}

class PropertiesServiceImpl extends GasObject {
  readonly _gasClass = 'PropertiesService';

  getScriptProperties(): PropertiesImpl {
    return new PropertiesImpl(this._exec, propertyStore(this._exec.runtime, 'script'));
  }

  getDocumentProperties(): PropertiesImpl {
    // A bound script always has its container document.
    return new PropertiesImpl(this._exec, propertyStore(this._exec.runtime, 'document'));
  }

  getUserProperties(): PropertiesImpl {
    return new PropertiesImpl(this._exec, propertyStore(this._exec.runtime, { user: this._exec.effectiveUser }));
  }
}

registerService({ globals: (exec) => ({ PropertiesService: new PropertiesServiceImpl(exec)._wrapped() }) });
