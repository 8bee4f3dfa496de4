/**
 * npm run bench: what each operation costs on the embedded runtime at 100, 10 000 and 50 000 requests in
 * the log — service calls, cells moved, modelled Apps Script time, and the bundle's own host CPU time.
 *
 * Modelled time is the virtual clock's advance: every service call is charged its round trip and every
 * cell moved 0.1 ms (emulator/costs.ts: Google's best-practices page measured ~70 s for 10 000 single-cell
 * calls against ~1 s for one batched call). Targets (DESIGN.md, performance model): the same number of calls
 * at every log size for the per-request operations; well under a minute of modelled time at 50 000. First, the
 * dashboard's pure computation on its own (bench-metrics.ts): under a second of CPU at 50 000 requests.
 */
import path from 'node:path';
import { Runtime } from '../emulator/index';
import { person } from '../emulator/people';
import { advance } from '../emulator/scheduler';
import { submitForm } from '../emulator/services/forms';
import { propertyStore } from '../emulator/services/properties';
import { containerSpreadsheet, sheetModel, writeCells } from '../emulator/services/spreadsheet/index';
import { sheetDef } from '../src/domain/schema';
import { ru } from '../src/locale/ru';
import { metricsBench } from './bench-metrics';

const root = path.resolve(__dirname, '..');
const OWNER = 'pomosh.ej.school@gmail.com';
const SIZES = [100, 10_000, 50_000];

interface Measure {
  op: string;
  size: number;
  calls: number;
  cells: number;
  modelledMs: number;
  cpuMs: number;
}

