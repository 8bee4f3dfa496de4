/**
 * The embedded Apps Script runtime: loads the built bundle into a fresh `node:vm` realm per execution,
 * with the Apps Script globals built over persistent in-memory stores, a virtual clock, per-method call
 * counting, modelled call costs, Apps Script's execution limits and injectable faults.
 *
 * Service modules (emulator/services/*) plug in through `registerService`; each keeps its persistent
 * state in a store on the runtime (`rt.store(key, create)`) and builds per-execution facades that extend
 * `GasObject`, so every method call is counted, timed and fault-checked in one place.
 */
import fs from 'node:fs';
import vm from 'node:vm';
import { VirtualClock } from './clock';
import { CALL_COST_MS, CELL_COST_MS, costFamily, LIMITS } from './costs';
import { createRealm, type Realm } from './realm';
import { isValidTimeZone } from './timezone';

export type ExecutionKind =
  | 'editor' // run from the script editor or a test harness by a person
  | 'menu' // a custom menu item, dialog or sidebar action run by the person who clicks
  | 'script-run' // google.script.run from a served page
  | 'simple-trigger' // onOpen / onEdit / onInstall / doGet... simple triggers
  | 'installable-trigger'
  | 'web-app' // doGet / doPost
  | 'custom-function';

/** ScriptApp.AuthMode names (reference/script/auth-mode). */
export type AuthMode = 'NONE' | 'CUSTOM_FUNCTION' | 'LIMITED' | 'FULL';

export interface ExecutionSpec {
  kind: ExecutionKind;
  /** The account whose authority the script runs with (Session.getEffectiveUser). */
  effectiveUser: string;
  /** The person at the keyboard or behind the event, before Apps Script's identity hiding; '' when anonymous. */
  actingUser?: string;
  authMode?: AuthMode;
  triggerUid?: string;
  /** Label for the executions log (function name is added by run). */
  label?: string;
}

export interface ExecutionRecord {
  id: number;
  functionName: string;
  kind: ExecutionKind;
  effectiveUser: string;
  activeUser: string;
  startedAt: number;
  endedAt: number;
  status: 'completed' | 'failed' | 'timed-out';
  error?: string;
  calls: number;
}

export interface Outcome<T = unknown> {
  ok: boolean;
  value?: T;
  error?: Error;
  execution: ExecutionRecord;
  logs: string[];
}

export interface ServiceModule {
  /** Builds this module's Apps Script globals for one execution. */
  globals(exec: Execution): Record<string, unknown>;
}

export type FaultAction = { throw: string } | { kill: string | true } | { run: (rt: Runtime, exec: Execution) => void };

export interface FaultRule {
  /** `Class.method` (e.g. 'Range.setValues'), a RegExp over it, or omitted for every call. */
  method?: string | RegExp;
  /** Fire on the nth matching call counted from when the rule was added (1-based, default 1). */
  nth?: number;
  /** Only calls made by executions running this function. */
  functionName?: string;
  /** 'before' (default) fires before the call takes effect; 'after' once it has. */
  phase?: 'before' | 'after';
  /** Keep firing on every later match too (default: fire once). */
  repeat?: boolean;
  action: FaultAction;
}

interface ActiveFault extends FaultRule {
  seen: number;
  done: boolean;
}

/** A signal that ends an execution the way Apps Script kills one; script code cannot recover from it. */
class KilledSignal {
  constructor(readonly error: Error) {}
}

export const CONSUMER_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/** Apps Script reveals a person's e-mail where that person authorised the run or shares a Workspace domain with the script's runner (reference/base/session#getActiveUser). */
export function identityVisible(person: string, runner: string): boolean {
  if (!person) return false;
  if (person.toLowerCase() === runner.toLowerCase()) return true;
  const d = domainOf(person);
  return d === domainOf(runner) && !CONSUMER_DOMAINS.has(d);
}

