// An example culturekit plugin: a benchmark (adapter + scoring protocol + judge rubric) and a model backend.
// Name it in culturekit.config.yaml:
//   plugins: [./proverbs-plugin.mjs]
//   dataset: proverbs:./proverbs.json
//   models: [openai:qwen2.5-7b-instruct]     # or dictionary:./answers.json, this plugin's backend
// The types are culturekit's (`import('culturekit').CulturekitPlugin`); the module needs no import at run time.
import { readFile } from 'node:fs/promises';

/** Reads `[{ "country": "GB", "language": "en", "start": "A stitch in time", "end": "saves nine", "meaning": "…" }, …]`. */
async function loadProverbs(path, options) {
  const records = JSON.parse(await readFile(path, 'utf8'));
  if (!Array.isArray(records)) throw new Error('expected a JSON array of proverbs');
  const countries = options.countries ? new Set(options.countries) : undefined;
  return {
    items: records
      .filter((record) => !countries || countries.has(record.country))
      .map((record, index) => ({
        id: record.id ?? `proverb-${index + 1}`,
        kind: 'knowledge',
        format: 'open',
        prompt: record.start,
        reference: record.end,
        language: record.language,
        country: record.country,
        category: 'proverbs',
        protocol: 'proverb-completion',
        metadata: { meaning: record.meaning },
      })),
    notes: countries ? [`proverbs: kept the countries ${[...countries].join(', ')}`] : [],
  };
}

const fold = (text) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** @type {import('culturekit').ScoringProtocol} */
const proverbCompletion = {
  id: 'proverb-completion',
  render(item) {
    const content = `Complete this proverb from ${item.country}, then explain its meaning in one sentence.\nProverb: "${item.prompt} …"\nReply as: Ending: <the ending>. Meaning: <the meaning>.`;
    return { type: 'generate', template: 'proverb-completion@1', messages: [{ role: 'user', content }] };
  },
  score(item, _rendered, outcome) {
    const text = outcome.type === 'generate' ? outcome.result.text : '';
    const ending = /ending:\s*(.+?)(?:\.\s*meaning:|$)/is.exec(text)?.[1] ?? '';
    if (!ending) return { status: 'invalid', method: 'soft-match', metrics: {}, details: { reason: 'no "Ending:" in the reply' } };
    const completed = fold(ending).includes(fold(item.reference)) ? 1 : 0;
    return { status: 'scored', method: 'soft-match', extracted: ending.trim(), metrics: { completed } };
  },
  rubrics: () => ['proverb-meaning'],
};

/** @type {import('culturekit').JudgeRubric} */
const proverbMeaning = {
  id: 'proverb-meaning',
  version: 1,
  metrics: ['meaning'],
  combine: 'mean',
  maxTokens: 64,
  render({ item, response }) {
    const content = `Rate how well this reply explains the meaning of the proverb "${item.prompt} ${item.reference}" (meaning: ${item.metadata?.meaning ?? 'unknown'}), from 1 (wrong) to 5 (exact).\nReply: ${response}\nAnswer with "Score: N".`;
    return [{ role: 'user', content }];
  },
  parse(reply) {
    const score = Number(/score:\s*([1-5])/i.exec(reply)?.[1]);
    return Number.isInteger(score) ? { status: 'scored', metrics: { meaning: score } } : { status: 'invalid', reason: 'no "Score: N" in the reply' };
  },
};

/**
 * A model backend: `dictionary:<answers.json>` replies with the value of the first key found in the prompt (else
 * "I do not know."). Useful for smoke tests and canned baselines; any `LanguageModel` can be returned here.
 * @type {import('culturekit').ModelBackend}
 */
const dictionaryBackend = {
  provider: 'dictionary',
  async create({ spec, model }) {
    const answers = Object.entries(JSON.parse(await readFile(model, 'utf8')));
    const count = (text) => text.split(/\s+/).filter(Boolean).length;
    return {
      spec,
      provider: 'dictionary',
      modelId: model,
      capabilities: { generate: true, logLikelihood: false, embed: false },
      cacheIdentity: { answers },
      async generate(request) {
        const prompt = request.messages.map((message) => message.content).join('\n');
        const text = answers.find(([key]) => prompt.includes(key))?.[1] ?? 'I do not know.';
        return { text, finishReason: 'stop', usage: { inputTokens: count(prompt), outputTokens: count(text) } };
      },
      async close() {},
    };
  },
};

/** @type {import('culturekit').CulturekitPlugin} */
export default {
  name: 'proverbs',
  benchmarks: [
    {
      name: 'proverbs',
      title: 'Proverbs: complete and explain proverbs of each country',
      options: { countries: 'list' },
      load: loadProverbs,
      protocols: [proverbCompletion],
      rubrics: [proverbMeaning],
    },
  ],
  backends: [dictionaryBackend],
};
