import type { TopLevelSpec } from 'vega-lite';
import { html, raw, type SafeHtml } from './html.js';
import { renderChartSvg } from './render-svg.js';

/**
 * An inline SVG chart in a `<figure>`: rendered by vega in Node and sanitized, with the data's text escaped.
 *
 * @example
 * const figure = await chartFigure('accuracy-by-country', countryBarsSpec({ title, metric: 'accuracy', points }), 'Bars: mean; whiskers: 95% interval.');
 */
export async function chartFigure(name: string, spec: TopLevelSpec, caption?: string): Promise<SafeHtml> {
  const svg = await renderChartSvg(spec);
  return html`<figure class="chart" data-chart="${name}">${raw(svg)}${caption ? html`<figcaption>${caption}</figcaption>` : ''}</figure>`;
}