export class Execution {
  readonly calls = new Map<string, number>();
  readonly logs: string[] = [];
  readonly realm: Realm;
  readonly startedAt: number;
  readonly limitMs: number;
  readonly authMode: AuthMode;
  private killed?: Error;
  private readonly endHooks: Array<() => void> = [];
  functionName = '';

  constructor(
    readonly runtime: Runtime,
    readonly id: number,
    readonly spec: ExecutionSpec,
  ) {
    this.startedAt = runtime.clock.now();
    this.realm = createRealm(() => runtime.clock.now(), runtime.timeZone);
    this.authMode = spec.authMode ?? (spec.kind === 'simple-trigger' ? 'LIMITED' : 'FULL');
    this.limitMs =
      spec.kind === 'simple-trigger'
        ? LIMITS.simpleTriggerMs
        : spec.kind === 'custom-function'
          ? LIMITS.customFunctionMs
          : LIMITS.executionMs;
  }

  get effectiveUser(): string {
    return this.spec.effectiveUser;
  }

  /** Session.getActiveUser().getEmail() as Apps Script would answer it in this execution. */
  get activeUser(): string {
    const who = this.spec.actingUser ?? '';
    if (!who) return '';
    switch (this.spec.kind) {
      case 'editor':
      case 'menu':
      case 'script-run':
        return who;
      case 'simple-trigger':
      case 'custom-function':
        // Runs without the person's authorisation: visible only to the script's own developer or domain.
        return identityVisible(who, this.runtime.owner) ? who : '';
      default:
        return identityVisible(who, this.spec.effectiveUser) ? who : '';
    }
  }

  get isKilled(): boolean {
    return this.killed !== undefined;
  }

  onEnd(hook: () => void): void {
    this.endHooks.push(hook);
  }

  /** Throws Apps Script's authorisation error unless this execution runs with full authorisation. */
  requireFullAuth(what: string): void {
    if (this.authMode !== 'FULL') {
      throw new Error(`You do not have permission to call ${what}`);
    }
  }

  /**
   * Every service method passes through here: counted, charged to the virtual clock, checked against the
   * execution limit and the injected faults. Returns whatever the method returns.
   */
  invoke(gasClass: string, method: string, target: object, fn: (...a: unknown[]) => unknown, args: unknown[]): unknown {
    if (this.killed) throw new KilledSignal(this.killed);
    const name = `${gasClass}.${method}`;
    this.calls.set(name, (this.calls.get(name) ?? 0) + 1);
    this.runtime.countCall(name);
    try {
      this.runtime.clock.advance(CALL_COST_MS[costFamily(gasClass)] ?? CALL_COST_MS.Other);
      this.checkTime();
      this.runtime.faults.check(this, name, 'before');
      const result = fn.apply(target, args);
      this.runtime.faults.check(this, name, 'after');
      return this.exportValue(result);
    } catch (e) {
      throw this.toRealmError(e);
    }
  }

  /** Charge cells moved by a range call (read or written). */
  moved(cells: number): void {
    this.runtime.countCells(cells);
    this.runtime.clock.advance(cells * CELL_COST_MS);
    this.checkTime();
  }

  /** Kills the execution as Apps Script does; later service calls fail too. */
  kill(message = 'Exceeded maximum execution time'): never {
    this.killed ??= this.realm.newError(message, 'Error');
    throw new KilledSignal(this.killed);
  }

  log(line: string): void {
    this.logs.push(line);
    this.runtime.logs.push(line);
  }

