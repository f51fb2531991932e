import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

const ALLOWED_ELEMENTS = new Set([
  'svg',
  'g',
  'path',
  'rect',
  'line',
  'text',
  'tspan',
  'circle',
  'ellipse',
  'polygon',
  'polyline',
  'defs',
  'clippath',
  'lineargradient',
  'radialgradient',
  'stop',
  'pattern',
  'title',
  'desc',
]);
const DROPPED_WITH_CONTENT = /<(script|style|foreignObject|iframe|object|embed)\b[\s\S]*?<\/\1\s*>/gi;
const TAG = /<(\/?)([a-zA-Z][\w:-]*)([^>]*?)(\/?)>/g;
const ATTRIBUTE = /\s([a-zA-Z_:][\w:.-]*)\s*=\s*("[^"]*"|'[^']*')/g;

/**
 * Keeps only plain drawing elements and their presentational attributes: no scripts, no event handlers, no
 * external references. Vega already escapes the text it writes; this is a second line of defence, since the
 * SVG is inlined into pages that show untrusted dataset and model text.
 *
 * @example
 * sanitizeSvg('<svg><g onclick="x()"><script>x()</script><text>a</text></g></svg>') // '<svg><g><text>a</text></g></svg>'
 */
export function sanitizeSvg(svg: string): string {
  return svg.replace(DROPPED_WITH_CONTENT, '').replace(TAG, (_tag, closing: string, name: string, attributes: string, selfClosing: string) => {
    if (!ALLOWED_ELEMENTS.has(name.toLowerCase())) return '';
    if (closing) return `</${name}>`;
    const kept: string[] = [];
    for (const [, attribute, value] of attributes.matchAll(ATTRIBUTE)) {
      const lower = attribute.toLowerCase();
      if (lower.startsWith('on') || lower === 'style') continue;
      if ((lower === 'href' || lower === 'xlink:href') && !value.slice(1).startsWith('#')) continue;
      kept.push(` ${attribute}=${value}`);
    }
    return `<${name}${kept.join('')}${selfClosing}>`;
  });
}

const SELF_CLOSED_SHAPE = /<(path|rect|circle|ellipse|polygon)(\s[^>]*?)\/>/g;
const ARIA_LABEL = /\saria-label="([^"]*)"/;

/**
 * Gives each labelled data mark (Vega writes its description or tooltip as `aria-label`) a `<title>` child, the
 * tooltip a browser shows on hover: a static SVG's tooltips without any script. The label is already escaped.
 *
 * @example
 * titlesFromAriaLabels('<path aria-label="JP: 0.4" d="M0,0"/>') // '<path aria-label="JP: 0.4" d="M0,0"><title>JP: 0.4</title></path>'
 */
export function titlesFromAriaLabels(svg: string): string {
  return svg.replace(SELF_CLOSED_SHAPE, (shape, name: string, attributes: string) => {
    const label = ARIA_LABEL.exec(attributes)?.[1];
    return label ? `<${name}${attributes}><title>${label}</title></${name}>` : shape;
  });
}

/** Path coordinates to 0.1 px (Vega writes 3 decimals): a world map is a third smaller, and looks the same. */
function roundPathCoordinates(svg: string): string {
  return svg.replace(/\sd="([^"]*)"/g, (_attribute, path: string) => ` d="${path.replace(/(\.\d)\d+/g, '$1')}"`);
}

/**
 * Compiles a Vega-Lite spec and renders it to a standalone, sanitized SVG string in Node (no canvas, no browser); each
 * data mark carries its tooltip as an SVG `<title>`.
 *
 * @example
 * const svg = await renderChartSvg(countryBarsSpec({ title: 'Accuracy by country', metric: 'accuracy', points }));
 */
export async function renderChartSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return titlesFromAriaLabels(sanitizeSvg(roundPathCoordinates(await view.toSVG())));
  } finally {
    view.finalize();
  }
}
