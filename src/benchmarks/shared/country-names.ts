import { countryCodeOf } from '../../grounding/country-names.js';
import { foldText } from '../../text/fold-text.js';

/**
 * Sub-national regions as the seed benchmarks write them (BLEnD, Global Gallery), mapped to ISO 3166-2 codes.
 * Countries themselves come from the project's one name table (src/grounding/country-names.ts).
 */
const REGION_NAMES: Record<string, string> = {
  assam: 'IN-AS',
  'west java': 'ID-JB',
  'northern nigeria': 'NG',
};

/** Lower-cased, underscores and runs of spaces as one space, a leading "the" dropped: `North_Korea` → `north korea`. */
export function normalizeCountryName(name: string): string {
  return foldText(name)
    .replace(/[_\s]+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/**
 * The ISO code of a country or region name as the seed benchmarks write it, or `undefined` for unknown names.
 *
 * @example
 * countryCodeForName('North_Korea') // 'KP'
 * countryCodeForName('Viet Nam')    // 'VN'
 * countryCodeForName('West Java')   // 'ID-JB'
 */
export function countryCodeForName(name: string): string | undefined {
  const normalized = normalizeCountryName(name);
  return REGION_NAMES[normalized] ?? countryCodeOf(normalized);
}
