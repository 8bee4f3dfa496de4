/**
 * A requester's e-mail and phone: practical plausibility checks and comparable keys. The stored values are
 * always what the person typed; normalised forms are only for comparing and sending.
 */

const MAX_EMAIL = 254;
const MAX_LOCAL = 64;
// Whitespace, control characters and the punctuation that only quoted local parts may carry.
const LOCAL_PART = /^[^\s\p{Cc}@<>()[\]\\,;:"]+$/u;
// A domain label: letters (any script, so «школа.рф» passes), digits, marks, inner hyphens.
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?$/u;
const TOP_LEVEL = /^(?:\p{L}[\p{L}\p{M}]+|xn--[a-z0-9-]+)$/iu;

/**
 * A practical check, not RFC 5322: one @, no spaces, a local part without leading, trailing or double dots,
 * a domain with a dot and a top level of letters (Cyrillic and other IDN domains allowed).
 */
export function isPlausibleEmail(text: string): boolean {
  const email = text.trim();
  if (email.length > MAX_EMAIL) return false;
  const parts = email.split('@');
  if (parts.length !== 2) return false;
  const [local, domain] = parts;
  return isPlausibleLocalPart(local) && isPlausibleDomain(domain);
}

function isPlausibleLocalPart(local: string): boolean {
  return (
    local.length > 0 &&
    local.length <= MAX_LOCAL &&
    LOCAL_PART.test(local) &&
    !local.startsWith('.') &&
    !local.endsWith('.') &&
    !local.includes('..')
  );
}

function isPlausibleDomain(domain: string): boolean {
  const labels = domain.split('.');
  return (
    labels.length >= 2 &&
    labels.every((label) => label.length <= 63 && DOMAIN_LABEL.test(label)) &&
    TOP_LEVEL.test(labels[labels.length - 1])
  );
}

/** The form to compare and send to: trimmed, composed (NFC) and lower-cased. */
export function normalizeEmail(text: string): string {
  return text.trim().normalize('NFC').toLowerCase();
}

/** «доб. 12», «ext 12», «x12» at the end: an extension is not part of the number people compare. */
const EXTENSION = /(?:доб\.?|ext\.?|x)\s*\d{1,6}$/iu;
const MAX_PHONE = 40;
const PHONE_CHARS = /^\+?[\d\s()\-\u2010-\u2015\u2212.]+$/u;

function withoutExtension(text: string): string {
  return text.trim().replace(EXTENSION, '').trim();
}

/**
 * A key for comparing phone numbers. Russian numbers of 10 or 11 digits become `+7` and 10 digits
 * (`8 (912) 000-00-00`, `+7 912 000 00 00`, `79120000000` → `+79120000000`); other numbers written with a
 * `+` keep it and their digits; short local numbers stay their digits (`2-34-81` → `23481`).
 * Undefined when there is no digit at all.
 */
export function normalizePhone(text: string): string | undefined {
  const number = withoutExtension(text);
  const digits = number.replace(/\D/g, '');
  if (digits === '') return undefined;
  const withPlus = number.startsWith('+');
  if (digits.length === 11 && (digits[0] === '7' || (digits[0] === '8' && !withPlus))) return `+7${digits.slice(1)}`;
  if (digits.length === 10 && !withPlus) return `+7${digits}`;
  return withPlus ? `+${digits}` : digits;
}

/**
 * Whether someone could dial it: only digits and the usual separators (a `+` only first), and a length that
 * a number has — 5–7 digits for a local school number, 10–11 for a Russian one, 8–15 after a `+` (E.164).
 */
export function isPlausiblePhone(text: string): boolean {
  const number = withoutExtension(text);
  if (number.length > MAX_PHONE || !PHONE_CHARS.test(number)) return false;
  const digits = number.replace(/\D/g, '').length;
  const key = normalizePhone(number) ?? '';
  if (number.startsWith('+')) return key.startsWith('+7') ? digits === 11 : digits >= 8 && digits <= 15;
  if (digits === 11) return key.startsWith('+7');
  return (digits >= 5 && digits <= 7) || digits === 10;
}

/**
 * The keys that identify one person for spotting repeats: `email:<normalised>` and `phone:<key>`, each only
 * when plausible — a junk value that many people type («нет», «-») must not make strangers look alike.
 */
export function contactKeys(email: string, phone: string): string[] {
  const keys: string[] = [];
  if (isPlausibleEmail(email)) keys.push(`email:${normalizeEmail(email)}`);
  const phoneKey = isPlausiblePhone(phone) ? normalizePhone(phone) : undefined;
  if (phoneKey) keys.push(`phone:${phoneKey}`);
  return keys;
}
