/**
 * LockService and Lock (reference/lock/lock-service, reference/lock/lock). A lock belongs to the execution
 * that acquired it and is released when that execution ends. Executions here run one at a time, so the
 * only holders another execution can meet are an outer execution paused while a nested one runs (started
 * mid-call by a fault rule) and a hold set by a test with `holdLock`. Waiting advances the virtual clock:
 * by the whole timeout when the holder cannot finish meanwhile, or until a test hold ends within it.
 */
import { type Execution, GasObject, registerService, type Runtime } from '../runtime';

export type LockKind = 'script' | 'document' | 'user';

export const LOCK_TIMEOUT_ERROR = 'Lock timeout: another process was holding the lock for too long.';

interface Holder {
  /** The execution holding the lock, or undefined for a test's hold. */
  executionId?: number;
  /** End of a test's hold (virtual ms); Infinity until released. */
  until: number;
}

class LockTable {
  readonly holders = new Map<string, Holder>();
  /** Executions whose end already releases their locks. */
  readonly releaseHooked = new WeakSet<Execution>();
}

function table(rt: Runtime): LockTable {
  return rt.store('locks', () => new LockTable());
}

function lockKey(kind: LockKind, user: string): string {
  return kind === 'user' ? `user:${user.toLowerCase()}` : kind;
}

/**
 * Test hook: another process holds the lock until `untilMs` on the virtual clock (Infinity: until
 * released). For a user lock, name the user whose lock it is.
 */
export function holdLock(
  rt: Runtime,
  kind: LockKind = 'script',
  untilMs = Number.POSITIVE_INFINITY,
  user = rt.owner,
): { release(): void } {
  const key = lockKey(kind, user);
  const holder: Holder = { until: untilMs };
  table(rt).holders.set(key, holder);
  return {
    release: () => {
      if (table(rt).holders.get(key) === holder) table(rt).holders.delete(key);
    },
  };
}

/** Who holds a lock right now, for tests: an execution id, 'test', or undefined when free. */
export function lockHolder(rt: Runtime, kind: LockKind = 'script', user = rt.owner): number | 'test' | undefined {
  const h = currentHolder(rt, lockKey(kind, user));
  return h ? (h.executionId ?? 'test') : undefined;
}

/** The live holder of a key, dropping holds that ended or whose execution is gone. */
function currentHolder(rt: Runtime, key: string): Holder | undefined {
  const t = table(rt);
  const h = t.holders.get(key);
  if (!h) return undefined;
  if (h.executionId === undefined) {
    if (h.until <= rt.clock.now()) {
      t.holders.delete(key);
      return undefined;
    }
    return h;
  }
  if (!rt.runningExecutions.some((e) => e.id === h.executionId)) {
    t.holders.delete(key);
    return undefined;
  }
  return h;
}

class LockImpl extends GasObject {
  readonly _gasClass = 'Lock';
  _acquired = false;

  constructor(
    exec: Execution,
    readonly _key: string,
  ) {
    super(exec);
  }

  _mine(): boolean {
    return currentHolder(this._exec.runtime, this._key)?.executionId === this._exec.id;
  }

  _take(): boolean {
    const exec = this._exec;
    const t = table(exec.runtime);
    t.holders.set(this._key, { executionId: exec.id, until: Number.POSITIVE_INFINITY });
    if (!t.releaseHooked.has(exec)) {
      t.releaseHooked.add(exec);
      // Apps Script releases an execution's locks when it ends, however it ends.
      exec.onEnd(() => {
        for (const [key, h] of t.holders) if (h.executionId === exec.id) t.holders.delete(key);
      });
    }
    this._acquired = true;
    return true;
  }

  tryLock(timeoutInMillis: unknown): boolean {
    const timeout = Math.max(0, Math.floor(Number(timeoutInMillis) || 0));
    const rt = this._exec.runtime;
    if (this._mine()) {
      this._acquired = true;
      return true;
    }
    const holder = currentHolder(rt, this._key);
    if (!holder) return this._take();
    if (holder.executionId === undefined && holder.until - rt.clock.now() <= timeout) {
      // The other process finishes within the wait.
      rt.clock.set(holder.until);
      this._exec.checkTime();
      table(rt).holders.delete(this._key);
      return this._take();
    }
    rt.clock.advance(timeout);
    this._exec.checkTime();
    return false;
  }

  waitLock(timeoutInMillis: unknown): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error(LOCK_TIMEOUT_ERROR);
  }

  hasLock(): boolean {
    return this._acquired && this._mine();
  }

  releaseLock(): void {
    // No effect when the lock was not acquired (reference/lock/lock#releaselock).
    if (this._mine()) table(this._exec.runtime).holders.delete(this._key);
    this._acquired = false;
  }
}

class LockServiceImpl extends GasObject {
  readonly _gasClass = 'LockService';

  getScriptLock(): LockImpl {
    return new LockImpl(this._exec, lockKey('script', ''));
  }

  getDocumentLock(): LockImpl {
    // A bound script always has its container document.
    return new LockImpl(this._exec, lockKey('document', ''));
  }

  getUserLock(): LockImpl {
    return new LockImpl(this._exec, lockKey('user', this._exec.effectiveUser));
  }
}

registerService({ globals: (exec) => ({ LockService: new LockServiceImpl(exec)._wrapped() }) });
