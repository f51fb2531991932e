import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gembaDa, gembaMqm, gembaTag, parseGembaDa, parseGembaMqm } from './gemba.js';

describe('GEMBA-DA', () => {
  it('renders the published prompt, one user turn ending in "Score: "', () => {
    const messages = gembaDa.render({ sourceLanguage: 'en', targetLanguage: 'ja', source: 'Hello {name}', translation: 'こんにちは {name}' });
    assert.equal(messages.length, 1);
    assert.equal(
      messages[0].content,
      'Score the following translation from English to Japanese on a continuous scale from 0 to 100, where a score of zero means "no meaning preserved" and score of one hundred means "perfect meaning and grammar".\n\nEnglish source: "Hello {name}"\nJapanese translation: "こんにちは {name}"\nScore: ',
    );
    assert.equal(gembaTag(gembaDa), 'gemba-da@1');
  });
  it("reads exactly one integer, ['NN'] or NN/100", () => {
    assert.deepEqual(parseGembaDa('85'), { status: 'scored', score: 85 });
    assert.deepEqual(parseGembaDa('Score: 70'), { status: 'scored', score: 70 });
    assert.deepEqual(parseGembaDa("['90']"), { status: 'scored', score: 90 });
    assert.deepEqual(parseGembaDa('85/100'), { status: 'scored', score: 85 });
    assert.deepEqual(parseGembaDa('0'), { status: 'scored', score: 0 });
    assert.deepEqual(parseGembaDa('100'), { status: 'scored', score: 100 });
  });
  it('never reads an unreadable reply as 0: invalid with a reason', () => {
    for (const reply of ['', 'good translation', 'between 70 and 80', '85.5', '101', '150/100', "['']", '7/10']) {
      const verdict = parseGembaDa(reply);
      assert.equal(verdict.status, 'invalid', reply);
      assert.ok('reason' in verdict && verdict.reason.length > 0);
    }
  });
});

describe('GEMBA-MQM', () => {
  it('renders the system turn, three few-shot exchanges and the real turn', () => {
    const messages = gembaMqm.render({ sourceLanguage: 'en', targetLanguage: 'sw', source: 'Hello', translation: 'Habari' });
    assert.deepEqual(
      messages.map((message) => message.role),
      ['system', 'user', 'assistant', 'user', 'assistant', 'user', 'assistant', 'user'],
    );
    assert.match(messages[0].content, /^You are an annotator for the quality of machine translation\./);
    assert.match(messages[1].content, /^English source:\n```I do apologise/);
    assert.match(messages[5].content, /^Chinese source:\n```大众点评/);
    assert.match(messages[7].content, /^English source:\n```Hello```\nSwahili translation:\n```Habari```\n\nBased on the source segment/);
    assert.equal(gembaTag(gembaMqm), 'gemba-mqm@1');
  });
  it('weights errors 25/5/1, keeps the list, counts only the first five and caps at 25', () => {
    const few = parseGembaMqm(
      'Critical:\nno-error\nMajor:\naccuracy/mistranslation - "involvement"\naccuracy/omission - "the account holder"\nMinor:\nfluency/grammar - "wäre"\nfluency/register - "dir"\n',
    );
    assert.equal(few.status, 'scored');
    assert.ok(few.status === 'scored');
    assert.equal(few.score, -12);
    assert.deepEqual(
      few.errors.map((error) => error.severity),
      ['major', 'major', 'minor', 'minor'],
    );
    assert.equal(few.errors[0].text, 'accuracy/mistranslation - "involvement"');
    const many = parseGembaMqm(
      `Critical:\nno-error\nMajor:\nno-error\nMinor:\n${Array.from({ length: 8 }, (_, index) => `style/awkward - "w${index}"`).join('\n')}`,
    );
    assert.ok(many.status === 'scored');
    assert.equal(many.score, -5, 'only the first five errors count');
    assert.equal(many.errors.length, 8, 'every error is kept for reviewers');
    const capped = parseGembaMqm('Critical:\naccuracy/addition - "x"\nMajor:\naccuracy/omission - "y"\nMinor:\n');
    assert.ok(capped.status === 'scored');
    assert.equal(capped.score, -25);
    const nonTranslation = parseGembaMqm('Critical:\nno-error\nMajor:\nnon-translation - "whole"\nMinor:\nno-error');
    assert.ok(nonTranslation.status === 'scored');
    assert.equal(nonTranslation.score, -25);
    assert.equal(nonTranslation.errors[0].severity, 'critical');
    const perfect = parseGembaMqm('Critical:\nno-error\nMajor:\nno-error\nMinor:\nno-error\n');
    assert.deepEqual(perfect, { status: 'scored', score: -0, errors: [] });
  });
  it('reads severities case-insensitively and skips "no error" lines', () => {
    const verdict = parseGembaMqm('CRITICAL:\nNo error\nMAJOR:\nTerminology/inappropriate for context - "Partaje"\nminor:\n');
    assert.ok(verdict.status === 'scored');
    assert.equal(verdict.score, -5);
    assert.equal(verdict.errors[0].text, 'terminology/inappropriate for context - "partaje"');
  });
  it('a reply with no severity line, or errors before any, is invalid (not a perfect 0)', () => {
    assert.equal(parseGembaMqm('').status, 'invalid');
    assert.equal(parseGembaMqm('The translation looks fine.').status, 'invalid');
    assert.equal(parseGembaMqm('accuracy/omission - "x"\nMajor:\nno-error').status, 'invalid');
  });
});
