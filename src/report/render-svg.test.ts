import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countryBarsSpec, heatmapSpec } from './chart-specs.js';
import { renderChartSvg, sanitizeSvg } from './render-svg.js';

test('sanitizeSvg keeps drawing elements and drops scripts, foreign content, handlers and external links', () => {
  const dirty =
    '<svg xmlns="http://www.w3.org/2000/svg"><g onclick="steal()" class="mark"><script>alert(1)</script><foreignObject><img src=x></foreignObject>' +
    '<a href="javascript:alert(1)"><text x="1" style="x" onload=\'alert(1)\'>ok &lt;b&gt;</text></a><use href="#local"/><image href="http://evil/x.png"/></g></svg>';
  assert.equal(sanitizeSvg(dirty), '<svg xmlns="http://www.w3.org/2000/svg"><g class="mark"><text x="1">ok &lt;b&gt;</text></g></svg>');
});

test('a chart renders to SVG in Node with its marks, and text from the data stays text', async () => {
  const points = [
    { series: 'openai:m · plain', group: 'JP <img src=x onerror=alert(1)>', mean: 0.5, low: 0.3, high: 0.7, n: 10 },
    { series: 'openai:m · plain', group: '中国', mean: 0.8, low: 0.6, high: 0.9, n: 12 },
    { series: 'openai:m · plain', group: 'السعودية', mean: 0.2, low: 0.05, high: 0.5, n: 9 },
  ];
  const svg = await renderChartSvg(countryBarsSpec({ title: 'accuracy "by" <country>', metric: 'accuracy', points }));
  assert.match(svg, /^<svg /);
  assert.equal((svg.match(/aria-roledescription="bar"/g) ?? []).length, 3);
  assert.ok(!svg.includes('<img'));
  assert.ok(svg.includes('JP &lt;img src=x onerror'));
  assert.ok(svg.includes('中国') && svg.includes('السعودية'));
  assert.ok(svg.includes('accuracy "by" &lt;country&gt;'));
  const tags = svg.match(/<[^>]+>/g) ?? [];
  assert.ok(
    tags.every((tag) => !/\son[a-z]+\s*=/i.test(tag.replace(/"[^"]*"/g, '""'))),
    'no event handler attribute',
  );

  const heatmap = await renderChartSvg(
    heatmapSpec({
      title: 'h',
      metric: 'respectfulness',
      cells: [
        { row: 'food', column: 'JP', mean: 7.5, n: 4 },
        { row: 'gifts', column: 'JP', mean: 3, n: 2 },
      ],
    }),
  );
  assert.ok(heatmap.includes('>7.50<') && heatmap.includes('>3.00<'));
});
