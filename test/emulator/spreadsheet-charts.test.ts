// Embedded charts: Sheet.newChart / insertChart / getCharts / updateChart / removeChart, the Charts enums.
import { chartsOf, containerSpreadsheetId, shareSpreadsheet } from '../../emulator/services/spreadsheet/index';
import { inlineRuntime, OWNER } from '../helpers/inline-runtime';

// The director's dashboard: weekly volume (column), SLA trend (line), topics (pie).
const DASHBOARD = `
function seed() {
  var sh = SpreadsheetApp.getActiveSheet();
  sh.getRange('A1:C5').setValues([['Неделя', 'Обращений', 'SLA'], ['1', 12, 0.9], ['2', 15, 0.85], ['3', 9, 0.95], ['4', 20, 0.8]]);
}
function volume() {
  var sh = SpreadsheetApp.getActiveSheet();
  var built = sh.newChart().asColumnChart()
    .addRange(sh.getRange('A1:B5'))
    .setTitle('Обращения по неделям').setXAxisTitle('Неделя').setYAxisTitle('Обращений')
    .setLegendPosition(Charts.Position.BOTTOM).setColors(['#4285f4']).setStacked()
    .setNumHeaders(1).setPosition(2, 5, 10, 20)
    .build();
  var before = [built.getChartId(), sh.getCharts().length];
  sh.insertChart(built);
  return before.concat([built.getChartId(), sh.getCharts().length]).join('|');
}
function read() {
  var c = SpreadsheetApp.getActiveSheet().getCharts()[0];
  var info = c.getContainerInfo(), o = c.getOptions();
  return [typeof c.getChartId(), c.getRanges().map(function (r) { return r.getA1Notation(); }).join(','),
    o.get('title'), o.get('hAxis.title'), o.get('vAxis.title'), o.get('legend.position'), o.get('colors').join(','),
    o.get('colors') instanceof Array, o.get('isStacked'), o.get('animation.duration'),
    info.getAnchorRow(), info.getAnchorColumn(), info.getOffsetX(), info.getOffsetY(), c.getNumHeaders(),
    c.getMergeStrategy() === Charts.ChartMergeStrategy.MERGE_COLUMNS, String(c.getHiddenDimensionStrategy()),
    c.getTransposeRowsAndColumns(), c.asDataSourceChart()].join('|');
}
`;

