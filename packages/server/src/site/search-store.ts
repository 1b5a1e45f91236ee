import { isTrigramTerm } from '@haven/core/site/search-query'
import type { DocumentKind } from '@haven/core/site/site-paths'
import { type Expression, type SqlBool, sql } from 'kysely'
import type { DialectName } from '../db/database.js'
import type { Db } from '../db/db-handle.js'
import type { SiteReader } from './published-db.js'

export interface SearchRequest {
  /** Folded terms from parseSearchQuery: letters, digits and marks only. */
  terms: readonly string[]
  /** Only documents in this language, or every language when null. */
  locale: string | null
  /** Among equally good results in every language, this one's come first (the page's). */
  prefer?: string
  limit: number
  offset: number
}

export interface SearchHit {
  documentId: string
  kind: DocumentKind
  locale: string
  slug: string
  title: string
  bodyText: string
  publishedAt: string
  score: number
}

export interface SearchResult {
  total: number
  hits: SearchHit[]
}

const SAFE_TERM = /^[\p{L}\p{N}\p{M}]+$/u

/**
 * Full-text search over published documents: every term must occur (as a substring, so Japanese
 * needs no word splitting), ranked by occurrences — ten times for the title — then by date.
 *
 * The two databases differ only in how candidates are found, and only here:
 * - SQLite: terms of three characters or more go through the FTS5 trigram index; shorter ones
 *   (one or two kanji are whole words in Japanese) are matched with LIKE over the same text.
 * - PostgreSQL: LIKE for every term, which the pg_trgm GIN index answers for terms of three
 *   characters or more.
 * The ranking is the same portable expression on both, so both answer the same order.
 */
export async function searchPublished(
  reader: SiteReader,
  request: SearchRequest,
): Promise<SearchResult> {
  const terms = request.terms.filter((t) => t.length > 0)
  // Defence in depth: the query parser already guarantees this, and LIKE/MATCH rely on it.
  if (terms.length === 0 || !terms.every((t) => SAFE_TERM.test(t))) return { total: 0, hits: [] }

  const { db, dialect } = reader
  const conditions: Expression<SqlBool>[] = []
  if (request.locale !== null) conditions.push(sql<SqlBool>`s.locale = ${request.locale}`)
  const indexed = dialect === 'sqlite' ? terms.filter(isTrigramTerm) : []
  if (indexed.length > 0) {
    const match = indexed.map((t) => `"${t}"`).join(' ')
    conditions.push(
      sql<SqlBool>`s.id in (select rowid from site_search_fts where site_search_fts match ${match})`,
    )
  }
  for (const term of terms.filter((t) => !indexed.includes(t)))
    conditions.push(sql<SqlBool>`s.search_text like ${`%${term}%`}`)

  const occurrences = (column: string, term: string) =>
    sql<number>`(length(${sql.ref(column)}) - length(replace(${sql.ref(column)}, cast(${term} as text), ''))) / length(cast(${term} as text))`
  const score = sql.join(
    terms.map(
      (t) => sql`(10 * ${occurrences('s.title_folded', t)} + ${occurrences('s.search_text', t)})`,
    ),
    sql` + `,
  )
  const where = sql.join(conditions, sql` and `)

  const count = await sql<{
    n: number
  }>`select count(*) as n from site_search s where ${where}`.execute(db)
  const total = Number(count.rows[0]?.n ?? 0)
  if (total === 0 || request.offset >= total) return { total, hits: [] }

  const rows = await sql<{
    document_id: string
    kind: DocumentKind
    locale: string
    slug: string
    title: string
    body_text: string
    published_at: string
    score: number
  }>`select s.document_id, s.kind, s.locale, s.slug, s.title, s.body_text, s.published_at, ${score} as score
     from site_search s where ${where}
     order by ${request.prefer ? sql`case when s.locale = ${request.prefer} then 0 else 1 end, ` : sql``}score desc, s.published_at desc, s.id desc
     limit ${request.limit} offset ${request.offset}`.execute(db)
  return {
    total,
    hits: rows.rows.map((r) => ({
      documentId: r.document_id,
      kind: r.kind,
      locale: r.locale,
      slug: r.slug,
      title: r.title,
      bodyText: r.body_text,
      publishedAt: r.published_at,
      score: Number(r.score),
    })),
  }
}

/**
 * Refills SQLite's FTS5 trigram table from site_search (after a restore, which leaves the derived
 * table out). PostgreSQL's trigram index is an ordinary index and needs nothing.
 */
export async function rebuildSearchIndex(db: Db, dialect: DialectName): Promise<void> {
  if (dialect !== 'sqlite') return
  await sql`delete from site_search_fts`.execute(db)
  await sql`insert into site_search_fts (rowid, search_text) select id, search_text from site_search`.execute(
    db,
  )
}
