/**
 * Gmail search (support.google.com/mail/answer/7190, as GmailApp.search takes it): the operators a
 * helpdesk uses. A thread matches when one of its messages matches every term; trashed messages only
 * match with `in:trash` / `in:anywhere`. Terms joined by `OR` form one alternative.
 */
import { localToUtc } from '../../timezone';
import { htmlToText, type Mailbox, plainBodyOf, type StoredMessage } from './store';

interface Term {
  negated: boolean;
  operator: string;
  value: string;
  quoted: boolean;
}

/** AND of OR-groups. */
export type Query = Term[][];

const OPERATORS = new Set([
  'label',
  'in',
  'is',
  'from',
  'to',
  'cc',
  'bcc',
  'subject',
  'newer_than',
  'older_than',
  'after',
  'before',
  'newer',
  'older',
  'has',
  'rfc822msgid',
]);

export function parseQuery(query: string): Query {
  const terms: Array<Term | 'OR'> = [];
  const s = String(query);
  let i = 0;
  while (i < s.length) {
    if (/\s/.test(s[i])) {
      i += 1;
      continue;
    }
    let negated = false;
    if (s[i] === '-' && i + 1 < s.length && !/\s/.test(s[i + 1])) {
      negated = true;
      i += 1;
    }
    let operator = '';
    const op = /^([a-z_0-9]+):/i.exec(s.slice(i));
    if (op && OPERATORS.has(op[1].toLowerCase())) {
      operator = op[1].toLowerCase();
      i += op[0].length;
    }
    let value = '';
    let quoted = false;
    if (s[i] === '"') {
      const end = s.indexOf('"', i + 1);
      value = s.slice(i + 1, end < 0 ? s.length : end);
      i = end < 0 ? s.length : end + 1;
      quoted = true;
    } else if (s[i] === '(' && operator) {
      const end = s.indexOf(')', i + 1);
      value = s.slice(i + 1, end < 0 ? s.length : end);
      i = end < 0 ? s.length : end + 1;
      quoted = false;
    } else {
      const start = i;
      while (i < s.length && !/\s/.test(s[i])) i += 1;
      value = s.slice(start, i);
    }
    if (!operator && !negated && !quoted && value === 'OR') {
      terms.push('OR');
      continue;
    }
    if (value === '' && !operator) continue;
    terms.push({ negated, operator, value, quoted });
  }
  const groups: Query = [];
  let joinNext = false;
  for (const t of terms) {
    if (t === 'OR') {
      joinNext = groups.length > 0;
      continue;
    }
    if (joinNext) groups[groups.length - 1].push(t);
    else groups.push([t]);
    joinNext = false;
  }
  return groups;
}

/** Gmail writes spaces, slashes and other separators in label names as dashes in `label:`. */
export function labelSearchKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s/\\&,;:()[\]{}"']+/g, '-');
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}_]/u.test(ch);
}

/** Whole-word (or whole-phrase) match, case-insensitive, as Gmail's tokenised search. */
export function containsTerm(haystack: string, needle: string): boolean {
  const h = haystack.toLowerCase();
  const n = needle.toLowerCase().replace(/\s+/g, ' ').trim();
  if (!n) return true;
  const text = h.replace(/\s+/g, ' ');
  let from = 0;
  for (;;) {
    const at = text.indexOf(n, from);
    if (at < 0) return false;
    const beforeOk = !isWordChar(n[0]) || !isWordChar(text[at - 1]);
    const afterOk = !isWordChar(n[n.length - 1]) || !isWordChar(text[at + n.length]);
    if (beforeOk && afterOk) return true;
    from = at + 1;
  }
}

function addressText(list: string[]): string {
  return list.join(' ');
}

function fullText(m: StoredMessage): string {
  const html = m.htmlBody ? htmlToText(m.htmlBody) : '';
  return [m.subject, plainBodyOf(m), html, m.fromName, m.fromAddress, addressText(m.to), addressText(m.cc)].join('\n');
}

export interface SearchContext {
  now: number;
  timeZone: string;
  box: Mailbox;
}

