import { fiscalYear } from '@haven/core/site/fiscal-year'
import { describe, expect, it } from 'vitest'
import { checkDates, checkMonthlyAmounts, checkSums } from './report-narrative-checks.js'

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
})
