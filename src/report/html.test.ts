import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeHtml, html, raw } from './html.js';

test('escapeHtml escapes every character that could start markup or leave an attribute', () => {
  assert.equal(escapeHtml(`<img src=x onerror="alert('1')">&`), '&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;');
  assert.equal(escapeHtml('日本 العربية ไทย'), '日本 العربية ไทย');
});

test('html escapes interpolations, keeps safe markup, flattens lists and drops empty values', () => {
  const name = '<script>alert(1)</script>';
  const page = html`<p title="${name}">${name}${[html`<b>${'a&b'}</b>`, ' & ', 3]}${undefined}${null}${false}${raw('<hr>')}</p>`;
  assert.equal(page.value, '<p title="&lt;script&gt;alert(1)&lt;/script&gt;">&lt;script&gt;alert(1)&lt;/script&gt;<b>a&amp;b</b> &amp; 3<hr></p>');
  assert.equal(String(page), page.value);
});
