import { describe, expect, it } from 'vitest'
import { chooseContentCoding } from './content-encoding.js'

describe('chooseContentCoding', () => {
  it('prefers Brotli to gzip when a browser offers both', () => {
    expect(chooseContentCoding('gzip, deflate, br, zstd')).toBe('br')
  })

  it('answers gzip to a client that takes only gzip, and plain bytes to one that takes neither', () => {
    expect(chooseContentCoding('gzip')).toBe('gzip')
    expect(chooseContentCoding('deflate, identity')).toBeNull()
    expect(chooseContentCoding(undefined)).toBeNull()
    expect(chooseContentCoding('')).toBeNull()
  })

  it('follows the weights: a refused coding (q=0) is never sent, a heavier one wins', () => {
    expect(chooseContentCoding('br;q=0, gzip')).toBe('gzip')
    expect(chooseContentCoding('br;q=0.4, gzip;q=0.8')).toBe('gzip')
    expect(chooseContentCoding('*;q=0')).toBeNull()
    expect(chooseContentCoding('*')).toBe('br')
    expect(chooseContentCoding('gzip;q=0, *')).toBe('br')
  })

  it('offers only what is held', () => {
    expect(chooseContentCoding('br, gzip', ['gzip'])).toBe('gzip')
    expect(chooseContentCoding('br', ['gzip'])).toBeNull()
  })

  it('reads names and weights case-insensitively and ignores nonsense weights', () => {
    expect(chooseContentCoding('GZIP; Q=1')).toBe('gzip')
    expect(chooseContentCoding('br;q=abc, gzip')).toBe('gzip')
  })
})
