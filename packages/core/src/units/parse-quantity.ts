import type { CurrencyCode } from '../money/currency.js'
import { type Quantity, quantity } from './quantity.js'
import { countNoun, knownCountNoun, normalizeUnit, type TimeUnit, type UnitTerm } from './unit.js'

/** A figure read from a sentence, with whether the writer hedged it ("about $12,308"). */
export interface ParsedQuantity {
  readonly quantity: Quantity
  readonly approximate: boolean
  readonly text: string
}

export interface ParseQuantityOptions {
  /**
   * The thing counted when the text names none ("600 a month" in a paragraph about people).
   * Without it such a figure is a bare number per period.
   */
  readonly defaultCount?: string
}

export class QuantityParseError extends Error {
  override name = 'QuantityParseError'
  readonly code = 'unparseable_quantity'
}

const CURRENCY_WORDS: ReadonlyArray<readonly [RegExp, CurrencyCode]> = [
  [/^(?:us\$|usd|u\.s\. dollars?|dollars?|\$)/i, 'USD'],
  [/^(?:yen|jpy|円|¥|￥)/i, 'JPY'],
  [/^(?:rmb|cny|yuan|renminbi|元|人民元)/i, 'CNY'],
  [/^(?:eur|euros?|€)/i, 'EUR'],
  [/^(?:gbp|pounds? sterling|£)/i, 'GBP'],
  [/^(?:krw|south korean won)/i, 'KRW'],
  [/^(?:kpw|north korean won)/i, 'KPW'],
]

const MASS_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  // "ton" in an NGO report means the metric tonne; short and long tons are not supported.
  [/^(?:tonnes?|tons?|metric tons?|t\b|トン)/i, 't'],
  [/^(?:kilograms?|kilos?|kgs?\b|キログラム|キロ)/i, 'kg'],
  [/^(?:grams?|grammes?|g\b|グラム)/i, 'g'],
]

const MULTIPLIERS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:billion|bn\b)/i, 1e9],
  [/^(?:million|mn\b|m\b)/i, 1e6],
  [/^(?:thousand|k\b)/i, 1e3],
  [/^百万/, 1e6],
  [/^億/, 1e8],
  [/^万/, 1e4],
  [/^千/, 1e3],
]

const PERIOD_WORDS: ReadonlyArray<readonly [RegExp, TimeUnit]> = [
  [
    /^(?:(?:a|per|each|every|\/|a single)\s*day|daily|\/日|毎日|日に|日あたり|1日あたり|一日あたり)/i,
    'day',
  ],
  [/^(?:(?:a|per|each|every|\/)\s*week|weekly|\/週|毎週|週に)/i, 'week'],
  [/^(?:(?:a|per|each|every|\/)\s*month|monthly|\/月|毎月|月に|月あたり|ひと月あたり)/i, 'month'],
  [
    /^(?:(?:a|per|each|every|\/)\s*year|annually|yearly|per annum|\/年|毎年|年に|年間|年あたり)/i,
    'year',
  ],
]

// Japanese puts the period first: 1日20人, 月600人, 年間30トン.
const LEADING_PERIODS: ReadonlyArray<readonly [RegExp, TimeUnit]> = [
  [/^(?:1日|一日|毎日)(?:あたり|に)?/, 'day'],
  [/^(?:1週間?|一週間?|毎週)(?:あたり|に)?/, 'week'],
  [/^(?:1か月|1ヶ月|1カ月|ひと月|一か月|毎月|月)(?:あたり|に)?/, 'month'],
  [/^(?:1年|一年|年間|毎年)(?:あたり|に)?/, 'year'],
]

const APPROXIMATE =
  /^(?:about|around|approximately|approx\.?|roughly|some|nearly|almost|~|約|およそ|ほぼ)\s*/i
const PER_NOUN =
  /^(?:per|a|each|for each|every)\s+([a-z]+)|^\/\s*([a-z]+)|^(1人|一人)(?:あたり|につき)/i
const NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/

/**
 * Reads one stated figure: "30 tonnes", "20 people a day", "600 a month", "1.44 million yen",
 * "400 RMB a day", "$12,308", "500-gram daily ration per adult", "144万円", "1日20人".
 * Words it does not know ("of rice-based foodstuffs") are skipped; a text with no number, or
 * with two units of the same kind, is refused with a QuantityParseError.
 */
