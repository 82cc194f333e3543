import { describe, expect, it } from 'vitest';
import { createSheetsEnvironment } from '../../preview/src/apps-script';
import type { FakeSheet } from '../../preview/src/apps-script/fake-spreadsheet';

function sheets() {
  const env = createSheetsEnvironment({ name: 'Charts', sheets: { Program: [['Month', 'Generated'], ['2026-11', 3]], Other: [['x']] }, files: {} });
  const [program, other] = env.spreadsheet.sheets as FakeSheet[];
  return { env, program: program!, other: other! };
}

describe('charts on the fake sheet', () => {
  it('builds, inserts, lists, updates and removes a chart, counting each call', () => {
    const { env, program } = sheets();
    const chart = program.newChart().asColumnChart().addRange(program.getRange(1, 1, 2, 2) as never).setOption('title', 'By month').setPosition(4, 1, 0, 0).build();
    program.insertChart(chart as never);
    expect(program.getCharts()).toHaveLength(1);
    expect(program.getCharts()[0]!.getOptions().get('title')).toBe('By month');
    program.updateChart(chart.modify().setOption('title', 'Again').build() as never);
    expect(program.getCharts()[0]!.getOptions().get('title')).toBe('Again');
    program.clear();
    expect(program.getCharts()).toHaveLength(1);
    program.removeChart(chart as never);
    expect(program.getCharts()).toHaveLength(0);
    expect(env.calls.count('Sheet.newChart')).toBe(1);
    expect(env.calls.count('EmbeddedChartBuilder.build')).toBe(2);
  });

  it('refuses a chart without a type or a range, a bad anchor, another sheet’s chart and a second insert', () => {
    const { program, other } = sheets();
    expect(() => program.newChart().addRange(program.getRange(1, 1, 2, 2) as never).build()).toThrow(/chart type is required/);
    expect(() => program.newChart().asColumnChart().build()).toThrow(/at least one data range/);
    expect(() => program.newChart().setPosition(0, 1, 0, 0)).toThrow(/outside the sheet/);
    const chart = other.newChart().asLineChart().addRange(other.getRange(1, 1, 1, 1) as never).build();
    expect(() => program.insertChart(chart as never)).toThrow(/built for another sheet/);
    other.insertChart(chart as never);
    expect(() => other.insertChart(chart as never)).toThrow(/already on the sheet/);
    expect(() => program.removeChart(chart as never)).toThrow(/not on this sheet/);
  });
});
