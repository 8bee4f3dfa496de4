/**
 * Logger (reference/base/logger) and console (reference/base/console). Every line goes to exec.log (the
 * execution's log and rt.logs); Logger.getLog() answers with this execution's Logger lines only, as the
 * Logger buffer is per execution. Levels are kept in `logEntries(rt)` for tests that care.
 */
import { formatWithOptions } from 'node:util';
import { type Execution, GasObject, registerService, type Runtime, unwrap } from '../runtime';
import { isDate } from '../realm';

export type LogLevel = 'log' | 'info' | 'warn' | 'error';

export interface LogEntry {
  executionId: number;
  functionName: string;
  level: LogLevel;
  source: 'Logger' | 'console';
  message: string;
  at: number;
}

class LogStore {
  readonly entries: LogEntry[] = [];
}

/** Every Logger/console line of the runtime with its level, like the Executions page shows them. */
export function logEntries(rt: Runtime): readonly LogEntry[] {
  return rt.store('logger.entries', () => new LogStore()).entries;
}

function record(exec: Execution, source: LogEntry['source'], level: LogLevel, message: string): void {
  exec.log(message);
  storeOf(exec).entries.push({
    executionId: exec.id,
    functionName: exec.functionName,
    level,
    source,
    message,
    at: exec.runtime.clock.now(),
  });
}

function storeOf(exec: Execution): LogStore {
  return exec.runtime.store('logger.entries', () => new LogStore());
}

/** An Apps Script object logs as its class name ("Sheet"), not as the emulator's insides. */
function serviceObjectName(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const host = unwrap(v);
  return host instanceof GasObject ? host._gasClass : undefined;
}

/** How Logger shows one value: strings as they are, objects as JSON, dates in their own toString. */
function loggerText(v: unknown): string {
  if (typeof v === 'string') return v;
  const host = serviceObjectName(v);
  if (host) return host;
  if (isDate(v)) return String(v);
  if (typeof v === 'object' && v !== null) {
    try {
      return JSON.stringify(v);
    } catch {
      return String(v);
    }
  }
  return String(v);
}

class LoggerImpl extends GasObject {
  readonly _gasClass = 'Logger';
  _lines: string[] = [];

  log(...args: unknown[]): LoggerImpl {
    const [first, ...values] = args;
    let message: string;
    if (values.length > 0 && typeof first === 'string') {
      // Logger.log(format, values...): each %s takes the next value (reference/base/logger#logformat,-values).
      let i = 0;
      message = first.replace(/%s/g, (m) => (i < values.length ? loggerText(values[i++]) : m));
    } else {
      message = args.length === 0 ? '' : loggerText(first);
    }
    this._lines.push(message);
    record(this._exec, 'Logger', 'info', message);
    return this;
  }

  getLog(): string {
    return this._lines.join('\n');
  }

  clear(): void {
    this._lines = [];
  }
}

class ConsoleImpl extends GasObject {
  readonly _gasClass = 'console';
  _timers = new Map<string, number>();

  _write(level: LogLevel, args: unknown[]): void {
    const shown = args.map((a) => serviceObjectName(a) ?? a);
    record(this._exec, 'console', level, formatWithOptions({ colors: false, depth: 4 }, ...shown));
  }

  log(...args: unknown[]): void {
    this._write('log', args);
  }

  info(...args: unknown[]): void {
    this._write('info', args);
  }

  warn(...args: unknown[]): void {
    this._write('warn', args);
  }

  error(...args: unknown[]): void {
    this._write('error', args);
  }

  time(label: unknown = 'default'): void {
    this._timers.set(String(label), this._exec.runtime.clock.now());
  }

  timeEnd(label: unknown = 'default'): void {
    const started = this._timers.get(String(label));
    if (started === undefined) return;
    this._timers.delete(String(label));
    this._write('log', [`${String(label)}: ${this._exec.runtime.clock.now() - started}ms`]);
  }
}

registerService({
  globals: (exec) => ({ Logger: new LoggerImpl(exec)._wrapped(), console: new ConsoleImpl(exec)._wrapped() }),
});
