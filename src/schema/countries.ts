/**
 * ISO 3166-1 alpha-2 codes (officially assigned), the one list culturekit checks countries against.
 * Sub-national regions are written as ISO 3166-2 codes (`IN-AS`, `ID-JB`) whose prefix is one of these.
 */
export const ISO_ALPHA2_CODES: ReadonlySet<string> = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
    'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
    'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
    'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

const SUBDIVISION = /^([A-Z]{2})-[A-Z0-9]{1,3}$/;

/** The problem with a country code, or `undefined` when it is a known ISO 3166-1 alpha-2 code or an ISO 3166-2 region of one. */
export function countryCodeProblem(code: string): string | undefined {
  if (ISO_ALPHA2_CODES.has(code)) return undefined;
  const region = SUBDIVISION.exec(code);
  if (region) {
    return ISO_ALPHA2_CODES.has(region[1]) ? undefined : `unknown country "${region[1]}" in region code "${code}"`;
  }
  if (/^[a-z]{2}$/.test(code) && ISO_ALPHA2_CODES.has(code.toUpperCase())) {
    return `country codes are upper case: write "${code.toUpperCase()}"`;
  }
  return `unknown country code "${code}" (expected ISO 3166-1 alpha-2 such as "JP", or a region such as "IN-AS")`;
}

/** The alpha-2 country of a code that may be a region: `countryOf("IN-AS") === "IN"`. */
export function countryOf(code: string): string {
  return code.length > 2 && code[2] === '-' ? code.slice(0, 2) : code;
}
