import { LINE_CHART_LAYOUT, lineChart } from './line-chart.js';

const percent = (value: number) => `${value}%`;
const { left, right, top, bottom, width, height } = LINE_CHART_LAYOUT;
const plotRight = width - right;
const plotBottom = height - bottom;

describe('a line chart of readings', () => {
  it('places readings by date to scale and by value from zero to the highest, with the target line', () => {
    const chart = lineChart(
      [
        { date: '2024-01-01', value: 50, label: '50%' },
        { date: '2024-01-11', value: 100, label: '100%' },
        { date: '2024-01-31', value: 75, label: '75%' },
      ],
      { value: 90, label: 'more than 90%' },
      percent,
    );
    expect(chart.points.map(({ x }) => x)).toEqual(
      [left, left + (plotRight - left) / 3, plotRight].map((x) => Math.round(x * 10) / 10),
    );
    expect(chart.points.map(({ y }) => y)).toEqual([
      (top + plotBottom) / 2,
      top,
      plotBottom - 0.75 * (plotBottom - top),
    ]);
    expect(chart.target?.y).toBe(Math.round((plotBottom - 0.9 * (plotBottom - top)) * 10) / 10);
    expect(chart.axis).toEqual({ top: { y: top, label: '100%' }, bottom: { y: plotBottom, label: '0%' } });
    expect(chart.polyline.split(' ')).toHaveLength(3);
  });

  it('keeps a target above every reading on the chart, and puts a single reading in the middle', () => {
    const chart = lineChart(
      [{ date: '2024-06-30', value: 3, label: '3' }],
      { value: 10, label: 'at least 10' },
      String,
    );
    expect(chart.points[0]?.x).toBe((left + plotRight) / 2);
    expect(chart.target?.y).toBe(top);
    expect(chart.axis.top.label).toBe('10');
  });

  it('runs the axis below zero when a reading is negative', () => {
    const chart = lineChart(
      [
        { date: '2024-06-30', value: -4, label: '-4' },
        { date: '2024-12-31', value: 4, label: '4' },
      ],
      null,
      String,
    );
    expect(chart.axis.bottom.label).toBe('-4');
    expect(chart.points.map(({ y }) => y)).toEqual([plotBottom, top]);
    expect(chart.target).toBeNull();
  });
});
