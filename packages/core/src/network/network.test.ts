import { describe, expect, it } from 'vitest'
import { validate } from '../validation/field-issues.js'
import { CONTINENTS, COUNTRY_CODES, continentOf, isCountryCode } from './countries.js'
import { createOrganisationSchema, isValidIsbn } from './network-schemas.js'
import { activeDuring, statusOn } from './relationship-history.js'

describe('countries and continents', () => {
  it('knows every assigned ISO 3166-1 alpha-2 code once, each on one continent', () => {
    expect(COUNTRY_CODES).toHaveLength(249)
    expect(new Set(COUNTRY_CODES).size).toBe(249)
    for (const code of COUNTRY_CODES) expect(CONTINENTS).toContain(continentOf(code))
  })

  it('puts the seed’s partner countries where a reader expects them', () => {
    expect(['JP', 'KR', 'CN', 'TW', 'TH', 'MN'].map(continentOf)).toEqual(Array(6).fill('asia'))
    expect(['US', 'CA'].map(continentOf)).toEqual(['north_america', 'north_america'])
    expect(['GB', 'DE', 'NL', 'CH', 'RU'].map(continentOf)).toEqual(Array(5).fill('europe'))
    expect(['AU', 'NZ'].map(continentOf)).toEqual(['oceania', 'oceania'])
    expect(isCountryCode('XX')).toBe(false)
    expect(isCountryCode('UK')).toBe(false)
  })

  it('reads a lower-case code and refuses one that is not assigned', () => {
    const ok = validate(createOrganisationSchema, { name: 'N', type: 'ngo', country: 'jp' })
    expect(ok.ok && ok.value.country).toBe('JP')
    const bad = validate(createOrganisationSchema, { name: 'N', type: 'ngo', country: 'UK' })
    expect(bad.ok ? [] : bad.issues).toEqual([
      { path: 'country', key: 'field.country_code', params: {} },
    ])
  })
})

describe('ISBNs', () => {
  it('checks ISBN-10 and ISBN-13 check digits', () => {
    expect(isValidIsbn('0306406152')).toBe(true)
    expect(isValidIsbn('080442957X')).toBe(true)
    expect(isValidIsbn('9780306406157')).toBe(true)
    expect(isValidIsbn('9780306406158')).toBe(false)
    expect(isValidIsbn('0306406153')).toBe(false)
    expect(isValidIsbn('97803064061')).toBe(false)
  })
})

describe('a relationship over time', () => {
  const history = [
    { status: 'prospect', on: '2003-06-01' },
    { status: 'active', on: '2004-05-01' },
    { status: 'ended', on: '2006-02-01' },
  ] as const

  it('has the status of the last change on or before a day', () => {
    expect(statusOn(history, '2003-05-31')).toBeUndefined()
    expect(statusOn(history, '2004-05-01')).toBe('active')
    expect(statusOn(history, '2006-01-31')).toBe('active')
    expect(statusOn(history, '2006-02-01')).toBe('ended')
  })

  it('counts as active in a period it was active on any day of', () => {
    expect(activeDuring(history, '2005-04-01', '2006-03-31')).toBe(true)
    expect(activeDuring(history, '2006-04-01', '2007-03-31')).toBe(false)
    expect(activeDuring(history, '2003-04-01', '2004-04-30')).toBe(false)
    expect(activeDuring(history, '2004-04-01', '2004-05-01')).toBe(true)
  })

  it('applies same-day changes in the order recorded', () => {
    const sameDay = [
      { status: 'active', on: '2005-01-01' },
      { status: 'paused', on: '2005-01-01' },
    ] as const
    expect(statusOn(sameDay, '2005-01-01')).toBe('paused')
  })
})
