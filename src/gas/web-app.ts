/**
 * The script as a web app (the public page): its own URL, and the iframe snippet for the school's site kept
 * in «Настройки» (web.embedSnippet), which setup rewrites in the owner's run.
 */
import { embedSnippet } from '../domain/public-page';
import { format } from '../locale/index';
import { en, ru } from '../locale/schedule';
import { openTable, readRecords, text } from './table';

export const EMBED_SNIPPET_KEY = 'web.embedSnippet';

/**
 * The deployed web app's URL (reference/script/service#getUrl: null until deployed), '' where the runtime
 * cannot tell.
 */
export function webAppUrl(): string {
  try {
    return ScriptApp.getService().getUrl() ?? '';
  } catch {
    return '';
  }
}

/**
 * Writes the iframe snippet into the value of the `web.embedSnippet` row of «Настройки» (blank while the web
 * app is not deployed). Returns the snippet, or undefined when the sheet has no such row. Writes only a
 * changed value, as text.
 */
export function refreshEmbedSnippet(sheet: GoogleAppsScript.Spreadsheet.Sheet, lang: string): string | undefined {
  const table = openTable(sheet);
  const rows = readRecords(table, ['key', 'value']);
  const school = rows.find((r) => text(r.values.key).trim() === 'school.name');
  const own = rows.find((r) => text(r.values.key).trim() === EMBED_SNIPPET_KEY);
  if (!own) return undefined;
  const texts = lang === 'en' ? en : ru;
  const title = format(texts.page.title, { school: school ? text(school.values.value).trim() : '' });
  const snippet = embedSnippet(webAppUrl(), title);
  if (text(own.values.value) !== snippet) {
    const cell = sheet.getRange(own.row, table.columns.get('value') as number);
    cell.setNumberFormat('@');
    cell.setValue(snippet);
  }
  return snippet;
}
