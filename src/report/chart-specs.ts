import type { TopLevelSpec } from 'vega-lite';

/**
 * The Vega-Lite specs of every chart culturekit draws, shared by `culturekit report` and `culturekit view`.
 * Each takes plain data (already aggregated) and returns a spec; `renderChartSvg` turns it into SVG.
 */

/** Fonts for chart text, with CJK, Thai and Arabic coverage (the same stack as the pages). */
export const FONT_STACK =
  'system-ui, "Noto Sans", "DejaVu Sans", "Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK KR", "Noto Sans Thai", "Loma", "Garuda", "Noto Sans Arabic", sans-serif';

const BASE_CONFIG = {
  font: FONT_STACK,
  view: { stroke: '#ddd' },
  axis: { labelLimit: 220 },
  legend: { labelLimit: 320, orient: 'bottom' as const },
};

/** A mean with its 95% interval in one group (a country, a category), for one series (a model × condition, a run). */
export interface IntervalPoint {
  series: string;
  group: string;
  mean: number;
  low: number;
  high: number;
  n: number;
}

/** [0, 1] when every value is a proportion, else a zero-based scale that fits the data. */
function valueScale(values: readonly number[]): { domain?: [number, number]; zero: boolean; nice: boolean } {
  const finite = values.filter(Number.isFinite);
  if (finite.every((value) => value >= 0 && value <= 1)) return { domain: [0, 1], zero: true, nice: false };
  return { zero: true, nice: true };
}

/**
 * Horizontal bars of a metric per group (country), one bar per series, each with its 95% interval as a whisker.
 *
 * @example
 * countryBarsSpec({ title: 'Knowledge: accuracy by country', metric: 'accuracy', points: [{ series: 'openai:qwen · plain', group: 'JP', mean: 0.8, low: 0.55, high: 0.93, n: 15 }] })
 */
export function countryBarsSpec(input: { title: string; metric: string; points: readonly IntervalPoint[]; groupTitle?: string }): TopLevelSpec {
  const scale = valueScale(input.points.flatMap((point) => [point.low, point.high, point.mean]));
  const series = [...new Set(input.points.map((point) => point.series))];
  const y = { field: 'group', type: 'nominal' as const, title: input.groupTitle ?? 'country', sort: 'ascending' as const };
  const yOffset = series.length > 1 ? { yOffset: { field: 'series', type: 'nominal' as const } } : {};
  const x = { type: 'quantitative' as const, scale, title: `${input.metric} (mean, 95% CI)` };
  return {
    title: input.title,
    config: BASE_CONFIG,
    width: 420,
    height: { step: series.length > 1 ? Math.max(8, 22 / series.length) : 18 },
    data: { values: input.points.map((point) => ({ ...point })) },
    encoding: { y, ...yOffset },
    layer: [
      {
        mark: { type: 'bar', opacity: 0.85 },
        encoding: {
          x: { ...x, field: 'mean' },
          color: { field: 'series', type: 'nominal', title: null, legend: series.length > 1 ? {} : null },
        },
      },
      {
        mark: { type: 'rule', color: '#222' },
        encoding: { x: { ...x, field: 'low' }, x2: { field: 'high' } },
      },
      {
        mark: { type: 'tick', color: '#222', thickness: 1, size: 8 },
        encoding: { x: { ...x, field: 'low' } },
      },
      {
        mark: { type: 'tick', color: '#222', thickness: 1, size: 8 },
        encoding: { x: { ...x, field: 'high' } },
      },
    ],
  } as TopLevelSpec;
}

export interface ScatterPoint {
  /** What the point is (a country); empty: no label drawn. */
  label: string;
  x: number;
  y: number;
  series: string;
}

/**
 * Knowledge (x) against safety (y), one point per country or description, with the fitted least-squares line.
 * The caller puts the correlation in the title, e.g. `Knowledge vs safety (Pearson r = 0.12, p = 0.68, n = 14)`.
 *
 * @example
 * knowledgeSafetyScatterSpec({ title: 'r = 0.12', xTitle: 'accuracy', yTitle: 'respectfulness', points, line: { slope: 0.4, intercept: 5 } })
 */
