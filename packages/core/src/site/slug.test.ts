import { describe, expect, it } from 'vitest'
import { documentPath } from './site-paths.js'
import { slugProblem, suggestSlug } from './slug.js'

describe('slugs', () => {
  it.each([
    ['rice-distribution', 'news', null],
    ['fy2005-2006', 'report', null],
    ['a', 'page', null],
    ['', 'page', 'empty'],
    ['Rice', 'page', 'format'],
    ['rice--distribution', 'page', 'format'],
    ['-rice', 'page', 'format'],
    ['rice-', 'page', 'format'],
    ['rice distribution', 'page', 'format'],
    ['米の配布', 'page', 'format'],
    ['kome%2Fhaifu', 'page', 'format'],
    ['../admin', 'page', 'format'],
    ['a'.repeat(81), 'page', 'too_long'],
    ['search', 'page', 'reserved'],
    ['news', 'page', 'reserved'],
    ['news', 'faq', null],
    ['home', 'page', null],
  ] as const)('%s as a %s → %s', (slug, kind, problem) => {
    expect(slugProblem(slug, kind)).toBe(problem)
  })

  it.each([
    ['Rice distribution: how the budget works', 'rice-distribution-how-the-budget-works'],
    ['Screening in Sendai & Akita', 'screening-in-sendai-akita'],
    ['Café in Zürich', 'cafe-in-zurich'],
    ['We’re hiring', 'were-hiring'],
    ['北朝鮮人権法が成立しました', ''],
    ['FY2005–2006 活動報告', 'fy2005-2006'],
  ])('suggests a slug for %s', (title, slug) => {
    expect(suggestSlug(title)).toBe(slug)
    if (slug) expect(slugProblem(slug, 'news')).toBeNull()
  })

  it('gives every document kind an address, special pages the built-in one', () => {
    expect(documentPath('news', 'x')).toBe('/news/x')
    expect(documentPath('report', 'fy2005-2006')).toBe('/reports/fy2005-2006')
    expect(documentPath('faq', 'who')).toBe('/faq#who')
    expect(documentPath('page', 'about')).toBe('/about')
    expect(documentPath('page', 'home')).toBe('/')
    expect(documentPath('page', 'contact')).toBe('/contact')
    expect(documentPath('page', 'get-involved')).toBe('/get-involved')
  })
})
