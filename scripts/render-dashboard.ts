/**
 * The demo's picture of «Панель»: the sheet as the script left it on the embedded runtime — its cells with
 * their fills and fonts at their column widths, and its native charts drawn as inline SVG at their anchors
 * from the cells their ranges name — as one HTML page with no external resources (out/dashboard.html), and,
 * when Debian's Chromium is there, a PNG of it taken with playwright-core (out/dashboard.png).
 *
 * Only the demo and its test use this: the product draws the real charts with the Sheets chart builder.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Runtime } from '../emulator/index';
import {
  type ChartRecord,
  chartsOf,
  readDisplayValues,
  readSheetValues,
  sheetModel,
} from '../emulator/services/spreadsheet/index';

const ROW_HEIGHT = 21;
const DEFAULT_WIDTH = 100;
const CHROMIUM = '/usr/bin/chromium';

export interface RenderedDashboard {
  htmlPath: string;
  /** Written only when Chromium and playwright-core are there. */
  pngPath?: string;
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// ---- the charts as SVG ------------------------------------------------------------------------------------

/** A chart's data as its ranges give it: the first column of the first range names the categories. */
export interface ChartData {
  categories: string[];
  series: Array<{ name: string; values: Array<number | null> }>;
}

export function chartDataOf(rt: Runtime, sheetName: string, chart: ChartRecord): ChartData {
  const headers = chart.numHeaders ?? 1;
  const blocks = chart.ranges.map((a1) => ({
    raw: readSheetValues(rt, sheetName, { a1 }),
    shown: readDisplayValues(rt, sheetName, { a1 }),
  }));
  const [first, ...rest] = blocks;
  const categories = first.shown.slice(headers).map((r) => r[0]);
  const series: ChartData['series'] = [];
  const columns = (b: (typeof blocks)[number], from: number) => {
    for (let c = from; c < (b.raw[0]?.length ?? 0); c++) {
      series.push({
        name: headers > 0 ? b.shown[0][c] : `${series.length + 1}`,
        values: b.raw.slice(headers).map((r) => (typeof r[c] === 'number' ? (r[c] as number) : null)),
      });
    }
  };
  columns(first, 1);
  for (const b of rest) columns(b, 0);
  return { categories, series };
}

/** SVG coordinates to a tenth of a pixel. */
const r1 = (n: number): number => Math.round(n * 10) / 10;

/** A round upper bound for an axis: 1, 2, 5 × 10ⁿ. */
function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  return ([1, 2, 5, 10].find((m) => m * p >= max) ?? 10) * p;
}

function option(chart: ChartRecord, name: string): unknown {
  return chart.options[name];
}

export function chartSvg(chart: ChartRecord, data: ChartData): string {
  const width = Number(option(chart, 'width') ?? 600);
  const height = Number(option(chart, 'height') ?? 340);
  const colors = (option(chart, 'colors') as string[] | undefined) ?? ['#4285f4', '#db4437', '#f4b400', '#0f9d58'];
  const title = String(option(chart, 'title') ?? '');
  const head = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Arial, sans-serif" font-size="11"><rect width="100%" height="100%" fill="#fff" stroke="#dadce0"/><text x="${width / 2}" y="22" text-anchor="middle" font-size="14" font-weight="bold">${esc(title)}</text>`;
  const body = chart.type === 'PIE' ? pie(data, colors, width, height) : axes(chart, data, colors, width, height);
  return `${head}${body}</svg>`;
}

