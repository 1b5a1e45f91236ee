import type { Database as SQLiteDatabase, Statement } from 'better-sqlite3'
import type { SqliteDatabase } from 'kysely'

/**
 * Kysely's SQLite driver prepares every statement anew; for the list queries of a large
 * organisation (one walk per compartment, joined) preparing took an eighth of the request's time
 * (bench/RESULTS.md). This keeps the most recently used statements, by their SQL text, for reuse.
 * better-sqlite3 runs one statement at a time to completion, except while a statement is being
 * iterated (a streamed query): a busy statement is never handed out, a fresh one is prepared.
 */
export function cachingStatements(sqlite: SQLiteDatabase, size = 300): SqliteDatabase {
  const cache = new Map<string, Statement>()
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      const cached = cache.get(sql)
      if (cached && !cached.busy) {
        // Most recently used last: Map keeps insertion order, the first key is the oldest.
        cache.delete(sql)
        cache.set(sql, cached)
        return cached
      }
      const statement = sqlite.prepare(sql)
      if (!cached) {
        cache.set(sql, statement)
        if (cache.size > size) {
          const oldest = cache.keys().next().value
          if (oldest !== undefined) cache.delete(oldest)
        }
      }
      return statement
    },
  }
}
