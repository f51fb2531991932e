import type { ChatMessage } from '../schema/item.js';
import { englishLanguageName } from './translation-prompt.js';

/**
 * GEMBA quality-estimation prompts (Kocmi & Federmann 2023; MicrosoftTranslator/GEMBA), reference-free, versioned like
 * the judge rubrics: the id and version are stored with every score (`gemba-da@1`). A reply that cannot be read is
 * `invalid`, never a number (an invalid judgement is not a zero).
 */
export interface GembaPrompt<Verdict> {
  id: 'gemba-da' | 'gemba-mqm';
  version: number;
  /** Enough tokens for a complete reply. */
  maxTokens: number;
  render(input: GembaInput): ChatMessage[];
  parse(reply: string): Verdict | { status: 'invalid'; reason: string };
}

export interface GembaInput {
  /** BCP 47 tags; the prompts name the languages in English (`ja` → Japanese). */
  sourceLanguage: string;
  targetLanguage: string;
  source: string;
  translation: string;
}

export interface GembaDaVerdict {
  status: 'scored';
  /** 0–100. */
  score: number;
}

export type MqmSeverity = 'critical' | 'major' | 'minor';

export interface MqmError {
  severity: MqmSeverity;
  /** The annotator's line, lower-cased as GEMBA reads it, e.g. `accuracy/mistranslation - "involvement"`. */
  text: string;
}

export interface GembaMqmVerdict {
  status: 'scored';
  /** −25…0: minus the weighted errors (critical 25, major 5, minor 1) of the first five errors, capped at 25. */
  score: number;
  /** Every error found, for reviewers (also those beyond the first five). */
  errors: MqmError[];
}

/** `id@version`, as stored with scores. */
export function gembaTag(prompt: Pick<GembaPrompt<unknown>, 'id' | 'version'>): string {
  return `${prompt.id}@${prompt.version}`;
}

const DA_TEMPLATE =
  'Score the following translation from {source_lang} to {target_lang} on a continuous scale from 0 to 100, where a score of zero means "no meaning preserved" and score of one hundred means "perfect meaning and grammar".\n\n{source_lang} source: "{source_seg}"\n{target_lang} translation: "{target_seg}"\nScore: ';

/** Replaces GEMBA's `{name}` fields in one pass (text filled in is never read as a field). */
function fill(template: string, input: GembaInput): string {
  const fields: Record<string, string> = {
    source_lang: englishLanguageName(input.sourceLanguage),
    target_lang: englishLanguageName(input.targetLanguage),
    source_seg: input.source,
    target_seg: input.translation,
  };
  return template.replace(/\{(source_lang|target_lang|source_seg|target_seg)\}/g, (_, name: string) => fields[name]);
}

/**
 * GEMBA's reading of a 0–100 answer: exactly one integer in the reply, or `['NN']`, or `NN/100`; a number outside
 * [0, 100] or any other reply is invalid.
 *
 * @example
 * parseGembaDa('85') // { status: 'scored', score: 85 }
 * parseGembaDa('85/100') // { status: 'scored', score: 85 }
 * parseGembaDa('between 70 and 80').status // 'invalid'
 */
