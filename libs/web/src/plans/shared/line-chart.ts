/** One reading to plot: its date (ISO) and value, with the label the table and the text alternative use. */
export interface LinePointInput {
  readonly date: string;
  readonly value: number;
  readonly label: string;
}

export interface LinePoint extends LinePointInput {
  readonly x: number;
  readonly y: number;
}

/** A line chart of readings over time, laid out for an SVG `viewBox="0 0 width height"`. */
export interface LineChart {
  readonly width: number;
  readonly height: number;
  readonly points: readonly LinePoint[];
  /** The SVG `points` attribute of the polyline through them. */
  readonly polyline: string;
  /** A dashed line at the target's value, when there is one. */
  readonly target: { readonly y: number; readonly label: string } | null;
  /** The value axis: its lowest and highest values and where they are drawn. */
  readonly axis: {
    readonly top: { readonly y: number; readonly label: string };
    readonly bottom: { readonly y: number; readonly label: string };
  };
  readonly plot: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
}

export const LINE_CHART_LAYOUT = { width: 640, height: 260, left: 64, right: 24, top: 20, bottom: 40 } as const;

const DAY = 86_400_000;

/**
 * Readings placed by date along the bottom (time to scale) and by value up the side, the value
 * axis running from the lowest to the highest of the readings and the target (and zero for
 * percentages, counts and money when no reading is negative), so that the target line is always
 * on the chart. One reading sits in the middle.
 */
export function lineChart(
  readings: readonly LinePointInput[],
  target: { readonly value: number; readonly label: string } | null,
  format: (value: number) => string,
  layout = LINE_CHART_LAYOUT,
): LineChart {
  const plot = {
    left: layout.left,
    right: layout.width - layout.right,
    top: layout.top,
    bottom: layout.height - layout.bottom,
  };
  const values = [...readings.map((reading) => reading.value), ...(target === null ? [] : [target.value])];
  const lowest = Math.min(0, ...values);
  const highest = Math.max(...values, lowest + 1);
  const times = readings.map((reading) => Date.parse(`${reading.date}T00:00:00Z`));
  const first = Math.min(...times);
  const span = Math.max(DAY, Math.max(...times) - first);
  const round = (n: number) => Math.round(n * 10) / 10;
  const yOf = (value: number) =>
    round(plot.bottom - ((value - lowest) / (highest - lowest)) * (plot.bottom - plot.top));
  const points = readings.map((reading, index) => ({
    ...reading,
    x: round(
      readings.length === 1
        ? (plot.left + plot.right) / 2
        : plot.left + (((times[index] ?? first) - first) / span) * (plot.right - plot.left),
    ),
    y: yOf(reading.value),
  }));
  return {
    width: layout.width,
    height: layout.height,
    points,
    polyline: points.map((point) => `${point.x},${point.y}`).join(' '),
    target: target === null ? null : { y: yOf(target.value), label: target.label },
    axis: {
      top: { y: plot.top, label: format(highest) },
      bottom: { y: plot.bottom, label: format(lowest) },
    },
    plot,
  };
}
