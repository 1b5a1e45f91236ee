import { describe, expect, it } from 'vitest'
import { hmacSha256, sha256, toHex, utf8 } from './keyed-hash.js'

describe('SHA-256 and HMAC-SHA-256 (standard vectors)', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
  ])('sha256(%j)', (text, hex) => {
    expect(toHex(sha256(utf8(text)))).toBe(hex)
  })

  it('hashes a million a’s (many blocks)', () => {
    expect(toHex(sha256(new Uint8Array(1_000_000).fill(0x61)))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    )
  })

  it.each([
    // RFC 4231 test cases 1, 2 and 6 (a key longer than a block).
    [
      '0b'.repeat(20),
      toHex(utf8('Hi There')),
      'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
    ],
    [
      toHex(utf8('Jefe')),
      toHex(utf8('what do ya want for nothing?')),
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    ],
    [
      'aa'.repeat(131),
      toHex(utf8('Test Using Larger Than Block-Size Key - Hash Key First')),
      '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    ],
  ])('hmac(%s…)', (keyHex, messageHex, expected) => {
    const bytes = (hex: string) =>
      Uint8Array.from(hex.match(/../g) ?? [], (h) => Number.parseInt(h, 16))
    expect(toHex(hmacSha256(bytes(keyHex), bytes(messageHex)))).toBe(expected)
  })
})