function axes(chart: ChartRecord, data: ChartData, colors: string[], width: number, height: number): string {
  const percent = option(chart, 'vAxis.format') === 'percent';
  const line = chart.type === 'LINE';
  const legend = option(chart, 'legend.position') !== 'none' && data.series.length > 0;
  const box = { left: 56, right: width - 16, top: 40, bottom: height - (legend ? 70 : 48) };
  const all = data.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const lo = Number(option(chart, 'vAxis.viewWindow.min') ?? 0);
  const hi =
    option(chart, 'vAxis.viewWindow.max') !== undefined
      ? Number(option(chart, 'vAxis.viewWindow.max'))
      : niceMax(Math.max(0, ...all));
  const y = (v: number) => box.bottom - ((v - lo) / (hi - lo || 1)) * (box.bottom - box.top);
  const n = Math.max(1, data.categories.length);
  const slot = (box.right - box.left) / n;
  const x = (i: number) => box.left + slot * (i + 0.5);
  const out: string[] = [];
  for (let k = 0; k <= 4; k++) {
    const v = lo + ((hi - lo) * k) / 4;
    const label = percent ? `${Math.round(v * 100)}%` : String(Math.round(v * 10) / 10);
    out.push(
      `<line x1="${box.left}" x2="${box.right}" y1="${r1(y(v))}" y2="${r1(y(v))}" stroke="#e0e0e0"/>`,
      `<text x="${box.left - 6}" y="${r1(y(v) + 4)}" text-anchor="end" fill="#555">${label}</text>`,
    );
  }
  const every = Math.ceil(n / 12);
  data.categories.forEach((c, i) => {
    if (i % every === 0)
      out.push(`<text x="${r1(x(i))}" y="${box.bottom + 16}" text-anchor="middle" fill="#555">${esc(c)}</text>`);
  });
  const xTitle = String(option(chart, 'hAxis.title') ?? '');
  const yTitle = String(option(chart, 'vAxis.title') ?? '');
  if (xTitle)
    out.push(
      `<text x="${(box.left + box.right) / 2}" y="${box.bottom + 34}" text-anchor="middle">${esc(xTitle)}</text>`,
    );
  if (yTitle)
    out.push(
      `<text transform="translate(14 ${(box.top + box.bottom) / 2}) rotate(-90)" text-anchor="middle">${esc(yTitle)}</text>`,
    );
  const m = Math.max(1, data.series.length);
  data.series.forEach((s, k) => {
    const color = colors[k % colors.length];
    if (line) {
      let path = '';
      s.values.forEach((v, i) => {
        if (v === null) return;
        path += `${path === '' || s.values[i - 1] === null ? 'M' : 'L'}${r1(x(i))} ${r1(y(v))} `;
        out.push(`<circle class="point" cx="${r1(x(i))}" cy="${r1(y(v))}" r="3" fill="${color}"/>`);
      });
      if (path) out.push(`<path d="${path.trim()}" fill="none" stroke="${color}" stroke-width="2"/>`);
    } else {
      const bar = (slot * 0.7) / m;
      s.values.forEach((v, i) => {
        if (v === null) return;
        const left = x(i) - (slot * 0.7) / 2 + bar * k;
        out.push(
          `<rect class="bar" x="${r1(left)}" y="${r1(y(v))}" width="${r1(bar)}" height="${r1(box.bottom - y(v))}" fill="${color}"/>`,
        );
      });
    }
  });
  out.push(`<line x1="${box.left}" x2="${box.right}" y1="${box.bottom}" y2="${box.bottom}" stroke="#555"/>`);
  if (legend) {
    data.series.forEach((s, k) => {
      const lx = box.left + k * 200;
      out.push(
        `<rect x="${lx}" y="${height - 22}" width="12" height="12" fill="${colors[k % colors.length]}"/>`,
        `<text x="${lx + 18}" y="${height - 12}">${esc(s.name)}</text>`,
      );
    });
  }
  return out.join('');
}

function pie(data: ChartData, colors: string[], width: number, height: number): string {
  const values = (data.series[0]?.values ?? []).map((v) => (v !== null && v > 0 ? v : 0));
  const total = values.reduce((a, b) => a + b, 0);
  const r = Math.min(height - 70, width / 2 - 40) / 2;
  const cx = 30 + r;
  const cy = 40 + (height - 40) / 2 - 10;
  const out: string[] = [];
  if (total === 0) {
    out.push(`<circle cx="${cx}" cy="${cy}" r="${r}" fill="#eee"/>`);
  } else {
    let angle = -Math.PI / 2;
    values.forEach((v, i) => {
      if (v === 0) return;
      const color = colors[i % colors.length];
      if (v === total) {
        out.push(`<circle class="slice" cx="${r1(cx)}" cy="${r1(cy)}" r="${r1(r)}" fill="${color}"/>`);
        return;
      }
      const next = angle + (2 * Math.PI * v) / total;
      const large = next - angle > Math.PI ? 1 : 0;
      const p = (a: number) => `${r1(cx + r * Math.cos(a))} ${r1(cy + r * Math.sin(a))}`;
      out.push(
        `<path class="slice" d="M${r1(cx)} ${r1(cy)} L${p(angle)} A${r1(r)} ${r1(r)} 0 ${large} 1 ${p(next)} Z" fill="${color}" stroke="#fff"/>`,
      );
      angle = next;
    });
  }
  data.categories.forEach((c, i) => {
    const ly = 50 + i * 20;
    const share = total > 0 ? ` (${Math.round((100 * values[i]) / total)}%)` : '';
    out.push(
      `<rect x="${cx + r + 24}" y="${ly}" width="12" height="12" fill="${colors[i % colors.length]}"/>`,
      `<text x="${cx + r + 42}" y="${ly + 10}">${esc(`${c}: ${values[i] ?? 0}${share}`)}</text>`,
    );
  });
  return out.join('');
}

