import { describe, expect, it } from 'vitest'
import {
  auditAddress,
  auditQuery,
  filtersFromQuery,
  NO_FILTERS,
  rangeReversed,
} from './audit-query.js'

describe('auditQuery', () => {
  it('leaves out empty filters and always says the page size', () => {
    expect(auditQuery(NO_FILTERS)).toBe('limit=50')
    expect(auditQuery({ ...NO_FILTERS, actor: ' hanako ', action: 'auth.login' }, 120)).toBe(
      'actor=hanako&action=auth.login&before=120&limit=50',
    )
  })

  it('turns calendar days into the instants that begin and end them in local time', () => {
    const query = new URLSearchParams(
      auditQuery({ ...NO_FILTERS, from: '2026-04-01', to: '2026-04-01' }),
    )
    const from = new Date(query.get('from') ?? '')
    const to = new Date(query.get('to') ?? '')
    expect([from.getFullYear(), from.getMonth(), from.getDate(), from.getHours()]).toEqual([
      2026, 3, 1, 0,
    ])
    expect([to.getDate(), to.getHours(), to.getMinutes()]).toEqual([1, 23, 59])
    expect(query.get('from')).toMatch(/Z$/)
  })

  it.each([
    ['2026-04-02', '2026-04-01', true],
    ['2026-04-01', '2026-04-01', false],
    ['', '2026-04-01', false],
  ])('from %s to %s reversed: %s', (from, to, reversed) => {
    expect(rangeReversed({ ...NO_FILTERS, from, to })).toBe(reversed)
  })
})

describe('the audit address', () => {
  it('round-trips the filters and the page, leaving out what is empty', () => {
    const filters = {
      ...NO_FILTERS,
      actor: 'hanako',
      action: 'person.identity_read',
      from: '2026-01-02',
    }
    const address = auditAddress(filters, 120)
    expect(address).toBe(
      '/app/audit?actor=hanako&action=person.identity_read&from=2026-01-02&before=120',
    )
    const query = Object.fromEntries(new URL(address, 'http://x').searchParams)
    expect(filtersFromQuery(query)).toEqual({ filters, before: 120 })
    expect(auditAddress(NO_FILTERS)).toBe('/app/audit')
  })

  it('ignores a hand-edited day or cursor that makes no sense', () => {
    expect(filtersFromQuery({ from: 'yesterday', to: '2026-13', before: '-4' })).toEqual({
      filters: NO_FILTERS,
      before: null,
    })
  })
})