  /** Wraps a facade so the script sees only its public methods, each counted (see GasObject). */
  wrap<T extends object>(target: T, gasClass: string): T {
    const exec = this;
    const expando = target as Partial<Expando>;
    const proxy = new Proxy(target, {
      get(t, prop) {
        if (typeof prop === 'symbol') return Reflect.get(t, prop);
        if (prop.startsWith('_')) return undefined;
        if (!(prop in t)) {
          if (expando._getProperty) return expando._getProperty(prop);
          if (IGNORED_PROBES.has(prop)) return undefined;
          throw exec.realm.newTypeError(
            `The embedded Apps Script runtime does not implement ${gasClass}.${prop}. Add it to emulator/ (with a test citing its reference page).`,
          );
        }
        const value = Reflect.get(t, prop);
        if (typeof value !== 'function') return value;
        if ((Object.prototype as unknown as Record<string, unknown>)[prop] === value) return value.bind(t);
        return (...args: unknown[]) => exec.invoke(gasClass, prop, t, value as (...a: unknown[]) => unknown, args);
      },
      set(_t, prop, value) {
        // Only objects that take script-set properties (HtmlTemplate's variables) accept writes.
        if (typeof prop === 'string' && expando._setProperty) {
          expando._setProperty(prop, value);
          return true;
        }
        return false;
      },
      has(t, prop) {
        return typeof prop === 'string' && !prop.startsWith('_') && prop in t;
      },
      ownKeys(t) {
        return Reflect.ownKeys(t).filter((k) => typeof k === 'string' && !k.startsWith('_'));
      },
    });
    proxyTargets.set(proxy, target);
    return proxy;
  }

  /** Values leaving the host for the script: facades wrapped, host Dates and arrays turned into the realm's. */
  exportValue(value: unknown): unknown {
    if (value instanceof GasObject) return (unwrap(value) as GasObject)._wrapped();
    if (value instanceof Date) return this.realm.newDate(value.getTime());
    if (Array.isArray(value) && value.length > 0 && value.some((v) => v instanceof GasObject || v instanceof Date)) {
      return this.realm.newArray(value.map((v) => this.exportValue(v)));
    }
    return value;
  }

  toRealmError(e: unknown): unknown {
    if (e instanceof KilledSignal) return e;
    if (e instanceof Error) {
      // Errors from the host side of a facade: same message, but an Error of the script's realm.
      const realmError = this.realm.newError(e.message, e.name === 'Error' ? 'Exception' : e.name);
      return realmError;
    }
    return e;
  }

  checkTime(): void {
    if (this.killed) throw new KilledSignal(this.killed);
    if (this.runtime.clock.now() - this.startedAt > this.limitMs) this.kill();
  }

  end(): void {
    for (const hook of this.endHooks.splice(0)) {
      try {
        hook();
      } catch {
        // an end hook (lock release, flush) must not hide the execution's own outcome
      }
    }
  }

  killedError(): Error | undefined {
    return this.killed;
  }

  static isKilledSignal(e: unknown): e is { error: Error } {
    return e instanceof KilledSignal;
  }
}

/** Hooks for the few Apps Script objects a script may set properties on (HtmlTemplate). */
interface Expando {
  _getProperty(name: string): unknown;
  _setProperty(name: string, value: unknown): void;
}

const proxyTargets = new WeakMap<object, object>();

/** The host object behind a facade the script handed back (e.g. an HtmlOutput passed to Ui.showSidebar). */
export function unwrap<T extends object>(value: T): T {
  return (proxyTargets.get(value) as T | undefined) ?? value;
}

// Property names the engine or common idioms probe on any object; answering "undefined" keeps them harmless.
const IGNORED_PROBES = new Set([
  'then',
  'toJSON',
  'constructor',
  'inspect',
  'nodeType',
  'asymmetricMatch',
  '$$typeof',
  'length',
]);

/**
 * Base of every emulated Apps Script object. Subclasses implement the real method names; fields and
 * helpers whose names start with `_` stay invisible to the script.
 */
export abstract class GasObject {
  abstract readonly _gasClass: string;
  private _proxy?: object;

  constructor(readonly _exec: Execution) {}

  _wrapped(): this {
    this._proxy ??= this._exec.wrap(this, this._gasClass);
    return this._proxy as this;
  }

  toString(): string {
    return this._gasClass;
  }
}

export class FaultInjector {
  private rules: ActiveFault[] = [];

