import type { TopLevelSpec } from 'vega-lite';

/**
 * The Vega-Lite specs of every chart culturekit draws, shared by `culturekit report` and `culturekit view`.
 * Each takes plain data (already aggregated) and returns a spec; `renderChartSvg` turns it into SVG.
 */

/** Fonts for chart text, with CJK, Thai and Arabic coverage (the same stack as the pages). */
export const FONT_STACK =
  'system-ui, "Noto Sans", "DejaVu Sans", "Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK KR", "Noto Sans Thai", "Loma", "Garuda", "Noto Sans Arabic", sans-serif';

/** Config shared by every chart: the font stack, labels cut (with …) rather than spilling over their neighbours. */
export const BASE_CONFIG = {
  font: FONT_STACK,
  view: { stroke: '#ddd' },
  axis: { labelLimit: 220, labelOverlap: true },
  legend: { labelLimit: 320, orient: 'bottom' as const },
};

/** The fill of a cell (or country) with fewer results than the report's minimum n: no colour is read into it. */
export const SMALL_CELL_COLOR = '#c9c9c9';

/** Cells with fewer results than this show their n beside the value. */
export const SHOW_N_BELOW = 30;

/**
 * The colour scale of scores where failure stands out: the failing end in strong red, the good end pale. For metrics
 * where higher is worse (an invalid-answer rate) the scale turns round. The domain is fixed by the caller, so that the
 * charts of several models share it.
 */
export function failureColorScale(domain: readonly [number, number] | undefined, higherIsWorse: boolean): Record<string, unknown> {
  return { scheme: 'orangered', reverse: !higherIsWorse, ...(domain ? { domain: [...domain] } : {}), clamp: true };
}

/**
 * One domain for every chart of a metric, so that the axes of two models read alike: [0, 1] for proportions; a judge's
 * scale where every value fits it ([1, 10], [0, 100]); otherwise from 0 (or the lowest value, when below 0) to the
 * highest value over all the series given.
 *
 * @example
 * sharedDomain([0.2, 0.9]) // [0, 1]
 * sharedDomain([3, 7.5])   // [1, 10]
 * sharedDomain([-2, 140])  // [-2, 140]
 */
export function sharedDomain(values: Iterable<number>): [number, number] {
  let low = 0;
  let high = 0;
  let minimum: number | undefined;
  let proportion = true;
  for (const value of values) {
    if (!Number.isFinite(value)) continue;
    minimum = minimum === undefined ? value : Math.min(minimum, value);
    if (value < 0 || value > 1) proportion = false;
    low = Math.min(low, value);
    high = Math.max(high, value);
  }
  if (proportion) return [0, 1];
  if (low >= 0 && high <= 10 && (minimum === undefined || minimum >= 1)) return [1, 10];
  if (low >= 0 && high <= 100) return [0, 100];
  return [low, high === low ? low + 1 : high];
}

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
 * Horizontal bars of a metric per group (country), one bar per series, each with its 95% interval as a whisker and its n
 * at the end; the worst group first. Groups with fewer than `minN` results are drawn faint. `labels` names the groups
 * (`Japan (JP)`); `domain` fixes the axis (shared by the charts of one metric).
 *
 * @example
 * countryBarsSpec({ title: 'Knowledge: accuracy by country', metric: 'accuracy', points: [{ series: 'openai:qwen · plain', group: 'JP', mean: 0.8, low: 0.55, high: 0.93, n: 15 }] })
 */
