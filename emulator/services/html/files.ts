/**
 * The project's HTML files, as `HtmlService.createHtmlOutputFromFile(name)` sees them. By default they are
 * read from `dist/<name>.html` of the working directory (the build copies src/html/*.html there); a test
 * can supply them in memory with `setHtmlFiles`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Runtime } from '../../runtime';

interface HtmlFiles {
  memory?: Map<string, string>;
  directory?: string;
}

function state(rt: Runtime): HtmlFiles {
  return rt.store<HtmlFiles>('html-files', () => ({}));
}

// The editor names a file "Index" and shows it as Index.html; Apps Script accepts both spellings.
function normalise(name: string): string {
  return name.replace(/\.html$/i, '');
}

/** Serve these files (name → HTML) instead of dist/*.html. */
export function setHtmlFiles(rt: Runtime, files: Record<string, string>): void {
  state(rt).memory = new Map(Object.entries(files).map(([name, html]) => [normalise(name), html]));
}

/** Read the project's HTML files from this directory instead of ./dist. */
export function setHtmlDirectory(rt: Runtime, directory: string): void {
  const s = state(rt);
  s.directory = path.resolve(directory);
  s.memory = undefined;
}

/** The file's content, or Apps Script's error when the project has no such HTML file. */
export function readHtmlFile(rt: Runtime, filename: unknown): string {
  const name = normalise(String(filename));
  const s = state(rt);
  if (s.memory) {
    const html = s.memory.get(name);
    if (html !== undefined) return html;
  } else if (name && !name.split(/[\\/]/).includes('..')) {
    const file = path.join(s.directory ?? path.resolve('dist'), `${name}.html`);
    if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
  }
  // Wording as Apps Script reports it (users quote "Exception: No HTML file named Index was found.").
  throw new Error(`No HTML file named ${name} was found.`);
}
