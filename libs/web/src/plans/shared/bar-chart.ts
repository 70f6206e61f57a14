/** One part of a bar: a count with its label and fill colour. */
export interface ChartSegmentInput {
  readonly label: string;
  readonly value: number;
  readonly colour: string;
}

export interface ChartRowInput {
  readonly label: string;
  readonly segments: readonly ChartSegmentInput[];
}

export interface ChartSegment extends ChartSegmentInput {
  readonly x: number;
  readonly width: number;
}

export interface ChartRow {
  readonly label: string;
  readonly total: number;
  /** Top of the bar. */
  readonly y: number;
  /** Baseline of the row's label and total, centred on the bar. */
  readonly textY: number;
  readonly segments: readonly ChartSegment[];
  /** Where the total is written, just after the bar. */
  readonly totalX: number;
}

/** A horizontal stacked bar chart, laid out for an SVG `viewBox="0 0 width height"`. */
export interface StackedBarChart {
  readonly width: number;
  readonly height: number;
  readonly labelWidth: number;
  readonly barHeight: number;
  readonly rows: readonly ChartRow[];
  /** Each segment's label and colour, once, in order. */
  readonly legend: readonly { readonly label: string; readonly colour: string }[];
  /** The chart in words, for its text alternative. */
  readonly description: string;
}

export interface ChartLayout {
  readonly width: number;
  readonly labelWidth: number;
  /** Room after the longest bar for its total. */
  readonly totalWidth: number;
  readonly barHeight: number;
  readonly rowGap: number;
}

export const CHART_LAYOUT: ChartLayout = { width: 640, labelWidth: 180, totalWidth: 40, barHeight: 24, rowGap: 12 };

/**
 * Bars scaled to the longest row, segments laid end to end from the label column; empty
 * segments take no room.
 */
export function stackedBarChart(rows: readonly ChartRowInput[], layout: ChartLayout = CHART_LAYOUT): StackedBarChart {
  const barArea = layout.width - layout.labelWidth - layout.totalWidth;
  const totals = rows.map((row) => row.segments.reduce((sum, segment) => sum + Math.max(0, segment.value), 0));
  const longest = Math.max(0, ...totals);
  const scale = longest === 0 ? 0 : barArea / longest;
  const laidOut = rows.map((row, index): ChartRow => {
    const y = layout.rowGap + index * (layout.barHeight + layout.rowGap);
    let x = layout.labelWidth;
    const segments: ChartSegment[] = [];
    for (const segment of row.segments) {
      if (segment.value <= 0) continue;
      const width = round(segment.value * scale);
      segments.push({ ...segment, x: round(x), width });
      x += segment.value * scale;
    }
    return {
      label: row.label,
      total: totals[index] ?? 0,
      y,
      textY: y + layout.barHeight / 2 + 5,
      segments,
      totalX: round(x + 6),
    };
  });
  const legend: { label: string; colour: string }[] = [];
  for (const segment of rows.flatMap((row) => row.segments)) {
    if (!legend.some((entry) => entry.label === segment.label))
      legend.push({ label: segment.label, colour: segment.colour });
  }
  return {
    width: layout.width,
    height: layout.rowGap + rows.length * (layout.barHeight + layout.rowGap),
    labelWidth: layout.labelWidth,
    barHeight: layout.barHeight,
    rows: laidOut,
    legend,
    description: rows
      .map((row, index) => {
        const parts = row.segments
          .filter((segment) => segment.value > 0)
          .map((s) => `${s.value} ${s.label.toLowerCase()}`);
        const total = totals[index] ?? 0;
        return `${row.label}: ${total} ${total === 1 ? 'action' : 'actions'}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}.`;
      })
      .join(' '),
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A label cut to fit the label column: "PEO 1 To assess, consult…". */
export function shortLabel(text: string, max = 24): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}
