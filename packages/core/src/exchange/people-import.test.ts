import { describe, expect, it } from 'vitest'
import {
  type Cell,
  guessMapping,
  type PeopleImportField,
  personFromRow,
  rowIdentity,
} from './people-import.js'

const TODAY = '2026-12-07'
const row = (cells: Partial<Record<PeopleImportField, Cell>>) =>
  personFromRow((field) => cells[field], TODAY)

describe('guessMapping', () => {
  it('recognises our export names and Japanese headers', () => {
    expect(guessMapping(['番号', '氏名', 'フリガナ', '生年月日', '性別', 'name_latin'])).toEqual({
      ref: '番号',
      name_hanzi: '氏名',
      name_kana: 'フリガナ',
      birth: '生年月日',
      sex: '性別',
      name_latin: 'name_latin',
    })
  })
})

describe('personFromRow', () => {
  it('reads names, an era birth date and Japanese sex words', () => {
    const result = row({
      ref: 'A-1',
      name_hanzi: '金 明花',
      name_kana: 'キム ミョンファ',
      birth: '昭和60年4月3日',
      sex: '女',
      phones: '+86 431 0000; 090-1111-2222',
      languages: 'ko, ZH',
    })
    expect(result).toMatchObject({
      ok: true,
      ref: 'A-1',
      birthYear: 1985,
      person: {
        identity: {
          names: [
            { script: 'hanzi', value: '金 明花' },
            { script: 'kana', value: 'キム ミョンファ' },
          ],
          birth: { precision: 'exact', date: '1985-04-03' },
          sex: 'female',
          phones: ['+86 431 0000', '090-1111-2222'],
        },
        attributes: { languages: ['ko', 'zh'], situation: 'unknown' },
      },
    })
  })

  it('lists every problem of a row, each by its field', () => {
    const result = row({
      name_latin: 'Kim ミョンファ',
      name_hangul: { formula: '=HYPERLINK("x")' },
      birth: '平成31年5月1日',
      sex: 'x',
      situation: 'lost',
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues.map((i) => [i.field, i.key])).toEqual([
      ['name_hangul', 'exchange.formula_cell'],
      ['name_latin', 'exchange.not_latin'],
      ['birth', 'exchange.date_outside_era'],
      ['sex', 'field.invalid_value'],
      ['situation', 'field.invalid_value'],
    ])
  })

  it('refuses a typed formula but takes back our own neutralised export', () => {
    expect(row({ name_latin: '=1+2' })).toMatchObject({
      ok: false,
      issues: [{ field: 'name_latin', key: 'exchange.formula_cell' }],
    })
    expect(row({ name_latin: 'Lee', phones: "'+82 10 0000" })).toMatchObject({
      ok: true,
      person: { identity: { phones: ['+82 10 0000'] } },
    })
  })

  it('asks for a name, and for either a birth date or an age', () => {
    expect(row({ sex: 'male' })).toMatchObject({ ok: false, issues: [{ key: 'exchange.no_name' }] })
    expect(row({ name_latin: 'Lee', birth: '1990', approximate_age: '30' })).toMatchObject({
      ok: false,
      issues: [{ field: 'approximate_age', key: 'exchange.birth_and_age' }],
    })
    expect(row({ name_latin: 'Lee', birth: '2030-01-01' })).toMatchObject({
      ok: false,
      issues: [{ field: 'birth', key: 'field.date_in_future' }],
    })
    expect(row({ name_latin: 'Lee', approximate_age: '40' })).toMatchObject({
      ok: true,
      birthYear: 1986,
    })
  })

  it('gives the same identity to the same row, whatever its case or width', () => {
    const a = row({ name_latin: 'Lee Jin', birth: '1990-01-02' })
    const b = row({ name_latin: 'LEE JIN', birth: '1990/1/2' })
    if (!a.ok || !b.ok) throw new Error('both rows are valid')
    expect(rowIdentity(a)).toBe(rowIdentity(b))
    expect(rowIdentity({ ...a, ref: '7' })).toBe('ref:7')
  })
})
