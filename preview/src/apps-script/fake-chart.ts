import { countCalls, type CallLog } from '../call-log';
import type { Mirror } from './mirror';
import type { FakeRange, FakeSheet } from './fake-spreadsheet';

type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type EmbeddedChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

// Charts on a sheet, as far as the add-ons use them: a builder from Sheet.newChart() with data
// ranges, a chart type, options and a position, and the chart inserted, listed, updated or removed.
// Stricter than documented where the reference is silent (see docs/HOSTS.md): a chart needs a type
// and at least one range from its own sheet's spreadsheet, and a chart is inserted only once.

let nextChartId = 1;

export interface ChartPosition {
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
}

export class FakeEmbeddedChart implements Mirror<EmbeddedChart, 'getChartId' | 'getRanges' | 'modify', { getRanges: FakeRange[]; modify: FakeEmbeddedChartBuilder }> {
  constructor(
    readonly sheet: FakeSheet,
    readonly id: number,
    readonly chartType: string,
    readonly ranges: readonly FakeRange[],
    readonly options: ReadonlyMap<string, unknown>,
    readonly position: ChartPosition,
    readonly calls: CallLog,
  ) {}

  getChartId(): number {
    return this.id;
  }

  getRanges(): FakeRange[] {
    return [...this.ranges];
  }

  /** The option's value as set, or null: EmbeddedChart.getOptions().get(option). */
  getOptions() {
    return { get: (option: string) => this.options.get(option) ?? null };
  }

  modify(): FakeEmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder(this.sheet, this.calls, this);
  }
}

countCalls(FakeEmbeddedChart, 'EmbeddedChart', ['getChartId', 'getRanges', 'getOptions', 'modify']);

export class FakeEmbeddedChartBuilder
  implements Mirror<EmbeddedChartBuilder, 'addRange' | 'setOption' | 'setPosition' | 'getRanges', { addRange: FakeEmbeddedChartBuilder; setOption: FakeEmbeddedChartBuilder; setPosition: FakeEmbeddedChartBuilder; getRanges: FakeRange[] }>
{
  private chartType: string | null;
  private readonly ranges: FakeRange[];
  private readonly options: Map<string, unknown>;
  private position: ChartPosition;

  constructor(
    private readonly sheet: FakeSheet,
    readonly calls: CallLog,
    private readonly from?: FakeEmbeddedChart,
  ) {
    this.chartType = from?.chartType ?? null;
    this.ranges = [...(from?.ranges ?? [])];
    this.options = new Map(from?.options ?? []);
    this.position = from?.position ?? { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 };
  }

  addRange(range: GoogleAppsScript.Spreadsheet.Range): FakeEmbeddedChartBuilder {
    const fake = range as unknown as FakeRange;
    if (fake.snapshotSheet().spreadsheet !== this.sheet.spreadsheet) throw new Error('Exception: The range must be in the same spreadsheet as the chart.');
    this.ranges.push(fake);
    return this;
  }

  getRanges(): FakeRange[] {
    return [...this.ranges];
  }

  setChartType(type: string): FakeEmbeddedChartBuilder {
    this.chartType = String(type);
    return this;
  }

  asColumnChart(): FakeEmbeddedChartBuilder {
    return this.setChartType('COLUMN');
  }

  asLineChart(): FakeEmbeddedChartBuilder {
    return this.setChartType('LINE');
  }

  setOption(option: string, value: Parameters<EmbeddedChartBuilder['setOption']>[1]): FakeEmbeddedChartBuilder {
    this.options.set(option, value);
    return this;
  }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): FakeEmbeddedChartBuilder {
    if (!Number.isInteger(anchorRowPos) || !Number.isInteger(anchorColPos) || anchorRowPos < 1 || anchorColPos < 1) {
      throw new Error(`Exception: The coordinates of the chart's anchor are outside the sheet: row ${anchorRowPos}, column ${anchorColPos}.`);
    }
    this.position = { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY };
    return this;
  }

  build(): FakeEmbeddedChart {
    if (!this.chartType) throw new Error('Exception: A chart type is required: call setChartType or one of the as…Chart methods before build.');
    if (this.ranges.length === 0) throw new Error('Exception: A chart needs at least one data range: call addRange before build.');
    return new FakeEmbeddedChart(this.sheet, this.from?.id ?? nextChartId++, this.chartType, [...this.ranges], new Map(this.options), this.position, this.calls);
  }
}

countCalls(FakeEmbeddedChartBuilder, 'EmbeddedChartBuilder', ['addRange', 'getRanges', 'setChartType', 'asColumnChart', 'asLineChart', 'setOption', 'setPosition', 'build']);

/** The charts of one sheet: insert, list, update, remove, with the checks a sheet makes. */
export class SheetCharts {
  readonly charts: FakeEmbeddedChart[] = [];

  constructor(private readonly sheet: FakeSheet) {}

  insert(chart: FakeEmbeddedChart): void {
    if (chart.sheet !== this.sheet) throw new Error('Exception: The chart was built for another sheet.');
    if (this.charts.some((candidate) => candidate.id === chart.id)) throw new Error('Exception: The chart is already on the sheet: use updateChart to change it.');
    this.charts.push(chart);
  }

  update(chart: FakeEmbeddedChart): void {
    const index = this.charts.findIndex((candidate) => candidate.id === chart.id);
    if (index < 0) throw new Error('Exception: The chart is not on this sheet.');
    this.charts[index] = chart;
  }

  remove(chart: FakeEmbeddedChart): void {
    const index = this.charts.findIndex((candidate) => candidate.id === chart.id);
    if (index < 0) throw new Error('Exception: The chart is not on this sheet.');
    this.charts.splice(index, 1);
  }
}