export function parseQuantity(text: string, options: ParseQuantityOptions = {}): ParsedQuantity {
  let rest = text.normalize('NFKC').trim()
  const fail = (why: string): never => {
    throw new QuantityParseError(`Cannot read "${text}" as a figure: ${why}.`)
  }
  let approximate = false
  const terms: UnitTerm[] = []
  let hasTop = false
  const setTop = (unit: string) => {
    if (hasTop) fail(`it names two units (${unit} and another)`)
    hasTop = true
    terms.push({ unit, power: 1 })
  }
  const perPeriods = new Set<TimeUnit>()
  const perNouns = new Set<string>()

  const take = (pattern: RegExp): RegExpExecArray | undefined => {
    const match = pattern.exec(rest)
    if (!match) return undefined
    rest = rest.slice(match[0].length).trimStart()
    return match
  }

  for (let again = true; again; ) {
    again = false
    if (take(APPROXIMATE)) approximate = again = true
    for (const [pattern, unit] of LEADING_PERIODS)
      if (take(pattern)) {
        perPeriods.add(unit)
        again = true
      }
  }
  for (const [pattern, code] of CURRENCY_WORDS)
    if (/^(?:us\$|\$|¥|￥|€|£|rmb|cny|usd|jpy|eur|gbp|krw|kpw)/i.test(rest) && take(pattern)) {
      setTop(code)
      break
    }
  const number = take(NUMBER)
  if (!number) fail('no number found')
  let value = Number((number as RegExpExecArray)[0].replaceAll(',', ''))
  for (const [pattern, factor] of MULTIPLIERS)
    if (take(pattern)) {
      value *= factor
      break
    }

  // Then units, per-clauses and words to skip, in any order, until the text runs out. Unknown
  // words right after the number form a noun phrase whose last word is the thing counted
  // ("18 foster children" → child, "30 rice sacks" → sack).
  let candidate: string | undefined
  let phraseOpen = true
  const closePhrase = () => {
    if (phraseOpen && candidate && !hasTop) setTop(candidate)
    phraseOpen = false
  }
  while (rest.length > 0) {
    rest = rest.replace(/^[-\s,]+/, '')
    if (rest.length === 0) break
    const period = PERIOD_WORDS.find(([pattern]) => pattern.test(rest))
    if (period) {
      closePhrase()
      take(period[0])
      perPeriods.add(period[1])
      continue
    }
    const perNoun = PER_NOUN.exec(rest)
    const perWord = perNoun?.[3] ? 'person' : (perNoun?.[1] ?? perNoun?.[2])
    const perKnown =
      perWord === 'head' || perWord === 'person' ? 'person' : knownCountNoun(perWord ?? '')
    if (perNoun && perKnown) {
      closePhrase()
      take(PER_NOUN)
      perNouns.add(perKnown)
      continue
    }
    if (!hasTop) {
      const currency = CURRENCY_WORDS.find(([pattern]) => pattern.test(rest))
      if (currency) {
        take(currency[0])
        setTop(currency[1])
        continue
      }
      const mass = MASS_WORDS.find(([pattern]) => pattern.test(rest))
      if (mass) {
        take(mass[0])
        setTop(mass[1])
        continue
      }
      const counter = take(/^(人|名|食|件|世帯)/)
      if (counter?.[1]) {
        setTop(knownCountNoun(counter[1]) ?? 'person')
        continue
      }
      const word = phraseOpen ? take(/^([a-z]+)/i) : undefined
      if (word?.[1]) {
        if (
          /^(?:a|an|of|in|at|for|to|and|or|the|up|with|within|on|from|who|which|that)$/i.test(
            word[1],
          )
        )
          closePhrase()
        else if (knownCountNoun(word[1])) setTop(knownCountNoun(word[1]) ?? word[1])
        else candidate = countNoun(word[1]) ?? candidate
        continue
      }
    }
    // Anything else is prose around the figure.
    closePhrase()
    rest = rest.replace(/^\S+/, '')
  }
  closePhrase()

  if (!hasTop && options.defaultCount) terms.push({ unit: options.defaultCount, power: 1 })
  for (const unit of perPeriods) terms.push({ unit, power: -1 })
  for (const unit of perNouns) terms.push({ unit, power: -1 })
  return { quantity: quantity(value, normalizeUnit(terms)), approximate, text }
}
