import { translatorFor } from '@haven/core/i18n/translate'
import { describe, expect, it } from 'vitest'
import { headerNavigation, type LivePage, MAX_PRIMARY_LINKS, navigationFor } from './site-nav.js'
import type { SiteNavigationTable } from './site-tables.js'

const en = translatorFor('en')
const ja = translatorFor('ja')

const pages: LivePage[] = [
  { entry_id: 'about', locale: 'en', slug: 'about', title: 'About us' },
  { entry_id: 'about', locale: 'ja', slug: 'about', title: '私たちについて' },
  { entry_id: 'work', locale: 'en', slug: 'what-we-do', title: 'What we do' },
  { entry_id: 'give', locale: 'en', slug: 'donate', title: 'Donate or sponsor' },
  { entry_id: 'give', locale: 'ja', slug: 'kifu', title: '寄付・里親' },
]

/** The seed site's navigation: nine items, as editors arranged it. */
const rows = [
  { section: 'home' },
  { entry_id: 'about' },
  { entry_id: 'work' },
  { section: 'news' },
  { section: 'reports' },
  { section: 'faq' },
  { section: 'get_involved' },
  { entry_id: 'give' },
  { section: 'contact' },
].map((r, position) => ({
  id: String(position),
  position,
  section: null,
  entry_id: null,
  ...r,
})) as SiteNavigationTable[]

describe('header navigation', () => {
  it('keeps at most five links in the header, makes the donation page the Donate button, and moves the rest to the footer', () => {
    const nav = headerNavigation('en', en, navigationFor('en', en, rows, pages), pages)
    expect(nav.primary.map((l) => l.label)).toEqual([
      'About us',
      'What we do',
      'Current situation',
      'Activity reports',
      'FAQ',
    ])
    expect(nav.primary.length).toBeLessThanOrEqual(MAX_PRIMARY_LINKS)
    expect(nav.donate).toMatchObject({ href: '/en/donate', label: 'Donate' })
    expect(nav.donate?.current('/donate')).toBe(true)
    expect(nav.more.map((l) => l.label)).toEqual(['Get involved', 'Contact us'])
  })

  it('finds the donation page by its English address in a language where it has another', () => {
    const nav = headerNavigation('ja', ja, navigationFor('ja', ja, rows, pages), pages)
    expect(nav.donate).toMatchObject({ href: '/ja/kifu', label: '寄付する' })
    // Untranslated pages are left out, so the Japanese header has room for one more section.
    expect(nav.primary.map((l) => l.href)).toEqual([
      '/ja/about',
      '/ja/news/',
      '/ja/reports/',
      '/ja/faq',
      '/ja/get-involved',
    ])
    expect(nav.more.map((l) => l.href)).toEqual(['/ja/contact'])
  })

  it('shows no Donate button when no donation page is published', () => {
    const without = pages.filter((p) => p.entry_id !== 'give')
    const nav = headerNavigation('en', en, navigationFor('en', en, rows, without), without)
    expect(nav.donate).toBeNull()
    expect(nav.primary.length).toBe(5)
  })
})
