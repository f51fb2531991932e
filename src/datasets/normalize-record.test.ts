import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeRecord, type NormalizedRecord } from './normalize-record.js';

const base = { id: 'q1', language: 'en' };
const choices = ['Hug', 'Bow', 'Kiss', 'Wave'];

function item(value: Record<string, unknown>) {
  const result = normalizeRecord(value);
  assert.equal(result.type, 'item', JSON.stringify(result));
  return (result as Extract<NormalizedRecord, { type: 'item' }>).item;
}

function problems(value: Record<string, unknown>, recordType?: 'item' | 'description'): string[] {
  const result = normalizeRecord(value, recordType);
  assert.equal(result.type, 'invalid', JSON.stringify(result));
  return (result as Extract<NormalizedRecord, { type: 'invalid' }>).problems.map((problem) => `${problem.field}: ${problem.problem}`);
}

describe('normalizeRecord: items', () => {
  it('fills defaults: kind knowledge, format mcq with choices and open without', () => {
    assert.deepEqual(item({ ...base, prompt: 'Greeting?', choices, answer: 'B' }), {
      id: 'q1',
      kind: 'knowledge',
      format: 'mcq',
      prompt: 'Greeting?',
      choices,
      answer: 'B',
      language: 'en',
    });
    assert.deepEqual(item({ ...base, prompt: 'Tell me about bowing.', kind: 'safety' }), {
      id: 'q1',
      kind: 'safety',
      format: 'open',
      prompt: 'Tell me about bowing.',
      language: 'en',
    });
  });

  it('accepts question for prompt, options/choices as an array or a letter-keyed object', () => {
    const expected = item({ ...base, prompt: 'Greeting?', choices, answer: 'B' });
    assert.deepEqual(item({ ...base, question: 'Greeting?', options: choices, answer: 'B' }), expected);
    assert.deepEqual(item({ ...base, question: 'Greeting?', options: { B: 'Bow', A: 'Hug', D: 'Wave', C: 'Kiss' }, label: 'B' }), expected);
    assert.deepEqual(item({ ...base, question: 'Greeting?', choices: { a: 'Hug', b: 'Bow', c: 'Kiss', d: 'Wave' }, gold: 'B' }), expected);
  });

  it('accepts choices as a JSON array string or as separate columns', () => {
    const expected = item({ ...base, prompt: 'Greeting?', choices, answer: 'B' });
    assert.deepEqual(item({ ...base, prompt: 'Greeting?', choices: JSON.stringify(choices), answer: 'B' }), expected);
    assert.deepEqual(item({ ...base, prompt: 'Greeting?', A: 'Hug', B: 'Bow', C: 'Kiss', D: 'Wave', answer: 'B' }), expected);
    assert.deepEqual(item({ ...base, prompt: 'Greeting?', choice_a: 'Hug', choice_b: 'Bow', choice_c: 'Kiss', choice_d: 'Wave', answer: 'B' }), expected);
    assert.deepEqual(item({ ...base, prompt: 'Greeting?', option_A: 'Hug', option_B: 'Bow', option_C: 'Kiss', option_D: 'Wave', answer: 'B' }), expected);
    assert.deepEqual(item({ ...base, prompt: 'x', A: 'one', B: 'two', C: 'three', answer: 'C' }).choices, ['one', 'two', 'three']);
  });

  it('normalises the answer from a letter, a 0-based index, an index string or the text of a choice', () => {
    for (const answer of ['B', ' B ', 'b', 1, '1', 'Bow']) {
      assert.equal(item({ ...base, prompt: 'Greeting?', choices, answer }).answer, 'B', `answer ${JSON.stringify(answer)}`);
    }
    assert.equal(item({ ...base, prompt: 'Which letter?', choices: ['C', 'A'], answer: 'A' }).answer, 'A');
    assert.equal(item({ ...base, prompt: 'Number?', choices: ['10', '0'], answer: '0' }).answer, 'B');
  });

  it('reports a bad answer with its field', () => {
    assert.deepEqual(problems({ ...base, prompt: 'Greeting?', choices, answer: 'E' }), ['answer: expected one of A, B, C, D, got "E"']);
    assert.deepEqual(problems({ ...base, prompt: 'Greeting?', choices, answer: 4 }), [
      'answer: index 4 is out of range for 4 choices (a numeric answer is a 0-based index)',
    ]);
    assert.deepEqual(problems({ ...base, prompt: 'Greeting?', choices, answer: 'Shake hands' }), ['answer: expected one of A, B, C, D, got "Shake hands"']);
    assert.deepEqual(problems({ ...base, prompt: 'Greeting?', choices }), ['answer: a knowledge multiple-choice item needs an answer letter']);
  });

  it('reports malformed choices once, with their field', () => {
    assert.deepEqual(problems({ ...base, prompt: 'x', options: { A: 'one', B: 'two', X: 'three' }, label: 'A' }), [
      'choices: an object of choices must be keyed by the letters A, B, C; got "A", "B", "X"',
    ]);
    assert.deepEqual(problems({ ...base, prompt: 'x', A: 'one', B: 'two', D: 'four', answer: 'A' }), ['choices: choice D is given but choice C is empty']);
    assert.deepEqual(problems({ ...base, prompt: 'x', choices: '[broken', answer: 'A' }).length, 1);
    assert.deepEqual(problems({ ...base, prompt: 'x', choices: ['one', ''], answer: 'A' }), ['choices.1: Too small: expected string to have >=1 characters']);
    assert.deepEqual(problems({ ...base, prompt: 'x', choices: ['one'], answer: 'A' }), ['choices: Too small: expected array to have >=2 items']);
  });

  it('infers true/false from a boolean answer and lower-cases true/false text', () => {
    assert.deepEqual(item({ ...base, prompt: 'Tipping is customary.', answer: false }), {
      id: 'q1',
      kind: 'knowledge',
      format: 'true_false',
      prompt: 'Tipping is customary.',
      answer: 'false',
      language: 'en',
    });
    assert.equal(item({ ...base, prompt: 'x', format: 'true_false', answer: 'True' }).answer, 'true');
    assert.deepEqual(problems({ ...base, prompt: 'x', format: 'true_false', answer: 'maybe' }), ['answer: expected "true" or "false", got "maybe"']);
  });

  it('turns the answer of an open item into its reference', () => {
    const open = item({ ...base, prompt: 'What do people say before eating?', answer: 'Itadakimasu' });
    assert.equal(open.reference, 'Itadakimasu');
    assert.equal(open.answer, undefined);
    assert.equal(item({ ...base, prompt: 'x', reference_answer: 'y' }).reference, 'y');
  });

  it('reads numeric ids, description_id, country spellings and trims codes', () => {
    const read = item({ id: 7, prompt: 'x', language: ' en ', country_code: ' JP ', description_id: 12, category: 'food', topic: 'meals' });
    assert.deepEqual(read, {
      id: '7',
      kind: 'knowledge',
      format: 'open',
      prompt: 'x',
      language: 'en',
      country: 'JP',
      category: 'food',
      topic: 'meals',
      descriptionId: '12',
    });
    assert.equal(item({ ...base, prompt: 'x', descriptionId: 'd1' }).descriptionId, 'd1');
    assert.equal(item({ ...base, prompt: 'x', country: 'IN-AS' }).country, 'IN-AS');
  });

  it('reports country codes as countryCodeProblem says', () => {
    assert.deepEqual(problems({ ...base, prompt: 'x', country: 'jp' }), ['country: country codes are upper case: write "JP"']);
    assert.deepEqual(problems({ ...base, prompt: 'x', country: 'XX' }), [
      'country: unknown country code "XX" (expected ISO 3166-1 alpha-2 such as "JP", or a region such as "IN-AS")',
    ]);
  });

  it('puts unknown fields and other spellings into metadata, merged with an explicit metadata object', () => {
    const read = item({ ...base, prompt: 'x', question: 'the raw question', checked: 'true', metadata: { source: 'paper' } });
    assert.deepEqual(read.metadata, { question: 'the raw question', checked: 'true', source: 'paper' });
    assert.deepEqual(item({ ...base, prompt: 'x', metadata: '{"split":"test"}' }).metadata, { split: 'test' });
    assert.equal(item({ ...base, prompt: 'x', note: null }).metadata, undefined);
  });

  it('reads a dialogue history given as JSON text', () => {
    const history = [
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello' },
    ];
    assert.deepEqual(item({ ...base, prompt: 'x', history: JSON.stringify(history) }).history, history);
  });

  it('names each missing or wrong field', () => {
    assert.deepEqual(problems({ id: 'q1', prompt: 'x' }), ['language: required field is missing']);
    assert.deepEqual(problems({ prompt: 'x', language: 'en', kind: 'trivia' }), [
      'id: required field is missing',
      'kind: Invalid option: expected one of "knowledge"|"safety"|"capability"',
    ]);
    assert.deepEqual(problems({ ...base, prompt: '' }), ['prompt: Too small: expected string to have >=1 characters']);
    assert.deepEqual(problems({ ...base, prompt: 'x', language: 'EN' }), ['language: expected a BCP 47 language tag such as "en", "zh" or "pt-BR"']);
  });
});

describe('normalizeRecord: descriptions', () => {
  const description = { id: 'd1', country: 'JP', topic: 'etiquette', language: 'en', text: 'In Japan, people bow.' };

  it('reads a record with text and no prompt as a description', () => {
    assert.deepEqual(normalizeRecord({ ...description, source: 'sample', extra: 1 }), {
      type: 'description',
      description: { ...description, source: 'sample' },
    });
  });

  it('follows an explicit type or the section the record came from', () => {
    assert.deepEqual(normalizeRecord({ type: 'description', ...description }), { type: 'description', description });
    assert.deepEqual(problems({ id: 'd2' }, 'description'), [
      'country: required field is missing',
      'topic: required field is missing',
      'language: required field is missing',
      'text: required field is missing',
    ]);
    assert.equal(normalizeRecord({ type: 'item', ...base, prompt: 'x', text: 'y' }).type, 'item');
  });

  it('rejects a record that is neither', () => {
    assert.deepEqual(problems({ id: 'x', language: 'en' }), [
      ': record is neither an item (it has no "prompt" or "question") nor a description (it has no "text")',
    ]);
  });
});
