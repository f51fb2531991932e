/**
 * Rewrites that take the United States out of a GeoMLaMA question or masked prompt, per prompt language, for the
 * no-country setting (which country's answer does the model give when none is named?). Applied in order to the
 * United States row of each concept, as Global Gallery does; the result must no longer mention the country.
 */
type Rewrite = [pattern: RegExp, replacement: string | ((...groups: string[]) => string)];

const REWRITES: Record<string, { rewrites: Rewrite[]; mention: RegExp; capitalize: boolean }> = {
  en: {
    rewrites: [
      [/^In (?:the )?(?:United States|Untied States|America),\s*/, ''],
      [/\s+(?:in|of) (?:the )?(?:United States|Untied States|America)\b/g, ''],
      [/\b([Aa])n American\b/g, (_match, article) => article],
      [/\bAmerican people\b/g, 'people'],
      [/\bAmericans\b/g, 'people'],
      [/\bAmerican\s+/g, ''],
      [/\b(?:the )?(?:United States|Untied States|America)\b/g, 'the country'],
    ],
    mention: /United States|Untied States|America/i,
    capitalize: true,
  },
  zh: {
    rewrites: [
      [/在美国[，,]?/g, ''],
      [/美国人的/g, '人们的'],
      [/美国人/g, '人们'],
      [/美国的/g, ''],
      [/美国大城市/g, '大城市'],
      [/美国/g, '该国'],
      [/^[，,、\s]+/, ''],
    ],
    mention: /美国/,
    capitalize: false,
  },
  hi: {
    rewrites: [
      [/अमेरिका में\s*/g, ''],
      [/अमेरिका के\s*/g, ''],
      [/अमेरिकी लोग/g, 'लोग'],
      [/^अमेरिकी\s+(?=आमतौर|अपने)/, 'लोग '],
      [/अमेरिकी\s+/g, ''],
      [/अमेरिका/g, 'देश'],
    ],
    mention: /अमेरिका/,
    capitalize: false,
  },
  fa: {
    rewrites: [
      [/در ایالا?ت متحده آمریکا\s*/g, ''],
      [/ایالا?ت متحده آمریکا/g, 'کشور'],
      [/آمریکایی ها/g, 'مردم'],
      [/آمریکایی\s*/g, ''],
      [/در آمریکا\s*/g, ''],
      [/آمریکا/g, 'کشور'],
    ],
    mention: /آمریکا/,
    capitalize: false,
  },
  sw: {
    rewrites: [
      [/^Nchini Marekani,?\s*/i, ''],
      [/\s*nchini Marekani/gi, ''],
      [/\bWamarekani\b/g, 'Watu'],
      [/\bwamarekani\b/g, 'watu'],
      [/\s*(?:ya|za) Kimarekani/gi, ''],
      [/\bMarekani\b/gi, 'nchi'],
    ],
    mention: /Marekani/i,
    capitalize: true,
  },
  el: {
    rewrites: [
      [/^Στις Ηνωμένες Πολιτ(?:είες|ίεες),\s*/, ''],
      [/\s*στις Ηνωμένες Πολιτ(?:είες|ίεες)/g, ''],
      [/\s*των Ηνωμένων Πολιτειών/g, ''],
      [/\s*στην Αμερική/g, ''],
      [/οι Αμερικανοί/g, 'οι άνθρωποι'],
      [/\s*αμερικανική/gi, ''],
      [/οι Ηνωμένες Πολιτείες/g, 'η χώρα'],
    ],
    mention: /Ηνωμέν|Αμερικ|αμερικ/,
    capitalize: true,
  },
};

/** Prompt languages whose United States mentions `removeCountryMention` can take out. */
export const noCountryLanguages: readonly string[] = Object.keys(REWRITES);

/**
 * The text without its mention of the United States, or undefined when the language has no rewrites or a mention is
 * left (the item is then not used for the no-country setting).
 *
 * @example
 * removeCountryMention('Which side do people usually keep when driving in the United States?', 'en')
 * // 'Which side do people usually keep when driving?'
 * removeCountryMention('在美国，人们一般会靠哪侧行驶？', 'zh') // '人们一般会靠哪侧行驶？'
 */
export function removeCountryMention(text: string, language: string): string | undefined {
  const rules = REWRITES[language];
  if (!rules) return undefined;
  let result = text.trim();
  for (const [pattern, replacement] of rules.rewrites) {
    result = typeof replacement === 'string' ? result.replace(pattern, replacement) : result.replace(pattern, replacement as (...groups: string[]) => string);
  }
  result = result
    .replace(/\s+([?.,;:!？。，؟،])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
  if (rules.capitalize && result.length > 0) result = result[0].toLocaleUpperCase(language) + result.slice(1);
  if (result === '' || result === text.trim() || rules.mention.test(result)) return undefined;
  return result;
}

/** How each prompt language names GeoMLaMA's six countries (stems, so inflected forms match). */
const COUNTRY_NAMES: Record<string, Record<string, RegExp>> = {
  en: { US: /United States|Untied States|America/i, CN: /China|Chinese/i, IN: /India/i, IR: /Iran/i, KE: /Kenya/i, GR: /Greece|Greek/i },
  zh: { US: /美国|美國/, CN: /中国|中國/, IN: /印度/, IR: /伊朗/, KE: /肯尼亚|肯亞/, GR: /希腊|希臘/ },
  hi: { US: /अमेरिका|अमरीका/, CN: /चीन/, IN: /भारत/, IR: /ईरान|इरान/, KE: /केन्या|कीनिया/, GR: /ग्रीस|यूनान/ },
  fa: { US: /آمریکا|امریکا/, CN: /چین/, IN: /هند/, IR: /ایران/, KE: /کنیا/, GR: /یونان/ },
  sw: { US: /Marekani|Amerika/i, CN: /China|Uchina|Kichina/i, IN: /India|Uhindi|Kihindi/i, IR: /Iran|Uajemi/i, KE: /Kenya/i, GR: /Ugiriki|Kigiriki|Greece/i },
  el: { US: /Ηνωμέν\p{L}* Πολιτ|Αμερικ|αμερικ|ΗΠΑ/u, CN: /Κίν|Κιν/u, IN: /Ινδ/u, IR: /Ιράν/u, KE: /Κένυ|Κενυ/u, GR: /Ελλάδ|Ελλην|Έλλην|ελλην/u },
};

/**
 * The GeoMLaMA countries a question names in its prompt language (ISO codes), or undefined for a language without a
 * name table. Used to warn about rows whose question asks about another country than the row's label.
 *
 * @example
 * countriesNamed('在美国，人们一般会靠哪侧行驶？', 'zh') // ['US']
 */
export function countriesNamed(question: string, language: string): string[] | undefined {
  const names = COUNTRY_NAMES[language];
  if (!names) return undefined;
  return Object.entries(names)
    .filter(([, pattern]) => pattern.test(question))
    .map(([country]) => country);
}
