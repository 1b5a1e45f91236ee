import { describe, expect, it } from 'vitest'
import { en } from '../i18n/catalog-en.js'
import { ja } from '../i18n/catalog-ja.js'
import { FIELD_REFUSALS } from './field-schemas.js'

describe('field refusals', () => {
  it.each(FIELD_REFUSALS)('%s has words in English and Japanese', (code) => {
    const key = `field.refused.${code}` as keyof typeof en
    expect(en[key], key).toBeTruthy()
    expect(ja[key], key).toBeTruthy()
    expect(ja[key]).not.toBe(en[key])
  })
})
