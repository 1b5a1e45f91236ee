import type { Locale } from '@haven/core/i18n/locales'
import { formatQuantity, type Quantity, quantity } from '@haven/core/units/quantity'
import type { TimeBasis } from '@haven/core/units/time-basis'
import type { ArithmeticStep, ConsistencyFinding, ConversionPath } from './check-consistency.js'

const TIME = new Set(['day', 'week', 'month', 'year'])

/** The words of a consistency finding, per language; every language must have every entry. */
interface ConsistencyWords {
  readonly consistent: string
  readonly contradiction: string
  readonly incomparable: string
  stated(value: string): string
  fromRecords: string
  basis(basis: TimeBasis): string
  readonly months: string
  rate(path: ConversionPath): string
  ratio(ratio: string, difference: string, more: boolean, tolerance: string): string
  cannotCompare(reason: string): string
  readonly separator: string
  /** Between the steps of the arithmetic. */
  readonly stepJoin: string
  basisNote(text: string): string
  /** Between the finding and the ratio sentence. */
  readonly gap: string
  readonly end: string
}

const words: Readonly<Record<Locale, ConsistencyWords>> = {
  en: {
    consistent: 'consistent',
    contradiction: 'contradiction',
    incomparable: 'cannot be checked',
    stated: (value) => `stated ${value}`,
    fromRecords: 'from the records',
    basis: (b) => `${b.daysPerMonth} days a month, ${b.daysPerYear} days a year`,
    months: '12 months a year',
    rate: (path) =>
      path.legs
        .map(
          ({ rate }) =>
            `1 ${rate.base} = ${rate.rate} ${rate.quote} (${rate.date}${rate.source ? `, ${rate.source}` : ''})`,
        )
        .join(' and '),
    ratio: (ratio, difference, more, tolerance) =>
      `The computed figure is ${ratio} times the stated one (${difference} ${more ? 'more' : 'less'}; tolerance ${tolerance}).`,
    cannotCompare: (reason) => `Cannot compare: ${reason}.`,
    separator: '; ',
    stepJoin: ', ',
    basisNote: (text) => ` (${text})`,
    gap: ' ',
    end: '.',
  },
  ja: {
    consistent: '整合',
    contradiction: '矛盾',
    incomparable: '照合不能',
    stated: (value) => `記載値 ${value}`,
    fromRecords: '記録からの計算',
    basis: (b) => `1か月${b.daysPerMonth}日、1年${b.daysPerYear}日として`,
    months: '1年12か月として',
    rate: (path) =>
      path.legs
        .map(
          ({ rate }) =>
            `1 ${rate.base} = ${rate.rate} ${rate.quote}(${rate.date}${rate.source ? `、${rate.source}` : ''})`,
        )
        .join('および'),
    ratio: (ratio, difference, more, tolerance) =>
      `計算値は記載値の${ratio}倍(${difference}${more ? '多い' : '少ない'}、許容差${tolerance})。`,
    cannotCompare: (reason) => `照合できません: ${reason}。`,
    separator: '。',
    stepJoin: '、',
    basisNote: (text) => `（${text}）`,
    gap: '',
    end: '。',
  },
}

function step(s: ArithmeticStep, locale: Locale): string {
  const f = (q: Quantity) => formatQuantity(q, locale)
  const w = words[locale]
  switch (s.kind) {
    case 'product':
      return `${s.factors.map(f).join(' × ')} = ${f(s.result)}`
    case 'sum':
      return `${s.terms
        .map((t, i) => {
          const term = t.label === undefined ? f(t.quantity) : `${f(t.quantity)} (${t.label})`
          return i === 0 ? (t.sign < 0 ? `−${term}` : term) : `${t.sign < 0 ? '−' : '+'} ${term}`
        })
        .join(' ')} = ${f(s.result)}`
    case 'currency':
      return `${f(s.from)} = ${f(s.to)}${w.basisNote(w.rate(s.path))}`
    case 'unit':
      return `${f(s.from)} = ${f(s.to)}`
  }
}

/** One finding as a sentence or two an editor can check with a calculator. */
export function explainConsistency(finding: ConsistencyFinding, locale: Locale): string {
  const w = words[locale]
  const f = (q: Quantity) => formatQuantity(q, locale)
  if (finding.status === 'incomparable')
    return `${finding.label} — ${w.incomparable}: ${w.cannotCompare(finding.reason)}`
  // Which lengths of time the conversions relied on: months and years alone need only the
  // calendar (12 months a year); days and weeks need the stated basis.
  const timeUnits = new Set(
    finding.steps.flatMap((s) =>
      s.kind === 'unit'
        ? [...s.from.unit, ...s.to.unit].map((t) => t.unit).filter((u) => TIME.has(u))
        : [],
    ),
  )
  const basisNote =
    timeUnits.size === 0
      ? ''
      : [...timeUnits].every((u) => u === 'month' || u === 'year')
        ? w.basisNote(w.months)
        : w.basisNote(w.basis(finding.basis))
  const arithmetic = finding.steps.map((s) => step(s, locale)).join(w.stepJoin)
  const parts = [
    `${finding.label} — ${finding.status === 'consistent' ? w.consistent : w.contradiction}: ${w.stated(f(finding.stated))}`,
    `${w.fromRecords}: ${arithmetic || f(finding.computed)}${basisNote}`,
  ]
  let text = parts.join(w.separator) + w.end
  if (finding.status === 'contradiction') {
    const difference = quantity(
      Math.abs(finding.computed.value - finding.stated.value),
      finding.stated.unit,
    )
    const ratio =
      finding.ratio === null
        ? '∞'
        : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(finding.ratio)
    const tolerance = new Intl.NumberFormat(locale, {
      style: 'percent',
      maximumFractionDigits: 1,
    }).format(finding.tolerance)
    text += `${w.gap}${w.ratio(ratio, f(difference), finding.computed.value > finding.stated.value, tolerance)}`
  }
  return text
}
