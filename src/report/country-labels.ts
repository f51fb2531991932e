import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface IsoCountries {
  registerLocale(locale: unknown): void;
  getName(code: string, language: string): string | undefined;
  getNames(language: string, options: { select: 'all' }): Record<string, string[]>;
  alpha2ToNumeric(code: string): string | undefined;
}

let countries: IsoCountries | undefined;
let shortNames: Map<string, string> | undefined;

/**
 * The name reports use: for a formal official name (`People's Republic of China`), the first alias that is a plain name
 * (no comma, not an abbreviation) no other country also goes by (`China`, `United States`, `Russia`); else the official
 * name (`United Kingdom`, `South Korea`, `Democratic Republic of the Congo`).
 */
function shortName(code: string): string | undefined {
  if (!shortNames) {
    const all = isoCountries().getNames('en', { select: 'all' });
    const uses = new Map<string, number>();
    for (const names of Object.values(all)) for (const name of new Set(names)) uses.set(name, (uses.get(name) ?? 0) + 1);
    shortNames = new Map();
    for (const [alpha2, [official, ...aliases]] of Object.entries(all)) {
      const formal = /,| of |Republic|Federation/.test(official);
      const alias = formal ? aliases.find((name) => !name.includes(',') && name !== name.toUpperCase() && uses.get(name) === 1) : undefined;
      shortNames.set(alpha2, alias ?? official);
    }
  }
  return shortNames.get(code);
}

/** i18n-iso-countries with English names only (its Node entry would load every language). */
function isoCountries(): IsoCountries {
  if (!countries) {
    countries = require('i18n-iso-countries/index.js') as IsoCountries;
    countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
  }
  return countries;
}

/** The country part of a code: `IN` of `IN-AS`, upper case. */
function countryPart(code: string): string {
  return code.split('-')[0].toUpperCase();
}

/**
 * A country's English name from its ISO 3166-1 alpha-2 code (a sub-national code by its country), or `undefined`
 * for a code that names no country.
 *
 * @example
 * countryNameOf('JP')    // 'Japan'
 * countryNameOf('CN')    // 'China'
 * countryNameOf('IN-AS') // 'India'
 * countryNameOf('XX')    // undefined
 */
export function countryNameOf(code: string): string | undefined {
  if (!/^[A-Za-z]{2}(?:-[A-Za-z0-9]{1,3})?$/.test(code)) return undefined;
  return shortName(countryPart(code));
}

/**
 * How reports name a country: its English name with the code kept (`Japan (JP)`); the code alone when it names none.
 *
 * @example
 * countryLabel('SA')    // 'Saudi Arabia (SA)'
 * countryLabel('IN-AS') // 'India (IN-AS)'
 * countryLabel('zz')    // 'zz'
 */
export function countryLabel(code: string): string {
  const name = countryNameOf(code);
  return name ? `${name} (${code})` : code;
}

/**
 * The ISO 3166-1 numeric code (`'392'` for JP), as world-atlas keys its countries; `undefined` for a code that names
 * no country. Sub-national codes map to their country.
 */
export function countryNumericId(code: string): string | undefined {
  if (countryNameOf(code) === undefined) return undefined;
  return isoCountries().alpha2ToNumeric(countryPart(code));
}
