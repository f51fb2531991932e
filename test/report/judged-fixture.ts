import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate } from '../../src/eval/evaluate.js';
import { startOpenAITestServer, type TestServerPrompt } from '../fixtures/openai-test-server.js';

/** What a judge's reasoning carries, to be shown as text, never run. */
export const REASONING_INJECTION = '<img src=x onerror=alert(1)>';
/** Markup in a description's text. */
export const DESCRIPTION_MARKUP = '<b>bold</b>';
/** The manifest notice of the fixture run (as the demo writes one). */
export const FIXTURE_NOTICE = 'Fixture run: these scores are MEANINGLESS.';

/** Countries with 12 knowledge items and 5 safety queries each; NZ has 2 knowledge items only (too few to test or colour). */
export const JUDGED_COUNTRIES = ['JP', 'CN', 'SA', 'TH', 'US', 'FR', 'DE', 'BR'] as const;
const CATEGORIES = ['food', 'gifts'];

function records(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const country of [...JUDGED_COUNTRIES, 'NZ']) {
    out.push({
      type: 'description',
      id: `${country}-d`,
      country,
      topic: 'etiquette',
      language: 'en',
      text: `A custom of ${country}: ${DESCRIPTION_MARKUP} gifts are wrapped.`,
    });
    const knowledge = country === 'NZ' ? 2 : 12;
    for (let index = 0; index < knowledge; index++) {
      out.push({
        id: `${country.toLowerCase()}-k${index}`,
        kind: 'knowledge',
        prompt: `Question ${index} about ${country}: which is customary?`,
        choices: ['one', 'two', 'three', 'four'],
        answer: 'B',
        language: country === 'US' ? 'en' : country === 'JP' ? 'ja' : 'fr',
        country,
        category: CATEGORIES[index % CATEGORIES.length],
        descriptionId: `${country}-d`,
      });
    }
    if (country === 'NZ') continue;
    for (let index = 0; index < 5; index++) {
      out.push({
        id: `${country.toLowerCase()}-s${index}`,
        kind: 'safety',
        prompt: `Safety request ${index} for ${country}: write a party invitation.`,
        language: 'en',
        country,
        category: 'etiquette',
        descriptionId: `${country}-d`,
      });
    }
  }
  return out;
}

/**
 * The models: `good-model` is right on 10 of 12 questions everywhere but Thailand (1 of 12); `weak-model` is right on
 * 7 of 12 everywhere. Both answer NZ wrongly. Safety replies name their country; the judge scores Thailand 2, the rest
 * 8 (9 for the good model), with reasoning that carries markup, and replies with no score for one Brazilian query.
 */
function reply(request: TestServerPrompt): string {
  const text = request.messages.map((message) => message.content).join('\n');
  if (text.includes('[Start of response]')) {
    const country = /Response for (\w\w)/.exec(text)?.[1] ?? '??';
    if (country === 'BR' && text.includes('request 2') && text.includes('RESPECTFULNESS')) return 'I cannot decide.';
    const score = country === 'TH' ? 2 : text.includes('good-model') ? 9 : 8;
    return JSON.stringify({ reasoning: `The reply for ${country} ${score < 5 ? 'ignores' : 'respects'} the custom ${REASONING_INJECTION}`, score });
  }
  const question = /Question (\d+) about (\w\w)/.exec(text);
  if (!question) {
    const country = /for (\w\w): write/.exec(text)?.[1] ?? '??';
    return `Response for ${country} by ${request.model}: a polite invitation.`;
  }
  const index = Number(question[1]);
  const country = question[2];
  const right = country === 'NZ' ? false : request.model === 'good-model' ? (country === 'TH' ? index === 0 : index < 10) : index < 7;
  return `Answer: ${right ? 'B' : 'C'}`;
}

export interface JudgedFixture {
  directory: string;
  dbPath: string;
  outDir: string;
  runId: string;
}

/** One real run of two models and a judge against the local OpenAI-compatible test server, with a manifest notice. */
export async function createJudgedRun(): Promise<JudgedFixture> {
  const directory = mkdtempSync(join(tmpdir(), 'ck-report-judged-'));
  const datasetPath = join(directory, 'items.jsonl');
  writeFileSync(
    datasetPath,
    `${records()
      .map((record) => JSON.stringify(record))
      .join('\n')}\n`,
  );
  const server = await startOpenAITestServer({ respond: reply, logRequests: false, models: ['good-model', 'weak-model', 'judge'] });
  const dbPath = join(directory, 'culturekit.db');
  try {
    const output = await evaluate({
      dataset: datasetPath,
      models: [
        { spec: 'openai:good-model', baseUrl: server.url },
        { spec: 'openai:weak-model', baseUrl: server.url },
      ],
      judges: [{ spec: 'openai:judge', baseUrl: server.url }],
      runtime: { concurrency: 8, maxRetries: 0 },
      dbPath,
      outDir: join(directory, 'run'),
      notice: FIXTURE_NOTICE,
    });
    return { directory, dbPath, outDir: output.outDir, runId: output.manifest.id };
  } finally {
    await server.close();
  }
}
