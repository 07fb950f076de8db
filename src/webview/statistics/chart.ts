/**
 * The Compare chart: Apache ECharts (tree-shaken: bars, lines, the canvas renderer). Everything is
 * drawn on a canvas and the tooltip renders as canvas rich text, so no corpus text ever becomes
 * HTML; braces are shown full-width so that no text is read as ECharts' rich-text markup. Colours
 * come from the VS Code theme's CSS variables and follow a theme change.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { CompareChart } from '../../core/table/compare';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, DataZoomComponent, CanvasRenderer]);

/** Text for ECharts: its rich-text syntax ({style|text}) never applies to data. */
export function plain(text: string): string {
  return text.replace(/[{}]/g, (c) => (c === '{' ? '｛' : '｝'));
}

function themeColor(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

/** The theme's chart palette (the same colours VS Code's own charts use), then its text colours. */
function palette(): string[] {
  return ['--vscode-charts-blue', '--vscode-charts-orange', '--vscode-charts-green', '--vscode-charts-purple', '--vscode-charts-red', '--vscode-charts-yellow']
    .map((v) => themeColor(v, ''))
    .filter(Boolean);
}

export class Chart {
  private chart?: echarts.ECharts;
  private data?: CompareChart;

  constructor(
    private readonly container: HTMLElement,
    private readonly onPoint: (id: string) => void,
    private readonly labels: { none: string; valueAxis: string },
  ) {
    new ResizeObserver(() => this.chart?.resize()).observe(container);
    // VS Code changes the body's theme class when the colour theme changes.
    new MutationObserver(() => this.data && this.draw(this.data)).observe(document.body, { attributes: true, attributeFilter: ['class'] });
  }

  draw(data: CompareChart, valueAxis = this.labels.valueAxis): void {
    this.data = data;
    this.labels.valueAxis = valueAxis;
    this.chart?.dispose();
    this.chart = echarts.init(this.container, undefined, { renderer: 'canvas' });
    this.chart.on('click', (params) => {
      const id = (params.data as { id?: string } | undefined)?.id;
      if (id) this.onPoint(id);
    });
    const foreground = themeColor('--vscode-foreground', '#333');
    const muted = themeColor('--vscode-descriptionForeground', foreground);
    const lines = themeColor('--vscode-editorWidget-border', '#8884');
    const font = themeColor('--vscode-font-family', 'sans-serif');
    const bars = data.axis === 'subject';
    const many = data.categories.length > 24;
    this.chart.setOption({
      color: palette(),
      backgroundColor: 'transparent',
      textStyle: { color: foreground, fontFamily: font },
      grid: { left: 64, right: 24, top: 72, bottom: many ? 96 : 64, containLabel: true },
      legend: { type: 'scroll', top: 8, textStyle: { color: foreground }, formatter: (name: string) => plain(name) },
      tooltip: {
        trigger: 'item',
        renderMode: 'richText',
        backgroundColor: themeColor('--vscode-editorHoverWidget-background', '#fff'),
        borderColor: themeColor('--vscode-editorHoverWidget-border', lines),
        textStyle: { color: themeColor('--vscode-editorHoverWidget-foreground', foreground) },
        formatter: (p: { seriesName?: string; name?: string; data?: { text?: string } }) =>
          plain(`${p.name || this.labels.none} · ${p.seriesName ?? ''}\n${p.data?.text ?? ''}`),
      },
      xAxis: {
        type: 'category',
        data: data.categories.map((c) => plain(c || this.labels.none)),
        axisLabel: { color: foreground, interval: 0, rotate: many || data.categories.some((c) => c.length > 8) ? 30 : 0, hideOverlap: true },
        axisLine: { lineStyle: { color: lines } },
      },
      yAxis: {
        type: 'value',
        name: plain(this.labels.valueAxis),
        nameTextStyle: { color: muted, align: 'left' },
        axisLabel: { color: muted },
        splitLine: { lineStyle: { color: lines } },
      },
      dataZoom: many ? [{ type: 'slider', bottom: 8, textStyle: { color: muted } }, { type: 'inside' }] : [],
      series: data.series.map((s) => ({
        type: bars ? 'bar' : 'line',
        name: plain(s.name),
        connectNulls: true,
        symbolSize: 8,
        barMaxWidth: 56,
        cursor: 'pointer',
        label: { show: true, color: foreground, formatter: (p: { data?: { text?: string } }) => plain(p.data?.text ?? '') },
        labelLayout: { hideOverlap: true },
        // A fall is labelled below its bar's end, a rise above.
        data: s.points.map((p) => (p ? { value: p.value, id: p.id, text: p.label, label: { position: p.value < 0 ? 'bottom' : 'top' } } : null)),
      })),
    });
  }

  /** Frees the chart while the table is shown. */
  dispose(): void {
    this.chart?.dispose();
    this.chart = undefined;
    this.data = undefined;
  }
}
