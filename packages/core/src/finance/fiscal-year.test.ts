import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fiscalYear, fiscalYearOf, phaseEvenly } from './fiscal-year.js'

describe('fiscal years', () => {
  it('run April to March by default, named by the year they start', () => {
    const fy = fiscalYearOf('2006-03-31')
    expect(fy).toMatchObject({ year: 2005, start: '2005-04-01', end: '2006-03-31' })
    expect(fy.months[0]).toBe('2005-04')
    expect(fy.months[11]).toBe('2006-03')
    expect(fiscalYearOf('2006-04-01').year).toBe(2006)
  })

  it('start in any month the organisation chooses', () => {
    expect(fiscalYear(2024, 1)).toMatchObject({ start: '2024-01-01', end: '2024-12-31' })
    expect(fiscalYear(2023, 7)).toMatchObject({ start: '2023-07-01', end: '2024-06-30' })
    expect(fiscalYear(2023, 3).end).toBe('2024-02-29')
    expect(() => fiscalYear(2023, 13)).toThrow(/from 1 to 12/)
  })

  it('contain every day they cover, and only those', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 12 }),
        (date, start) => {
          const day = date.toISOString().slice(0, 10)
          const fy = fiscalYearOf(day, start)
          expect(fy.start <= day && day <= fy.end).toBe(true)
          expect(fy.months).toContain(day.slice(0, 7))
        },
      ),
    )
  })

  it('phase a budget over twelve months exactly, the months never more than a yen apart', () => {
    expect(phaseEvenly(2_160_000)).toEqual(Array(12).fill(180_000))
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (total) => {
        const months = phaseEvenly(total)
        expect(months.reduce((a, b) => a + b, 0)).toBe(total)
        expect(Math.max(...months) - Math.min(...months)).toBeLessThanOrEqual(1)
      }),
    )
  })
})
