import { scaleLinear, scaleUtc } from 'd3-scale';

/**
 * A progress chart drawn on the server as SVG: values over time as a line with points, a baseline
 * and a target marked, axes with dates and the unit. It is a picture for sighted readers; its
 * `<title>` and `<desc>` say what it shows in words, and the page puts the data table beside it.
 * Colours are SVG presentation attributes (the CSP forbids inline styles).
 */

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 300;
const MARGIN = { top: 24, right: 96, bottom: 40, left: 64 };

const LINE = '#08519c';
const BASELINE = '#6b6b6b';
const TARGET = '#b35806';
const GRID = '#e3e6ea';
const AXIS = '#4a4a4a';

export interface ChartPoint {
  /** An ISO date, `YYYY-MM-DD`. */
  date: string;
  value: number;
}

export interface ProgressChartProps {
  /** The chart's accessible name (its `<title>`). */
  title: string;
  /** What it shows, in a sentence or two (its `<desc>`). */
  summary: string;
  points: ChartPoint[];
  baseline: ChartPoint;
  target: ChartPoint;
  /** Words for the marks and the value axis, already translated. */
  labels: { baseline: string; target: string; unit: string };
  lang: string;
  /** A stable, page-unique id prefix for the title and description. */
  id: string;
}

const dateOf = (iso: string) => new Date(`${iso}T00:00:00Z`);
const round = (n: number) => Math.round(n * 10) / 10;

/** The position of each point and mark, and the ticks of both axes: everything but the drawing. */
export function chartGeometry(props: Pick<ProgressChartProps, 'points' | 'baseline' | 'target' | 'lang'>) {
  const all = [props.baseline, props.target, ...props.points];
  const times = all.map((p) => dateOf(p.date).getTime());
  let start = Math.min(...times);
  let end = Math.max(...times);
  if (start === end) {
    start -= 15 * 86_400_000;
    end += 15 * 86_400_000;
  }
  const values = all.map((p) => p.value);
  let low = Math.min(0, ...values);
  let high = Math.max(...values);
  if (low === high) high = low + 1;
  const x = scaleUtc()
    .domain([new Date(start), new Date(end)])
    .range([MARGIN.left, CHART_WIDTH - MARGIN.right]);
  const y = scaleLinear()
    .domain([low, high])
    .nice(5)
    .range([CHART_HEIGHT - MARGIN.bottom, MARGIN.top]);
  [low, high] = y.domain() as [number, number];
  const at = (p: ChartPoint) => ({ x: round(x(dateOf(p.date))), y: round(y(p.value)), ...p });
  const number = new Intl.NumberFormat(props.lang, { maximumFractionDigits: 2 });
  const month = new Intl.DateTimeFormat(props.lang, { year: 'numeric', month: 'short', timeZone: 'UTC' });
  const sorted = [...props.points].sort((a, b) => a.date.localeCompare(b.date));
  return {
    points: sorted.map(at),
    baseline: at(props.baseline),
    target: at(props.target),
    xTicks: x.ticks(5).map((d) => ({ x: round(x(d)), label: month.format(d) })),
    yTicks: y.ticks(5).map((v) => ({ y: round(y(v)), label: number.format(v) })),
    plot: {
      left: MARGIN.left,
      right: CHART_WIDTH - MARGIN.right,
      top: MARGIN.top,
      bottom: CHART_HEIGHT - MARGIN.bottom,
    },
    low,
    high,
  };
}

export function ProgressChart(props: ProgressChartProps) {
  const g = chartGeometry(props);
  const titleId = `${props.id}-title`;
  const descId = `${props.id}-desc`;
  // The two labels sit at the right end of their lines; when the lines are close, they part.
  const apart = Math.abs(g.target.y - g.baseline.y) < 14;
  const targetLabelY = g.target.y + 4 + (apart ? (g.target.y <= g.baseline.y ? -8 : 8) : 0);
  const baselineLabelY = g.baseline.y + 4 + (apart ? (g.target.y <= g.baseline.y ? 8 : -8) : 0);
  const line = g.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join('');
  return (
    <svg
      class="progress-chart"
      viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={titleId}>{props.title}</title>
      <desc id={descId}>{props.summary}</desc>
      <g class="progress-chart__grid" stroke={GRID} aria-hidden="true">
        {g.yTicks.map((tick) => (
          <line x1={g.plot.left} x2={g.plot.right} y1={tick.y} y2={tick.y} />
        ))}
      </g>
      <g class="progress-chart__axis" fill={AXIS} font-size="12" aria-hidden="true">
        <line x1={g.plot.left} x2={g.plot.right} y1={g.plot.bottom} y2={g.plot.bottom} stroke={AXIS} />
        <line x1={g.plot.left} x2={g.plot.left} y1={g.plot.top} y2={g.plot.bottom} stroke={AXIS} />
        {g.xTicks.map((tick) => (
          <text x={tick.x} y={g.plot.bottom + 18} text-anchor="middle" data-axis="x">
            {tick.label}
          </text>
        ))}
        {g.yTicks.map((tick) => (
          <text x={g.plot.left - 8} y={tick.y + 4} text-anchor="end" data-axis="y">
            {tick.label}
          </text>
        ))}
        <text x={g.plot.left} y={g.plot.top - 10} text-anchor="start" data-axis="unit">
          {props.labels.unit}
        </text>
      </g>
      <g class="progress-chart__baseline" data-mark="baseline">
        <line
          x1={g.plot.left}
          x2={g.plot.right}
          y1={g.baseline.y}
          y2={g.baseline.y}
          stroke={BASELINE}
          stroke-dasharray="4 4"
        />
        <rect x={g.baseline.x - 5} y={g.baseline.y - 5} width="10" height="10" fill={BASELINE} />
        <text x={g.plot.right + 6} y={baselineLabelY} fill={BASELINE} font-size="12">
          {props.labels.baseline}
        </text>
      </g>
      <g class="progress-chart__target" data-mark="target">
        <line
          x1={g.plot.left}
          x2={g.plot.right}
          y1={g.target.y}
          y2={g.target.y}
          stroke={TARGET}
          stroke-dasharray="8 4"
        />
        <path
          d={`M${g.target.x} ${g.target.y - 7}l7 7l-7 7l-7 -7z`}
          fill="#ffffff"
          stroke={TARGET}
          stroke-width="2"
        />
        <text x={g.plot.right + 6} y={targetLabelY} fill={TARGET} font-size="12">
          {props.labels.target}
        </text>
      </g>
      {g.points.length > 0 ? (
        <g class="progress-chart__values">
          <path d={line} fill="none" stroke={LINE} stroke-width="2" />
          {g.points.map((p) => (
            <circle cx={p.x} cy={p.y} r="4" fill={LINE} data-date={p.date} data-value={String(p.value)} />
          ))}
        </g>
      ) : null}
    </svg>
  );
}