export function parseGembaDa(reply: string): GembaDaVerdict | { status: 'invalid'; reason: string } {
  const numbers = reply.match(/\d+/g) ?? [];
  let value: number | undefined;
  if (numbers.length === 1) value = Number(numbers[0]);
  else if (/^\[['"][0-9]+['"]\]$/.test(reply)) value = Number(reply.slice(2, -2));
  else if (/^[0-9]+\/100$/.test(reply)) value = Number(reply.split('/')[0]);
  if (value === undefined) {
    return { status: 'invalid', reason: numbers.length === 0 ? 'no number in the reply' : `${numbers.length} numbers in the reply` };
  }
  if (value < 0 || value > 100) return { status: 'invalid', reason: `${value} is outside 0–100` };
  return { status: 'scored', score: value };
}

export const gembaDa: GembaPrompt<GembaDaVerdict> = {
  id: 'gemba-da',
  version: 1,
  maxTokens: 16,
  render: (input) => [{ role: 'user', content: fill(DA_TEMPLATE, input) }],
  parse: parseGembaDa,
};

const MQM_SYSTEM = 'You are an annotator for the quality of machine translation. Your task is to identify errors and assess the quality of the translation.';

const MQM_TEMPLATE = [
  '{source_lang} source:',
  '```{source_seg}```',
  '{target_lang} translation:',
  '```{target_seg}```',
  '',
  'Based on the source segment and machine translation surrounded with triple backticks, identify error types in the translation and classify them. The categories of errors are: accuracy (addition, mistranslation, omission, untranslated text), fluency (character encoding, grammar, inconsistency, punctuation, register, spelling), style (awkward), terminology (inappropriate for context, inconsistent use), non-translation, other, or no-error.',
  'Each error is classified as one of three categories: critical, major, and minor. Critical errors inhibit comprehension of the text. Major errors disrupt the flow, but what the text is trying to say is still understandable. Minor errors are technically errors, but do not disrupt the flow or hinder comprehension.',
].join('\n');

/** GEMBA-MQM's three fixed examples (en→de, en→cs, zh→en), as `gemba/gemba_mqm_utils.py` gives them. */
const MQM_FEW_SHOTS: { input: GembaInput; answer: string }[] = [
  {
    input: {
      sourceLanguage: 'en',
      targetLanguage: 'de',
      source:
        'I do apologise about this, we must gain permission from the account holder to discuss an order with another person, I apologise if this was done previously, however, I would not be able to discuss this with yourself without the account holders permission.',
      translation:
        'Ich entschuldige mich dafür, wir müssen die Erlaubnis einholen, um eine Bestellung mit einer anderen Person zu besprechen. Ich entschuldige mich, falls dies zuvor geschehen wäre, aber ohne die Erlaubnis des Kontoinhabers wäre ich nicht in der Lage, dies mit dir involvement.',
    },
    answer:
      'Critical:\nno-error\nMajor:\naccuracy/mistranslation - "involvement"\naccuracy/omission - "the account holder"\nMinor:\nfluency/grammar - "wäre"\nfluency/register - "dir"\n',
  },
  {
    input: {
      sourceLanguage: 'en',
      targetLanguage: 'cs',
      source:
        'Talks have resumed in Vienna to try to revive the nuclear pact, with both sides trying to gauge the prospects of success after the latest exchanges in the stop-start negotiations.',
      translation:
        'Ve Vídni se ve Vídni obnovily rozhovory o oživení jaderného paktu, přičemž obě partaje se snaží posoudit vyhlídky na úspěch po posledních výměnách v jednáních.',
    },
    answer:
      'Critical:\nno-error\nMajor:\naccuracy/addition - "ve Vídni"\naccuracy/omission - "the stop-start"\nMinor:\nterminology/inappropriate for context - "partaje"\n',
  },
  {
    input: {
      sourceLanguage: 'zh',
      targetLanguage: 'en',
      source: '大众点评乌鲁木齐家居卖场频道为您提供高铁居然之家地址，电话，营业时间等最新商户信息，找装修公司，就上大众点评',
      translation:
        'Urumqi Home Furnishing Store Channel provides you with the latest business information such as the address, telephone number, business hours, etc., of high-speed rail, and find a decoration company, and go to the reviews.',
    },
    answer: 'Critical:\naccuracy/addition - "of high-speed rail"\nMajor:\naccuracy/mistranslation - "go to the reviews"\nMinor:\nstyle/awkward - "etc.,"\n',
  },
];

const MQM_WEIGHTS: Record<MqmSeverity, number> = { critical: 25, major: 5, minor: 1 };

/**
 * GEMBA-MQM's reading of an annotation: lower-cased; a line exactly `critical:`/`major:`/`minor:` sets the severity;
 * empty lines and lines with "no-error"/"no error" are skipped; a `non-translation` line counts as critical; the first
 * five errors are weighted 25/5/1, the total capped at 25, the score is minus the total. A reply with no severity line
 * (or error lines before any) is invalid — not a perfect zero.
 *
 * @example
 * parseGembaMqm('Critical:\nno-error\nMajor:\naccuracy/omission - "x"\nMinor:\n') // { status: 'scored', score: -5, errors: [{ severity: 'major', … }] }
 */
export function parseGembaMqm(reply: string): GembaMqmVerdict | { status: 'invalid'; reason: string } {
  const byLevel: Record<MqmSeverity, string[]> = { critical: [], major: [], minor: [] };
  let level: MqmSeverity | undefined;
  let sawLevel = false;
  const unplaced: string[] = [];
  for (const raw of reply.toLowerCase().split('\n')) {
    const line = raw.trim();
    if (line === '' || line.includes('no-error') || line.includes('no error')) continue;
    if (line === 'critical:' || line === 'major:' || line === 'minor:') {
      level = line.slice(0, -1) as MqmSeverity;
      sawLevel = true;
      continue;
    }
    if (level === undefined) {
      unplaced.push(line);
      continue;
    }
    byLevel[line.includes('non-translation') ? 'critical' : level].push(line);
  }
  if (!sawLevel) return { status: 'invalid', reason: 'no "Critical:", "Major:" or "Minor:" line in the reply' };
  if (unplaced.length > 0) return { status: 'invalid', reason: `error lines before any severity line: ${JSON.stringify(unplaced[0])}` };
  const errors: MqmError[] = [];
  let total = 0;
  for (const severity of ['critical', 'major', 'minor'] as const) {
    for (const text of byLevel[severity]) {
      if (errors.length < 5) total += MQM_WEIGHTS[severity];
      errors.push({ severity, text });
    }
  }
  return { status: 'scored', score: -Math.min(total, 25), errors };
}

export const gembaMqm: GembaPrompt<GembaMqmVerdict> = {
  id: 'gemba-mqm',
  version: 1,
  maxTokens: 512,
  render(input) {
    const messages: ChatMessage[] = [{ role: 'system', content: MQM_SYSTEM }];
    for (const shot of MQM_FEW_SHOTS) {
      messages.push({ role: 'user', content: fill(MQM_TEMPLATE, shot.input) }, { role: 'assistant', content: shot.answer });
    }
    messages.push({ role: 'user', content: fill(MQM_TEMPLATE, input) });
    return messages;
  },
  parse: parseGembaMqm,
};
