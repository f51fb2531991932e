/**
 * How much does scoring 4 options with `scoreContinuations` cost, relative to evaluating the prompt and the longest option once?
 * The prompt is evaluated once and each option on top of it, so the goal is a ratio of at most 1.3.
 *
 * Run: node --import tsx bench/gguf-scoring.ts [--threads N] [--rounds N]
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeGguf } from '../src/models/llama/gguf-writer.js';
import { createLlamaModel } from '../src/models/llama/llama-model.js';
import { buildRandomModel } from '../src/models/llama/random-model.js';
import { parseModelSpec } from '../src/models/model-spec.js';

const { values } = parseArgs({
  options: {
    threads: { type: 'string', default: '1,2' },
    rounds: { type: 'string', default: '15' },
    'prompt-words': { type: 'string', default: '200' },
  },
});
const threadCounts = values.threads.split(',').map(Number);
const rounds = Number(values.rounds);
const promptWords = Number(values['prompt-words']);

const syllables = ['ka', 'lo', 'mi', 'tan', 'ru', 'se', 'vo', 'ne', 'pa', 'di', 'gu', 'ho'];
const words: string[] = [];
for (const first of syllables) for (const second of syllables) words.push(` ${first}${second}`);

let state = 12345;
function pick<T>(items: readonly T[]): T {
  state = (Math.imul(state, 1103515245) + 12345) >>> 0;
  return items[state % items.length];
}
const sentence = (count: number): string =>
  Array.from({ length: count }, () => pick(words))
    .join('')
    .trimStart();

function median(samples: number[]): number {
  const sorted = [...samples].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)];
}

const folder = await mkdtemp(join(tmpdir(), 'culturekit-bench-'));
try {
  const path = join(folder, 'random.gguf');
  const shape = { layers: 4, embeddingLength: 256, feedForwardLength: 768, heads: 4 };
  await writeGguf(path, buildRandomModel({ words, ...shape, seed: 7 }));
  const size = (await stat(path)).size;
  console.log('gguf-scoring: scoreContinuations with 4 options vs. the prompt + the longest option evaluated once (one batch)');
  console.log(
    `  model: llama, ${shape.layers} layers, ${shape.embeddingLength} wide, ffn ${shape.feedForwardLength}, random F32 weights, ${(size / 1e6).toFixed(1)} MB`,
  );
  for (const threads of threadCounts) {
    const model = await createLlamaModel(parseModelSpec(`llama:${path}`), { threads, contextSize: 2048 });
    try {
      const score = async (prompt: string, continuations: string[]): Promise<number> => {
        const started = process.hrtime.bigint();
        await model.scoreContinuations!({ prompt, continuations });
        return Number(process.hrtime.bigint() - started) / 1e6;
      };
      // Every call gets a fresh prompt, so no call reuses another's evaluated prefix.
      const round = async (): Promise<{ four: number; once: number }> => {
        const options = [2, 3, 4, 6].map((count) => ` ${sentence(count)}`);
        const longest = options.reduce((best, option) => (option.length > best.length ? option : best));
        const once = await score(sentence(promptWords), [longest]);
        const four = await score(sentence(promptWords), options);
        return { four, once };
      };
      await round();
      const fours: number[] = [];
      const onces: number[] = [];
      for (let index = 0; index < rounds; index++) {
        const { four, once } = await round();
        fours.push(four);
        onces.push(once);
      }
      const probe = await model.scoreContinuations!({ prompt: sentence(promptWords), continuations: [` ${sentence(6)}`] });
      console.log(`  threads ${threads}: prompt + longest option ${probe.usage.inputTokens} tokens, options of 2, 3, 4 and 6 words, ${rounds} rounds`);
      console.log(`    once (prompt + longest option): median ${median(onces).toFixed(1)} ms`);
      console.log(`    4 options:                      median ${median(fours).toFixed(1)} ms`);
      console.log(`    ratio: ${(median(fours) / median(onces)).toFixed(2)}× (goal ≤ 1.30×; evaluating the prompt once per option would be ~4×)`);
    } finally {
      await model.close();
    }
  }
} finally {
  await rm(folder, { recursive: true, force: true });
}