  add(rule: FaultRule): { remove(): void; readonly fired: boolean } {
    const active: ActiveFault = { nth: 1, phase: 'before', ...rule, seen: 0, done: false };
    this.rules.push(active);
    return {
      remove: () => {
        this.rules = this.rules.filter((r) => r !== active);
      },
      get fired() {
        return active.seen >= (active.nth ?? 1);
      },
    };
  }

  clear(): void {
    this.rules = [];
  }

  check(exec: Execution, name: string, phase: 'before' | 'after'): void {
    for (const rule of this.rules) {
      if (rule.done || rule.phase !== phase) continue;
      if (rule.functionName && rule.functionName !== exec.functionName) continue;
      if (rule.method !== undefined) {
        const hit = typeof rule.method === 'string' ? rule.method === name : rule.method.test(name);
        if (!hit) continue;
      }
      rule.seen += 1;
      if (rule.seen < (rule.nth ?? 1)) continue;
      if (!rule.repeat) rule.done = true;
      const action = rule.action;
      if ('throw' in action) throw new Error(action.throw);
      if ('kill' in action) exec.kill(action.kill === true ? undefined : action.kill);
      action.run(exec.runtime, exec);
    }
  }
}

export interface RuntimeOptions {
  /** The built bundle's source, or a path to it. */
  bundle?: string;
  bundlePath?: string;
  /** The manifest (appsscript.json); its timeZone is the script's. */
  manifest?: { timeZone?: string; [key: string]: unknown };
  manifestPath?: string;
  /** Start of the virtual clock. */
  now?: Date | string | number;
  /** The account that owns the script project (and, for a bound script, its container). */
  owner: string;
}

const registeredServices: ServiceModule[] = [];

/** Service modules register themselves once at import time (emulator/services/index.ts imports them all). */
export function registerService(module: ServiceModule): void {
  registeredServices.push(module);
}

export class Runtime {
  readonly clock: VirtualClock;
  readonly faults = new FaultInjector();
  readonly timeZone: string;
  readonly manifest: { timeZone?: string; [key: string]: unknown };
  readonly owner: string;
  readonly executions: ExecutionRecord[] = [];
  readonly logs: string[] = [];
  /** Cumulative call counts since the last `resetCounters()`. */
  readonly callCounts = new Map<string, number>();
  cellsMoved = 0;
  readonly scriptId: string;
  private readonly script: vm.Script;
  private readonly stores = new Map<string, unknown>();
  private nextExecutionId = 1;
  private readonly stack: Execution[] = [];

  constructor(options: RuntimeOptions) {
    const code = options.bundle ?? fs.readFileSync(options.bundlePath ?? 'dist/Code.js', 'utf8');
    this.manifest =
      options.manifest ??
      (JSON.parse(
        fs.readFileSync(options.manifestPath ?? 'dist/appsscript.json', 'utf8'),
      ) as RuntimeOptions['manifest'] & object);
    this.timeZone = this.manifest.timeZone ?? 'America/New_York';
    if (!isValidTimeZone(this.timeZone)) throw new Error(`Invalid time zone in the manifest: ${this.timeZone}`);
    this.clock = new VirtualClock(options.now ?? Date.now());
    this.owner = options.owner;
    this.scriptId = `script-${Math.abs(hashString(code)).toString(36)}`;
    this.script = new vm.Script(code, { filename: 'Code.gs' });
  }

  /** A module's persistent state, created on first use. */
  store<T>(key: string, create: () => T): T {
    let s = this.stores.get(key) as T | undefined;
    if (s === undefined) {
      s = create();
      this.stores.set(key, s);
    }
    return s;
  }

  get currentExecution(): Execution | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** Executions running right now, outermost first (a nested one was started mid-call by a fault rule). */
  get runningExecutions(): readonly Execution[] {
    return this.stack;
  }

  countCall(name: string): void {
    this.callCounts.set(name, (this.callCounts.get(name) ?? 0) + 1);
  }

  countCells(n: number): void {
    this.cellsMoved += n;
  }

