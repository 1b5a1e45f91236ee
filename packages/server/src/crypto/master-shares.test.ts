import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { masterFingerprint } from './master-key.js'
import { combineMasterKey, splitMasterKey } from './master-shares.js'

describe('master key shares', () => {
  it('rebuilds the key from any 3 of 5 shares, and from all of them', async () => {
    const key = randomBytes(32)
    const shares = await splitMasterKey(key, 5, 3)
    expect(shares).toHaveLength(5)
    for (const share of shares)
      expect(share).toMatch(
        new RegExp(`^HAVEN-SHARE-1:3:${masterFingerprint(key)}:[\\w-]+:[0-9a-f]{8}$`),
      )
    for (const pick of [
      [0, 1, 2],
      [4, 2, 0],
      [1, 3, 4],
    ])
      expect((await combineMasterKey(pick.map((i) => shares[i] ?? ''))).equals(key)).toBe(true)
    expect((await combineMasterKey(shares)).equals(key)).toBe(true)
  })

  it('refuses too few shares, a mistyped share, a wrong share and shares of another key', async () => {
    const key = randomBytes(32)
    const shares = await splitMasterKey(key, 5, 3)
    const [a = '', b = '', c = ''] = shares
    await expect(combineMasterKey([a, b])).rejects.toThrow('3 different shares are needed; 2 given')
    await expect(combineMasterKey([a, b, a])).rejects.toThrow(/2 given/)
    const typo = c.replace(
      /:([\w-])([\w-]+):/,
      (_m, x: string, rest: string) => `:${x === 'A' ? 'B' : 'A'}${rest}:`,
    )
    await expect(combineMasterKey([a, b, typo])).rejects.toThrow('share 3 is damaged')
    const other = await splitMasterKey(randomBytes(32), 5, 3)
    await expect(combineMasterKey([a, b, other[2] ?? ''])).rejects.toThrow(/different master keys/)
    await expect(combineMasterKey(['hello'])).rejects.toThrow(/not a Haven share/)
  })

  it('checks its arguments', async () => {
    await expect(splitMasterKey(randomBytes(32), 5, 6)).rejects.toThrow(/--threshold/)
    await expect(splitMasterKey(randomBytes(32), 1, 1)).rejects.toThrow(/--shares/)
  })
})
