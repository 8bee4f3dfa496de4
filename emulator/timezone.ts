/**
 * Time-zone arithmetic for the emulator, independent of the host's TZ: offsets come from Intl
 * (the same IANA data Apps Script uses), cached per zone and hour.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Minutes east of UTC in `timeZone` at the instant `ms` (Yekaterinburg: +300). */
export function offsetMinutes(timeZone: string, ms: number): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC' || timeZone === 'GMT') return 0;
  const hourKey = `${timeZone}|${Math.floor(ms / 3_600_000)}`;
  const cached = offsetCache.get(hourKey);
  if (cached !== undefined) return cached;
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const whole = ms - (ms % 1000);
  const offset = Math.round((asUtc - whole) / 60_000);
  if (offsetCache.size > 50_000) offsetCache.clear();
  offsetCache.set(hourKey, offset);
  return offset;
}

/** The instant whose wall-clock time in `timeZone` reads as the UTC fields of `localMs`. */
export function localToUtc(timeZone: string, localMs: number): number {
  let t = localMs - offsetMinutes(timeZone, localMs) * 60_000;
  t = localMs - offsetMinutes(timeZone, t) * 60_000;
  return t;
}

/** Wall-clock fields of `ms` in `timeZone`, as a Date whose UTC getters read them. */
export function wallClock(timeZone: string, ms: number): Date {
  return new Date(ms + offsetMinutes(timeZone, ms) * 60_000);
}
