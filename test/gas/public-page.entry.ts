// Test entry: the public page's doGet over a workbook built by the real setup, bundled by
// test/helpers/gas-bundle.ts (src/main.ts is not wired yet).
import { type DoGetEvent, renderPublicPage } from '../../src/app/public-page';
import { runSetup } from '../../src/app/setup';

export function setupHelpdesk(): void {
  const report = runSetup();
  if (!report.ok) throw new Error(report.message);
}

export function doGet(e?: DoGetEvent) {
  return renderPublicPage(e);
}
