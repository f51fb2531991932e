import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadBlend } from './blend-adapter.js';
import { blendPaperCheck, blendPaperResponse } from './blend-protocol.js';
import { getProtocol } from '../registry.js';
import type { Item } from '../../schema/item.js';
import { generated, sharedData, skipWithout } from '../../../test/fixtures/benchmark-test-support.js';

const data = join(sharedData, 'blend');
const skip = skipWithout('blend');

function score(item: Item, reply: string) {
  const protocol = getProtocol('blend-sem')!;
  const rendered = protocol.render(item, { mcqMethod: 'letter', shuffleSeed: null });
  return protocol.score(item, rendered, generated(reply));
}

describe('BLEnD protocol=paper (the authors’ exact_match.py)', () => {
  it('strips the echoed prompt and a leading label, lower-cases, strips dots', () => {
    assert.equal(
      blendPaperResponse('What do people eat? Answer: Kimchi.', 'What do people eat?'),
      'answer: kimchi',
      'a label after a space stays, as in the authors’ regex',
    );
    assert.equal(blendPaperResponse('Answer: Kimchi.', 'What do people eat? Answer briefly.'), 'kimchi');
    assert.equal(blendPaperResponse('答案：饺子。', '问题？'), '答案:饺子');
    assert.equal(blendPaperResponse('answer: rice', 'Give the answer briefly.'), 'rice');
  });

  it('matches raw substrings (plurals, clitics), hyphen variants, tokens in any order, and empty answers', () => {
    assert.ok(blendPaperCheck('dumpling', 'we eat dumplings'));
    assert.ok(blendPaperCheck('كسكس', 'نأكل الكسكس يوم الجمعة'));
    assert.ok(blendPaperCheck('cotton candy', 'cotton-candy'));
    assert.ok(blendPaperCheck('green tea', 'tea, green and hot'));
    assert.ok(blendPaperCheck('', 'anything at all'));
    assert.ok(blendPaperCheck('Kimchi', 'kimchi'), 'the token test lower-cases both');
    assert.ok(!blendPaperCheck('green tea', 'tea only'));
  });

  it('differs from culturekit’s default where the authors’ rule is looser: echoes, inflections, empty golds', { skip }, async () => {
    const paper = await loadBlend(data, { protocol: 'paper', countries: ['Greece'], languages: ['en'] });
    const ours = await loadBlend(data, { countries: ['Greece'], languages: ['en'] });
    const byId = (dataset: typeof paper, id: string) => dataset.items.find((item) => item.id === id)!;
    // New-am-54 has an empty English answer: it matches any response under the authors' rule.
    const id = paper.items.find((item) => item.id.includes('New-am-54'))!.id;
    assert.equal(score(byId(paper, id), 'I have no idea.').metrics.sem_b, 1);
    assert.equal(score(byId(ours, id), 'I have no idea.').metrics.sem_b, 0);
    // An echo of the prompt earns credit by default only if the prompt contains an answer; the authors remove it.
    const item = paper.items[0];
    const prompt = String(
      (getProtocol('blend-sem')!.render(item, { mcqMethod: 'letter', shuffleSeed: null }) as { messages: { content: string }[] }).messages.at(-1)!.content,
    );
    assert.equal(score(item, prompt).metrics.sem_b, score(item, '').metrics.sem_b);
  });
});

describe('BLEnD echoed prompts (culturekit default)', () => {
  it('gives no credit for an answer that only the echoed prompt contains', { skip }, async () => {
    const dataset = await loadBlend(data, { countries: ['UK'], languages: ['en'], template: 'none' });
    const protocol = getProtocol('blend-sem')!;
    for (const item of dataset.items.slice(0, 200)) {
      const rendered = protocol.render(item, { mcqMethod: 'letter', shuffleSeed: null });
      const prompt = String((rendered as { messages: { content: string }[] }).messages.at(-1)!.content);
      assert.equal(protocol.score(item, rendered, generated(`${prompt}\nI am not sure.`)).metrics.sem_b, 0, `${item.id}: ${prompt}`);
    }
  });
});