/** `yyyy/mm/dd` (or `yyyy-mm-dd`) at local midnight in the zone, or epoch seconds. */
function dateBound(value: string, timeZone: string): number {
  const d = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(value.trim());
  if (d) return localToUtc(timeZone, Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3])));
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  return Number.NaN;
}

function relativeMs(value: string): number {
  const r = /^(\d+)([dmy])$/i.exec(value.trim());
  if (!r) return Number.NaN;
  const n = Number(r[1]);
  const unit = r[2].toLowerCase();
  return n * (unit === 'd' ? 86_400_000 : unit === 'm' ? 30 * 86_400_000 : 365 * 86_400_000);
}

function matchesTerm(m: StoredMessage, t: Term, ctx: SearchContext): boolean {
  const v = t.value.toLowerCase();
  switch (t.operator) {
    case '':
      return containsTerm(fullText(m), t.value);
    case 'label':
      switch (v) {
        case 'inbox':
          return m.inbox && !m.trashed;
        case 'sent':
          return m.sent;
        case 'trash':
          return m.trashed;
        case 'unread':
          return m.unread;
        case 'starred':
          return m.starred;
        case 'draft':
        case 'drafts':
          return m.draft;
        default:
          return m.labels.has(labelKeyFor(ctx.box, t.value));
      }
    case 'in':
      switch (v) {
        case 'inbox':
          return m.inbox && !m.trashed && !m.draft;
        case 'sent':
          return m.sent;
        case 'trash':
          return m.trashed;
        case 'drafts':
        case 'draft':
          return m.draft;
        case 'starred':
          return m.starred;
        case 'anywhere':
        case 'all':
          return true;
        default:
          return m.labels.has(labelKeyFor(ctx.box, t.value));
      }
    case 'is':
      switch (v) {
        case 'unread':
          return m.unread;
        case 'read':
          return !m.unread;
        case 'starred':
          return m.starred;
        case 'draft':
          return m.draft;
        default:
          return false;
      }
    case 'from':
      return containsTerm(`${m.fromName} ${m.fromAddress}`, t.value);
    case 'to':
      return containsTerm(addressText([...m.to, ...m.cc, ...m.bcc]), t.value);
    case 'cc':
      return containsTerm(addressText(m.cc), t.value);
    case 'bcc':
      return containsTerm(addressText(m.bcc), t.value);
    case 'subject':
      return t.quoted
        ? containsTerm(m.subject, t.value)
        : t.value.split(/\s+/).every((w) => containsTerm(m.subject, w));
    case 'newer_than':
      return m.date > ctx.now - relativeMs(t.value);
    case 'older_than':
      return m.date < ctx.now - relativeMs(t.value);
    case 'after':
    case 'newer':
      return m.date >= dateBound(t.value, ctx.timeZone);
    case 'before':
    case 'older':
      return m.date < dateBound(t.value, ctx.timeZone);
    case 'has':
      return v === 'attachment' ? m.attachments.length > 0 : v === 'userlabels' ? m.labels.size > 0 : false;
    case 'rfc822msgid': {
      const want = t.value.replace(/^<|>$/g, '').toLowerCase();
      return m.header.replace(/^<|>$/g, '').toLowerCase() === want;
    }
    default:
      return false;
  }
}

/** The stored key of a label named as the query names it (dashes for separators, any case). */
function labelKeyFor(box: Mailbox, queried: string): string {
  const key = labelSearchKey(queried);
  for (const [stored, label] of box.labels) if (labelSearchKey(label.name) === key) return stored;
  return `\u0000${key}`;
}

/** Looks at trash only when the query asks for it, as Gmail does. */
function includesTrash(query: Query): boolean {
  return query.some((g) =>
    g.some((t) => !t.negated && (t.operator === 'in' || t.operator === 'label') && /^(trash|anywhere)$/i.test(t.value)),
  );
}

export function messageMatches(m: StoredMessage, query: Query, ctx: SearchContext): boolean {
  if (m.trashed && !includesTrash(query)) return false;
  return query.every((group) => group.some((t) => matchesTerm(m, t, ctx) !== t.negated));
}
