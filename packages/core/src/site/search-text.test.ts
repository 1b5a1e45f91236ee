import { describe, expect, it } from 'vitest'
import { foldForSearch, snippet } from './search-text.js'

describe('search text folding', () => {
  it.each([
    ['Rice', 'rice'],
    ['ＲＩＣＥ　１０ｋｇ', 'rice 10kg'],
    ['ｶﾞｲﾄﾞ', 'ガイド'],
    ['Zürich café', 'zurich cafe'],
    ['がっこう', 'がっこう'],
    ['パン', 'パン'],
    ['北朝鮮', '北朝鮮'],
    ['①', '1'],
  ])('%s → %s', (text, folded) => {
    expect(foldForSearch(text)).toBe(folded)
  })
})

describe('snippets', () => {
  const text = (parts: { text: string; hit: boolean }[]) => parts.map((p) => p.text).join('')
  const hits = (parts: { text: string; hit: boolean }[]) =>
    parts.filter((p) => p.hit).map((p) => p.text)

  it('marks every occurrence, in the original spelling', () => {
    const parts = snippet('Rice for the shelter. RICE again, and ｒｉｃｅ.', ['rice'])
    expect(hits(parts)).toEqual(['Rice', 'RICE', 'ｒｉｃｅ'])
    expect(text(parts)).toBe('Rice for the shelter. RICE again, and ｒｉｃｅ.')
  })

  it('centres a long text on the first hit, with ellipses', () => {
    const long = `${'前置き。'.repeat(100)}北朝鮮難民の保護について。${'後書き。'.repeat(100)}`
    const parts = snippet(long, ['難民'], 120)
    expect(hits(parts)).toEqual(['難民'])
    expect(parts[0]?.text).toBe('…')
    expect(parts.at(-1)?.text).toBe('…')
    expect(text(parts).length).toBeLessThanOrEqual(124)
  })

  it('keeps markup as text (the page escapes it)', () => {
    const parts = snippet('<script>alert(1)</script> rice', ['rice'])
    expect(text(parts)).toContain('<script>')
    expect(hits(parts)).toEqual(['rice'])
  })

  it('merges overlapping hits and never splits a surrogate pair', () => {
    expect(hits(snippet('北朝鮮難民', ['北朝鮮', '朝鮮難']))).toEqual(['北朝鮮難'])
    const emoji = `${'😀'.repeat(200)}rice`
    for (const p of snippet(emoji, ['rice'], 50))
      expect(p.text).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/)
  })

  it('reads as whole sentences: the one with the hit, then what follows, in English and Japanese', () => {
    const en =
      'The office moved in April. Every shelter received rice and fuel for the winter. Volunteers carried it over the river at night. The report lists each delivery by month and place.'
    const parts = snippet(en, ['rice'], 120)
    expect(text(parts)).toBe(
      '… Every shelter received rice and fuel for the winter. Volunteers carried it over the river at night. …',
    )
    const ja =
      '事務所は四月に移転しました。すべてのシェルターに米と冬の燃料を届けました。ボランティアが夜に川を渡って運びました。報告書には月ごとの配布が載っています。'
    expect(text(snippet(ja, ['燃料'], 50))).toBe(
      '…すべてのシェルターに米と冬の燃料を届けました。ボランティアが夜に川を渡って運びました。…',
    )
    expect(text(snippet(ja, ['燃料'], 60))).toBe(
      '事務所は四月に移転しました。すべてのシェルターに米と冬の燃料を届けました。ボランティアが夜に川を渡って運びました。…',
    )
  })

  it('takes the sentence before when the one after does not fit, and cuts only a sentence too long to show', () => {
    const parts = snippet('Short first. The hit is rice here.', ['rice'], 40)
    expect(text(parts)).toBe('Short first. The hit is rice here.')
    const long = `Intro. ${'word '.repeat(60)}rice ${'word '.repeat(60)}end.`
    const cut = text(snippet(long, ['rice'], 80))
    expect(cut.length).toBeLessThanOrEqual(84)
    expect(cut).toContain('rice')
  })
})
