// Test entry: the public page's doGet over a workbook built by the real setup, bundled by
// test/helpers/gas-bundle.ts (src/main.ts is not wired yet), and the iframe snippet setup keeps in «Настройки».
import { type DoGetEvent, renderPublicPage } from '../../src/app/public-page';
import { runSetup } from '../../src/app/setup';
import { Helpdesk } from '../../src/gas/helpdesk';
import { refreshEmbedSnippet } from '../../src/gas/web-app';

export function setupHelpdesk(): void {
  const report = runSetup();
  if (!report.ok) throw new Error(report.message);
}

export function doGet(e?: DoGetEvent) {
  return renderPublicPage(e);
}

/** What setup does for web.embedSnippet; '(no row)' when «Настройки» has no such row. */
export function refreshEmbed(): string {
  const hd = new Helpdesk();
  return refreshEmbedSnippet(hd.sheet('settings'), hd.locale) ?? '(no row)';
}
