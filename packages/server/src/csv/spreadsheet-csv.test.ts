import { describe, expect, it } from 'vitest'
import { neutraliseCell, toCsv } from './spreadsheet-csv.js'

describe('CSV export cells', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+81 90', `'+81 90`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tx', `'\tx`],
    ['김영훈', '김영훈'],
    ['YAN-P0001', 'YAN-P0001'],
  ])('%j → %j', (input, expected) => expect(neutraliseCell(input)).toBe(expected))

  it('quotes commas and newlines and starts with a UTF-8 byte-order mark', () => {
    expect(
      toCsv(
        ['code', 'note'],
        [
          ['A-1', 'one, two\nthree'],
          ['A-2', null],
        ],
      ),
    ).toBe('\ufeffcode,note\nA-1,"one, two\nthree"\nA-2,\n')
  })
})
