import type { ChatMessage, Item } from '../../schema/item.js';
import { countryOf } from '../../schema/countries.js';

/** Languages the built-in judge prompts are written in. */
export type JudgePromptLanguage = 'en' | 'zh';

/**
 * The judge prompt's language for an item: the item's language where a prompt in it exists, else English.
 *
 * @example
 * judgePromptLanguage({ ...item, language: 'zh-Hans' }) // 'zh'
 * judgePromptLanguage({ ...item, language: 'th' })      // 'en'
 */
export function judgePromptLanguage(item: Pick<Item, 'language'>): JudgePromptLanguage {
  const primary = item.language.split('-')[0].toLowerCase();
  return primary === 'zh' ? 'zh' : 'en';
}

/**
 * A place's name for a judge prompt: the country's name in the prompt's language (from the ISO code), with the
 * region code kept for a sub-national region.
 *
 * @example
 * placeName('CN', 'en')    // 'China'
 * placeName('CN', 'zh')    // '中国'
 * placeName('IN-AS', 'en') // 'India (IN-AS)'
 */
export function placeName(code: string, language: JudgePromptLanguage): string {
  const country = countryOf(code);
  let name = country;
  try {
    name = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' }).of(country) ?? country;
  } catch {
    name = country;
  }
  if (country === code) return name;
  return language === 'zh' ? `${name}（${code}）` : `${name} (${code})`;
}

/** The earlier turns of a dialogue as text for a judge, one turn per paragraph with its speaker. */
export function dialogueText(history: readonly ChatMessage[], language: JudgePromptLanguage): string {
  const speakers = language === 'zh' ? { system: '系统', user: '用户', assistant: '助手' } : { system: 'System', user: 'User', assistant: 'Assistant' };
  return history.map((message) => `[${speakers[message.role]}] ${message.content}`).join('\n\n');
}
