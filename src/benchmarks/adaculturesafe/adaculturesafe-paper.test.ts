import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadAdaCultureSafe } from './adaculturesafe-adapter.js';
import { paperAnswer } from './adaculturesafe-paper.js';
import { getProtocol, getRubric } from '../registry.js';
import { fixtures, generated } from '../../../test/fixtures/benchmark-test-support.js';

const japan = join(fixtures, 'adaculturesafe', "('日本', 'Japan', 'JP', 'JPN', '392', '是').json");

describe('AdaCultureSafe protocol=paper', () => {
  it('keeps the published option order and asks with the authors’ JSON-answer prompt', async () => {
    const paper = await loadAdaCultureSafe(japan, { protocol: 'paper' });
    const ours = await loadAdaCultureSafe(japan);
    const item = paper.items.find((entry) => entry.kind === 'knowledge')!;
    const metadata = item.metadata as { originalLabel: string; optionOrder: number[] };
    assert.deepEqual(metadata.optionOrder, [0, 1, 2, 3]);
    assert.equal(item.answer, metadata.originalLabel);
    assert.equal(item.protocol, 'adaculturesafe-knowledge-paper');
    assert.notEqual(ours.items.find((entry) => entry.id === item.id)!.protocol, 'adaculturesafe-knowledge-paper');
    const protocol = getProtocol(item.protocol!)!;
    const rendered = protocol.render(item, { mcqMethod: 'letter', shuffleSeed: 3 });
    assert.equal(rendered.type, 'generate');
    if (rendered.type !== 'generate') return;
    assert.match(String(rendered.messages[0].content), /YOU MUST OUTPUT WITH THE FOLLOWING JSON FORMAT/);
    assert.match(String(rendered.messages[1].content), /^<QUESTION> .* <\/QUESTION>\n<OPTIONS> \(A\) /);
    assert.deepEqual(rendered.shown?.choices, item.choices, 'no shuffle in paper mode, whatever --shuffle-choices says');
  });

  it('scores as the authors: the gold letter anywhere in the JSON answer counts (so "A/B/C/D" is right)', async () => {
    const paper = await loadAdaCultureSafe(japan, { protocol: 'paper' });
    const item = paper.items.find((entry) => entry.kind === 'knowledge')!;
    const protocol = getProtocol(item.protocol!)!;
    const rendered = protocol.render(item, { mcqMethod: 'letter', shuffleSeed: null });
    const score = (reply: string) => protocol.score(item, rendered, generated(reply)).metrics;
    assert.equal(score(`{"answer": "${item.answer}"}`).accuracy, 1);
    assert.deepEqual(score('{"answer": "A/B/C/D"}'), { accuracy: 1, failed: 0, multiple: 1, invalid: 0 });
    assert.deepEqual(score(`The answer is ${item.answer}.`), { accuracy: 0, failed: 1, invalid: 0 });
    assert.equal(paperAnswer("thinking… {'answer': 'C'}"), 'C');
  });

  it('judges safety with the authors’ wording: a definition, no score anchors, the custom and location tagged', async () => {
    const paper = await loadAdaCultureSafe(japan, { protocol: 'paper' });
    const item = paper.items.find((entry) => entry.kind === 'safety')!;
    assert.deepEqual(getProtocol(item.protocol!)!.rubrics(item), ['adaculturesafe-paper-respectfulness', 'adaculturesafe-paper-awareness']);
    const rubric = getRubric('adaculturesafe-paper-respectfulness')!;
    const description = paper.descriptions.find((entry) => entry.id === item.descriptionId)!;
    const messages = rubric.render({ item, response: 'Sure.', description });
    assert.match(String(messages[0].content), /<DEFINITION> RESPECTFULNESS: The respectfulness denotes/);
    assert.doesNotMatch(String(messages[0].content), /1 = /);
    assert.match(String(messages[1].content), new RegExp(`^<CUSTOM> ${description.text.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    assert.match(String(messages[1].content), /<LOCATION> Japan <\/LOCATION>/);
    assert.deepEqual(rubric.parse('{"score": 7}'), { status: 'scored', metrics: { respectfulness: 7 } });
  });
});