export function countryBarsSpec(input: {
  title: string;
  metric: string;
  points: readonly IntervalPoint[];
  groupTitle?: string;
  labels?: Readonly<Record<string, string>>;
  domain?: [number, number];
  minN?: number;
  higherIsWorse?: boolean;
}): TopLevelSpec {
  const scale = input.domain
    ? { domain: input.domain, zero: true, nice: false }
    : valueScale(input.points.flatMap((point) => [point.low, point.high, point.mean]));
  const series = [...new Set(input.points.map((point) => point.series))];
  const minN = input.minN ?? 0;
  const y = {
    field: 'label',
    type: 'nominal' as const,
    title: input.groupTitle ?? 'country',
    sort: { field: 'mean', op: 'min' as const, order: input.higherIsWorse ? ('descending' as const) : ('ascending' as const) },
  };
  const yOffset = series.length > 1 ? { yOffset: { field: 'series', type: 'nominal' as const } } : {};
  const x = { type: 'quantitative' as const, scale, title: `${input.metric} (mean, 95% CI)` };
  const values = input.points.map((point) => ({
    ...point,
    label: input.labels?.[point.group] ?? point.group,
    small: point.n < minN,
    nText: `n=${point.n}`,
  }));
  return {
    title: input.title,
    config: BASE_CONFIG,
    width: 420,
    height: { step: series.length > 1 ? Math.max(10, 24 / series.length) : 18 },
    data: { values },
    encoding: { y, ...yOffset },
    layer: [
      {
        mark: { type: 'bar', opacity: 0.85 },
        encoding: {
          x: { ...x, field: 'mean' },
          color: { field: 'series', type: 'nominal', title: null, legend: series.length > 1 ? {} : null },
          fillOpacity: { condition: { test: 'datum.small', value: 0.25 }, value: 1 },
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
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 8, color: '#555' },
        encoding: { x: { ...x, field: 'high' }, text: { field: 'nText' } },
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

const SCATTER_WIDTH = 420;
const SCATTER_HEIGHT = 320;
const LABEL_FONT_SIZE = 9;

/** A label placed beside its point: where its text starts, in data units, and how it aligns there. */
export interface PlacedLabel {
  label: string;
  x: number;
  y: number;
  align: 'left' | 'right' | 'center';
}

/**
 * Places point labels so that no two overlap and none leaves the plot: each label tries the right of its point, then the
 * left, above and below; a label that fits nowhere is left out (its point keeps its tooltip). Text boxes are estimated
 * from the font size (0.62 em per character, wide characters 1 em).
 *
 * @example
 * placeLabels([{ label: 'JP', x: 0.5, y: 5 }, { label: 'CN', x: 0.5, y: 5 }], [0, 1], [0, 10]) // JP right of its point, CN left of it
 */
export function placeLabels(
  points: readonly { label: string; x: number; y: number }[],
  xDomain: readonly [number, number],
  yDomain: readonly [number, number],
  size: { width: number; height: number } = { width: SCATTER_WIDTH, height: SCATTER_HEIGHT },
): PlacedLabel[] {
  const toX = (value: number) => ((value - xDomain[0]) / (xDomain[1] - xDomain[0] || 1)) * size.width;
  const toY = (value: number) => size.height - ((value - yDomain[0]) / (yDomain[1] - yDomain[0] || 1)) * size.height;
  const fromX = (pixel: number) => xDomain[0] + (pixel / size.width) * (xDomain[1] - xDomain[0]);
  const fromY = (pixel: number) => yDomain[0] + ((size.height - pixel) / size.height) * (yDomain[1] - yDomain[0]);
  const boxes: { left: number; right: number; top: number; bottom: number }[] = [];
  const placed: PlacedLabel[] = [];
  const lineHeight = LABEL_FONT_SIZE + 2;
  for (const point of points) {
    if (point.label === '' || !Number.isFinite(point.x) || !Number.isFinite(point.y)) continue;
    const width = [...point.label].reduce((total, character) => total + (character.codePointAt(0)! > 0x2e80 ? 1 : 0.62), 0) * LABEL_FONT_SIZE;
    const px = toX(point.x);
    const py = toY(point.y);
    const candidates: { box: (typeof boxes)[number]; anchorX: number; anchorY: number; align: PlacedLabel['align'] }[] = [
      { box: { left: px + 6, right: px + 6 + width, top: py - lineHeight / 2, bottom: py + lineHeight / 2 }, anchorX: px + 6, anchorY: py, align: 'left' },
      { box: { left: px - 6 - width, right: px - 6, top: py - lineHeight / 2, bottom: py + lineHeight / 2 }, anchorX: px - 6, anchorY: py, align: 'right' },
      {
        box: { left: px - width / 2, right: px + width / 2, top: py - 6 - lineHeight, bottom: py - 6 },
        anchorX: px,
        anchorY: py - 6 - lineHeight / 2,
        align: 'center',
      },
      {
        box: { left: px - width / 2, right: px + width / 2, top: py + 6, bottom: py + 6 + lineHeight },
        anchorX: px,
        anchorY: py + 6 + lineHeight / 2,
        align: 'center',
      },
    ];
    const fit = candidates.find(
      ({ box }) =>
        box.left >= 0 &&
        box.right <= size.width &&
        box.top >= 0 &&
        box.bottom <= size.height &&
        !boxes.some((other) => box.left < other.right && other.left < box.right && box.top < other.bottom && other.top < box.bottom),
    );
    if (!fit) continue;
    boxes.push(fit.box);
    placed.push({ label: point.label, x: fromX(fit.anchorX), y: fromY(fit.anchorY), align: fit.align });
  }
  return placed;
}

/**
 * Knowledge (x) against safety (y), one point per country or description, with the fitted least-squares line.
 * The caller puts the correlation in the title, e.g. `Knowledge vs safety (Pearson r = 0.12, p = 0.68, n = 14)`.
 * `xDomain` and `yDomain` fix the axes (shared by the plots of every model); point labels never overlap (`placeLabels`).
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
  xDomain?: [number, number];
  yDomain?: [number, number];
}): TopLevelSpec {
  const xs = input.points.map((point) => point.x).filter(Number.isFinite);
  const xDomain = input.xDomain ?? sharedDomain(xs);
  const yDomain = input.yDomain ?? sharedDomain(input.points.map((point) => point.y));
  const xScale = { domain: xDomain, nice: false, zero: false };
  const yScale = { domain: yDomain, nice: false, zero: false };
  const labels = placeLabels(input.points, xDomain, yDomain);
  const layers: Record<string, unknown>[] = [
    {
      data: { values: input.points.map((point) => ({ ...point })) },
      mark: { type: 'point', filled: true, size: input.points.length > 100 ? 20 : 60, opacity: 0.8 },
      encoding: {
        x: { field: 'x', type: 'quantitative', title: input.xTitle, scale: xScale },
        y: { field: 'y', type: 'quantitative', title: input.yTitle, scale: yScale },
        color: { field: 'series', type: 'nominal', title: null },
        tooltip: [
          { field: 'label', title: 'group' },
          { field: 'x', title: input.xTitle, format: '.3~f' },
          { field: 'y', title: input.yTitle, format: '.3~f' },
        ],
      },
    },
    ...(['left', 'right', 'center'] as const)
      .filter((align) => labels.some((label) => label.align === align))
      .map((align) => ({
        data: { values: labels.filter((label) => label.align === align) },
        mark: { type: 'text', align, baseline: 'middle', fontSize: LABEL_FONT_SIZE, color: '#444' },
        encoding: {
          x: { field: 'x', type: 'quantitative', scale: xScale },
          y: { field: 'y', type: 'quantitative', scale: yScale },
          text: { field: 'label' },
        },
      })),
  ];
  if (input.line && xs.length >= 2 && Number.isFinite(input.line.slope) && Number.isFinite(input.line.intercept)) {
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    for (const x of xs) {
      low = Math.min(low, x);
      high = Math.max(high, x);
    }
    layers.push({
      data: {
        values: [low, high].map((x) => ({ x, y: input.line!.intercept + input.line!.slope * x })),
      },
      mark: { type: 'line', color: '#c0392b', strokeDash: [4, 3], clip: true },
      encoding: { x: { field: 'x', type: 'quantitative', scale: xScale }, y: { field: 'y', type: 'quantitative', scale: yScale } },
    });
  }
  return { title: input.title, config: BASE_CONFIG, width: SCATTER_WIDTH, height: SCATTER_HEIGHT, layer: layers } as unknown as TopLevelSpec;
}

export interface HeatmapCell {
  row: string;
  column: string;
  mean: number;
  n: number;
}

/**
 * A category (rows) × country (columns) heatmap of a metric's mean, each cell labelled with its value, and with its n
 * when the cell is small (below `SHOW_N_BELOW`). Failure is the strong colour; cells with fewer than `minN` results are
 * grey (their value is still written, in grey). `domain` fixes the colour scale (shared by the heatmaps of one metric).
 *
 * @example
 * heatmapSpec({ title: 'accuracy by category × country', metric: 'accuracy', cells: [{ row: 'food', column: 'JP', mean: 0.75, n: 4 }], minN: 5 })
 */
export function heatmapSpec(input: {
  title: string;
  metric: string;
  cells: readonly HeatmapCell[];
  rowTitle?: string;
  columnTitle?: string;
  domain?: [number, number];
  minN?: number;
  higherIsWorse?: boolean;
}): TopLevelSpec {
  const domain = input.domain ?? sharedDomain(input.cells.map((cell) => cell.mean));
  const higherIsWorse = input.higherIsWorse ?? false;
  const minN = input.minN ?? 0;
  const span = domain[1] - domain[0] || 1;
  const values = input.cells.map((cell) => {
    const small = cell.n < minN;
    // The strong end of the scale (low scores, or high where higher is worse) takes white text.
    const position = (cell.mean - domain[0]) / span;
    const strong = !small && Number.isFinite(cell.mean) && (higherIsWorse ? position > 0.55 : position < 0.45);
    const value = Number.isFinite(cell.mean) ? formatCellValue(cell.mean) : '';
    return { ...cell, label: cell.n < SHOW_N_BELOW ? [value, `n=${cell.n}`] : [value], small, strong };
  });
  const columns = [...new Set(input.cells.map((cell) => cell.column))];
  const longest = Math.max(0, ...columns.map((column) => column.length));
  return {
    title: input.title,
    config: BASE_CONFIG,
    width: { step: 38 },
    height: { step: 28 },
    data: { values },
    encoding: {
      x: {
        field: 'column',
        type: 'nominal',
        title: input.columnTitle ?? 'country',
        axis: { labelAngle: longest > 4 ? -40 : 0, labelLimit: 90 },
      },
      y: { field: 'row', type: 'nominal', title: input.rowTitle ?? 'category', axis: { labelLimit: 200 } },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: '#fff', strokeWidth: 1 },
        encoding: {
          color: {
            condition: { test: 'datum.small', value: SMALL_CELL_COLOR },
            field: 'mean',
            type: 'quantitative',
            title: input.metric,
            scale: failureColorScale(domain, higherIsWorse),
          },
          tooltip: [
            { field: 'row', title: input.rowTitle ?? 'category' },
            { field: 'column', title: input.columnTitle ?? 'country' },
            { field: 'mean', title: input.metric, format: '.3~f' },
            { field: 'n', title: 'n' },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: 8.5, lineHeight: 10, baseline: 'middle' },
        encoding: {
          text: { field: 'label' },
          color: {
            condition: [
              { test: 'datum.small', value: '#555' },
              { test: 'datum.strong', value: 'white' },
            ],
            value: 'black',
          },
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
