/**
 * Country and region names as the seed benchmarks write them, mapped to ISO 3166-1 alpha-2 (or an ISO 3166-2 region
 * code). Keys are normalised by `normalizeCountryName`.
 */
const COUNTRY_NAMES: Record<string, string> = {
  algeria: 'DZ',
  america: 'US',
  'united states': 'US',
  'united states of america': 'US',
  us: 'US',
  usa: 'US',
  assam: 'IN-AS',
  azerbaijan: 'AZ',
  china: 'CN',
  egypt: 'EG',
  ethiopia: 'ET',
  greece: 'GR',
  india: 'IN',
  indonesia: 'ID',
  iran: 'IR',
  iraq: 'IQ',
  jordan: 'JO',
  kenya: 'KE',
  lebanon: 'LB',
  mexico: 'MX',
  morocco: 'MA',
  'north korea': 'KP',
  'northern nigeria': 'NG',
  nigeria: 'NG',
  palestine: 'PS',
  'saudi arabia': 'SA',
  'south korea': 'KR',
  korea: 'KR',
  spain: 'ES',
  syria: 'SY',
  thailand: 'TH',
  tunisia: 'TN',
  uk: 'GB',
  'united kingdom': 'GB',
  'great britain': 'GB',
  ukraine: 'UA',
  'viet nam': 'VN',
  vietnam: 'VN',
  'west java': 'ID-JB',
  kuwait: 'KW',
  qatar: 'QA',
  oman: 'OM',
  bahrain: 'BH',
  yemen: 'YE',
  libya: 'LY',
  sudan: 'SD',
  'united arab emirates': 'AE',
  uae: 'AE',
};

/** Lower-cased, underscores and runs of spaces as one space, a leading "the" dropped: `North_Korea` → `north korea`. */
export function normalizeCountryName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/**
 * The ISO code of a country or region name as the seed benchmarks write it, or `undefined` for names not in the table.
 *
 * @example
 * countryCodeForName('North_Korea') // 'KP'
 * countryCodeForName('Viet Nam')    // 'VN'
 * countryCodeForName('West Java')   // 'ID-JB'
 */
export function countryCodeForName(name: string): string | undefined {
  return COUNTRY_NAMES[normalizeCountryName(name)];
}
