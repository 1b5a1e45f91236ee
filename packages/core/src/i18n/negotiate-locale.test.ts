import { describe, expect, it } from 'vitest'
import { negotiateLocale, parseAcceptLanguage } from './negotiate-locale.js'

describe('negotiateLocale', () => {
  it.each([
    [{ chosen: 'ja', acceptLanguage: 'en-US' }, 'ja'],
    [{ chosen: 'xx', acceptLanguage: 'ja-JP,ja;q=0.9,en;q=0.8' }, 'ja'],
    [{ acceptLanguage: 'fr-FR, en;q=0.5, ja;q=0.7' }, 'ja'],
    [{ acceptLanguage: 'de' }, 'en'],
    [{ acceptLanguage: '' }, 'en'],
    [{}, 'en'],
    [{ acceptLanguage: 'ja;q=0, en' }, 'en'],
    [{ acceptLanguage: 'JA-jp' }, 'ja'],
  ] as const)('%j → %s', (sources, expected) => {
    expect(negotiateLocale(sources)).toBe(expected)
  })

  it('ignores malformed and hostile parts of the header', () => {
    expect(parseAcceptLanguage('<script>, ja;q=abc, en;q=0.4')).toEqual(['ja', 'en'])
    expect(parseAcceptLanguage(`${'x,'.repeat(10_000)}ja`).length).toBeLessThanOrEqual(32)
  })
})
