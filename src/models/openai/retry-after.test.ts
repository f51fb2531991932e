import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRetryAfter } from './retry-after.js';

test('parseRetryAfter reads seconds, HTTP-dates and retry-after-ms', () => {
  const now = Date.parse('Wed, 21 Oct 2015 07:27:30 GMT');
  assert.equal(parseRetryAfter({ 'retry-after': '2' }, now), 2000);
  assert.equal(parseRetryAfter({ 'retry-after': '0.5' }, now), 500);
  assert.equal(parseRetryAfter({ 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' }, now), 30_000);
  assert.equal(parseRetryAfter({ 'retry-after': 'Wed, 21 Oct 2015 07:00:00 GMT' }, now), 0);
  assert.equal(parseRetryAfter({ 'retry-after-ms': '1500', 'retry-after': '2' }, now), 1500);
  assert.equal(parseRetryAfter({ 'retry-after': 'soon' }, now), undefined);
  assert.equal(parseRetryAfter({}, now), undefined);
});
