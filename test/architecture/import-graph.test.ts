import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { findCycles, folderOf, listSourceFiles, readImportEdges, readLayerTable } from './import-graph.js';

const root = new URL('../../', import.meta.url).pathname;
const edges = readImportEdges(root);

describe('import graph of src/', () => {
  it('finds cycles with Tarjan (self-check on a known graph)', () => {
    const cycles = findCycles(
      ['a', 'b', 'c', 'd'],
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
        ['c', 'd'],
        ['d', 'd'],
      ],
    );
    assert.deepEqual(cycles.map((cycle) => cycle.join(',')).sort(), ['a,b,c', 'd']);
    assert.deepEqual(findCycles(['a', 'b'], [['a', 'b']]), []);
  });

  it('has no cycle between top-level folders (static or dynamic imports)', () => {
    const folders = new Set(listSourceFiles(root).map(folderOf));
    const folderEdges = edges
      .filter((edge) => folderOf(edge.from) !== folderOf(edge.to))
      .map((edge) => [folderOf(edge.from), folderOf(edge.to)] as [string, string]);
    const cycles = findCycles(folders, folderEdges);
    const explain = cycles.map((cycle) => {
      const inside = edges.filter(
        (edge) => cycle.includes(folderOf(edge.from)) && cycle.includes(folderOf(edge.to)) && folderOf(edge.from) !== folderOf(edge.to),
      );
      return `${cycle.join(' ↔ ')}:\n${inside.map((edge) => `  ${edge.from} → ${edge.to}`).join('\n')}`;
    });
    assert.deepEqual(explain, []);
  });

  it('has no cycle between files through static imports that stay at run time', () => {
    const files = listSourceFiles(root);
    const cycles = findCycles(
      files,
      edges.filter((edge) => !edge.dynamic && !edge.typeOnly).map((edge) => [edge.from, edge.to] as [string, string]),
    );
    assert.deepEqual(cycles, []);
  });

  it('keeps every folder to the imports docs/ARCHITECTURE.md allows', () => {
    const table = readLayerTable(root);
    const folders = [...new Set(listSourceFiles(root).map(folderOf))].sort();
    assert.deepEqual(
      folders.filter((folder) => !table.has(folder)),
      [],
      'every folder of src/ has a row in the layer table of docs/ARCHITECTURE.md',
    );
    assert.deepEqual(
      [...table.keys()].filter((folder) => !folders.includes(folder)),
      [],
      'the layer table names no folder that does not exist',
    );
    const violations = new Set<string>();
    for (const edge of edges) {
      const from = folderOf(edge.from);
      const to = folderOf(edge.to);
      if (from === to || table.get(from)?.has('*') || table.get(from)?.has(to)) continue;
      violations.add(`${from} → ${to} (${edge.from} → ${edge.to})`);
    }
    assert.deepEqual([...violations], []);
  });

  it('keeps unit tests beside the code and CLI/server tests under test/<area>/', () => {
    const misplaced = readdirSync(new URL('../../test', import.meta.url), { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
      .map((entry) => entry.name);
    assert.deepEqual(misplaced, [], 'test files directly under test/ belong in a folder named for their area');
  });
});
