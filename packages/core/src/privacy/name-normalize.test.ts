import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { indexTerms, normalizeName, queryTerms, textNameCandidates } from './name-normalize.js'

describe('normalizeName', () => {
  it.each([
    ['Kim Yong-hun', 'kimyonghun'],
    ['ＫＩＭ　ＹＯＮＧ', 'kimyong'],
    ['キム・ヨンフン', 'きむよんふん'],
    ['ｷﾑ ﾖﾝﾌﾝ', 'きむよんふん'],
    ['김영훈', '김영훈'],
    ['金 永勲', '金永勲'],
    ['  O’Brien, Mary-Jane ', 'obrienmaryjane'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeName(input)).toBe(expected)
  })

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => normalizeName(normalizeName(s)) === normalizeName(s)))
  })
})

describe('index and query terms', () => {
  const stored = new Set(indexTerms('Kim Yong-hun').map((t) => t.term))
  const finds = (query: string) => queryTerms(query).some((t) => stored.has(t))

  it('finds a name by itself, by a part, and by its first characters, in any case or width', () => {
    expect(finds('kim yong hun')).toBe(true)
    expect(finds('KIM')).toBe(true)
    expect(finds('Yong')).toBe(true)
    expect(finds('ｙｏｎ')).toBe(true)
    expect(finds('ki')).toBe(true)
  })

  it('does not find a similar but different name', () => {
    expect(finds('Kim Young-hoon')).toBe(false)
    expect(finds('yongs')).toBe(false)
    expect(finds('hunk')).toBe(false)
  })

  it('finds a Hanzi or Hangul family name by its single character', () => {
    const hanzi = new Set(indexTerms('金 永勲').map((t) => t.term))
    expect(queryTerms('金').some((t) => hanzi.has(t))).toBe(true)
    expect(queryTerms('金永').some((t) => hanzi.has(t))).toBe(true)
    expect(queryTerms('李').some((t) => hanzi.has(t))).toBe(false)
  })
})

describe('textNameCandidates', () => {
  const spans = (text: string) =>
    textNameCandidates(text).map((c) => `${text.slice(c.at, c.at + c.length)}=${c.normalized}`)

  it('takes whole words in any case, and stretches inside unspaced scripts', () => {
    expect(spans('Hello, MINA!')).toEqual(['Hello=hello', 'MINA=mina'])
    const ja = spans('ミナは元気')
    expect(ja).toContain('ミナ=みな')
    expect(ja).toContain('元気=元気')
    expect(ja).toContain('ミナは元気=みなは元気')
    // Single characters inside a word are not candidates (one kanji would flag ordinary words).
    expect(ja).not.toContain('元=元')
  })

  it('points into the caller’s text across characters outside the BMP', () => {
    const text = 'a 𠮷田さん'
    const found = textNameCandidates(text).find((c) => c.normalized === '𠮷田')
    expect(found && text.slice(found.at, found.at + found.length)).toBe('𠮷田')
  })
})
