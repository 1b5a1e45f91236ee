import { formatDate, formatNumber } from '@haven/core/i18n/format'
import type { Locale } from '@haven/core/i18n/locales'
import { translate } from '@haven/core/i18n/translate'
import type { FiscalYear } from '@haven/core/site/fiscal-year'
import type { NarrativeFinding } from './report-narrative.js'

/** A yearly amount in yen a figure of the records gives (food spend, funds paid…). */
export interface RecordedYen {
  readonly key: string
  readonly label: Readonly<Record<Locale, string>>
  readonly yen: number
}

const LOCALES = ['en', 'ja'] as const
const both = (make: (l: Locale) => string) => ({ en: make('en'), ja: make('ja') })

/** The template's own words: placeholders removed, so only what the editor typed is read. */
const typedText = (template: string) => template.replace(/\{\{[^}]*\}\}/g, ' ')

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]
const pad = (n: number) => String(n).padStart(2, '0')

/** Full dates typed in running text (`2006-05-01`, `May 1, 2006`, `1 May 2006`, `2006年5月1日`). */
function typedDates(text: string): { text: string; iso: string }[] {
  const found: { at: number; text: string; iso: string }[] = []
  const add = (at: number, words: string, y: number, m: number, d: number) => {
    const iso = `${y}-${pad(m)}-${pad(d)}`
    const date = new Date(`${iso}T00:00:00Z`)
    if (m >= 1 && m <= 12 && !Number.isNaN(date.getTime()) && date.getUTCDate() === d)
      found.push({ at, text: words, iso })
  }
  for (const m of text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g))
    add(m.index, m[0], Number(m[1]), Number(m[2]), Number(m[3]))
  for (const m of text.matchAll(/(\d{4})年\s*(\d{1,2})月\s*(\d{1,2})日/g))
    add(m.index, m[0], Number(m[1]), Number(m[2]), Number(m[3]))
  const month = MONTHS.join('|')
  for (const m of text.matchAll(new RegExp(`\\b(${month})\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'gi')))
    add(m.index, m[0], Number(m[3]), MONTHS.indexOf((m[1] ?? '').toLowerCase()) + 1, Number(m[2]))
  for (const m of text.matchAll(new RegExp(`\\b(\\d{1,2})\\s+(${month})\\s+(\\d{4})\\b`, 'gi')))
    add(m.index, m[0], Number(m[3]), MONTHS.indexOf((m[2] ?? '').toLowerCase()) + 1, Number(m[1]))
  return found.sort((a, b) => a.at - b.at).map(({ text, iso }) => ({ text, iso }))
}

/** A full date typed in the narrative must fall within the report's fiscal year. */
export function checkDates(
  templates: Readonly<Record<Locale, string>>,
  year: FiscalYear,
): NarrativeFinding[] {
  return LOCALES.flatMap((locale) =>
    typedDates(typedText(templates[locale])).map(({ text, iso }) => {
      const inside = iso >= year.from && iso <= year.to
      return {
        locale,
        text,
        status: inside ? ('consistent' as const) : ('contradiction' as const),
        figure: 'fiscal-year',
        explanation: both((l) =>
          translate(l, inside ? 'report.check_date_inside' : 'report.check_date_outside', {
            date: formatDate(l, iso),
            label: year.label,
            from: formatDate(l, year.from),
            to: formatDate(l, year.to),
          }),
        ),
      }
    }),
  )
}

const TONNES = /(\d[\d,]*(?:\.\d+)?)\s*(?:metric tons?|tonnes?|tons?|t(?![a-z])|トン)/gi
const TOTAL_WORD = /\b(?:in all|in total|total|altogether)\b|合計|全体で|計/i

/**
 * Parts against their total within one sentence: where a sentence says "in all" (合計) and
 * states three or more tonnages, the largest is the total and the others its parts
 * ("30 t in China and 10 t in North Korea, 40 t in all").
 */
export function checkSums(templates: Readonly<Record<Locale, string>>): NarrativeFinding[] {
  return LOCALES.flatMap((locale) =>
    typedText(templates[locale])
      .split(/(?<=[.!?。！？])\s*|\n/)
      .flatMap((sentence): NarrativeFinding[] => {
        if (!TOTAL_WORD.test(sentence)) return []
        const stated = [...sentence.matchAll(TONNES)].map((m) => ({
          text: m[0],
          value: Number((m[1] ?? '').replace(/,/g, '')),
        }))
        if (stated.length < 3) return []
        const total = stated.reduce((a, b) => (b.value > a.value ? b : a))
        const parts = stated.filter((s) => s !== total)
        const sum = parts.reduce((a, b) => a + b.value, 0)
        const agrees = Math.abs(sum - total.value) <= Math.max(0.005 * total.value, 1e-9)
        const t = (l: Locale, v: number) => `${formatNumber(l, v)} t`
        return [
          {
            locale,
            text: sentence.trim(),
            status: agrees ? 'consistent' : 'contradiction',
            figure: 'sum',
            explanation: both((l) =>
              translate(l, agrees ? 'report.check_sum_agrees' : 'report.check_sum_differs', {
                parts: parts.map((p) => t(l, p.value)).join(' + '),
                sum: t(l, sum),
                total: t(l, total.value),
              }),
            ),
          },
        ]
      }),
  )
}

const MONTHLY_YEN =
  /(?:¥\s*(\d[\d,]*)|(\d[\d,]*)\s*(?:yen|円))\s*(?:a|per|each|every)\s+month|(?:月額|毎月|月に|1か月)\s*(?:¥\s*)?(\d[\d,]*)\s*円?/gi

/** Whether any typed text states an amount a month: the records' yen are read only then. */
export const mentionsMonthlyAmount = (templates: Readonly<Record<Locale, string>>) =>
  LOCALES.some((l) => [...typedText(templates[l]).matchAll(MONTHLY_YEN)].length > 0)

/**
 * An amount a month against the records' amount a year: "180,000 yen a month" is 2,160,000 a
 * year, compared with the closest yearly amount in yen the records give (within 10 %).
 */
export function checkMonthlyAmounts(
  templates: Readonly<Record<Locale, string>>,
  recorded: readonly RecordedYen[],
): NarrativeFinding[] {
  if (recorded.length === 0) return []
  const yen = (l: Locale, v: number) =>
    new Intl.NumberFormat(l, { style: 'currency', currency: 'JPY' }).format(v)
  return LOCALES.flatMap((locale) =>
    [...typedText(templates[locale]).matchAll(MONTHLY_YEN)].flatMap((m): NarrativeFinding[] => {
      const monthly = Number((m[1] ?? m[2] ?? m[3] ?? '').replace(/,/g, ''))
      if (!Number.isFinite(monthly) || monthly <= 0) return []
      const yearly = monthly * 12
      const distance = (r: RecordedYen) => Math.abs(Math.log(yearly / Math.max(r.yen, 1)))
      const closest = [...recorded].sort((a, b) => distance(a) - distance(b))[0]
      if (!closest) return []
      const ratio = closest.yen / yearly
      const agrees = Math.abs(ratio - 1) <= 0.1
      return [
        {
          locale,
          text: m[0].trim(),
          status: agrees ? 'consistent' : 'contradiction',
          figure: closest.key,
          explanation: both((l) =>
            translate(l, agrees ? 'report.check_monthly_agrees' : 'report.check_monthly_differs', {
              monthly: yen(l, monthly),
              yearly: yen(l, yearly),
              figure: closest.label[l],
              recorded: yen(l, closest.yen),
              ratio: formatNumber(l, Math.round(ratio * 100) / 100),
            }),
          ),
        },
      ]
    }),
  )
}

/** A stock and its flows over the year as the records give them (figures with a `flow`). */
export interface RecordedFlow {
  readonly name: string
  readonly label: Readonly<Record<Locale, string>>
  readonly words: Readonly<Record<Locale, readonly string[]>>
  readonly start: number
  /** What came in (joined) and went out (left, graduated, transferred), each summed. */
  readonly in: number
  readonly out: number
  readonly end: number
}

// "from 32 to 20", "went from 32 children to 20", "32 → 20"; 「32名から20名に」「32人から20人へ」.
const FLOW_EN =
  /\bfrom\s+(\d[\d,]*)\s+(?:[a-z’'-]+\s+){0,2}?to\s+(\d[\d,]*)\b|\b(\d[\d,]*)\s*(?:→|->)\s*(\d[\d,]*)\b/gi
const FLOW_JA =
  /(\d[\d,]*)\s*(?:人|名)?\s*から\s*(\d[\d,]*)\s*(?:人|名)|(\d[\d,]*)\s*(?:→)\s*(\d[\d,]*)/g
const looksLikeYears = (a: number, b: number) => a >= 1900 && a <= 2100 && b >= 1900 && b <= 2100

/** Whether any typed text could state a flow: the records' flows are read only then. */
export const mentionsFlow = (templates: Readonly<Record<Locale, string>>) =>
  [...typedText(templates.en).matchAll(FLOW_EN)].length > 0 ||
  [...typedText(templates.ja).matchAll(FLOW_JA)].length > 0

/**
 * A flow typed in a sentence about a stock the records count ("the children sponsored went from
 * 32 to 20") against the records: the stated start and end must be the counts at the year's
 * start and end, and the records must balance (start + in − out = end). The finding shows the
 * arithmetic in both languages. A pair of years ("from 2005 to 2006") is not a flow.
 */
export function checkFlows(
  templates: Readonly<Record<Locale, string>>,
  recorded: readonly RecordedFlow[],
): NarrativeFinding[] {
  if (recorded.length === 0) return []
  const n = (l: Locale, v: number) => formatNumber(l, v)
  return LOCALES.flatMap((locale) =>
    typedText(templates[locale])
      .split(/(?<=[.!?。！？])\s*|\n/)
      .flatMap((sentence): NarrativeFinding[] => {
        const lower = sentence.toLowerCase()
        const flow = recorded.find((f) =>
          f.words[locale].some((w) =>
            locale === 'en'
              ? new RegExp(`\\b${w.toLowerCase()}\\b`).test(lower)
              : sentence.includes(w),
          ),
        )
        if (!flow) return []
        return [...sentence.matchAll(locale === 'en' ? FLOW_EN : FLOW_JA)].flatMap(
          (m): NarrativeFinding[] => {
            const from = Number((m[1] ?? m[3] ?? '').replace(/,/g, ''))
            const to = Number((m[2] ?? m[4] ?? '').replace(/,/g, ''))
            if (!Number.isFinite(from) || !Number.isFinite(to) || looksLikeYears(from, to))
              return []
            const sum = flow.start + flow.in - flow.out
            const balanced = sum === flow.end
            const agrees = balanced && from === flow.start && to === flow.end
            const params = (l: Locale) => ({
              statedStart: n(l, from),
              statedEnd: n(l, to),
              flow: flow.label[l],
              start: n(l, flow.start),
              in: n(l, flow.in),
              out: n(l, flow.out),
              sum: n(l, sum),
              end: n(l, flow.end),
            })
            const key = !balanced
              ? 'report.check_flow_unbalanced'
              : agrees
                ? 'report.check_flow_agrees'
                : 'report.check_flow_differs'
            return [
              {
                locale,
                text: m[0].trim(),
                status: agrees ? 'consistent' : 'contradiction',
                figure: flow.name,
                explanation: both((l) => translate(l, key, params(l))),
              },
            ]
          },
        )
      }),
  )
}
