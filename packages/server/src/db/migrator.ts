import { type Kysely, type MigrationResultSet, Migrator, sql } from 'kysely'
import { isPostgres } from './dialect.js'
import { MIGRATIONS } from './migrations/index.js'
import type { Database } from './schema.js'

/**
 * On PostgreSQL the bookkeeping tables live in the schema Haven uses (the first on its search
 * path). Named explicitly because Kysely otherwise takes a table of that name in *any* schema
 * for its own: with two Havens (or two test files) in one database, one would skip creating
 * its lock table and fail.
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
