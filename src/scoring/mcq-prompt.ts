import { InputError } from '../errors/culturekit-error.js';
import { CHOICE_LETTERS } from '../schema/fields.js';
import { UNSPACED_LANGUAGES, primaryLanguage, promptWordsFor } from './answer-words.js';

/** Version of the lettered multiple-choice prompt; bump it when the rendered text changes. */
export const MCQ_LETTER_TEMPLATE_ID = 'mcq-letter@1';
/** Version of the raw-text context used to score each choice by log-likelihood. */
export const MCQ_LOGLIK_TEMPLATE_ID = 'mcq-loglik@1';
/** Version of the true/false prompt. */
export const TRUE_FALSE_TEMPLATE_ID = 'true-false@1';

/**
 * The question, its lettered options (`A. …`) and a localized instruction to answer with the letter.
 * The language is read by its primary subtag (`zh-Hant` → `zh`); unknown languages get English.
 *
 * @example
 * renderMcqPrompt('Which city was the capital of Japan until 1869?', ['Tokyo', 'Osaka', 'Kyoto', 'Nara'], 'en')
 * // 'Which city was the capital of Japan until 1869?\n\nA. Tokyo\nB. Osaka\nC. Kyoto\nD. Nara\n\n' +
 * // 'Answer with the letter of the correct option (A, B, C or D).'
 */
export function renderMcqPrompt(question: string, choices: readonly string[], language: string): string {
  const letters = lettersFor(choices);
  const words = promptWordsFor(language);
  const options = choices.map((choice, index) => `${letters[index]}. ${choice.trim()}`).join('\n');
  const instruction = words.letterInstruction.replace('{letters}', formatLetters(letters, words.listSeparator, words.lastSeparator));
  return `${question.trim()}\n\n${options}\n\n${instruction}`;
}

/**
 * The raw-text context for scoring each choice's text by log-likelihood: the question, then a localized
 * "Answer:" cue. Each continuation is `continuationPrefix + choice`: a space, or nothing for languages
 * written without spaces (Chinese, Japanese, Thai).
 *
 * @example
 * renderLoglikPrompt('Which city was the capital of Japan until 1869?', 'en')
 * // { prompt: 'Which city was the capital of Japan until 1869?\nAnswer:', continuationPrefix: ' ' }
 */
export function renderLoglikPrompt(question: string, language: string): { prompt: string; continuationPrefix: string } {
  const words = promptWordsFor(language);
  return {
    prompt: `${question.trim()}\n${words.answerCue}`,
    continuationPrefix: UNSPACED_LANGUAGES.has(primaryLanguage(language)) ? '' : ' ',
  };
}

/**
 * A statement and a localized instruction to answer whether it is true or false, in words that
 * `extractTrueFalse` reads.
 *
 * @example
 * renderTrueFalsePrompt('Kyoto was the capital of Japan until 1869.', 'en')
 * // 'Kyoto was the capital of Japan until 1869.\n\nIs this statement true or false? Answer "True" or "False".'
 */
export function renderTrueFalsePrompt(statement: string, language: string): string {
  return `${statement.trim()}\n\n${promptWordsFor(language).trueFalseInstruction}`;
}

function lettersFor(choices: readonly string[]): string[] {
  if (choices.length < 2 || choices.length > CHOICE_LETTERS.length) {
    throw new InputError(`a multiple-choice question needs 2 to ${CHOICE_LETTERS.length} choices, got ${choices.length}`);
  }
  return CHOICE_LETTERS.slice(0, choices.length).split('');
}

function formatLetters(letters: readonly string[], separator: string, lastSeparator: string): string {
  return `${letters.slice(0, -1).join(separator)}${lastSeparator}${letters[letters.length - 1]}`;
}
