import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DatasetError } from '../errors/culturekit-error.js';
import { lineOfKey, parseJsonDocument } from './json-document.js';

describe('parseJsonDocument', () => {
  it('finds the line where each element of a top-level array starts, whatever the strings hold', () => {
    const text =
      '[\n  {"id": "a", "text": "has [brackets], \\"quotes\\" and {braces}"},\n\n  {\n    "id": "b",\n    "nested": [1, {"x": [2]}]\n  },\n  {"id": "c"}\n]\n';
    const document = parseJsonDocument('d.json', text);
    const records = document.value as { nested?: [number, { x: number[] }] }[];
    assert.deepEqual(document.elementLines(records), [2, 4, 8]);
    assert.equal(document.lineOf(records[1]), 4);
    assert.equal(document.lineOf(records[1].nested![1]), 6);
    assert.equal(document.lineOf(records), 1);
  });

  it('finds the elements of each array under a top-level object, and non-object elements too', () => {
    const text = '{\n"name": "x",\n"descriptions": [\n{"id": "d1"}\n],\n"items": [\n{"id": "q1"},\n"not a record",\n7\n]\n}';
    const document = parseJsonDocument('d.json', text);
    const value = document.value as { descriptions: unknown[]; items: unknown[] };
    assert.deepEqual(document.elementLines(value.descriptions), [4]);
    assert.deepEqual(document.elementLines(value.items), [7, 8, 9]);
  });

  it('places objects under integer-like keys (reordered by JavaScript) and duplicate keys (the last wins) by name', () => {
    const text = '{\n"z": {"id": "z"},\n"10": {"id": "ten"},\n"2": {"id": "two"},\n"d": {"id": "first"},\n"d": {"id": "last"}\n}';
    const document = parseJsonDocument('d.json', text);
    const value = document.value as Record<string, { id: string }>;
    assert.deepEqual(Object.keys(value), ['2', '10', 'z', 'd']);
    assert.equal(document.lineOf(value.z), 2);
    assert.equal(document.lineOf(value['10']), 3);
    assert.equal(document.lineOf(value['2']), 4);
    assert.equal(value.d.id, 'last');
    assert.equal(document.lineOf(value.d), 6);
  });

  it('an object it does not hold is placed on line 1; an array it does not hold has no element lines', () => {
    const document = parseJsonDocument('d.json', '[\n{}\n]');
    assert.equal(document.lineOf({}), 1);
    assert.deepEqual(document.elementLines([]), []);
  });

  it('invalid JSON is a DatasetError naming file, line and column', () => {
    assert.throws(
      () => parseJsonDocument('broken.json', '[\n  {"id": 1},\n  {"id": 2,,}\n]'),
      (error: unknown) => error instanceof DatasetError && /^broken\.json:3: invalid JSON: .*\(column \d+\)$/m.test(error.message),
    );
  });
});

describe('lineOfKey', () => {
  it('gives the line of the first "key": at or after an offset, or 1', () => {
    const text = '{\n "a": 1,\n "b": {"a": 2}\n}';
    assert.equal(lineOfKey(text, 'b'), 3);
    assert.equal(lineOfKey(text, 'a', text.indexOf('"b"')), 3);
    assert.equal(lineOfKey(text, 'missing'), 1);
    assert.equal(lineOfKey('{"a.b": 1}', 'a.b'), 1);
  });
});
