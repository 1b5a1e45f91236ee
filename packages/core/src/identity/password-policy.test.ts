import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkPassword, foldForComparison } from './password-policy.js'

const common = new Set(['password', 'qwertyuiop12'])
const context = {
  orgNames: ['Life Funds'],
  loginName: 'kaori',
  isCommon: (p: string) => common.has(p),
}

describe('checkPassword', () => {
  it.each([
    ['short', { kind: 'too_short', minimum: 12 }],
    ['x'.repeat(129), { kind: 'too_long', maximum: 128 }],
    ['QWERTYUIOP12', { kind: 'common' }],
    ['my life-funds password', { kind: 'contains_org' }],
    ['LIFEFUNDS forever and ever', { kind: 'contains_org' }],
    ['kaori-the-great-2026', { kind: 'contains_login' }],
    ['correct horse battery staple', null],
    ['ひらがなだけの長いパスフレーズ', null],
  ] as const)('%s', (password, expected) => {
    expect(checkPassword(password, context)).toEqual(expected)
  })

  it('counts characters as people do: 12 kana are long enough', () => {
    expect(checkPassword('あいうえおかきくけこさし', context)).toBeNull()
    expect(checkPassword('あいうえおかきくけこさ', context)).toEqual({
      kind: 'too_short',
      minimum: 12,
    })
  })

  it('accepts any long password of printable characters that avoids the names (no composition rules)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 12, maxLength: 100, unit: 'grapheme-ascii' }), (p) => {
        const folded = foldForComparison(p)
        fc.pre(!folded.includes('lifefunds') && !folded.includes('kaori') && !common.has(folded))
        fc.pre([...p.normalize('NFC')].length >= 12)
        expect(checkPassword(p, context)).toBeNull()
      }),
    )
  })
})
