import { describe, expect, it } from 'vitest'
import { distributionImport } from './distribution-import.js'
import { donationImport } from './donation-import.js'
import { partnerImport } from './partner-import.js'
import type { Cell } from './people-import.js'
import { guessRecordMapping, recordRowIdentity } from './record-import.js'
import { sponsorImport } from './sponsor-import.js'
import { supplyImport } from './supply-import.js'

const TODAY = '2026-06-01'
const row =
  (cells: Record<string, Cell>) =>
  (field: string): Cell | undefined =>
    cells[field]

describe('distribution rows', () => {
  it.each([
    [
      { day: '令和8年5月1日', headcount: '１２' },
      { day: '2026-05-01', headcount: 12 },
    ],
    [
      { day: 'R8.5.2', headcount: '8' },
      { day: '2026-05-02', headcount: 8 },
    ],
    [
      { day: '2026/5/3', headcount: '1,00' },
      { day: '2026-05-03', headcount: 100 },
    ],
  ])('reads %j', (cells, value) => {
    expect(distributionImport.read(row(cells), TODAY)).toEqual({ ok: true, value, ref: null })
  })

  it.each([
    [{ day: '', headcount: '3' }, [['day', 'field.required']]],
    [{ day: '2026-05', headcount: '3' }, [['day', 'exchange.date_format']]],
    [{ day: '2026-07-01', headcount: '3' }, [['day', 'field.date_in_future']]],
    [{ day: '令和1年4月1日', headcount: '3' }, [['day', 'exchange.date_outside_era']]],
    [{ day: '2026-05-01', headcount: '0' }, [['headcount', 'field.quantity_positive']]],
    [{ day: '2026-05-01', headcount: '501' }, [['headcount', 'exchange.number_too_large']]],
    [{ day: '2026-05-01', headcount: 'three' }, [['headcount', 'exchange.not_a_number']]],
    [{ day: '2026-05-01', headcount: { formula: 'A1' } }, [['headcount', 'exchange.formula_cell']]],
  ])('refuses %j', (cells, expected) => {
    const result = distributionImport.read(row(cells), TODAY)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues.map((i) => [i.field, i.key])).toEqual(expected)
  })

  it('guesses Japanese headers, and keys a row by its reference or else by what it says', () => {
    expect(guessRecordMapping(distributionImport, ['番号', '配布日', '人数'])).toEqual({
      ref: '番号',
      day: '配布日',
      headcount: '人数',
    })
    const value = { day: '2026-05-01', headcount: 3 }
    expect(recordRowIdentity(distributionImport, { value, ref: 'A-1' })).toBe('ref:A-1')
    expect(recordRowIdentity(distributionImport, { value, ref: null })).toBe('row:["2026-05-01",3]')
  })
})

describe('donation rows', () => {
  it('reads yen with a sign and separators, Japanese currency words and full-width digits', () => {
    const read = donationImport.read(
      row({
        received_on: '令和8年5月2日',
        amount: '¥10,000',
        currency: '円',
        programme: '教育支援',
        donor_code: 'DN-1',
      }),
      TODAY,
    )
    expect(read).toEqual({
      ok: true,
      ref: null,
      value: {
        on: '2026-05-02',
        amount: '10000',
        currency: 'JPY',
        programme: 'education',
        donorCode: 'DN-1',
        memo: '',
      },
    })
  })

  it('refuses other currencies, bad amounts and an unknown programme, naming each field', () => {
    const read = donationImport.read(
      row({ received_on: '2026-05-02', amount: '12.x', currency: 'EUR', programme: 'x' }),
      TODAY,
    )
    expect(read.ok).toBe(false)
    if (!read.ok)
      expect(read.issues.map((i) => [i.field, i.key])).toEqual([
        ['amount', 'field.amount_format'],
        ['currency', 'field.invalid_value'],
        ['programme', 'field.invalid_value'],
      ])
  })

  it('takes 1000, 1000.0 and 1000.00 as the same amount for a row’s identity', () => {
    const base = {
      on: '2026-05-02',
      currency: 'JPY',
      programme: 'food',
      donorCode: null,
      memo: '',
    } as const
    const ids = ['1000', '1000.0', '1000.00'].map((amount) =>
      recordRowIdentity(donationImport, { value: { ...base, amount }, ref: null }),
    )
    expect(new Set(ids).size).toBe(1)
    expect(ids[0]).toContain('"1000"')
  })
})

