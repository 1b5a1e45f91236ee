import { type Kysely, type MigrationResultSet, Migrator, sql } from 'kysely'
import { isPostgres } from './dialect.js'
import { MIGRATIONS } from './migrations/index.js'
import type { Database } from './schema.js'

/**
 * Kysely looks for its bookkeeping tables in every schema of the database unless it is told
 * which one: with two Haven schemas in one PostgreSQL database (test files running in parallel
 * do exactly that) one would find the other's tables, skip creating its own and fail. So the
 * migrator is pinned to the connection's current schema.
 */
export async function migratorFor(db: Kysely<Database>): Promise<Migrator> {
  const schema = isPostgres(db as Kysely<unknown>)
    ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
    : undefined
  return new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
    migrationTableName: 'haven_migrations',
    migrationLockTableName: 'haven_migrations_lock',
    ...(schema ? { migrationTableSchema: schema } : {}),
  })
}

export interface MigrationState {
  name: string
  appliedAt: string | null
}

/**
 * Applies every pending migration inside Kysely's migration lock (an advisory lock on PostgreSQL),
 * so two servers starting together apply each migration once.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const result: MigrationResultSet = await (await migratorFor(db)).migrateToLatest()
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName
    const cause = result.error instanceof Error ? result.error.message : String(result.error)
    throw new Error(`Migration ${failed ?? '(unknown)'} failed and was rolled back: ${cause}`)
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

export async function migrationStatus(db: Kysely<Database>): Promise<MigrationState[]> {
  const infos = await (await migratorFor(db)).getMigrations()
  return infos.map((info) => ({
    name: info.name,
    appliedAt: info.executedAt ? info.executedAt.toISOString() : null,
  }))
}

export async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  return (await migrationStatus(db)).filter((m) => m.appliedAt === null).map((m) => m.name)
}
