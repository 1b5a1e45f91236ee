import { describe, expect, it } from 'vitest'
import { checkNarrative } from './report-narrative.js'

const recorded = [
  { key: 'shelters', label: { en: 'Rice in shelters', ja: 'シェルターの米' }, tonnes: 73 },
  { key: 'delivered', label: { en: 'Food delivered', ja: '配送した食料' }, tonnes: 10 },
]

describe('numbers typed in the narrative against the records', () => {
  it('flags the seed report’s 30 t against 73 t recorded, and accepts 10 t delivered', () => {
    const findings = checkNarrative(
      {
        en: 'About 30 tons of food in our shelters in China, and 10 t within North Korea.',
        ja: '中国のシェルターで30トン、北朝鮮国内で10トン。{{supplies.food.tonnes.shelters}}',
      },
      recorded,
    )
    expect(findings.map((f) => [f.locale, f.text, f.status, f.figure])).toEqual([
      ['en', '30 tons', 'contradiction', 'shelters'],
      ['en', '10 t', 'consistent', 'delivered'],
      ['ja', '30トン', 'contradiction', 'shelters'],
      ['ja', '10トン', 'consistent', 'delivered'],
    ])
    expect(findings[2]?.explanation.ja).toContain('シェルターの米 — 矛盾: 記載値 30 t/年')
    expect(findings[0]?.explanation.en).toContain('2.43 times the stated one')
  })

  it('reads no placeholder and no word that merely starts with t as a tonnage', () => {
    expect(
      checkNarrative({ en: 'In 2005 there were 3 teams. {{x.y}} 20 tents.', ja: '' }, recorded),
    ).toEqual([])
  })
})
