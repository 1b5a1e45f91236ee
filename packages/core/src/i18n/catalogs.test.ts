import { describe, expect, it } from 'vitest'
import { en } from './catalog-en.js'
import { ja } from './catalog-ja.js'
import { pluralBlocks } from './plural.js'
import { translate } from './translate.js'

/** The parameters a text uses, whether as `{name}` or as the number of a plural. */
const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]))].sort()

describe('message catalogs', () => {
  it('Japanese has every English message, none empty or left in English', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(ja[key], key).toBeTruthy()
      if (en[key].length > 12 && key !== 'site.name') expect(ja[key], key).not.toBe(en[key])
    }
  })

  it('every translation uses the same placeholders as the English text', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(ja[key]), key).toEqual(placeholders(en[key]))
    }
  })

  it('writes every plural so that it parses, with an "other" form that shows the number', () => {
    for (const catalog of [en, ja])
      for (const [key, text] of Object.entries(catalog))
        for (const block of pluralBlocks(text))
          expect(block.branches.get('other'), key).toContain('#')
  })

  it('chooses English plural forms and keeps a Japanese counter for every number', () => {
    expect(translate('en', 'audit.showing', { count: 1 })).toBe('1 entry shown.')
    expect(translate('en', 'audit.showing', { count: 0 })).toBe('0 entries shown.')
    expect(translate('en', 'audit.showing', { count: 21 })).toBe('21 entries shown.')
    expect(translate('ja', 'audit.showing', { count: 1 })).toBe('1 件を表示しています。')
    expect(translate('en', 'error.rate_limited', { seconds: 1 })).toBe(
      'Too many attempts. Wait 1 second and try again.',
    )
    expect(translate('en', 'site.search.count', { count: '1,204', query: '米' })).toBe(
      '1,204 results for “米”',
    )
    expect(translate('en', 'dist.day_total', { entries: 1, people: 1 })).toMatch(
      /^1 entry, 1 person\./,
    )
  })

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'error.rate_limited', { seconds: 30 })).toBe(
      'Too many attempts. Wait 30 seconds and try again.',
    )
    expect(translate('ja', 'error.rate_limited', { seconds: 30 })).toContain('30 秒')
    expect(translate('en', 'error.rate_limited')).toContain('{seconds}')
  })
})
