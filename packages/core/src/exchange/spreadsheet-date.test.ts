import { describe, expect, it } from 'vitest'
import { parseSpreadsheetDate } from './spreadsheet-date.js'

describe('parseSpreadsheetDate', () => {
  it.each([
    ['2006-03-15', '2006-03-15', 'exact'],
    ['2006/3/5', '2006-03-05', 'exact'],
    ['２００６／３／１５', '2006-03-15', 'exact'],
    ['2006-03', '2006-03', 'month'],
    ['1971', '1971', 'year'],
    ['1985年4月', '1985-04', 'month'],
    ['令和5年4月1日', '2023-04-01', 'exact'],
    ['令和元年5月1日', '2019-05-01', 'exact'],
    ['平成31年4月30日', '2019-04-30', 'exact'],
    ['平成元年1月8日', '1989-01-08', 'exact'],
    ['平成12年', '2000', 'year'],
    ['昭和50年3月', '1975-03', 'month'],
    ['昭和64年1月7日', '1989-01-07', 'exact'],
    ['R5.4.1', '2023-04-01', 'exact'],
    ['H12/3/4', '2000-03-04', 'exact'],
    ['Ｓ４５．１．２', '1970-01-02', 'exact'],
  ])('%s → %s', (cell, date, precision) => {
    expect(parseSpreadsheetDate(cell)).toEqual({ date, precision })
  })

  it.each([
    ['平成31年5月1日', 'outside_era'],
    ['令和1年4月30日', 'outside_era'],
    ['平成32年', 'outside_era'],
    ['昭和64年2月1日', 'outside_era'],
    ['2006-02-30', 'no_such_day'],
    ['2006-13', 'no_such_day'],
    ['令和5年2月29日', 'no_such_day'],
    ['15 March 2006', 'format'],
    ['平成', 'format'],
    ['', 'format'],
  ])('%s is refused (%s)', (cell, problem) => {
    expect(parseSpreadsheetDate(cell)).toBe(problem)
  })
})
