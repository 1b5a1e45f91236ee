import { describe, expect, it } from 'vitest'
import { validate } from '../validation/field-issues.js'
import { residenceDateIssues, shelterDateIssues } from './shelter-rules.js'
import { createShelterSchema, shelterCodeSchema } from './shelter-schema.js'

const TODAY = '2026-06-01'
const keys = (issues: { path: string; key: string }[]) => issues.map((i) => `${i.path}:${i.key}`)

describe('shelter codes', () => {
  it.each(['JRL-01', 'YAN-02', 'yan-02', ' ABCD-123 '])('accepts %s', (code) => {
    expect(shelterCodeSchema.safeParse(code).success).toBe(true)
  })
  it.each(['YAN', 'YAN-2', 'Y-02', 'Main St 5', 'YAN-02-A', 'ＹＡＮ-02', ''])(
    'refuses %s',
    (code) => {
      expect(validate(shelterCodeSchema, code)).toMatchObject({ ok: false })
    },
  )
  it('upper-cases a code typed in lower case', () => {
    expect(shelterCodeSchema.parse('jrl-01')).toBe('JRL-01')
  })
  it('refuses a region that looks like an address', () => {
    const result = validate(createShelterSchema, {
      code: 'YAN-01',
      region: 'Yanji, 12 Renmin Road',
      capacity: 10,
      fundingStatus: 'funded',
      openedOn: '2005-04-01',
    })
    expect(result.ok ? [] : keys(result.issues)).toEqual(['region:field.region_not_address'])
  })
})

describe('shelter dates and status', () => {
  it.each([
    [{ status: 'active', openedOn: '2005-04-01', closedOn: null }, []],
    [
      { status: 'active', openedOn: '2026-06-02', closedOn: null },
      ['openedOn:field.date_in_future'],
    ],
    [
      { status: 'closed', openedOn: '2005-04-01', closedOn: null },
      ['closedOn:field.shelter_closed_needs_date'],
    ],
    [
      { status: 'closed', openedOn: '2005-04-01', closedOn: '2005-03-01' },
      ['closedOn:field.shelter_closed_before_opened'],
    ],
    [
      { status: 'closed', openedOn: '2005-04-01', closedOn: '2026-07-01' },
      ['closedOn:field.date_in_future'],
    ],
    [
      { status: 'active', openedOn: '2005-04-01', closedOn: '2006-01-01' },
      ['status:field.shelter_closed_date_needs_status'],
    ],
    [{ status: 'compromised', openedOn: '2005-04-01', closedOn: '2006-01-01' }, []],
  ] as const)('%o → %o', (shelter, expected) => {
    expect(keys(shelterDateIssues(shelter, TODAY))).toEqual(expected)
  })

  it.each([
    [{ fromDate: '2006-01-01' }, []],
    [{ fromDate: '2004-01-01' }, ['fromDate:field.before_shelter_opened']],
    [{ fromDate: '2026-06-02' }, ['fromDate:field.date_in_future']],
    [{ fromDate: '2006-01-01', toDate: '2005-12-31' }, ['toDate:field.left_before_arrived']],
    [{ fromDate: '2006-01-01', toDate: '2006-01-01' }, []],
  ] as const)('residence %o → %o', (residence, expected) => {
    expect(keys(residenceDateIssues(residence, '2005-04-01', TODAY))).toEqual(expected)
  })
})