  resetCounters(): void {
    this.callCounts.clear();
    this.cellsMoved = 0;
  }

  /** Calls whose `Class.method` matches, summed. */
  countOf(pattern: string | RegExp): number {
    let n = 0;
    for (const [name, count] of this.callCounts) {
      if (typeof pattern === 'string' ? name === pattern || name.startsWith(`${pattern}.`) : pattern.test(name))
        n += count;
    }
    return n;
  }

  /** The names the bundle defines at top level, seen from a bare realm (what Apps Script lists as runnable). */
  bundleGlobals(): string[] {
    const probe = this.newExecution({ kind: 'editor', effectiveUser: this.owner, actingUser: this.owner });
    const before = new Set(Object.getOwnPropertyNames(probe.realm.global));
    this.script.runInContext(probe.realm.context);
    return Object.getOwnPropertyNames(probe.realm.global).filter((n) => !before.has(n));
  }

  private newExecution(spec: ExecutionSpec): Execution {
    return new Execution(this, this.nextExecutionId++, spec);
  }

  /**
   * Runs a top-level function of the bundle as one execution. Never throws for the script's own errors:
   * the outcome says how it ended, as the Executions page would.
   */
  execute<T = unknown>(
    functionName: string,
    args: unknown[] | ((exec: Execution) => unknown[]),
    spec: ExecutionSpec,
  ): Outcome<T> {
    const exec = this.newExecution(spec);
    exec.functionName = functionName;
    this.stack.push(exec);
    let ok = false;
    let value: unknown;
    let error: Error | undefined;
    try {
      const g = exec.realm.global;
      for (const module of registeredServices) Object.assign(g, module.globals(exec));
      this.script.runInContext(exec.realm.context);
      const fn = g[functionName];
      if (typeof fn !== 'function') throw exec.realm.newError(`Script function not found: ${functionName}`, 'Error');
      const callArgs = typeof args === 'function' ? args(exec) : args;
      value = (fn as (...a: unknown[]) => unknown)(...callArgs);
      ok = true;
    } catch (e) {
      error = Execution.isKilledSignal(e)
        ? e.error
        : typeof e === 'object' && e !== null && 'message' in e
          ? (e as Error)
          : new Error(String(e));
    } finally {
      exec.end();
      this.stack.pop();
    }
    const killed = exec.killedError();
    if (killed) {
      ok = false;
      error = killed;
      value = undefined;
    }
    const record: ExecutionRecord = {
      id: exec.id,
      functionName,
      kind: spec.kind,
      effectiveUser: spec.effectiveUser,
      activeUser: exec.activeUser,
      startedAt: exec.startedAt,
      endedAt: this.clock.now(),
      status: ok ? 'completed' : killed?.message.startsWith('Exceeded maximum execution time') ? 'timed-out' : 'failed',
      error: error ? `${error.name}: ${error.message}` : undefined,
      calls: [...exec.calls.values()].reduce((a, b) => a + b, 0),
    };
    this.executions.push(record);
    return { ok, value: value as T, error, execution: record, logs: exec.logs };
  }

  /** Like execute, but throws (with the script's message) when the function fails. */
  run<T = unknown>(functionName: string, args: unknown[] | ((exec: Execution) => unknown[]), spec: ExecutionSpec): T {
    const outcome = this.execute<T>(functionName, args, spec);
    if (!outcome.ok) {
      const e = outcome.error;
      const err = new Error(e ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : 'failed');
      (err as Error & { cause?: unknown }).cause = e;
      throw err;
    }
    return outcome.value as T;
  }

  /** The owner runs a function from the script editor. */
  runAsOwner<T = unknown>(functionName: string, ...args: unknown[]): T {
    return this.run<T>(functionName, args, { kind: 'editor', effectiveUser: this.owner, actingUser: this.owner });
  }
}

function hashString(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i += 97) h = (h * 31 + s.charCodeAt(i)) | 0;
  return h;
}
