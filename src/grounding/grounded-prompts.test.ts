import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../errors/culturekit-error.js';
import type { CulturalDescription } from '../schema/description.js';
import type { ChatMessage } from '../schema/item.js';
import { applyGroundingEdit, lastUserText } from './apply-grounding-edit.js';
import {
  answerWithRecallMessages,
  checkGroundingTemplate,
  DEFAULT_GROUNDING_TEMPLATE,
  formatKnowledge,
  GROUNDING_TEMPLATE_IDS,
  groundingTemplateId,
  groundMessages,
  recallMessages,
} from './grounded-prompts.js';

const bowing: CulturalDescription = {
  id: 'jp-greetings-1',
  country: 'JP',
  topic: 'greetings',
  language: 'en',
  text: 'In Japan, bowing is the customary greeting.',
};
const shoes: CulturalDescription = { id: 'jp-etiquette-1', country: 'JP', topic: 'etiquette', language: 'en', text: ' Shoes come off in the genkan. ' };
const question: ChatMessage[] = [
  { role: 'system', content: 'You are a travel assistant.' },
  { role: 'user', content: 'Earlier question' },
  { role: 'assistant', content: 'Earlier answer' },
  { role: 'user', content: 'How should I greet my Japanese host?' },
];

describe('template ids', () => {
  it('are versioned, and custom templates get an id of their own', () => {
    assert.deepEqual(GROUNDING_TEMPLATE_IDS, {
      retrieved: 'grounding-retrieved@1',
      retrievedSystem: 'grounding-retrieved-system@1',
      recall: 'grounding-recall@1',
    });
    assert.equal(DEFAULT_GROUNDING_TEMPLATE, 'grounding-retrieved@1');
    assert.equal(groundingTemplateId(), 'grounding-retrieved@1');
    assert.equal(groundingTemplateId('grounding-retrieved-system@1'), 'grounding-retrieved-system@1');
    assert.match(groundingTemplateId('Facts:\n{{knowledge}}\n\n{{request}}'), /^custom@[0-9a-f]{12}$/);
    assert.notEqual(groundingTemplateId('A {{knowledge}}'), groundingTemplateId('B {{knowledge}}'));
  });

  it('rejects a template that is neither an id nor has the slot', () => {
    checkGroundingTemplate('grounding-retrieved-system@1');
    checkGroundingTemplate('Use: {{knowledge}}');
    checkGroundingTemplate('Think first: {{request}}', 'request');
    assert.throws(() => checkGroundingTemplate('grounding-retreived@1'), InputError);
    assert.throws(() => checkGroundingTemplate('no slot {{request}}'), /\{\{knowledge\}\}/);
  });
});

describe('groundMessages', () => {
  it('puts the numbered knowledge and an instruction before the last user turn (grounding-retrieved@1)', () => {
    const grounded = groundMessages(question, [bowing, shoes]);
    assert.deepEqual(grounded.slice(0, 3), question.slice(0, 3));
    assert.equal(
      grounded[3].content,
      'Cultural knowledge:\n1. In Japan, bowing is the customary greeting.\n2. Shoes come off in the genkan.\n\n' +
        'Use the cultural knowledge above where it is relevant, and make sure your answer respects it.\n\nHow should I greet my Japanese host?',
    );
    assert.equal(grounded[3].role, 'user');
  });

  it('never changes its input', () => {
    const before = structuredClone(question);
    const grounded = groundMessages(question, [bowing]);
    assert.deepEqual(question, before);
    grounded[0].content = 'changed';
    assert.equal(question[0].content, 'You are a travel assistant.');
  });

  it('writes the instruction in the language of the request', () => {
    const chinese = groundMessages([{ role: 'user', content: '怎么打招呼？' }], [bowing], { language: 'zh' })[0].content;
    assert.ok(chinese.startsWith('文化知识：\n1. In Japan'), chinese);
    assert.ok(chinese.endsWith('\n\n怎么打招呼？'));
    for (const [language, heading] of [
      ['ja', '文化に関する知識：'],
      ['ar', 'معارف ثقافية:'],
      ['es-MX', 'Conocimiento cultural:'],
      ['fr', 'Connaissances culturelles :'],
      ['xx', 'Cultural knowledge:'],
    ]) {
      assert.ok(groundMessages([{ role: 'user', content: 'q' }], [bowing], { language })[0].content.startsWith(heading), language);
    }
  });

  it('can put the knowledge in the system message instead (grounding-retrieved-system@1)', () => {
    const grounded = groundMessages(question, [bowing], { template: GROUNDING_TEMPLATE_IDS.retrievedSystem });
    assert.equal(grounded.length, 4);
    assert.equal(
      grounded[0].content,
      'You are a travel assistant.\n\nThe following cultural knowledge may be relevant to the request. Use it where it is relevant, and make sure your answer respects it.\n\n' +
        'Cultural knowledge:\n1. In Japan, bowing is the customary greeting.',
    );
    assert.deepEqual(grounded.slice(1), question.slice(1));
    const withoutSystem = groundMessages([{ role: 'user', content: 'q' }], [bowing], { template: GROUNDING_TEMPLATE_IDS.retrievedSystem });
    assert.equal(withoutSystem[0].role, 'system');
    assert.deepEqual(withoutSystem[1], { role: 'user', content: 'q' });
  });

  it('takes custom templates, around the user turn or in the system message', () => {
    const around = groundMessages([{ role: 'user', content: 'q?' }], [bowing], { template: '<facts>\n{{knowledge}}\n</facts>\n{{request}}\n(be respectful)' });
    assert.equal(around[0].content, '<facts>\n1. In Japan, bowing is the customary greeting.\n</facts>\nq?\n(be respectful)');
    const system = groundMessages([{ role: 'user', content: 'q?' }], [bowing], { template: 'Respect: {{knowledge}}' });
    assert.deepEqual(system, [
      { role: 'system', content: 'Respect: 1. In Japan, bowing is the customary greeting.' },
      { role: 'user', content: 'q?' },
    ]);
  });

  it('changes nothing without descriptions, and uses the system message without a user turn', () => {
    assert.deepEqual(groundMessages(question, []), question);
    const noUser = groundMessages([{ role: 'system', content: 'S' }], [bowing]);
    assert.equal(noUser.length, 1);
    assert.ok(noUser[0].content.startsWith('S\n\nCultural knowledge:\n1. In Japan'));
  });
});

