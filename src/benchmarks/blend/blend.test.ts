import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadBlend, BLEND_COUNTRIES, type BlendMetadata } from './blend-adapter.js';
import { detectBenchmark } from '../detect-benchmark.js';
import { renderRequest } from '../../scoring/render-request.js';
import { matchBlendAnswer } from './blend-protocol.js';
import { containsAnswer } from '../../scoring/normalize-answer.js';
import { foldAnswer } from '../../text/fold-text.js';
import { getProtocol } from '../registry.js';
import type { Item } from '../../schema/item.js';
import { generated, sharedData, skipWithout } from '../../../test/fixtures/benchmark-test-support.js';

const data = join(sharedData, 'blend');
const skip = skipWithout('blend');
const meta = (item: Item) => item.metadata as unknown as BlendMetadata;

interface RawQuestion {
  question: string;
  en_question: string;
  annotations: { answers: string[]; en_answers: string[]; count: number }[];
  idks: Record<string, number>;
}

function readCountry(name: string): Record<string, RawQuestion> {
  return JSON.parse(readFileSync(join(data, 'annotations', `${name}_data.json`), 'utf8'));
}

function kept(question: RawQuestion): boolean {
  const idks = question.idks;
  return (idks['no-answer'] ?? 0) + (idks['not-applicable'] ?? 0) < 3 && (idks.idk ?? 0) < 5 && question.annotations.length > 0;
}

describe('soft exact match', () => {
  it('normalises answers and matches whole words in spaced scripts, substrings in unspaced ones', () => {
    assert.equal(foldAnswer('  **Cotton-Candy!** '), 'cotton candy');
    assert.equal(foldAnswer('Ήλιο.'), 'ηλιο');
    assert.equal(foldAnswer('ＫＩＭＣＨＩ'), 'kimchi');
    assert.ok(containsAnswer(foldAnswer('I would say green tea, mostly.'), foldAnswer('Green tea'), 'en'));
    assert.ok(!containsAnswer(foldAnswer('Steak.'), foldAnswer('tea'), 'en'));
    assert.ok(containsAnswer(foldAnswer('我觉得是饺子吧。'), foldAnswer('饺子'), 'zh'));
    assert.ok(containsAnswer(foldAnswer('보통 김치를 먹어요'), foldAnswer('김치'), 'ko'), 'Korean particles attach to the word');
    assert.ok(containsAnswer(foldAnswer('Το μαλλί της γριάς!'), foldAnswer('μαλλί της γριάς'), 'el'));
  });

  it('takes the matched annotation with the highest count, in the local language or in English', () => {
    const annotations = [
      { answers: ['μαλλί της γριάς'], en_answers: ['cotton candy'], count: 3 },
      { answers: ['νάτσος'], en_answers: ['nachos'], count: 1 },
    ];
    assert.deepEqual(matchBlendAnswer('Νάτσος, ή μαλλί της γριάς.', annotations, true, 'el'), {
      answer: 'μαλλί της γριάς',
      weight: 1,
      count: 3,
      language: 'el',
    });
    assert.deepEqual(matchBlendAnswer('Nachos', annotations, true, 'el'), { answer: 'nachos', weight: 1 / 3, count: 1, language: 'en' });
    assert.equal(matchBlendAnswer('νάτσος', annotations, false, 'en'), undefined, 'English questions are matched against English answers only');
    assert.equal(matchBlendAnswer('popcorn', annotations, true, 'el'), undefined);
  });
});

