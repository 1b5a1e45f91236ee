import { describe, expect, it } from 'vitest'
import { allMigrations, MIGRATIONS } from './index.js'

const noop = { up: async () => {} }

describe('allMigrations', () => {
  it('merges each module’s migrations with the platform’s history, in name order', () => {
    const all = allMigrations([
      { name: 'sponsorship', migrations: { '2027-02-01-0002-sponsors': noop } },
      { name: 'finance', migrations: { '2027-01-15-0001-ledgers': noop } },
      { name: 'people' },
    ])
    const names = Object.keys(all)
    expect(names).toEqual([
      ...Object.keys(MIGRATIONS),
      '2027-01-15-0001-ledgers',
      '2027-02-01-0002-sponsors',
    ])
    expect(names).toEqual([...names].sort())
    expect(Object.isFrozen(all)).toBe(true)
  })

  it('refuses two migrations with one name instead of running one of them', () => {
    const [first] = Object.keys(MIGRATIONS)
    expect(() => allMigrations([{ name: 'finance', migrations: { [first ?? '']: noop } }])).toThrow(
      /exists twice/,
    )
    expect(() =>
      allMigrations([
        { name: 'a', migrations: { '2027-01-01-0001-x': noop } },
        { name: 'b', migrations: { '2027-01-01-0001-x': noop } },
      ]),
    ).toThrow(/of the b module exists twice/)
  })
})
