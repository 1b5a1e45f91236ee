import { fiscalYear } from '@haven/core/site/fiscal-year'
import { describe, expect, it } from 'vitest'
import {
  checkDates,
  checkFlows,
  checkMonthlyAmounts,
  checkSums,
  mentionsFlow,
  type RecordedFlow,
} from './report-narrative-checks.js'

const FY2005 = fiscalYear(2005)

describe('numbers typed in the narrative: dates, sums, amounts a month', () => {
  it('flags a full date outside the fiscal year, in both languages, and accepts one inside', () => {
    const findings = checkDates(
      {
        en: 'On May 1, 2005 we opened a shelter; on 2006-06-10 it closed. {{x.y}}',
        ja: '2005年5月1日に開設し、2007年1月3日に閉鎖しました。',
      },
      FY2005,
    )
    expect(findings.map((f) => [f.locale, f.text, f.status])).toEqual([
      ['en', 'May 1, 2005', 'consistent'],
      ['en', '2006-06-10', 'contradiction'],
      ['ja', '2005年5月1日', 'consistent'],
      ['ja', '2007年1月3日', 'contradiction'],
    ])
    expect(findings[1]?.explanation.en).toContain('is outside FY2005')
    expect(findings[3]?.explanation.ja).toContain('期間外')
  })

  it('adds the parts of a sentence that states a total, and shows the sum when it differs', () => {
    const findings = checkSums({
      en: 'We sent 30 t to China and 10 t to North Korea, 45 t in all. Then 3 t more.',
      ja: '中国へ30トン、北朝鮮へ10トン、合計40トンを届けました。',
    })
    expect(findings.map((f) => [f.locale, f.status])).toEqual([
      ['en', 'contradiction'],
      ['ja', 'consistent'],
    ])
    expect(findings[0]?.explanation.en).toBe(
      'The parts do not add up: 30 t + 10 t = 40 t, but the total stated is 45 t.',
    )
    expect(findings[0]?.explanation.ja).toContain('30 t + 10 t = 40 t')
  })

  it('multiplies an amount a month by 12 and compares it with the records’ yearly amount', () => {
    const recorded = [
      { key: 'supplies.food.spend', label: { en: 'Food spend', ja: '食費' }, yen: 1_440_000 },
    ]
    const findings = checkMonthlyAmounts(
      { en: 'Food cost 180,000 yen a month.', ja: '食費は月額120,000円でした。' },
      recorded,
    )
    expect(findings.map((f) => [f.locale, f.text, f.status])).toEqual([
      ['en', '180,000 yen a month', 'contradiction'],
      ['ja', '月額120,000円', 'consistent'],
    ])
    expect(findings[0]?.explanation.en).toBe(
      'Stated ¥180,000 a month × 12 = ¥2,160,000 a year; from the records (Food spend): ¥1,440,000, which is 0.67 times that.',
    )
    expect(findings[1]?.explanation.ja).toContain('× 12')
  })

  const children: RecordedFlow = {
    name: 'sponsorship.children',
    label: { en: 'children in the sponsorship plan', ja: '里親プランの児童' },
    words: { en: ['children', 'sponsored'], ja: ['児童', '里親'] },
    start: 32,
    in: 8,
    out: 20,
    end: 20,
  }

  it('reads a typed flow against the stock at the start and end, with the arithmetic between', () => {
    const findings = checkFlows(
      {
        en: 'The children sponsored went from 32 to 20. From 2005 to 2006 the children studied. {{x}} We fed 40 to 50 people.',
        ja: '里親支援の児童は32名から22名になりました。',
      },
      [children],
    )
    expect(findings.map((f) => [f.locale, f.text, f.status, f.figure])).toEqual([
      ['en', 'from 32 to 20', 'consistent', 'sponsorship.children'],
      ['ja', '32名から22名', 'contradiction', 'sponsorship.children'],
    ])
    expect(findings[0]?.explanation.en).toBe(
      'Stated from 32 to 20; from the records (children in the sponsorship plan): 32 at the start + 8 in − 20 out = 20 at the end. They agree.',
    )
    expect(findings[1]?.explanation.ja).toBe(
      '記載は32から22ですが、記録（里親プランの児童）では年度初め 32 + 増加 8 − 減少 20 = 年度末 20 です。',
    )
    expect(findings[1]?.explanation.en).toContain('but the records')
  })

  it('flags a wrong start, an arrow, and records that do not balance', () => {
    const wrongStart = checkFlows({ en: 'Sponsored children: 30 → 20.', ja: '' }, [children])
    expect(wrongStart.map((f) => [f.text, f.status])).toEqual([['30 → 20', 'contradiction']])
    const unbalanced = checkFlows({ en: 'Children sponsored went from 32 to 21.', ja: '' }, [
      { ...children, end: 21 },
    ])
    expect(unbalanced[0]?.status).toBe('contradiction')
    expect(unbalanced[0]?.explanation.en).toBe(
      'The records (children in the sponsorship plan) do not balance: 32 at the start + 8 in − 20 out = 20, but 21 are counted at the end.',
    )
    expect(unbalanced[0]?.explanation.ja).toContain('釣り合いません')
  })

  it('reads no flow where the sentence is about nothing the records count, or names none', () => {
    expect(checkFlows({ en: 'Rice prices went from 32 to 20 yuan.', ja: '' }, [children])).toEqual(
      [],
    )
    expect(checkFlows({ en: 'The children went from 32 to 20.', ja: '' }, [])).toEqual([])
    expect(mentionsFlow({ en: 'We ran three shelters.', ja: '三つのシェルター。' })).toBe(false)
    expect(mentionsFlow({ en: '', ja: '32人から20人へ' })).toBe(true)
  })
})