// ---- the sheet as a page ----------------------------------------------------------------------------------

/** «Панель» as one self-contained HTML page: its cells, then its charts laid over them at their anchors. */
export function dashboardHtml(rt: Runtime, sheetName: string): string {
  const sheet = sheetModel(rt, sheetName);
  const shown = readDisplayValues(rt, sheetName);
  const raw = readSheetValues(rt, sheetName);
  const rows = shown.length;
  const cols = shown[0]?.length ?? 0;
  const widths = Array.from({ length: cols }, (_, c) => sheet.colWidths.get(c + 1) ?? DEFAULT_WIDTH);
  const left = (c: number) => widths.slice(0, c - 1).reduce((a, b) => a + b, 0);
  const layers = sheet.layers;
  const lines: string[] = [];
  for (let r = 1; r <= rows; r++) {
    const cells: string[] = [];
    for (let c = 1; c <= cols; c++) {
      const text = shown[r - 1][c - 1];
      const style = [
        `background:${layers.background.get(r, c) ?? '#fff'}`,
        `color:${layers.fontColor.get(r, c) ?? '#000'}`,
        `font-size:${layers.fontSize.get(r, c) ?? 10}pt`,
        layers.fontWeight.get(r, c) === 'bold' ? 'font-weight:bold' : '',
        typeof raw[r - 1]?.[c - 1] === 'number' ? 'text-align:right' : '',
        // Text runs on into empty cells to its right, as in Sheets; next to a filled one it is cut.
        c < cols && shown[r - 1][c] !== '' ? 'overflow:hidden' : '',
      ]
        .filter(Boolean)
        .join(';');
      cells.push(`<td style="${style}">${esc(text)}</td>`);
    }
    lines.push(`<tr>${cells.join('')}</tr>`);
  }
  const charts = chartsOf(rt, sheetName).map((chart) => {
    const x = left(chart.anchor.column) + chart.anchor.offsetX;
    const y = (chart.anchor.row - 1) * ROW_HEIGHT + chart.anchor.offsetY;
    return `<div class="chart" style="left:${x}px;top:${y}px">${chartSvg(chart, chartDataOf(rt, sheetName, chart))}</div>`;
  });
  const total = widths.reduce((a, b) => a + b, 0);
  return `<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>${esc(sheetName)}</title>
<style>
body { margin: 16px; font-family: Arial, sans-serif; background: #f8f9fa; }
.sheet { position: relative; width: ${total}px; background: #fff; box-shadow: 0 1px 3px #0003; }
table { border-collapse: collapse; table-layout: fixed; width: ${total}px; }
td { height: ${ROW_HEIGHT - 1}px; padding: 0 3px; border: 1px solid #e2e3e3; white-space: nowrap; overflow: visible; font-family: Arial, sans-serif; }
.chart { position: absolute; box-shadow: 0 1px 4px #0004; }
</style></head>
<body><div class="sheet"><table><colgroup>${widths.map((w) => `<col style="width:${w}px">`).join('')}</colgroup>
${lines.join('\n')}
</table>${charts.join('')}</div></body></html>
`;
}

/**
 * Writes out/dashboard.html (and out/dashboard.png when Chromium is there) for the demo: call it after the
 * dashboard was refreshed.
 */
export async function renderDashboard(
  rt: Runtime,
  outDir: string,
  sheetName = 'Панель',
  options: { png?: boolean } = { png: true },
): Promise<RenderedDashboard> {
  fs.mkdirSync(outDir, { recursive: true });
  const htmlPath = path.join(outDir, 'dashboard.html');
  fs.writeFileSync(htmlPath, dashboardHtml(rt, sheetName));
  if (!options.png || !fs.existsSync(CHROMIUM)) return { htmlPath };
  try {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      await page.goto(`file://${htmlPath}`);
      const pngPath = path.join(outDir, 'dashboard.png');
      await page.screenshot({ path: pngPath, fullPage: true });
      return { htmlPath, pngPath };
    } finally {
      await browser.close();
    }
  } catch (e) {
    console.warn(`dashboard.png not written: ${e instanceof Error ? e.message : String(e)}`);
    return { htmlPath };
  }
}
