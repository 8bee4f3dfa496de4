/** The virtual clock every execution reads through `new Date()`; tests and the scheduler advance it. */
export class VirtualClock {
  private nowMs: number;

  constructor(start: Date | number | string) {
    this.nowMs = typeof start === 'number' ? start : new Date(start).getTime();
    if (!Number.isFinite(this.nowMs)) throw new Error(`VirtualClock: bad start time ${String(start)}`);
  }

  now(): number {
    return this.nowMs;
  }

  advance(ms: number): number {
    if (ms < 0) throw new Error('VirtualClock: time does not run backwards');
    this.nowMs += ms;
    return this.nowMs;
  }

  set(ms: number): void {
    if (ms < this.nowMs) throw new Error('VirtualClock: time does not run backwards');
    this.nowMs = ms;
  }
}
