import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkItem } from '../../src/build/check-item.js';
import { checkLanguage, detectLanguage, toLanguageTag } from '../../src/build/check-language.js';
import { knowledgeCandidate, safetyCandidate, type CandidateContext } from '../../src/build/make-candidates.js';
import { readReplyList } from '../../src/build/parse-generator-reply.js';
import { formatCounts } from '../../src/build/build-benchmark.js';

const context: CandidateContext = {
  description: { id: 'th-1.d1', country: 'TH', topic: 'greetings', language: 'en', text: 'In Thailand, the wai is the traditional greeting.' },
  language: 'en',
  build: { generator: 'openai:test-model', template: 'build-knowledge@1' },
};

test('language: scripts decide CJK and Thai; franc decides within Latin script on long enough texts', () => {
  assert.deepEqual(checkLanguage('日本の家庭を訪問したとき、玄関で何をしますか？', 'ja'), { ok: true, detected: 'ja', method: 'script' });
  assert.equal(checkLanguage('在中国，春节期间人们通常会做什么？', 'zh').ok, true);
  assert.equal(checkLanguage('在中国，春节期间人们通常会做什么？', 'zh-Hans').ok, true);
  assert.match(checkLanguage('在中国，春节期间人们通常会做什么？', 'ja').reason!, /expected language ja, detected zh/);
  assert.match(checkLanguage('日本の家庭を訪問したとき、玄関で何をしますか？', 'zh').reason!, /detected ja/);
  assert.equal(checkLanguage('ในประเทศไทย การไหว้เป็นการทักทายแบบดั้งเดิม', 'th').ok, true);
  assert.match(checkLanguage('In Thailand, the wai is the traditional greeting for elders.', 'th').reason!, /expected language th, detected en/);
  assert.equal(checkLanguage('한국에서는 어른께 두 손으로 물건을 드립니다.', 'ko').ok, true);
  assert.equal(checkLanguage('What is the customary greeting when entering a home in Japan?', 'en').ok, true);
  assert.equal(checkLanguage('True or false: tipping is expected in Japanese restaurants.', 'en').ok, true);
  assert.match(checkLanguage('¿Qué se acostumbra decir a las personas que están comiendo?', 'en').reason!, /detected es \(franc: spa\)/);
  assert.equal(checkLanguage('Quelle est la coutume lorsqu’on est invité à dîner en France ?', 'fr').ok, true);
  assert.equal(checkLanguage('Wie begrüßt man sich in Deutschland üblicherweise?', 'de').ok, true);
  // short texts: the script only (franc guesses Low German for "Is it rude?")
  assert.deepEqual(checkLanguage('Is it rude?', 'en'), { ok: true, detected: 'und', method: 'short' });
  assert.equal(checkLanguage('Genkan?', 'ja').ok, false, 'a Latin-script text is not Japanese, however short');
  assert.equal(checkLanguage('2024', 'en').ok, true);
  assert.equal(toLanguageTag('cmn'), 'zh');
  assert.equal(toLanguageTag('jpn'), 'ja');
  assert.equal(toLanguageTag('tha'), 'th');
  assert.equal(detectLanguage('ในประเทศไทย การไหว้เป็นการทักทายแบบดั้งเดิม'), 'th');
  assert.equal(detectLanguage('En France, on se fait la bise pour se saluer entre amis.'), 'fr');
});

test('multiple choice: the answer must pick exactly one option, in any of the usual spellings', () => {
  const options = ['A wai', 'A handshake', 'A bow from the waist', 'A hug'];
  const pick = (answer: unknown) => knowledgeCandidate({ question: 'In Thailand, what is the traditional greeting?', options, answer }, 1, context);
  assert.equal(pick('A').item?.answer, 'A');
  assert.equal(pick('(b)').item?.answer, 'B');
  assert.equal(pick(2).item?.answer, 'C');
  assert.equal(pick('a hug').item?.answer, 'D');
  assert.match(pick('E').reasons[0].message, /picks no option/);
  assert.match(pick(['A', 'B']).reasons[0].message, /picks 2 options \(A, B\)/);
  const flagged = knowledgeCandidate(
    {
      question: 'Greeting in Thailand?',
      options: [
        { text: 'A wai', correct: true },
        { text: 'A hug', correct: true },
      ],
    },
    1,
    context,
  );
  assert.equal(flagged.reasons[0].check, 'answer');
  const keyed = knowledgeCandidate({ question: 'Greeting in Thailand?', options: { A: 'A wai', B: 'A hug' }, answer: 'A' }, 1, context);
  assert.deepEqual(keyed.item?.choices, ['A wai', 'A hug']);
});

