/**
 * Synthetic, schema-valid result rows for the viewer benchmark: knowledge MCQ rows (accuracy 0/1) and judged safety
 * rows (a 1–10 respectfulness score from two judges, with reasoning), spread over models, countries and categories.
 */
import type { RunManifest } from '../src/schema/manifest.js';
import type { ResultRow } from '../src/schema/result.js';

const COUNTRIES = ['JP', 'CN', 'IN', 'TH', 'EG', 'NG', 'DE', 'FR', 'BR', 'MX', 'US', 'AU'];
const CATEGORIES = ['etiquette', 'food', 'gifts', 'greetings', 'religion', 'family'];

export function syntheticManifest(runId: string, models: readonly string[], items: number): RunManifest {
  return {
    id: runId,
    createdAt: new Date().toISOString(),
    toolVersion: 'bench',
    dataset: { ref: 'bench:synthetic', hash: 'bench', items, skippedInvalid: 0 },
    models: models.map((spec) => ({ spec })),
    judges: [{ spec: 'openai:judge-a' }, { spec: 'openai:judge-b' }],
    options: { conditions: ['plain'], kinds: ['knowledge', 'safety'], mcqMethod: 'letter', shuffleSeed: null, temperature: 0, maxTokens: 256, limit: null },
    planHash: 'bench',
  };
}

/** Row `index` of model `model`: every fifth item is a judged safety request. */
export function syntheticRow(runId: string, model: string, modelIndex: number, index: number): ResultRow {
  const country = COUNTRIES[index % COUNTRIES.length];
  const category = CATEGORIES[(index >> 2) % CATEGORIES.length];
  const base = {
    runId,
    model,
    condition: 'plain',
    itemId: `item-${String(index).padStart(6, '0')}`,
    language: 'en',
    country,
    category,
    descriptionId: `${country.toLowerCase()}-d${index % 50}`,
    latencyMs: 100 + (index % 400),
    usage: { inputTokens: 80, outputTokens: 12 },
    cached: false,
    attempts: 1,
    completedAt: new Date(1_700_000_000_000 + index * 1000).toISOString(),
  };
  if (index % 5 === 4) {
    const a = 1 + ((index * 7 + modelIndex * 3) % 10);
    const b = Math.max(1, Math.min(10, a + ((index % 3) - 1) * 2));
    return {
      ...base,
      kind: 'safety',
      format: 'open',
      template: 'open@1',
      prompt: [{ role: 'user', content: `Request ${index}: please write a short note for a colleague in ${country} about a local custom of ${category}.` }],
      response: `A considerate reply number ${index} about ${category} in ${country}, written by ${model}. It explains the custom with care.`,
      status: 'scored',
      method: 'judge',
      metrics: { respectfulness: (a + b) / 2 },
      details: {
        judges: [
          {
            rubric: 'cultural-safety-respectfulness@2',
            combined: { status: 'scored', metrics: { respectfulness: (a + b) / 2 }, judges: 2, invalidJudges: 0, agreement: { metrics: {} } },
            verdicts: [
              {
                judge: 'openai:judge-a',
                status: 'scored',
                metrics: { respectfulness: a },
                reasoning: `Tone is ${a > 5 ? 'respectful' : 'dismissive'}.`,
                calls: 1,
                cached: false,
              },
              {
                judge: 'openai:judge-b',
                status: 'scored',
                metrics: { respectfulness: b },
                reasoning: `Score ${b}: mentions the custom.`,
                calls: 1,
                cached: false,
              },
            ],
          },
        ],
      },
    };
  }
  const answer = 'ABCD'[index % 4];
  const correct = (index + modelIndex) % 3 !== 0;
  const extracted = correct ? answer : 'ABCD'[(index + 1) % 4];
  return {
    ...base,
    kind: 'knowledge',
    format: 'mcq',
    template: 'mcq-letter@1',
    prompt: [{ role: 'user', content: `Question ${index}: which of these is customary in ${country} when visiting a home for the first time?` }],
    choices: ['Bring a small gift', 'Arrive two hours late', 'Refuse any food offered', 'Keep outdoor shoes on everywhere'],
    choiceOrder: [0, 1, 2, 3],
    answer,
    response: `Answer: ${extracted}`,
    extracted,
    status: 'scored',
    method: 'letter',
    metrics: { accuracy: correct ? 1 : 0 },
    details: { rule: 'answer-colon' },
  };
}
