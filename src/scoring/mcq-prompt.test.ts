import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../errors/culturekit-error.js';
import { PROMPT_WORDS, primaryLanguage } from './answer-words.js';
import { extractChoice } from './extract-choice.js';
import { extractTrueFalse } from './extract-true-false.js';
import {
  MCQ_LETTER_TEMPLATE_ID,
  MCQ_LOGLIK_TEMPLATE_ID,
  TRUE_FALSE_TEMPLATE_ID,
  renderLoglikPrompt,
  renderMcqPrompt,
  renderTrueFalsePrompt,
} from './mcq-prompt.js';

const QUESTION = 'Which city was the capital of Japan until 1869?';
const CHOICES = ['Tokyo', 'Osaka', 'Kyoto', 'Nara'];

describe('renderMcqPrompt', () => {
  it('renders the question, lettered options and the English instruction', () => {
    assert.equal(
      renderMcqPrompt(QUESTION, CHOICES, 'en'),
      'Which city was the capital of Japan until 1869?\n\nA. Tokyo\nB. Osaka\nC. Kyoto\nD. Nara\n\nAnswer with the letter of the correct option (A, B, C or D).',
    );
  });

  it('renders the letters and a localized instruction in every language', () => {
    const english = PROMPT_WORDS.en.letterInstruction.replace('{letters}', '');
    for (const language of Object.keys(PROMPT_WORDS)) {
      const prompt = renderMcqPrompt(QUESTION, CHOICES, language);
      const lines = prompt.split('\n');
      assert.deepEqual(lines.slice(2, 6), ['A. Tokyo', 'B. Osaka', 'C. Kyoto', 'D. Nara'], language);
      const instruction = lines[lines.length - 1];
      for (const letter of 'ABCD') assert.ok(instruction.includes(letter), `${language}: ${instruction}`);
      assert.ok(!instruction.includes('{letters}'));
      if (language !== 'en') assert.ok(!instruction.startsWith(english.slice(0, 20)), `${language} is not localized`);
    }
  });

  it('localizes by the primary subtag and falls back to English', () => {
    assert.equal(renderMcqPrompt(QUESTION, CHOICES, 'zh-Hant'), renderMcqPrompt(QUESTION, CHOICES, 'zh'));
    assert.equal(renderMcqPrompt(QUESTION, CHOICES, 'pt-BR'), renderMcqPrompt(QUESTION, CHOICES, 'pt'));
    assert.equal(renderMcqPrompt(QUESTION, CHOICES, 'xx'), renderMcqPrompt(QUESTION, CHOICES, 'en'));
    assert.equal(renderMcqPrompt(QUESTION, CHOICES, 'yo'), renderMcqPrompt(QUESTION, CHOICES, 'en'));
    assert.match(renderMcqPrompt(QUESTION, CHOICES, 'zh'), /请只回答正确选项的字母（A、B、C 或 D）。$/);
  });

  it('lists as many letters as there are choices', () => {
    assert.match(renderMcqPrompt('Yes or no?', ['yes', 'no'], 'en'), /\(A or B\)\.$/);
    const six = renderMcqPrompt('Pick one.', ['1', '2', '3', '4', '5', '6'], 'de');
    assert.match(six, /^F\. 6$/m);
    assert.match(six, /\(A, B, C, D, E oder F\)\.$/);
  });

  it('rejects fewer than 2 or more than 26 choices', () => {
    assert.throws(() => renderMcqPrompt(QUESTION, ['only'], 'en'), InputError);
    assert.throws(
      () =>
        renderMcqPrompt(
          QUESTION,
          Array.from({ length: 27 }, (_, index) => `choice ${index}`),
          'en',
        ),
      InputError,
    );
  });

  it('asks in words that the extractor reads back', () => {
    for (const language of Object.keys(PROMPT_WORDS)) {
      const reply = `${renderLoglikPrompt(QUESTION, language).prompt.split('\n').pop()} C`;
      assert.deepEqual(extractChoice(reply, CHOICES, { language }), { status: 'found', letter: 'C', rule: 'marker' }, `${language}: ${reply}`);
    }
  });

  it('has versioned template ids', () => {
    assert.equal(MCQ_LETTER_TEMPLATE_ID, 'mcq-letter@1');
    assert.equal(MCQ_LOGLIK_TEMPLATE_ID, 'mcq-loglik@1');
    assert.equal(TRUE_FALSE_TEMPLATE_ID, 'true-false@1');
  });
});

describe('renderLoglikPrompt', () => {
  it('ends the question with a localized answer cue', () => {
    assert.deepEqual(renderLoglikPrompt(QUESTION, 'en'), { prompt: `${QUESTION}\nAnswer:`, continuationPrefix: ' ' });
    assert.deepEqual(renderLoglikPrompt('日本の首都は？', 'ja'), { prompt: '日本の首都は？\n答え：', continuationPrefix: '' });
    assert.equal(renderLoglikPrompt(QUESTION, 'fr').prompt.endsWith('Réponse :'), true);
  });

  it('adds no space before continuations in Chinese, Japanese and Thai', () => {
    for (const language of Object.keys(PROMPT_WORDS)) {
      const { continuationPrefix } = renderLoglikPrompt(QUESTION, language);
      assert.equal(continuationPrefix, ['zh', 'ja', 'th'].includes(language) ? '' : ' ', language);
    }
    assert.equal(renderLoglikPrompt(QUESTION, 'zh-Hant').continuationPrefix, '');
    assert.deepEqual(renderLoglikPrompt(QUESTION, 'xx'), renderLoglikPrompt(QUESTION, 'en'));
  });
});

describe('renderTrueFalsePrompt', () => {
  it('renders the statement and a localized instruction whose words the extractor reads', () => {
    assert.equal(
      renderTrueFalsePrompt('Kyoto was the capital of Japan until 1869.', 'en'),
      'Kyoto was the capital of Japan until 1869.\n\nIs this statement true or false? Answer "True" or "False".',
    );
    for (const [language, words] of Object.entries(PROMPT_WORDS)) {
      const prompt = renderTrueFalsePrompt('Statement.', language);
      assert.ok(prompt.endsWith(words.trueFalseInstruction), language);
      // The two quoted answer words in the instruction are read as true and as false.
      const quoted = [...words.trueFalseInstruction.matchAll(/["“„«「]\s*([^"”“»」]+?)\s*["”“»」]/g)].map((match) => match[1]);
      assert.equal(quoted.length, 2, `${language}: ${words.trueFalseInstruction}`);
      assert.deepEqual(
        quoted.map((word) => {
          const result = extractTrueFalse(word, { language });
          return result.status === 'found' ? result.value : result.reason;
        }),
        ['true', 'false'],
        language,
      );
    }
    assert.equal(renderTrueFalsePrompt('S.', 'xx'), renderTrueFalsePrompt('S.', 'en'));
  });
});

describe('primaryLanguage', () => {
  it('reads the primary subtag', () => {
    assert.equal(primaryLanguage('zh-Hant'), 'zh');
    assert.equal(primaryLanguage('pt_BR'), 'pt');
    assert.equal(primaryLanguage('EN'), 'en');
    assert.equal(primaryLanguage(undefined), '');
  });
});
