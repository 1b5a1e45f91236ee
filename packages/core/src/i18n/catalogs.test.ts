import { describe, expect, it } from 'vitest'
import { en } from './catalog-en.js'
import { ja } from './catalog-ja.js'
import { translate } from './translate.js'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

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

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'error.rate_limited', { seconds: 30 })).toBe(
      'Too many attempts. Wait 30 seconds and try again.',
    )
    expect(translate('ja', 'error.rate_limited', { seconds: 30 })).toContain('30 秒')
    expect(translate('en', 'error.rate_limited')).toContain('{seconds}')
  })
})
