/** Shared by the retrieval benches: a knowledge base scaled up from the built-in sample (synthetic; see below). */
import { countryName } from '../src/grounding/country-names.js';
import type { CulturalDescription } from '../src/schema/description.js';
import { seededRandom } from '../src/util/seeded-random.js';

const OTHER_COUNTRIES = [
  'KE',
  'GH',
  'VN',
  'KR',
  'ID',
  'PH',
  'PE',
  'CO',
  'AR',
  'CL',
  'TR',
  'IR',
  'PK',
  'BD',
  'PL',
  'IT',
  'ES',
  'GR',
  'SE',
  'NO',
  'MA',
  'TN',
  'ET',
  'TZ',
  'NZ',
  'CA',
  'PT',
  'NL',
  'MY',
  'NP',
];

/**
 * The synthetic bench set: the built-in sample's descriptions plus generated ones, `total` in all, half of them
 * Chinese: a sample description with its country swapped for another one (in the text too) and a clause of another
 * description appended. The generated ones are near-copies for other countries, so a request that names no country
 * ties with them: the hard case of a large knowledge base.
 */
export function generateDescriptions(sample: readonly CulturalDescription[], total: number): CulturalDescription[] {
  const random = seededRandom(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const english = sample.filter((description) => description.language === 'en');
  const chinese = sample.filter((description) => description.language === 'zh');
  const englishClauses = english.flatMap((description) => description.text.split(/;\s+|,\s+(?=and |while |but |which )/));
  const chineseClauses = chinese.flatMap((description) => description.text.split(/[；，。]/).filter(Boolean));
  const generated: CulturalDescription[] = [...sample];
  for (let index = 0; generated.length < total; index++) {
    const inChinese = index % 2 === 1;
    const base = pick(inChinese ? chinese : english);
    const country = pick(OTHER_COUNTRIES);
    const baseName = inChinese ? countryName(base.country, 'zh')! : countryName(base.country)!;
    const newName = inChinese ? countryName(country, 'zh')! : countryName(country)!;
    const extra = pick(inChinese ? chineseClauses : englishClauses);
    const text = inChinese
      ? `${base.text.split(baseName).join(newName)}另外，${extra}。`
      : `${base.text.split(baseName).join(newName)} Also, ${extra.trim().replace(/\.$/, '')}.`;
    generated.push({
      id: `gen-${index}-${base.id}`,
      country,
      topic: base.topic,
      language: base.language,
      text,
      source: 'bench/retrieval.ts (generated)',
    });
  }
  return generated;
}
