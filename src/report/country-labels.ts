import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface IsoCountries {
  registerLocale(locale: unknown): void;
  getName(code: string, language: string): string | undefined;
  alpha2ToNumeric(code: string): string | undefined;
}

let countries: IsoCountries | undefined;

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
 * countryNameOf('IN-AS') // 'India'
 * countryNameOf('XX')    // undefined
 */
export function countryNameOf(code: string): string | undefined {
  if (!/^[A-Za-z]{2}(?:-[A-Za-z0-9]{1,3})?$/.test(code)) return undefined;
  return isoCountries().getName(countryPart(code), 'en');
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