describe('embedded charts (reference/spreadsheet/embedded-chart-builder, embedded-chart, container-info)', () => {
  test('build() does not draw; insertChart stores the chart on the sheet across executions', () => {
    const rt = inlineRuntime(DASHBOARD);
    rt.runAsOwner('seed');
    // reference/spreadsheet/embedded-chart-builder#build: "does not automatically draw the chart";
    // reference/spreadsheet/embedded-chart#getchartid: null while the chart is not in a spreadsheet.
    // The chart object handed to insertChart stays a value (the emulator stores a copy with a new id).
    expect(rt.runAsOwner('volume')).toBe('|0||1');
    // reference/charts/chart-options#getoption: the value set, or null when the option was not set.
    expect(rt.runAsOwner('read')).toBe(
      'number|A1:B5|Обращения по неделям|Неделя|Обращений|bottom|#4285f4|true|true||2|5|10|20|1|true|IGNORE_BOTH|false|',
    );
    const [chart] = chartsOf(rt, 'Лист1');
    expect(chart).toEqual({
      id: expect.any(Number),
      type: 'COLUMN',
      ranges: ['A1:B5'],
      options: {
        title: 'Обращения по неделям',
        'hAxis.title': 'Неделя',
        'vAxis.title': 'Обращений',
        'legend.position': 'bottom',
        colors: ['#4285f4'],
        isStacked: true,
      },
      anchor: { row: 2, column: 5, offsetX: 10, offsetY: 20 },
      numHeaders: 1,
      mergeStrategy: 'MERGE_COLUMNS',
      hiddenDimensionStrategy: 'IGNORE_BOTH',
      transposeRowsAndColumns: false,
    });
    expect(rt.countOf('Sheet.insertChart')).toBe(1);
  });

  test('addRange skips a range already added; removeRange, clearRanges; getRanges is a copy; getChartType is the enum', () => {
    const rt = inlineRuntime(`function f() {
      var sh = SpreadsheetApp.getActiveSheet();
      var b = sh.newChart().setChartType(Charts.ChartType.LINE);
      b.addRange(sh.getRange('A1:A5')).addRange(sh.getRange('A1:A5')).addRange(sh.getRange('C1:C5'));
      var a1 = function (rs) { return rs.map(function (r) { return r.getA1Notation(); }).join(','); };
      var out = [a1(b.getRanges())];
      b.getRanges().pop();
      out.push(a1(b.getRanges()));
      b.removeRange(sh.getRange('A1:A5')).removeRange(sh.getRange('D1'));
      out.push(a1(b.getRanges()), b.getChartType() === Charts.ChartType.LINE, String(b.getChartType()));
      out.push(a1(b.clearRanges().getRanges()), Array.isArray(b.getRanges()));
      var c = b.getContainer();
      out.push(c.getAnchorRow() + ',' + c.getAnchorColumn() + ',' + c.getOffsetX() + ',' + c.getOffsetY());
      return out.join('|');
    }`);
    // reference/spreadsheet/embedded-chart-builder#addrangerange: "If the range has already been added to the
    // chart, it is not added again"; #getranges "Returns a copy of the list of ranges".
    expect(rt.runAsOwner('f')).toBe('A1:A5,C1:C5|A1:A5,C1:C5|C1:C5|true|LINE||true|1,1,0,0');
  });

  test('modify() prefills a builder; updateChart saves it under the same id; removeChart takes it away', () => {
    const rt = inlineRuntime(`${DASHBOARD}
      function trend() {
        var sh = SpreadsheetApp.getActiveSheet();
        sh.insertChart(sh.newChart().asLineChart().addRange(sh.getRange('A1:A5')).addRange(sh.getRange('C1:C5'))
          .setTitle('SLA').setPosition(8, 5, 0, 0).build());
      }
      function edit() {
        // The reference's own example (reference/spreadsheet/embedded-chart-builder).
        var sh = SpreadsheetApp.getActiveSheet();
        var old = sh.getCharts()[1];
        var chart = old.modify().removeRange(sh.getRange('C1:C5')).addRange(sh.getRange('B1:B5'))
          .setOption('title', 'Updated!').setOption('animation.duration', 500).setPosition(2, 2, 0, 0).build();
        sh.updateChart(chart);
        var now = sh.getCharts()[1];
        return [now.getChartId() === old.getChartId(), now.getOptions().get('title'), old.getOptions().get('title'),
          now.getOptions().get('animation.duration'), now.getContainerInfo().getAnchorRow(), sh.getCharts().length].join('|');
      }
      function drop() {
        var sh = SpreadsheetApp.getActiveSheet();
        sh.getCharts().forEach(function (c) { if (c.getOptions().get('title') === 'Updated!') sh.removeChart(c); });
        return sh.getCharts().map(function (c) { return c.getOptions().get('title'); }).join(',');
      }`);
    rt.runAsOwner('seed');
    rt.runAsOwner('volume');
    rt.runAsOwner('trend');
    const [, before] = chartsOf(rt, 'Лист1');
    expect(before).toMatchObject({ type: 'LINE', ranges: ['A1:A5', 'C1:C5'], options: { title: 'SLA' } });
    expect(rt.runAsOwner('edit')).toBe('true|Updated!|SLA|500|2|2');
    const [, after] = chartsOf(rt, 'Лист1');
    expect(after).toMatchObject({
      id: before.id,
      type: 'LINE',
      ranges: ['A1:A5', 'B1:B5'],
      options: { title: 'Updated!', 'animation.duration': 500 },
      anchor: { row: 2, column: 2, offsetX: 0, offsetY: 0 },
    });
    expect(rt.runAsOwner('drop')).toBe('Обращения по неделям');
    expect(chartsOf(rt, 'Лист1').map((c) => c.type)).toEqual(['COLUMN']);
  });

  test('pie and bar builders; setOption objects read back by dotted path; Charts.ChartType values', () => {
    const rt = inlineRuntime(`function f() {
      var sh = SpreadsheetApp.getActiveSheet();
      sh.insertChart(sh.newChart().asPieChart().addRange(sh.getRange('A1:B4')).setTitle('Темы').set3D()
        .setLegendPosition(Charts.Position.RIGHT).setOption('pieSliceText', 'percentage').build());
      sh.insertChart(sh.newChart().asBarChart().addRange(sh.getRange('A1:B4')).setXAxisTitle('Число')
        .setOption('hAxis', { format: '#', gridlines: { count: 4 } }).build());
      var bar = sh.getCharts()[1].getOptions();
      return [Object.keys(Charts.ChartType).length, String(Charts.ChartType.COLUMN), Charts.ChartType.PIE.name(),
        Object.keys(Charts.Position).join(','), bar.get('hAxis.format'), bar.get('hAxis.gridlines.count'),
        bar.get('hAxis.title'), bar.get('hAxis.nothing'), JSON.stringify(bar.get('hAxis'))].join('|');
    }`);
    expect(rt.runAsOwner('f')).toBe(
      '20|COLUMN|PIE|TOP,RIGHT,BOTTOM,NONE|#|4|Число||{"format":"#","gridlines":{"count":4}}',
    );
    expect(chartsOf(rt, 'Лист1').map((c) => [c.type, c.options])).toEqual([
      ['PIE', { title: 'Темы', is3D: true, 'legend.position': 'right', pieSliceText: 'percentage' }],
      ['BAR', { 'hAxis.title': 'Число', hAxis: { format: '#', gridlines: { count: 4 } } }],
    ]);
  });

  test('typed builders have only their own setters: a pie has no axes, a line chart no setStacked', () => {
    const rt =
      inlineRuntime(`function pie() { SpreadsheetApp.getActiveSheet().newChart().asPieChart().setXAxisTitle('x'); }
      function line() { SpreadsheetApp.getActiveSheet().newChart().asLineChart().setStacked(); }`);
    expect(() => rt.runAsOwner('pie')).toThrow(/does not implement EmbeddedPieChartBuilder\.setXAxisTitle/);
    expect(() => rt.runAsOwner('line')).toThrow(/does not implement EmbeddedLineChartBuilder\.setStacked/);
  });

  test('data ranges and the anchor follow inserted and deleted rows; ranges on another sheet are qualified', () => {
    const rt = inlineRuntime(`function f() {
      var ss = SpreadsheetApp.getActive();
      var data = ss.insertSheet('Данные');
      var board = ss.insertSheet('Панель');
      board.insertChart(board.newChart().asColumnChart().addRange(data.getRange('A1:B5')).addRange(board.getRange('A1:A3'))
        .setPosition(4, 2, 0, 0).build());
    }
    function shift() {
      var ss = SpreadsheetApp.getActive();
      ss.getSheetByName('Данные').insertRowsBefore(1, 2);
      ss.getSheetByName('Панель').insertRowsBefore(2, 3);
      ss.getSheetByName('Панель').deleteRows(1, 1);
    }
    function cut() { SpreadsheetApp.getActive().getSheetByName('Панель').deleteRows(1, 6); }`);
    rt.runAsOwner('f');
    expect(chartsOf(rt, 'Панель')[0]).toMatchObject({
      ranges: ["'Данные'!A1:B5", 'A1:A3'],
      anchor: { row: 4, column: 2 },
    });
    rt.runAsOwner('shift');
    expect(chartsOf(rt, 'Панель')[0]).toMatchObject({
      ranges: ["'Данные'!A3:B7", 'A1:A5'],
      anchor: { row: 6, column: 2 },
    });
    // All of A1:A5 and the anchor row deleted: the range goes, the chart moves to the row now in its place.
    rt.runAsOwner('cut');
    expect(chartsOf(rt, 'Панель')[0]).toMatchObject({ ranges: ["'Данные'!A3:B7"], anchor: { row: 1, column: 2 } });
  });

  test('refusals: no ranges, no type, unknown charts, a non-chart argument, an anchor off the grid, a viewer', () => {
    const rt = inlineRuntime(`function f() {
      var sh = SpreadsheetApp.getActiveSheet();
      var out = [];
      var tryIt = function (fn) { try { fn(); out.push('ok'); } catch (e) { out.push(e.name + ': ' + e.message); } };
      tryIt(function () { sh.insertChart(sh.newChart().setChartType(Charts.ChartType.PIE).build()); });
      tryIt(function () { sh.insertChart(sh.newChart().addRange(sh.getRange('A1:B2')).build()); });
      var loose = sh.newChart().asPieChart().addRange(sh.getRange('A1:B2')).build();
      tryIt(function () { sh.updateChart(loose); });
      tryIt(function () { sh.removeChart(loose); });
      tryIt(function () { sh.insertChart('chart'); });
      tryIt(function () { sh.insertChart(sh.newChart().asPieChart().addRange(sh.getRange('A1:B2')).setPosition(1001, 1, 0, 0).build()); });
      tryIt(function () { sh.newChart().setChartType('DONUT'); });
      tryIt(function () { sh.newChart().addRange('A1:B2'); });
      return out.join('\\n');
    }
    function add() {
      var sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.insertChart(sh.newChart().asPieChart().addRange(sh.getRange('A1:B2')).build());
    }`);
    expect(rt.runAsOwner<string>('f').split('\n')).toEqual([
      'Exception: The chart has no data ranges. Add one with EmbeddedChartBuilder.addRange before inserting it.',
      'Exception: The chart has no chart type. Set one with EmbeddedChartBuilder.setChartType or asColumnChart() etc.',
      'Exception: The chart does not exist on this sheet.',
      'Exception: The chart does not exist on this sheet.',
      "Exception: The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.insertChart.",
      'Exception: The coordinates of the range are outside the dimensions of the sheet.',
      "Exception: The parameters (String) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setChartType.",
      "Exception: The parameters (String) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.addRange.",
    ]);
    expect(chartsOf(rt, 'Лист1')).toEqual([]);
    const id = containerSpreadsheetId(rt);
    shareSpreadsheet(rt, id, 'teacher@school.ru', 'viewer');
    const viewer = rt.execute('add', [], {
      kind: 'menu',
      effectiveUser: 'teacher@school.ru',
      actingUser: 'teacher@school.ru',
    });
    expect(viewer.error?.message).toBe(
      'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    );
    shareSpreadsheet(rt, id, 'teacher@school.ru', 'editor');
    rt.run('add', [], { kind: 'menu', effectiveUser: 'teacher@school.ru', actingUser: 'teacher@school.ru' });
    rt.run('add', [], { kind: 'editor', effectiveUser: OWNER, actingUser: OWNER });
    const ids = chartsOf(rt, 'Лист1').map((c) => c.id);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
  });
});
