import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { type HavenDatabase, openDatabase } from '../../packages/server/src/db/database.js'

/**
 * Runs a benchmark on a fresh SQLite file in a temporary folder, then — when HAVEN_BENCH_PG_URL is
 * set — on PostgreSQL in a fresh schema; both are removed afterwards. Returns each run's result.
 */
export async function onEachBenchDatabase<T>(
  run: (database: HavenDatabase, label: string) => Promise<T>,
): Promise<T[]> {
  const results: T[] = []
  const dir = mkdtempSync(join(tmpdir(), 'haven-bench-db-'))
  const sqlite = await openDatabase(
    { kind: 'sqlite', file: join(dir, 'bench.db') },
    { sqliteStartupCheck: 'off' },
  )
  try {
    results.push(await run(sqlite, 'SQLite'))
  } finally {
    await sqlite.close()
    rmSync(dir, { recursive: true, force: true })
  }
  const pgUrl = process.env.HAVEN_BENCH_PG_URL
  if (pgUrl) {
    const schema = `haven_bench_${Date.now().toString(36)}`
    const admin = new pg.Client({ connectionString: pgUrl })
    await admin.connect()
    await admin.query(`create schema ${schema}`)
    const database = await openDatabase({ kind: 'postgres', url: pgUrl, poolSize: 4 }, { schema })
    try {
      results.push(await run(database, 'PostgreSQL'))
    } finally {
      await database.close()
      await admin.query(`drop schema ${schema} cascade`)
      await admin.end()
    }
  }
  return results
}