function measure(rt: Runtime, op: string, size: number, action: () => void, onlyFunction?: string): Measure {
  rt.resetCounters();
  const executionsBefore = rt.executions.length;
  const cpuBefore = process.cpuUsage();
  action();
  const cpu = process.cpuUsage(cpuBefore);
  // Modelled time of the executions themselves (a trigger run's wait for its schedule is not its cost).
  const ran = rt.executions.slice(executionsBefore).filter((e) => !onlyFunction || e.functionName === onlyFunction);
  if (ran.length === 0) throw new Error(`${op}: nothing ran`);
  // With a filter, the calls are the filtered executions' own; otherwise everything that ran.
  const calls = onlyFunction
    ? ran.reduce((sum, e) => sum + e.calls, 0)
    : [...rt.callCounts.values()].reduce((a, b) => a + b, 0);
  return {
    op,
    size,
    calls,
    cells: rt.cellsMoved,
    modelledMs: ran.reduce((sum, e) => sum + (e.endedAt - e.startedAt), 0),
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
}

/** Fills the request log and its bookkeeping with `n` plausible rows straight into the model. */
function seedRequests(rt: Runtime, n: number): void {
  const created = new Date('2025-09-01T10:00:00+05:00').getTime();
  const id = (i: number) => `ОБ-2025-${String(i + 1).padStart(5, '0')}`;
  seed(rt, 'requests', n, (key, i) => {
    switch (key) {
      case 'id':
        return id(i);
      case 'createdAt':
        return new Date(created + i * 60_000);
      case 'status':
        return ru.choices.status.closed;
      case 'topic':
        return ru.choices.topic.diaryAccess;
      case 'email':
        return `parent${i}@mail.ru`;
      case 'description':
        return 'Не открывается электронный дневник после смены пароля';
      default:
        return '';
    }
  });
  seed(rt, 'state', n, (key, i) =>
    key === 'requestId'
      ? id(i)
      : key === 'sourceKey'
        ? `form:seed-${i}`
        : key === 'notifiedAt'
          ? new Date(created)
          : '',
  );
}

function seed(
  rt: Runtime,
  sheetKey: 'requests' | 'state',
  n: number,
  value: (key: string, i: number) => unknown,
): void {
  const def = sheetDef(sheetKey);
  const name = ru.sheets[sheetKey];
  const sheet = sheetModel(rt, name);
  // Room left after the records, as a live log has between growth blocks (growth is measured separately).
  if (sheet.maxRows < n + 102) sheet.insertRows(sheet.maxRows + 1, n + 102 - sheet.maxRows);
  const rows: unknown[][] = [];
  for (let i = 0; i < n; i++) rows.push(def.columns.map((c) => value(c.key, i)));
  writeCells(rt, name, 3, 1, rows);
}

function formAnswers(i: number): Record<string, string | string[]> {
  return {
    [ru.form.requesterType[0]]: ru.choices.requesterType.parent,
    [ru.form.name[0]]: `Родитель ${i}`,
    [ru.form.contact[0]]: `new.parent${i}@mail.ru`,
    [ru.form.preferredChannel[0]]: ru.choices.preferredChannel.email,
    [ru.form.topic[0]]: ru.choices.topic.grades,
    [ru.form.description[0]]: 'Не видно итоговых оценок за четверть в электронном дневнике ребёнка.',
    [ru.form.consent[0]]: [ru.form.consentChoice],
  };
}

/** The runtime's own cost of one batched write and read of a 50 000 × 25 log (host time, not modelled). */
function emulatorTableBench(): void {
  const rows = 50_000;
  const cols = 25;
  const rt = new Runtime({
    bundle: `function prepare() { SpreadsheetApp.getActiveSheet().insertRowsAfter(1000, ${rows - 1000}); }
      function write() {
        var data = [];
        for (var i = 0; i < ${rows}; i++) { var r = []; for (var j = 0; j < ${cols}; j++) r.push(j === 3 ? new Date(2026, 0, 1 + (i % 300)) : 'текст ' + i + '/' + j); data.push(r); }
        SpreadsheetApp.getActiveSheet().getRange(1, 1, ${rows}, ${cols}).setValues(data);
      }
      function read() { return SpreadsheetApp.getActiveSheet().getRange(1, 1, ${rows}, ${cols}).getValues().length; }`,
    manifest: { timeZone: 'Asia/Yekaterinburg' },
    owner: OWNER,
    now: '2026-09-01T08:00:00+05:00',
  });
  rt.runAsOwner('prepare');
  for (const fn of ['write', 'read']) {
    const t0 = performance.now();
    rt.runAsOwner(fn);
    console.log(
      `emulator ${fn === 'write' ? 'setValues' : 'getValues'} ${rows} × ${cols}: ${(performance.now() - t0).toFixed(0)} ms host time (script loop included)`,
    );
  }
  console.log('');
}

function main(): void {
  const metricFailures = metricsBench();
  emulatorTableBench();
  const results: Measure[] = [];
  for (const size of SIZES) {
    const rt = new Runtime({
      bundlePath: path.join(root, 'dist', 'Code.js'),
      manifestPath: path.join(root, 'dist', 'appsscript.json'),
      owner: OWNER,
      now: '2026-09-01T08:00:00+05:00',
    });
    const school = person(rt, OWNER);
    results.push(measure(rt, 'setup (first run)', size, () => school.runOrThrow('setup')));
    seedRequests(rt, size);
    results.push(measure(rt, 'setup (re-run)', size, () => school.runOrThrow('setup')));
    results.push(measure(rt, 'onOpen (menu)', size, () => school.open()));
    results.push(measure(rt, 'runQueue (trigger)', size, () => advance(rt, 5 * 60_000)));
    results.push(measure(rt, 'showHealth (menu)', size, () => school.runOrThrow('showHealth')));
    const formId = JSON.parse(propertyStore(rt, 'document').get('helpdesk.forms') ?? '{}').requests.formId as string;
    results.push(
      measure(rt, 'form submission (trigger)', size, () => {
        if (!submitForm(rt, formId, formAnswers(size)).ok) throw new Error('submission refused');
      }),
    );
    results.push(measure(rt, 'runQueue after a submission', size, () => advance(rt, 5 * 60_000)));
    results.push(measure(rt, 'runSlaSweep (hourly)', size, () => advance(rt, 60 * 60_000), 'runSlaSweep'));
    if (containerSpreadsheet(rt).sheets.length === 0) throw new Error('setup did not run');
  }

  const header = ['operation', 'requests', 'calls', 'cells', 'modelled s', 'host CPU ms'];
  const lines = results.map((r) => [
    r.op,
    String(r.size),
    String(r.calls),
    String(r.cells),
    (r.modelledMs / 1000).toFixed(2),
    r.cpuMs.toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(fmt(header));
  for (const l of lines) console.log(fmt(l));

  // The per-request operations must not grow with the log.
  const failures: string[] = [...metricFailures];
  for (const op of [
    'setup (re-run)',
    'onOpen (menu)',
    'showHealth (menu)',
    'form submission (trigger)',
    'runSlaSweep (hourly)',
  ]) {
    const counts = results.filter((r) => r.op === op).map((r) => r.calls);
    if (new Set(counts).size !== 1) failures.push(`${op}: calls vary with the log size (${counts.join(', ')})`);
  }
  for (const r of results) {
    if (r.modelledMs > 60_000) failures.push(`${r.op} at ${r.size}: ${(r.modelledMs / 1000).toFixed(1)} s modelled`);
  }
  if (failures.length) {
    console.error(`\nTargets missed:\n${failures.join('\n')}`);
    process.exit(1);
  }
  console.log(
    '\nTargets met: constant calls at every log size; every operation under a minute of modelled time; the ' +
      "dashboard's computation under a second at 50 000 requests.",
  );
}

main();