describe('BLEnD adapter and the blend-sem protocol (BLEnD data)', () => {
  it('loads every country in the local language and in English, leaving out what annotators could not answer', { skip }, async () => {
    const dataset = await loadBlend(data);
    let expected = 0;
    for (const [name, info] of Object.entries(BLEND_COUNTRIES)) {
      for (const question of Object.values(readCountry(name))) {
        if (!kept(question)) continue;
        expected += info.language === 'en' ? 1 : (question.question.trim() ? 1 : 0) + 1;
      }
    }
    assert.equal(dataset.items.length, expected);
    assert.equal(dataset.items.length, 9674);
    assert.equal(dataset.skippedInvalid, 1, 'China New-en-04 has an empty local question: only its English question is used');
    assert.equal(dataset.notes.filter((note) => note.includes('most annotators could not answer')).length, 16);
    const languages = new Set(dataset.items.map((item) => item.language));
    assert.deepEqual([...languages].sort(), ['am', 'ar', 'as', 'az', 'el', 'en', 'es', 'fa', 'ha', 'id', 'ko', 'su', 'zh']);
    assert.ok(dataset.items.some((item) => item.country === 'IN-AS') && dataset.items.some((item) => item.country === 'ID-JB'));
  });

  it('wraps the question in the prompt template and keeps the annotations for scoring', { skip }, async () => {
    const dataset = await loadBlend(join(data, 'annotations', 'Greece_data.json'));
    const raw = readCountry('Greece');
    const [questionId, question] = Object.entries(raw).find(([, entry]) => kept(entry))!;
    const local = dataset.items.find((item) => item.id === `blend-Greece-${questionId}-el`)!;
    const english = dataset.items.find((item) => item.id === `blend-Greece-${questionId}-en`)!;
    assert.equal(
      english.prompt,
      `Read the following question and provide a single answer without any explanations.\n\nQuestion: ${question.en_question}\nAnswer:`,
    );
    assert.ok(local.prompt.includes(question.question) && local.prompt !== question.question);
    assert.equal(local.country, 'GR');
    assert.deepEqual(meta(local).annotations, question.annotations);
    assert.equal(meta(local).matchLocal, true);
    assert.equal(meta(english).matchLocal, false);
    const bare = await loadBlend(join(data, 'annotations', 'Greece_data.json'), { template: 'none', languages: ['en'] });
    assert.equal(bare.items.find((item) => item.id === `blend-Greece-${questionId}-en`)!.prompt, question.en_question);
    const excluded = Object.entries(raw).find(([, entry]) => !kept(entry))![0];
    assert.ok(!dataset.items.some((item) => item.metadata!.questionId === excluded));
  });

  it('scores a slice by hand: sem_b and the vote-weighted sem_w', { skip }, async () => {
    const dataset = await loadBlend(data, { countries: ['UK'] });
    const protocol = getProtocol('blend-sem')!;
    const withVotes = dataset.items
      .filter((item) => meta(item).annotations.length >= 2 && meta(item).annotations[0].count > meta(item).annotations.at(-1)!.count)
      .slice(0, 3);
    assert.equal(withVotes.length, 3);
    const results: { sem_b: number; sem_w: number }[] = [];
    const expected: { sem_b: number; sem_w: number }[] = [];
    for (const item of withVotes) {
      const { annotations } = meta(item);
      const max = annotations[0].count;
      const last = annotations.at(-1)!;
      const replies = [`It is ${annotations[0].en_answers[0]}.`, `Probably ${last.en_answers[0]}!`, 'zzzz'];
      const weights = [1, last.count / max, 0];
      replies.forEach((reply, index) => {
        const rendered = renderRequest(item, { mcqMethod: 'letter', shuffleSeed: null });
        const score = protocol.score(item, rendered, generated(reply));
        assert.equal(score.method, 'soft-match');
        results.push({ sem_b: score.metrics.sem_b, sem_w: score.metrics.sem_w });
        // a lower-voted reply can contain a higher-voted answer too; then that one counts
        const better = annotations.find((annotation) => annotation.en_answers.some((answer) => containsAnswer(foldAnswer(reply), foldAnswer(answer), 'en')));
        expected.push(index === 2 ? { sem_b: 0, sem_w: 0 } : { sem_b: 1, sem_w: better ? better.count / max : weights[index] });
      });
    }
    assert.deepEqual(results, expected);
    const mean = (key: 'sem_b' | 'sem_w') => results.reduce((sum, value) => sum + value[key], 0) / results.length;
    assert.equal(mean('sem_b'), 6 / 9);
    const empty = protocol.score(withVotes[0], renderRequest(withVotes[0], { mcqMethod: 'letter', shuffleSeed: null }), generated('<think>hmm</think>  '));
    assert.deepEqual({ status: empty.status, metrics: empty.metrics }, { status: 'invalid', metrics: { sem_b: 0, sem_w: 0, invalid: 1 } });
  });

  it('is detected from the folder and from an annotations file', { skip }, async () => {
    assert.equal(await detectBenchmark(data), 'blend');
    assert.equal(await detectBenchmark(join(data, 'annotations', 'UK_data.json')), 'blend');
  });
});
