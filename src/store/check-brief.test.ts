import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resultDetailsSchema } from '../schema/result-details.js';
import { isPlainBrief } from './check-brief.js';
import { parseResultBrief, resultBriefSchema } from './result-brief.js';

const plain = {
  model: 'openai:m',
  condition: 'plain',
  itemId: 'q1',
  language: 'en',
  country: 'JP',
  category: 'food',
  descriptionId: 'd1',
  latencyMs: 12.5,
  usage: { inputTokens: 120, outputTokens: 8 },
  cached: false,
  kind: 'knowledge',
  format: 'mcq',
  choices: ['one', 'two'],
  answer: 'B',
  extracted: 'A',
  status: 'scored',
  method: 'letter',
  metrics: { accuracy: 0, invalid: 0 },
  details: { rule: 'answer-prefix', grounding: ['d1'], custom: { anything: [1, 2] } },
};

const variants: [string, unknown][] = [
  ['plain', plain],
  [
    'no optional fields',
    {
      ...plain,
      country: undefined,
      category: undefined,
      descriptionId: undefined,
      choices: undefined,
      answer: undefined,
      extracted: undefined,
      details: undefined,
    },
  ],
  ['an error row', { ...plain, status: 'error', metrics: {}, error: 'HTTP 500' }],
  ['an unknown field', { ...plain, prompt: 'left in' }],
  ['a wrong status', { ...plain, status: 'done' }],
  ['a wrong method', { ...plain, method: 'guess' }],
  ['a null metric', { ...plain, metrics: { accuracy: null } }],
  ['a string metric', { ...plain, metrics: { accuracy: '1' } }],
  ['negative latency', { ...plain, latencyMs: -1 }],
  ['fractional tokens', { ...plain, usage: { inputTokens: 1.5, outputTokens: 1 } }],
  ['extra usage field', { ...plain, usage: { inputTokens: 1, outputTokens: 1, cost: 2 } }],
  ['a number country', { ...plain, country: 7 }],
  ['a null answer', { ...plain, answer: null }],
  ['choices not strings', { ...plain, choices: ['a', 2] }],
  ['details not an object', { ...plain, details: 'x' }],
  ['a number rule', { ...plain, details: { rule: 3 } }],
  ['grounding not strings', { ...plain, details: { grounding: [1] } }],
  ['judges', { ...plain, details: { judges: [] } }],
  ['cached as a string', { ...plain, cached: 'no' }],
  ['missing model', { ...plain, model: undefined }],
  ['an array', [plain]],
];

test('the fast path accepts a brief only where the schema returns the same value, and leaves the rest to the schema', () => {
  let fast = 0;
  for (const [name, raw] of variants) {
    const value = JSON.parse(JSON.stringify(raw));
    let parsed: unknown;
    let problem: unknown;
    try {
      parsed = parseResultBrief(structuredClone(value), name);
    } catch (error) {
      problem = error;
    }
    if (isPlainBrief(value)) {
      fast++;
      assert.equal(problem, undefined, `${name}: the fast path accepts what the schema refuses`);
      assert.deepEqual(value, parsed, `${name}: the schema would change it`);
    }
  }
  assert.equal(fast, 3);
});

test('the fast path knows every field of a brief and of its details (a new field must be added to check-brief.ts)', () => {
  assert.deepEqual(Object.keys(resultBriefSchema.shape).sort(), [
    'answer',
    'cached',
    'category',
    'choices',
    'condition',
    'country',
    'descriptionId',
    'details',
    'error',
    'extracted',
    'format',
    'itemId',
    'kind',
    'language',
    'latencyMs',
    'method',
    'metrics',
    'model',
    'status',
    'usage',
  ]);
  assert.deepEqual(Object.keys(resultDetailsSchema.shape).sort(), ['grounding', 'judges', 'reason', 'rule', 'steps']);
});
