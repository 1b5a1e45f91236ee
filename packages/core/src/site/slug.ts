/**
 * Slugs name a published document in its URL, one per language (`/en/news/rice-distribution`,
 * `/ja/news/kome-haifu`). They are plain ASCII so a link survives being read aloud, typed on a
 * phone or copied through a messenger that mangles percent-encoding.
 */
export const SLUG_MAX_LENGTH = 80

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * First path segments the site routes itself; a page slug must not shadow them. (News and
 * reports live under their own prefixes, so only page slugs are checked against this list.)
 */
export const RESERVED_PAGE_SLUGS: readonly string[] = Object.freeze([
  'api',
  'app',
  'assets',
  'faq',
  'feed',
  'feed-xml',
  'media',
  'news',
  'reports',
  'robots',
  'search',
  'sitemap',
])

/** Page slugs whose page is shown as the introduction of a built-in page (see site paths). */
export const SPECIAL_PAGE_SLUGS = Object.freeze({
  home: 'home',
  contact: 'contact',
  getInvolved: 'get-involved',
} as const)

export type SlugProblem = 'empty' | 'too_long' | 'format' | 'reserved'

/** Why `slug` cannot be used for a document of `kind`, or null when it can. */
export function slugProblem(slug: string, kind: string): SlugProblem | null {
  if (slug.length === 0) return 'empty'
  if (slug.length > SLUG_MAX_LENGTH) return 'too_long'
  if (!SLUG_PATTERN.test(slug)) return 'format'
  if (kind === 'page' && RESERVED_PAGE_SLUGS.includes(slug)) return 'reserved'
  return null
}

export function isValidSlug(slug: string, kind: string): boolean {
  return slugProblem(slug, kind) === null
}

/**
 * A slug suggested from a title: Latin letters folded to ASCII, everything else dropped. A title
 * without Latin letters (Japanese) gives '', and the editor types one (or keeps the English one).
 */
export function suggestSlug(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/g, '')
}