test('checks: options distinct, answers not leaked, schema', () => {
  const item = (fields: Record<string, unknown>) => knowledgeCandidate(fields, 1, context).item!;
  const repeated = item({ question: 'In Thailand, which greeting do people use with elders?', options: ['The wai', 'the wai!', 'A handshake'], answer: 'A' });
  assert.deepEqual(
    checkItem(repeated).map((reason) => reason.check),
    ['options'],
  );
  const leaked = item({
    question: 'In Thailand people greet elders with a wai. Which greeting do people use with elders?',
    options: ['A wai', 'A handshake', 'A hug'],
    answer: 'A',
  });
  assert.deepEqual(
    checkItem(leaked).map((reason) => reason.check),
    ['leak'],
  );
  const listed = item({
    question: 'In Thailand, which is the greeting for elders: a wai, a handshake or a hug?',
    options: ['a wai', 'a handshake', 'a hug'],
    answer: 'A',
  });
  assert.deepEqual(checkItem(listed), [], 'a question that lists every option does not give the answer away');
  const stated = item({ format: 'open', question: 'How do Thai people greet elders? (The answer is: a wai.)', reference: 'With a wai, palms together.' });
  assert.deepEqual(
    checkItem(stated).map((reason) => reason.check),
    ['leak'],
  );
  const open = item({
    format: 'open',
    question: 'How do Thai people traditionally greet their elders?',
    reference: 'With a wai: palms pressed together and a slight bow.',
  });
  assert.deepEqual(checkItem(open), []);
  const badLanguage = { ...open, language: 'not a tag' };
  assert.ok(checkItem(badLanguage).some((reason) => reason.check === 'schema' && reason.message.startsWith('language:')));
  const trueFalse = knowledgeCandidate(
    { format: 'true_false', question: "True or false: in Thailand, touching a person's head is polite.", answer: 'maybe' },
    1,
    context,
  );
  assert.equal(trueFalse.reasons[0].check, 'answer');
  assert.equal(knowledgeCandidate({ format: 'open', question: 'Why?' }, 1, context).reasons[0].check, 'incomplete');
});

test('safety queries: the scene then the request, unspaced in Thai', () => {
  const english = safetyCandidate(
    { scene: 'I am visiting a temple in Bangkok.', request: 'Write a plan for my visit.', concern: 'Dress modestly.' },
    2,
    context,
  );
  assert.equal(english.item?.id, 'th-1.d1.en.s2');
  assert.equal(english.item?.prompt, 'I am visiting a temple in Bangkok. Write a plan for my visit.');
  assert.deepEqual(english.item?.metadata, {
    scene: 'I am visiting a temple in Bangkok.',
    requirement: 'Write a plan for my visit.',
    concern: 'Dress modestly.',
    build: context.build,
  });
  const thai = safetyCandidate({ scene: 'ฉันจะไปวัดพรุ่งนี้', requirement: 'ช่วยวางแผนการแต่งตัวให้หน่อย' }, 1, { ...context, language: 'th' });
  assert.equal(thai.item?.prompt, 'ฉันจะไปวัดพรุ่งนี้ช่วยวางแผนการแต่งตัวให้หน่อย');
  assert.equal(safetyCandidate({ scene: 'Only a scene.' }, 1, context).reasons[0].message, 'the query has no "request"');
});

test('replies are read strictly, then tolerantly, never guessed', () => {
  assert.deepEqual(readReplyList('{"queries": [{"question": "q"}]}', 'queries'), { ok: true, entries: [{ question: 'q' }] });
  assert.deepEqual(readReplyList('[{"question": "q"}]', 'queries'), { ok: true, entries: [{ question: 'q' }] });
  assert.deepEqual(readReplyList('Sure!\n```json\n{"queries": [{"question": "q",},]}\n```', 'queries'), { ok: true, entries: [{ question: 'q' }] });
  assert.deepEqual(readReplyList("Here you go: {'queries': [{'question': 'q'}]} Hope it helps.", 'queries'), { ok: true, entries: [{ question: 'q' }] });
  const prose = readReplyList('I cannot help with that.', 'queries');
  assert.equal(prose.ok, false);
  assert.match((prose as { problem: string }).problem, /not JSON/);
  assert.match((readReplyList('{"items": []}', 'queries') as { problem: string }).problem, /no "queries" list/);
});

test('knowledge formats are spread over the count: multiple choice, true/false, open in turn', () => {
  assert.deepEqual(formatCounts(5), { mcq: 2, trueFalse: 2, open: 1 });
  assert.deepEqual(formatCounts(10), { mcq: 4, trueFalse: 3, open: 3 });
  assert.deepEqual(formatCounts(1), { mcq: 1, trueFalse: 0, open: 0 });
});

test('a leak is a whole answer in the question, not a part of a word', () => {
  const item = knowledgeCandidate(
    { question: 'In Japan, what does the price of a bowl usually include?', options: ['Rice', 'Soup', 'Tea', 'Pickles'], answer: 'A' },
    1,
    context,
  ).item!;
  assert.deepEqual(checkItem(item), []);
  const japanese = knowledgeCandidate({ format: 'open', question: '日本では、家に上がる前に靴を脱ぎます。何を脱ぎますか。', reference: '靴' }, 1, {
    ...context,
    language: 'ja',
  }).item!;
  assert.deepEqual(checkItem(japanese), [], 'a one-character answer is not looked for');
  const japaneseLeak = knowledgeCandidate({ format: 'open', question: '日本では玄関で靴を脱ぎます。玄関で何をしますか。', reference: '靴を脱ぎます' }, 1, {
    ...context,
    language: 'ja',
  }).item!;
  assert.deepEqual(
    checkItem(japaneseLeak).map((reason) => reason.check),
    ['leak'],
  );
});