describe('recall templates (grounding-recall@1)', () => {
  it('asks for the relevant knowledge first, in the request language', () => {
    const recall = recallMessages(question);
    assert.deepEqual(recall.slice(0, 3), question.slice(0, 3));
    assert.equal(
      recall[3].content,
      'Before answering, state the cultural knowledge relevant to the request below: the customs, norms, values and taboos of the culture or country it concerns. ' +
        'State only that knowledge, as a short list; do not answer the request yet.\n\nRequest:\nHow should I greet my Japanese host?',
    );
    assert.ok(recallMessages([{ role: 'user', content: '请问' }], { language: 'zh' })[0].content.endsWith('请求：\n请问'));
    assert.equal(recallMessages([{ role: 'user', content: 'q' }], { template: 'Recall first.\n{{request}}' })[0].content, 'Recall first.\nq');
  });

  it('then answers with what was recalled', () => {
    const answer = answerWithRecallMessages(question, '  - People bow.\n');
    assert.equal(
      answer[3].content,
      'Relevant cultural knowledge (as you recalled it):\n- People bow.\n\nUse this knowledge where it is accurate and relevant, and make sure your answer respects it.\n\n' +
        'How should I greet my Japanese host?',
    );
    assert.deepEqual(answerWithRecallMessages(question, '   '), question);
    assert.equal(answerWithRecallMessages([{ role: 'user', content: 'q' }], 'K', { template: '[{{knowledge}}] {{request}}' })[0].content, '[K] q');
  });
});

describe('applyGroundingEdit on OpenAI messages', () => {
  it('keeps content parts as parts and other fields as they are', () => {
    const messages = [
      { role: 'developer', content: [{ type: 'text', text: 'Be brief.' }] },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is this?' },
          { type: 'image_url', image_url: { url: 'data:,' } },
        ],
        name: 'ana',
      },
    ];
    const wrapped = applyGroundingEdit(messages, { type: 'wrap-user', before: 'K\n\n', after: '' });
    assert.deepEqual(wrapped[1], {
      role: 'user',
      name: 'ana',
      content: [
        { type: 'text', text: 'K\n\n' },
        { type: 'text', text: 'What is this?' },
        { type: 'image_url', image_url: { url: 'data:,' } },
      ],
    });
    assert.equal(wrapped[0], messages[0]);
    const system = applyGroundingEdit(messages, { type: 'system', text: 'K' });
    assert.deepEqual(system[0], {
      role: 'developer',
      content: [
        { type: 'text', text: 'Be brief.' },
        { type: 'text', text: '\n\nK' },
      ],
    });
    assert.equal(lastUserText(messages), 'What is this?');
    assert.equal(lastUserText([{ role: 'assistant', content: 'x' }]), '');
  });

  it('formats knowledge as a numbered list', () => {
    assert.equal(formatKnowledge([bowing, shoes]), '1. In Japan, bowing is the customary greeting.\n2. Shoes come off in the genkan.');
  });
});
