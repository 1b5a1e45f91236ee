import { describe, expect, it } from 'vitest'
import { HXL_FIGURE_COLUMNS, hxlHeadings, isHxlTag } from './hxl.js'

describe('HXL headings', () => {
  it('has a hashtag under every heading, in both languages, the tags the same', () => {
    const [en, tagsEn] = hxlHeadings('en')
    const [ja, tagsJa] = hxlHeadings('ja')
    expect(en).toHaveLength(HXL_FIGURE_COLUMNS.length)
    expect(ja).toHaveLength(HXL_FIGURE_COLUMNS.length)
    expect(tagsJa).toEqual(tagsEn)
    expect(en[0]).toBe('Fiscal year')
    expect(ja[0]).toBe('年度')
    expect(tagsEn.every(isHxlTag)).toBe(true)
  })

  it.each([
    ['#affected+f', true],
    ['#adm1+name', true],
    ['#date+reported', true],
    ['#Affected', false],
    ['affected', false],
    ['#date+', false],
    ['=#date', false],
  ])('%s is a hashtag: %s', (tag, ok) => expect(isHxlTag(tag)).toBe(ok))
})
