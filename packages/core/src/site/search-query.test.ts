import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseSearchQuery, SEARCH_MAX_TERMS, SEARCH_QUERY_MAX_LENGTH } from './search-query.js'

describe('search queries', () => {
  it.each([
    ['難民', ['難民']],
    ['米', ['米']],
    ['北朝鮮 難民', ['北朝鮮', '難民']],
    ['北朝鮮難民の保護', ['北朝鮮難民の保護']],
    ['Rice Distribution', ['rice', 'distribution']],
    ['ＵＮＨＣＲ', ['unhcr']],
    ['ｼｪﾙﾀｰ', ['シェルター']],
    ['"rice" AND NOT shelter*', ['rice', 'and', 'not', 'shelter']],
    ['NEAR(rice shelter, 5)', ['near', 'rice', 'shelter']],
    ['title:rice ^shelter', ['title', 'rice', 'shelter']],
    ['<script>alert(1)</script>', ['script', 'alert']],
    ["rice' OR 1=1 --", ['rice', 'or']],
    ['100%_rice', ['100', 'rice']],
    ['a b c', []],
    ['rice rice RICE', ['rice']],
    ['한국어', ['한국어']],
  ])('%s → %j', (raw, terms) => {
    expect(parseSearchQuery(raw).terms).toEqual(terms)
  })

  it('removes control and invisible characters, and keeps what it shows bounded', () => {
    const q = parseSearchQuery(`ri\u0000ce\u202e\u0007 ${'x'.repeat(10_000)}`)
    expect(q.text).not.toMatch(/[\p{Cc}\u202e]/u)
    expect([...q.text].length).toBeLessThanOrEqual(SEARCH_QUERY_MAX_LENGTH)
    expect(q.terms[0]).toBe('ri')
  })

  it('says when nothing searchable was typed', () => {
    expect(parseSearchQuery('').tooShort).toBe(false)
    expect(parseSearchQuery('a').tooShort).toBe(true)
    expect(parseSearchQuery('%%%').tooShort).toBe(true)
    expect(parseSearchQuery(['難民', 'x']).terms).toEqual(['難民'])
    expect(parseSearchQuery(undefined).terms).toEqual([])
  })

  it('never lets anything but letters, digits and marks through, whatever arrives', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: 'binary' }), (raw) => {
        const q = parseSearchQuery(raw)
        expect(q.terms.length).toBeLessThanOrEqual(SEARCH_MAX_TERMS)
        for (const term of q.terms) expect(term).toMatch(/^[\p{L}\p{N}\p{M}]+$/u)
        expect(q.text).not.toMatch(/[\p{Cc}\p{Cs}]/u)
      }),
      { numRuns: 500 },
    )
  })
})