describe('partner and sponsor rows', () => {
  it('reads a partner in Japanese words, its country in any case, its relationship from a 令和 date', () => {
    expect(
      partnerImport.read(
        row({
          name: 'Yanbian Aid',
          type: '教会',
          country: 'ｃｎ',
          status: '協力中',
          since: 'R7.4.1',
        }),
        TODAY,
      ),
    ).toEqual({
      ok: true,
      ref: null,
      value: {
        name: 'Yanbian Aid',
        type: 'church',
        country: 'CN',
        status: 'active',
        since: '2025-04-01',
      },
    })
  })

  it('names a partner row’s bad country and website by their fields', () => {
    const read = partnerImport.read(
      row({ name: 'X', type: 'ngo', country: 'ZZ', website: 'javascript:alert(1)' }),
      TODAY,
    )
    expect(read.ok).toBe(false)
    if (!read.ok)
      expect(read.issues.map((i) => [i.field, i.key])).toEqual([
        ['country', 'field.country_code'],
        ['website', 'field.web_url'],
      ])
  })

  it('reads a sponsor in Japanese words; the same contact is the same sponsor however it is spaced', () => {
    const a = sponsorImport.read(
      row({ kind: '個人', language: '日本語', contact: '佐藤 花子' }),
      TODAY,
    )
    const b = sponsorImport.read(
      row({ kind: 'individual', language: 'ja', contact: '佐藤　 花子' }),
      TODAY,
    )
    expect(a).toEqual({
      ok: true,
      ref: null,
      value: { kind: 'individual', language: 'ja', contact: '佐藤 花子' },
    })
    if (!a.ok || !b.ok) throw new Error('both rows read')
    expect(recordRowIdentity(sponsorImport, a)).toBe(recordRowIdentity(sponsorImport, b))
  })
})

describe('supply rows', () => {
  const good = { item: '米', place: '延吉倉庫', quantity: '１,２００.５', received_on: 'R8.5.1' }

  it.each([
    [
      { ...good, unit: 'キロ', note: ' sacks ' },
      {
        item: '米',
        place: '延吉倉庫',
        quantity: 1200.5,
        unit: 'kg',
        on: '2026-05-01',
        note: 'sacks',
      },
    ],
    [
      { item: 'First-aid kit', place: 'Shelter A', quantity: '10', received_on: '2026/5/2' },
      {
        item: 'First-aid kit',
        place: 'Shelter A',
        quantity: 10,
        unit: null,
        on: '2026-05-02',
        note: null,
      },
    ],
  ])('reads %j', (cells, value) => {
    expect(supplyImport.read(row(cells), TODAY)).toEqual({ ok: true, value, ref: null })
  })

  it.each([
    [{ ...good, item: '' }, [['item', 'field.required']]],
    [{ ...good, quantity: '-5' }, [['quantity', 'field.quantity_positive']]],
    [{ ...good, quantity: '0' }, [['quantity', 'field.quantity_positive']]],
    [{ ...good, quantity: '1.2345' }, [['quantity', 'field.quantity']]],
    [{ ...good, quantity: '20000000' }, [['quantity', 'field.quantity_absurd']]],
    [{ ...good, quantity: { formula: 'A1*2' } }, [['quantity', 'exchange.formula_cell']]],
    [{ ...good, place: '=HYPERLINK("x")' }, [['place', 'exchange.formula_cell']]],
    [{ ...good, unit: 'litre' }, [['unit', 'field.invalid_value']]],
    [{ ...good, received_on: '2026-07-01' }, [['received_on', 'field.date_in_future']]],
  ])('refuses %j', (cells, expected) => {
    const result = supplyImport.read(row(cells), TODAY)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues.map((i) => [i.field, i.key])).toEqual(expected)
  })

  it('guesses Japanese headers, and keys a row by what it says however its names are typed', () => {
    expect(
      guessRecordMapping(supplyImport, ['品目', '倉庫', '数量', '単位', '入庫日', '備考']),
    ).toEqual({
      item: '品目',
      place: '倉庫',
      quantity: '数量',
      unit: '単位',
      received_on: '入庫日',
      note: '備考',
    })
    const read = (cells: Record<string, Cell>) => {
      const result = supplyImport.read(row(cells), TODAY)
      if (!result.ok) throw new Error('unreadable')
      return recordRowIdentity(supplyImport, result)
    }
    expect(read({ ...good, item: 'Ｒｉｃｅ ' })).toBe(read({ ...good, item: 'rice' }))
    expect(read({ ...good, quantity: '5' })).not.toBe(read({ ...good, quantity: '6' }))
  })
})
