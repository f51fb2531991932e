import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { locateJsonError, positionAt, scanJson } from './scan-json.js';

describe('scanJson', () => {
  it('outlines every value in document order: kind, line, size, and the keys of each object', () => {
    const scan = scanJson('{\n"a": [1,\n {"b": null}],\n"c": "x"\n}');
    assert.ok(scan.ok);
    assert.deepEqual(scan.outline, {
      kinds: ['object', 'array', 'scalar', 'object', 'scalar', 'scalar'],
      lines: [1, 2, 2, 3, 3, 4],
      sizes: [2, 2, 0, 1, 0, 0],
      keys: ['a', 'b', 'c'],
    });
  });

  it('accepts every kind of JSON value and decodes escaped keys', () => {
    const scan = scanJson('[1, -2.5e3, true, false, null, "s", [], {"\\u0041\\"": 1}]');
    assert.ok(scan.ok);
    assert.equal(scan.outline.sizes[0], 8);
    assert.deepEqual(scan.outline.keys, ['A"']);
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

describe('positionAt', () => {
  it('gives the 1-based line and column of an offset', () => {
    assert.deepEqual(positionAt('{\n  "a": 1\n}', 4), { offset: 4, line: 2, column: 3 });
    assert.deepEqual(positionAt('abc', 0), { offset: 0, line: 1, column: 1 });
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