export function knowledgeSafetyScatterSpec(input: {
  title: string;
  xTitle: string;
  yTitle: string;
  points: readonly ScatterPoint[];
  line?: { slope: number; intercept: number };
}): TopLevelSpec {
  const xs = input.points.map((point) => point.x).filter(Number.isFinite);
  const xScale = valueScale(xs);
  const yScale = valueScale(input.points.map((point) => point.y));
  const labelled = input.points.some((point) => point.label !== '');
  const layers: Record<string, unknown>[] = [
    {
      data: { values: input.points.map((point) => ({ ...point })) },
      layer: [
        {
          mark: { type: 'point', filled: true, size: input.points.length > 100 ? 20 : 60, opacity: 0.8 },
          encoding: {
            x: { field: 'x', type: 'quantitative', title: input.xTitle, scale: xScale },
            y: { field: 'y', type: 'quantitative', title: input.yTitle, scale: yScale },
            color: { field: 'series', type: 'nominal', title: null },
          },
        },
        ...(labelled
          ? [
              {
                mark: { type: 'text', dx: 6, align: 'left', fontSize: 9, color: '#444' },
                encoding: {
                  x: { field: 'x', type: 'quantitative' },
                  y: { field: 'y', type: 'quantitative' },
                  text: { field: 'label' },
                },
              },
            ]
          : []),
      ],
    },
  ];
  if (input.line && xs.length >= 2 && Number.isFinite(input.line.slope) && Number.isFinite(input.line.intercept)) {
    const low = Math.min(...xs);
    const high = Math.max(...xs);
    layers.push({
      data: {
        values: [low, high].map((x) => ({ x, y: input.line!.intercept + input.line!.slope * x })),
      },
      mark: { type: 'line', color: '#c0392b', strokeDash: [4, 3] },
      encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
    });
  }
  return { title: input.title, config: BASE_CONFIG, width: 420, height: 320, layer: layers } as unknown as TopLevelSpec;
}

export interface HeatmapCell {
  row: string;
  column: string;
  mean: number;
  n: number;
}

/**
 * A category (rows) × country (columns) heatmap of a metric's mean, each cell labelled with its value.
 *
 * @example
 * heatmapSpec({ title: 'accuracy by category × country', metric: 'accuracy', cells: [{ row: 'food', column: 'JP', mean: 0.75, n: 4 }] })
 */
export function heatmapSpec(input: { title: string; metric: string; cells: readonly HeatmapCell[]; rowTitle?: string; columnTitle?: string }): TopLevelSpec {
  const scale = valueScale(input.cells.map((cell) => cell.mean));
  const finite = input.cells.map((cell) => cell.mean).filter(Number.isFinite);
  const dark = scale.domain ? 0.6 : 0.6 * Math.max(0, ...finite);
  const values = input.cells.map((cell) => ({
    ...cell,
    label: Number.isFinite(cell.mean) ? formatCellValue(cell.mean) : '',
    dark: cell.mean > dark,
  }));
  return {
    title: input.title,
    config: BASE_CONFIG,
    width: { step: 34 },
    height: { step: 20 },
    data: { values },
    encoding: {
      x: { field: 'column', type: 'nominal', title: input.columnTitle ?? 'country', axis: { labelAngle: 0 } },
      y: { field: 'row', type: 'nominal', title: input.rowTitle ?? 'category' },
    },
    layer: [
      {
        mark: 'rect',
        encoding: {
          color: {
            field: 'mean',
            type: 'quantitative',
            title: input.metric,
            scale: { scheme: 'blues', ...(scale.domain ? { domain: scale.domain } : {}) },
          },
        },
      },
      {
        mark: { type: 'text', fontSize: 9 },
        encoding: {
          text: { field: 'label' },
          color: { condition: { test: 'datum.dark', value: 'white' }, value: 'black' },
        },
      },
    ],
  } as TopLevelSpec;
}

function formatCellValue(value: number): string {
  return Math.abs(value) >= 10 ? value.toFixed(0) : value.toFixed(2);
}

export interface LetterShare {
  series: string;
  letter: string;
  /** `model`: the letters the model chose; `gold`: the right letters. */
  source: 'model' | 'gold';
  share: number;
  count: number;
}

