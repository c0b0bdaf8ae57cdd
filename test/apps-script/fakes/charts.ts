// Embedded charts, as far as Cadans uses them: Sheet.newChart() gives an EmbeddedChartBuilder;
// ranges, the number of header rows, a position and options are set on it, asColumnChart() or
// asPieChart() picks the type, build() makes the chart, and Sheet.insertChart / updateChart /
// removeChart place it. An existing chart's modify() gives a builder over its current state,
// keeping its id (the real service matches updateChart by chart id). Each call is counted.

import type { Env } from './env';
import type { FakeRange } from './spreadsheet';

export type ChartType = 'COLUMN' | 'PIE' | 'BAR' | 'LINE' | null;

export interface ChartState {
  chartId: number | null;
  type: ChartType;
  ranges: FakeRange[];
  numHeaders: number;
  position: { row: number; column: number; offsetX: number; offsetY: number } | null;
  options: Record<string, unknown>;
}

export class FakeEmbeddedChart {
  constructor(
    private readonly env: Env,
    readonly state: Readonly<ChartState>,
  ) {}

  getChartId(): number | null {
    this.env.hit('EmbeddedChart.getChartId', 'read');
    return this.state.chartId;
  }

  getRanges(): FakeRange[] {
    this.env.hit('EmbeddedChart.getRanges', 'read');
    return this.env.array(this.state.ranges);
  }

  modify(): FakeEmbeddedChartBuilder {
    this.env.hit('EmbeddedChart.modify', 'local');
    return new FakeEmbeddedChartBuilder(this.env, { ...this.state, ranges: [...this.state.ranges], options: { ...this.state.options } });
  }
}

export class FakeEmbeddedChartBuilder {
  constructor(
    private readonly env: Env,
    private readonly state: ChartState,
  ) {}

  private step(name: string, change: () => void): FakeEmbeddedChartBuilder {
    this.env.hit(`EmbeddedChartBuilder.${name}`, 'local');
    change();
    return this;
  }

  addRange(range: FakeRange): FakeEmbeddedChartBuilder {
    return this.step('addRange', () => this.state.ranges.push(range));
  }

  clearRanges(): FakeEmbeddedChartBuilder {
    return this.step('clearRanges', () => (this.state.ranges = []));
  }

  setNumHeaders(headers: number): FakeEmbeddedChartBuilder {
    return this.step('setNumHeaders', () => (this.state.numHeaders = headers));
  }

  setPosition(row: number, column: number, offsetX: number, offsetY: number): FakeEmbeddedChartBuilder {
    return this.step('setPosition', () => (this.state.position = { row, column, offsetX, offsetY }));
  }

  setOption(option: string, value: unknown): FakeEmbeddedChartBuilder {
    return this.step('setOption', () => (this.state.options[option] = value));
  }

  asColumnChart(): FakeEmbeddedChartBuilder {
    return this.step('asColumnChart', () => (this.state.type = 'COLUMN'));
  }

  asPieChart(): FakeEmbeddedChartBuilder {
    return this.step('asPieChart', () => (this.state.type = 'PIE'));
  }

  build(): FakeEmbeddedChart {
    this.env.hit('EmbeddedChartBuilder.build', 'local');
    if (this.state.ranges.length === 0) throw this.env.error('A chart needs at least one range.');
    if (this.state.position === null) throw this.env.error('The chart has no position.');
    return new FakeEmbeddedChart(this.env, { ...this.state, ranges: [...this.state.ranges], options: { ...this.state.options } });
  }
}

export function newChartState(): ChartState {
  return { chartId: null, type: null, ranges: [], numHeaders: 0, position: null, options: {} };
}
