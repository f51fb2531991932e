#!/usr/bin/env node
// Lists the import edges between the top-level folders of src/ (static and dynamic imports, tests left out) and
// exits 1 when they form a cycle. `node scripts/folder-imports.mjs -v` also names the importing files.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve('src');
const edges = new Map();
for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
  const file = join(entry.parentPath ?? entry.path, entry.name);
  const from = relative(root, file).split('/')[0];
  if (from.endsWith('.ts')) continue;
  for (const match of readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'(\.[^']+)'/g)) {
    const to = relative(root, resolve(dirname(file), match[1])).split('/')[0];
    if (to === from || to.startsWith('..') || to.endsWith('.js')) continue;
    const key = `${from} -> ${to}`;
    edges.set(key, [...(edges.get(key) ?? []), relative(root, file)]);
  }
}
const keys = [...edges.keys()].sort();
for (const key of keys) console.log(`${key.padEnd(28)} ${edges.get(key).length}${process.argv.includes('-v') ? `  ${edges.get(key).join(' ')}` : ''}`);

const graph = new Map();
for (const key of keys) {
  const [from, to] = key.split(' -> ');
  graph.set(from, [...(graph.get(from) ?? []), to]);
}
const cycles = new Set();
const visit = (node, path) => {
  for (const next of graph.get(node) ?? []) {
    const at = path.indexOf(next);
    if (at !== -1) cycles.add([...path.slice(at), next].join(' -> '));
    else visit(next, [...path, next]);
  }
};
for (const node of graph.keys()) visit(node, [node]);
console.log(cycles.size ? `\ncycles:\n${[...cycles].join('\n')}` : '\nno cycle between folders');
process.exit(cycles.size ? 1 : 0);
