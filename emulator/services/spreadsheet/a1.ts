/** A1 notation: column letters, cell and range references, sheet-qualified references. */

export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export function columnToLetters(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellA1(row: number, col: number): string {
  return `${columnToLetters(col)}${row}`;
}

export function rectA1(r: Rect): string {
  const a = cellA1(r.r1, r.c1);
  return r.r1 === r.r2 && r.c1 === r.c2 ? a : `${a}:${cellA1(r.r2, r.c2)}`;
}

/** Splits "'My sheet'!A1:B2" into its sheet name and the rest; sheet is undefined when unqualified. */
export function splitSheetRef(ref: string): { sheet?: string; a1: string } {
  const s = ref.trim();
  if (s.startsWith("'")) {
    const end = s.indexOf("'!", 1);
    let i = 1;
    let name = '';
    while (i < s.length) {
      if (s[i] === "'" && s[i + 1] === "'") {
        name += "'";
        i += 2;
      } else if (s[i] === "'") break;
      else name += s[i++];
    }
    if (end < 0 || s[i + 1] !== '!') return { a1: s };
    return { sheet: name, a1: s.slice(i + 2) };
  }
  const bang = s.lastIndexOf('!');
  if (bang < 0) return { a1: s };
  return { sheet: s.slice(0, bang), a1: s.slice(bang + 1) };
}

const PART = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

/** Parses an unqualified A1 reference ("B2", "A1:C9", "A:A", "2:5", "A2:C") against the sheet's size; null when invalid. */
export function parseA1(a1: string, maxRows: number, maxCols: number): Rect | null {
  const parts = a1.trim().split(':');
  if (parts.length < 1 || parts.length > 2) return null;
  const m1 = PART.exec(parts[0]);
  const m2 = parts.length === 2 ? PART.exec(parts[1]) : m1;
  if (!m1 || !m2) return null;
  const [, l1, d1] = m1;
  const [, l2, d2] = m2;
  if (!l1 && !d1) return null;
  if (!l2 && !d2) return null;
  if (parts.length === 1 && (!l1 || !d1)) return null;
  let c1 = l1 ? lettersToColumn(l1) : 1;
  let c2 = l2 ? lettersToColumn(l2) : maxCols;
  let r1 = d1 ? Number(d1) : 1;
  let r2 = d2 ? Number(d2) : maxRows;
  // "A:B" has no rows, "1:2" no columns; "A2:B" runs to the last row.
  if (!l1 && l2) return null;
  if (l1 && !l2 && parts.length === 2) return null;
  if (r1 === 0 || r2 === 0) return null;
  if (r1 > r2) [r1, r2] = [r2, r1];
  if (c1 > c2) [c1, c2] = [c2, c1];
  return { r1, c1, r2, c2 };
}

export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

export function rectContains(outer: Rect, r: number, c: number): boolean {
  return r >= outer.r1 && r <= outer.r2 && c >= outer.c1 && c <= outer.c2;
}
