import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { locateJsonError, scanJson } from './scan-json.js';

function lines(text: string, key = ''): number[] {
  const scan = scanJson(text);
  assert.ok(scan.ok, 'expected valid JSON');
  return (scan.elements.get(key) ?? []).map((position) => position.line);
}

describe('scanJson', () => {
  it('finds the line where each element of a top-level array starts', () => {
    const text = '[\n  {"id": "a", "text": "has [brackets], \\"quotes\\" and {braces}"},\n\n  {\n    "id": "b",\n    "nested": [1, {"x": [2]}]\n  },\n  {"id": "c"}\n]\n';
    assert.deepEqual(lines(text), [2, 4, 8]);
    JSON.parse(text);
  });

  it('finds the elements of each array under a top-level object', () => {
    const text = '{\n"name": "x",\n"descriptions": [\n{"id": "d1"}\n],\n"items": [\n{"id": "q1"},\n{"id": "q2"}\n]\n}';
    assert.deepEqual(lines(text, 'descriptions'), [4]);
    assert.deepEqual(lines(text, 'items'), [7, 8]);
  });

  it('accepts every kind of JSON value', () => {
    assert.deepEqual(lines('[1, -2.5e3, true, false, null, "s", [], {}]'), [1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('reports where the text stops being JSON', () => {
    for (const [text, line, column] of [
      ['[\n{"a": 1},,\n]', 2, 10],
      ['[\n{"a": 1}\n{"b": 2}\n]', 3, 1],
      ['[\n{"a": tru}\n]', 2, 7],
      ['[\n{"a": 1}', 2, 9],
      ['{"a": "unterminated\n"}', 1, 20],
      ['[1] x', 1, 5],
    ] as const) {
      const scan = scanJson(text);
      assert.ok(!scan.ok, text);
      assert.deepEqual([scan.error.line, scan.error.column], [line, column], text);
      assert.throws(() => JSON.parse(text));
    }
  });
});

describe('locateJsonError', () => {
  it('gives the line and column of a JSON.parse failure and drops the echoed text', () => {
    const text = '[\n  {"id": 1},\n  {"id": 2,,}\n]';
    let caught: unknown;
    try {
      JSON.parse(text);
    } catch (error) {
      caught = error;
    }
    const where = locateJsonError(caught, text);
    assert.equal(where.line, 3);
    assert.ok(!where.message.includes('is not valid JSON'), where.message);
    assert.ok(!where.message.includes('position'), where.message);
  });
});
