/**
 * ISO 3166-1 alpha-2 country codes by continent (the UN geoscheme's continents, with the Americas
 * split at Panama and Antarctica's territories apart). Kept here as data rather than fetched: the
 * list changes a few times a decade, and the partner map and the "partners by continent" figure
 * must agree on it. Names come from `Intl.DisplayNames` in the reader's language.
 */
export const CONTINENTS = [
  'africa',
  'antarctica',
  'asia',
  'europe',
  'north_america',
  'oceania',
  'south_america',
] as const
export type Continent = (typeof CONTINENTS)[number]

const BY_CONTINENT: Readonly<Record<Continent, string>> = {
  africa:
    'DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG MW ML MR MU YT MA MZ NA NE NG RE RW SH ST SN SC SL SO ZA SS SD TZ TG TN UG EH ZM ZW',
  antarctica: 'AQ BV GS HM TF',
  asia: 'AF AM AZ BH BD BT BN KH CN CY GE HK IN ID IR IQ IL JP JO KZ KW KG LA LB MO MY MV MN MM NP KP OM PK PS PH QA SA SG KR LK SY TW TJ TH TL TR TM AE UZ VN YE IO CC CX',
  europe:
    'AX AL AD AT BY BE BA BG HR CZ DK EE FO FI FR DE GI GR GG HU IS IE IM IT JE LV LI LT LU MT MD MC ME NL MK NO PL PT RO RU SM RS SK SI ES SJ SE CH UA GB VA',
  north_america:
    'AI AG AW BS BB BZ BM BQ VG CA KY CR CU CW DM DO SV GL GD GP GT HT HN JM MQ MX MS NI PA PR BL KN LC MF PM VC SX TT TC US VI UM',
  oceania: 'AS AU CK FJ PF GU KI MH FM NR NC NZ NU NF MP PW PG PN WS SB TK TO TV VU WF',
  south_america: 'AR BO BR CL CO EC FK GF GY PY PE SR UY VE',
}

const CONTINENT_OF: ReadonlyMap<string, Continent> = new Map(
  CONTINENTS.flatMap((continent) =>
    BY_CONTINENT[continent].split(' ').map((code) => [code, continent] as const),
  ),
)

/** Every assigned ISO 3166-1 alpha-2 code, sorted. */
export const COUNTRY_CODES: readonly string[] = [...CONTINENT_OF.keys()].sort()

export function isCountryCode(code: string): boolean {
  return CONTINENT_OF.has(code)
}

/** The continent of an ISO 3166-1 alpha-2 code (undefined for a code that is not assigned). */
export function continentOf(code: string): Continent | undefined {
  return CONTINENT_OF.get(code)
}