/**
 * The share of each answer letter the model chose next to the share of right answers with that letter: a model
 * that prefers a position (always "A") shows up at a glance.
 *
 * @example
 * answerLetterSpec({ title: 'Answer letters', shares: [{ series: 'm', letter: 'A', source: 'model', share: 0.4, count: 40 }] })
 */
export function answerLetterSpec(input: { title: string; shares: readonly LetterShare[] }): TopLevelSpec {
  const series = [...new Set(input.shares.map((share) => share.series))];
  const data = { values: input.shares.map((share) => ({ ...share, source: share.source === 'model' ? 'chosen by the model' : 'right answer' })) };
  const unit = { width: { step: 18 }, height: 120, mark: 'bar', encoding: letterEncoding() };
  if (series.length > 1) {
    return { title: input.title, config: BASE_CONFIG, data, facet: { row: { field: 'series', type: 'nominal', title: null } }, spec: unit } as TopLevelSpec;
  }
  return { title: input.title, config: BASE_CONFIG, data, ...unit } as TopLevelSpec;
}

function letterEncoding(): Record<string, unknown> {
  return {
    x: { field: 'letter', type: 'nominal', title: 'letter', axis: { labelAngle: 0 } },
    xOffset: { field: 'source', type: 'nominal' },
    y: { field: 'share', type: 'quantitative', title: 'share', scale: { domain: [0, 1] }, axis: { format: '%' } },
    color: { field: 'source', type: 'nominal', title: null, scale: { range: ['#4c78a8', '#bbbbbb'] } },
  };
}

/** One group's difference between two runs (or conditions), with its 95% interval. */
export interface DifferencePoint {
  series: string;
  group: string;
  difference: number;
  low: number;
  high: number;
}

/**
 * Bars of the per-group difference (candidate − baseline) with 95% interval whiskers and a zero line.
 *
 * @example
 * differenceSpec({ title: 'accuracy: run B − run A', metric: 'accuracy', points: [{ series: 'B − A', group: 'JP', difference: 0.1, low: -0.05, high: 0.25 }] })
 */
export function differenceSpec(input: { title: string; metric: string; points: readonly DifferencePoint[]; groupTitle?: string }): TopLevelSpec {
  const series = [...new Set(input.points.map((point) => point.series))];
  const y = { field: 'group', type: 'nominal' as const, title: input.groupTitle ?? 'country', sort: 'ascending' as const };
  const yOffset = series.length > 1 ? { yOffset: { field: 'series', type: 'nominal' as const } } : {};
  const extent = Math.max(0.05, ...input.points.flatMap((point) => [point.low, point.high, point.difference].filter(Number.isFinite).map(Math.abs)));
  const x = { type: 'quantitative' as const, title: `difference in ${input.metric} (95% CI)`, scale: { domain: [-extent, extent], nice: true } };
  return {
    title: input.title,
    config: BASE_CONFIG,
    width: 420,
    height: { step: series.length > 1 ? Math.max(8, 22 / series.length) : 18 },
    layer: [
      {
        data: { values: input.points.map((point) => ({ ...point, sign: point.difference >= 0 ? 'gain' : 'loss' })) },
        encoding: { y, ...yOffset },
        layer: [
          {
            mark: { type: 'bar', opacity: 0.85 },
            encoding: {
              x: { ...x, field: 'difference' },
              color:
                series.length > 1
                  ? { field: 'series', type: 'nominal', title: null }
                  : { field: 'sign', type: 'nominal', title: null, scale: { domain: ['gain', 'loss'], range: ['#2e8b57', '#c0392b'] }, legend: null },
            },
          },
          { mark: { type: 'rule', color: '#222' }, encoding: { x: { ...x, field: 'low' }, x2: { field: 'high' } } },
          { mark: { type: 'tick', color: '#222', thickness: 1, size: 8 }, encoding: { x: { ...x, field: 'low' } } },
          { mark: { type: 'tick', color: '#222', thickness: 1, size: 8 }, encoding: { x: { ...x, field: 'high' } } },
        ],
      },
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#888', strokeDash: [2, 2] }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
    ],
  } as TopLevelSpec;
}
