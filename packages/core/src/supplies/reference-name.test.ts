import { describe, expect, it } from 'vitest'
import { referenceName } from './reference-name.js'

describe('a stored name in the reader’s language', () => {
  it('is Japanese on Japanese screens when given, English otherwise', () => {
    expect(referenceName('ja', { name: 'rice', nameJa: '米' })).toBe('米')
    expect(referenceName('en', { name: 'rice', nameJa: '米' })).toBe('rice')
  })
  it('falls back to the other language when one is missing', () => {
    expect(referenceName('ja', { name: 'rice', nameJa: null })).toBe('rice')
    expect(referenceName('ja', { name: 'rice', nameJa: '' })).toBe('rice')
    expect(referenceName('en', { name: '', nameJa: '米' })).toBe('米')
  })
})
