import { buildTinyModel, type TinyModel, type TinyModelOptions, type TinyTransition } from './tiny-model.js';
import { writeGguf } from './gguf-writer.js';
import { seededRandom } from '../../util/seeded-random.js';

/** What the demo model answers to any chat prompt rendered with the fixed template (which ends with `Assistant:`). */
export const DEMO_MODEL_REPLY = 'Answer: B';

const DEMO_WORDS = [
  ' the',
  ' a',
  ' of',
  ' to',
  ' in',
  ' is',
  ' and',
  ' for',
  ' that',
  ' on',
  ' with',
  ' as',
  ' it',
  ' by',
  ' be',
  ' are',
  ' or',
  ' this',
  ' which',
  ' what',
  ' who',
  ' where',
  ' when',
  ' how',
  ' not',
  ' people',
  ' country',
  ' culture',
  ' food',
  ' dish',
  ' festival',
  ' tradition',
  ' custom',
  ' language',
  ' religion',
  ' family',
  ' greeting',
  ' gift',
  ' respect',
  ' polite',
  ' rude',
  ' common',
  ' usually',
  ' traditional',
  ' national',
  ' holiday',
  ' New',
  ' Year',
  ' tea',
  ' rice',
  ' bread',
  ' true',
  ' false',
  ' yes',
  ' no',
  ' Question',
  ' Answer',
  ' Options',
  ' A',
  ' B',
  ' C',
  ' D',
  ' A.',
  ' B.',
  ' C.',
  ' D.',
];

/** The options of the demo model: a bigram model over common words with arbitrary (seeded) preferences. */
export function demoModelOptions(): TinyModelOptions {
  const random = seededRandom(20240601);
  const transitions: TinyTransition[] = [];
  for (const from of DEMO_WORDS) {
    for (const to of DEMO_WORDS) {
      if (random() < 0.25) transitions.push({ from, to, logit: Math.round(random() * 40) / 10 });
    }
  }
  transitions.push(
    { from: ':', to: ' Answer:', logit: 12 },
    { from: ' Answer:', to: ' B', logit: 12 },
    { from: ' B', to: '</s>', logit: 12 },
    { from: '*', to: '</s>', logit: 6 },
  );
  return { name: 'culturekit-demo', contextLength: 4096, transitions };
}

/** Builds the demo model (see {@link writeDemoModel}). */
export function buildDemoModel(): TinyModel {
  return buildTinyModel(demoModelOptions());
}

/**
 * Writes the tiny model used by the offline `culturekit demo`: a llama-architecture GGUF (about 1 MB) with a 4096-token context,
 * a vocabulary of common English words plus byte tokens (any other text, e.g. Chinese or Thai, becomes UTF-8 byte tokens),
 * and bigram next-token logits. Scores are meaningless by design but deterministic. With the fixed chat template its greedy
 * reply to every chat is {@link DEMO_MODEL_REPLY} (`Answer: B`) followed by end of generation.
 *
 * @example
 * await writeDemoModel('/tmp/culturekit-demo.gguf');
 * const model = await createLlamaModel(parseModelSpec('llama:/tmp/culturekit-demo.gguf'));
 */
export async function writeDemoModel(path: string): Promise<void> {
  await writeGguf(path, buildDemoModel().content);
}
