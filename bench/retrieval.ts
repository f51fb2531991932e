/**
 * Retrieval latency of the knowledge base over 4,800 descriptions, half English and half Chinese, made by
 * varying the built-in sample (clauses recombined, the country swapped for another one, in both languages).
 *
 *   node --import tsx bench/retrieval.ts [--descriptions 4800] [--rounds 20]
 *
 * Prints the build time (tokenizing everything, then again from a SQLite store), p50/p90/p99/max of one
 * `retrieve` call for English and Chinese queries (the sample's knowledge and safety prompts) with and without
 * options, and how often each query's own description is still in the top 3 among the generated ones (the
 * generated descriptions are near-copies of the sample's for other countries, so a request that names no country,
 * as most safety requests do, ties with the copies: those shares say little). Goal: p99 ≤ 1 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBuiltinSample } from '../src/datasets/builtin/builtin-sample.js';
import { buildKnowledgeBase, type KnowledgeBase, type RetrieveOptions } from '../src/grounding/knowledge-base.js';
import type { Item } from '../src/schema/item.js';
import { generateDescriptions } from './retrieval-data.js';

const flags = new Map<string, number>();
for (let index = 2; index < process.argv.length; index += 2) flags.set(process.argv[index].replace(/^--/, ''), Number(process.argv[index + 1]));
const total = flags.get('descriptions') ?? 4800;
const rounds = flags.get('rounds') ?? 20;

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

function measure(kb: KnowledgeBase, queries: Item[], label: string, optionsOf: (item: Item) => RetrieveOptions): void {
  for (const item of queries) kb.retrieve(item.prompt, optionsOf(item));
  const times: number[] = [];
  let found = 0;
  for (let round = 0; round < rounds; round++) {
    for (const item of queries) {
      const options = optionsOf(item);
      const started = process.hrtime.bigint();
      const hits = kb.retrieve(item.prompt, options);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (round === 0 && hits.some((hit) => hit.description.id === item.descriptionId)) found++;
    }
  }
  times.sort((left, right) => left - right);
  const ms = (value: number) => `${value.toFixed(3)} ms`;
  console.log(
    `${label.padEnd(44)} n=${String(times.length).padStart(5)}  p50 ${ms(percentile(times, 0.5))}  p90 ${ms(percentile(times, 0.9))}  ` +
      `p99 ${ms(percentile(times, 0.99))}  max ${ms(times.at(-1)!)}  own description in top 3: ${((100 * found) / queries.length).toFixed(1)}%`,
  );
}

const sample = loadBuiltinSample();
const descriptions = generateDescriptions(sample.descriptions, total);
const chineseCount = descriptions.filter((description) => description.language === 'zh').length;
console.log(
  `${descriptions.length} descriptions (${descriptions.length - chineseCount} English, ${chineseCount} Chinese, others from the sample), ${rounds} rounds per query set`,
);

const directory = mkdtempSync(join(tmpdir(), 'culturekit-bench-retrieval-'));
try {
  const dbPath = join(directory, 'store.db');
  let started = performance.now();
  await buildKnowledgeBase(descriptions, { dbPath });
  console.log(`build, tokenizing every description and storing the index: ${(performance.now() - started).toFixed(0)} ms`);
  started = performance.now();
  const kb = await buildKnowledgeBase(descriptions, { dbPath });
  console.log(`build again, token lists read from the store:              ${(performance.now() - started).toFixed(0)} ms`);

  const knowledge = sample.items.filter((item) => item.kind === 'knowledge');
  const safety = sample.items.filter((item) => item.kind === 'safety');
  const english = (items: Item[]) => items.filter((item) => item.language === 'en');
  const chinese = (items: Item[]) => items.filter((item) => item.language === 'zh');
  const plain = () => ({ k: 3 });
  measure(kb, english(knowledge), 'English knowledge questions, k=3', plain);
  measure(kb, chinese(knowledge), 'Chinese knowledge questions, k=3', plain);
  measure(kb, english(safety), 'English safety requests, k=3', plain);
  measure(kb, chinese(safety), 'Chinese safety requests, k=3', plain);
  measure(kb, [...english(knowledge), ...chinese(knowledge)], 'mixed, with language, k=3', (item) => ({ k: 3, language: item.language }));
  measure(kb, [...english(knowledge), ...chinese(knowledge)], 'mixed, with language and country, k=3', (item) => ({
    k: 3,
    language: item.language,
    countries: [item.country!],
  }));
  measure(kb, [...english(knowledge), ...chinese(knowledge)], 'mixed, k=10', () => ({ k: 10 }));
} finally {
  rmSync(directory, { recursive: true, force: true });
}
