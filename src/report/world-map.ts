import { createRequire } from 'node:module';
import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { BASE_CONFIG, failureColorScale, SMALL_CELL_COLOR } from './chart-specs.js';
import { countryLabel, countryNumericId } from './country-labels.js';

const require = createRequire(import.meta.url);

interface CountryFeature {
  type: 'Feature';
  id?: string;
  properties: { name?: string };
  geometry: unknown;
}

let features: CountryFeature[] | undefined;

/** world-atlas's 1:110m country outlines (keyed by ISO 3166-1 numeric code) as GeoJSON features, read once, Antarctica left out. */
function worldFeatures(): CountryFeature[] {
  if (!features) {
    const topology = require('world-atlas/countries-110m.json') as unknown;
    features = (vega.read(topology as string, { type: 'topojson', feature: 'countries' }) as CountryFeature[]).filter((feature) => feature.id !== '010');
  }
  return features;
}

/** One country's value on a map. */
export interface MapPoint {
  /** ISO 3166-1 alpha-2 (a sub-national code is drawn on its country). */
  country: string;
  mean: number;
  low: number;
  high: number;
  n: number;
}

/**
 * A world choropleth of a metric by country, drawn offline from world-atlas's outlines: the failing end of the scale
 * in strong colour, countries with fewer than `minN` results in grey, countries without results pale. Each country's
 * tooltip (an SVG `<title>` once rendered) gives its name, code, mean, 95% interval and n. Codes with no outline
 * (small states at this scale, sub-national regions sharing a country) are listed by `unmapped`.
 *
 * @example
 * worldMapSpec({ title: 'accuracy by country', metric: 'accuracy', points: [{ country: 'JP', mean: 0.4, low: 0.2, high: 0.6, n: 12 }], domain: [0, 1], minN: 5 })
 */
export function worldMapSpec(input: {
  title: string | string[];
  metric: string;
  points: readonly MapPoint[];
  domain: [number, number];
  minN: number;
  higherIsWorse?: boolean;
}): TopLevelSpec {
  const byId = new Map(mapValues(input.points, input.minN).map((value) => [value.id, value]));
  // Each outline carries its country's figures and tooltip: no lookup to run in the dataflow, map after map.
  const values = worldFeatures().map((feature) => {
    const value = feature.id === undefined ? undefined : byId.get(feature.id);
    const tip = value
      ? `${value.label}: ${formatNumber(value.mean)} [${formatNumber(value.low)}, ${formatNumber(value.high)}], n = ${value.n}${value.small ? ` (fewer than ${input.minN}: not coloured)` : ''}`
      : `${feature.properties.name ?? 'unknown'}: no results`;
    return { type: 'Feature', geometry: feature.geometry, properties: {}, mean: value?.mean ?? null, n: value?.n ?? null, small: value?.small ?? false, tip };
  });
  return {
    title: input.title,
    config: { ...BASE_CONFIG, legend: { ...BASE_CONFIG.legend, orient: 'bottom', gradientLength: 220 } },
    width: 520,
    height: 260,
    projection: { type: 'equalEarth' },
    data: { values },
    mark: { type: 'geoshape', stroke: '#ffffff', strokeWidth: 0.5, invalid: null },
    encoding: {
      color: {
        condition: [
          { test: 'datum.n == null', value: '#f1f1ef' },
          { test: 'datum.small', value: SMALL_CELL_COLOR },
        ],
        field: 'mean',
        type: 'quantitative',
        title: input.metric,
        scale: failureColorScale(input.domain, input.higherIsWorse ?? false),
      },
      description: { field: 'tip', type: 'nominal' },
    },
  } as unknown as TopLevelSpec;
}

function formatNumber(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toFixed(3))) : '—';
}

/** The map's rows: one per country with an outline, by numeric id (of several regions of one country, the first). */
function mapValues(
  points: readonly MapPoint[],
  minN: number,
): { id: string; label: string; mean: number; low: number; high: number; n: number; small: boolean }[] {
  const seen = new Set<string>();
  return points.flatMap((point) => {
    const id = countryNumericId(point.country);
    if (!id || seen.has(id)) return [];
    seen.add(id);
    return [{ id, label: countryLabel(point.country), mean: point.mean, low: point.low, high: point.high, n: point.n, small: point.n < minN }];
  });
}

/** The points a map does not draw: codes that name no country, whose country has no outline at 1:110m, or a second region of one country. */
export function unmappedCountries(points: readonly MapPoint[]): string[] {
  const outlined = new Set(worldFeatures().map((feature) => feature.id));
  const seen = new Set<string>();
  return points
    .filter((point) => {
      const id = countryNumericId(point.country);
      if (!id || !outlined.has(id) || seen.has(id)) return true;
      seen.add(id);
      return false;
    })
    .map((point) => point.country);
}
