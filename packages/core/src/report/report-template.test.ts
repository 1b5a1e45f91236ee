import { describe, expect, it } from 'vitest'
import { DEFAULT_TEMPLATES, fillTemplate, placeholdersOf } from './report-template.js'

describe('report templates', () => {
  it('finds each figure a template names once, in order, spaces inside braces allowed', () => {
    expect(placeholdersOf('{{a.b}} and {{ c.d-e }} then {{a.b}}; {not} {{}} {{ X.y_z }}')).toEqual([
      'a.b',
      'c.d-e',
      'X.y_z',
    ])
  })

  it('fills what it knows and leaves the rest as written', () => {
    const texts = new Map([['shelters.operating', '3']])
    expect(fillTemplate('We ran {{ shelters.operating }} shelters; {{x.y}}.', texts)).toBe(
      'We ran 3 shelters; {{x.y}}.',
    )
  })

  it('starts both languages with the seed report’s sections in its order', () => {
    const order = (text: string, headings: string[]) => headings.map((h) => text.indexOf(h))
    const en = order(DEFAULT_TEMPLATES.en, [
      '## The situation',
      '## Shelters',
      '## Food',
      '## Rescues',
      '## Partners',
    ])
    const ja = order(DEFAULT_TEMPLATES.ja, [
      '## 現状',
      '## シェルター',
      '## 食料支援',
      '## 救出',
      '## 協力団体',
    ])
    for (const positions of [en, ja]) {
      expect(positions.every((p) => p >= 0)).toBe(true)
      expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    }
    expect(placeholdersOf(DEFAULT_TEMPLATES.en)).toEqual(placeholdersOf(DEFAULT_TEMPLATES.ja))
  })
})
