// The demo's picture of «Панель» (scripts/render-dashboard.ts): the sheet the script drew on the embedded
// runtime as one HTML page, its three charts as inline SVG drawn from the cells their ranges name, nothing
// loaded from elsewhere; a PNG when Chromium is there.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { advanceTo } from '../../emulator/scheduler';
import { chartsOf, readDisplayValues } from '../../emulator/services/spreadsheet/index';
import { chartDataOf, renderDashboard } from '../../scripts/render-dashboard';
import { ru as dash } from '../../src/locale/dashboard';
import { ru } from '../../src/locale/ru';
import { testEntryRuntime } from '../helpers/gas-bundle';

const ENTRY = path.join(__dirname, 'dashboard.entry.ts');
const OWNER = 'school.helpdesk@gmail.com';

test('the dashboard as a page: cells, three SVG charts from the sheet’s cells, no external resources', async () => {
  const rt = testEntryRuntime(ENTRY, { owner: OWNER, now: '2026-09-07T08:00:00+05:00' });
  rt.runAsOwner('setupHelpdesk');
  const topics = [ru.choices.topic.grades, ru.choices.topic.grades, ru.choices.topic.attendance];
  topics.forEach((topic, i) => {
    rt.runAsOwner('registerCall', {
      token: `r${i}`,
      requesterType: 'parent',
      channel: 'phone',
      name: `Родитель ${i}`,
      className: '',
      email: `parent.${i}@mail.ru`,
      phone: '',
      topic,
      description: 'Не видно оценок в электронном дневнике ребёнка.',
    });
  });
  advanceTo(rt, '2026-09-08T12:00:00+05:00');
  const charts = chartsOf(rt, ru.sheets.dashboard);
  expect(charts.map((c) => c.type)).toEqual(['COLUMN', 'LINE', 'PIE']);
  // The pie's data as its range gives it: two topics, 2 and 1.
  expect(chartDataOf(rt, ru.sheets.dashboard, charts[2])).toEqual({
    categories: [ru.choices.topic.grades, ru.choices.topic.attendance],
    series: [{ name: dash.tableColumns.count, values: [2, 1] }],
  });
  expect(chartDataOf(rt, ru.sheets.dashboard, charts[0])).toEqual({
    categories: ['07.09'],
    series: [{ name: dash.tableColumns.received, values: [3] }],
  });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-'));
  const out = await renderDashboard(rt, dir, ru.sheets.dashboard, { png: fs.existsSync('/usr/bin/chromium') });
  const html = fs.readFileSync(out.htmlPath, 'utf8');
  expect(html.match(/<svg /g)).toHaveLength(3);
  // One bar for the one week; two slices; the figures of the sheet as its cells show them.
  expect(html.match(/class="bar"/g)).toHaveLength(1);
  expect(html.match(/<path class="slice" d="M[^"]+A[^"]+Z"/g)).toHaveLength(2);
  // The compliance line: one point (the week's first response; nothing decided for resolution yet).
  expect(html.match(/class="point"/g)).toHaveLength(1);
  for (const cell of readDisplayValues(rt, ru.sheets.dashboard)
    .flat()
    .filter((v) => v !== '')) {
    expect(html).toContain(
      cell.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
    );
  }
  // Self-contained: no script, stylesheet, image or font fetched from anywhere.
  expect(html).not.toMatch(/<script|<link|<img|src=|url\(|@import/i);
  expect(html.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '')).not.toMatch(/https?:/);
  if (out.pngPath) expect(fs.statSync(out.pngPath).size).toBeGreaterThan(10_000);
  fs.rmSync(dir, { recursive: true, force: true });
}, 120_000);
