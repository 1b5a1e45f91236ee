import { type Kysely, type MigrationResultSet, Migrator, PostgresAdapter, sql } from 'kysely'
import { MIGRATIONS } from './migrations/index.js'
import type { Database } from './schema.js'

/**
 * On PostgreSQL the migration tables are looked for in the connection's current schema: Kysely
 * otherwise counts a `haven_migrations` in any schema of the database as ours (another Haven, or
 * another test, in the same database) and then fails to find it in the search path.
 */
async function migratorFor(db: Kysely<Database>): Promise<Migrator> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  const schema = postgres
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

/**
 * Brings the schema to exactly `name` (up or down): a restore makes the target match the
 * backup's migrations before inserting its rows.
 */
export async function migrateTo(db: Kysely<Database>, name: string): Promise<void> {
  const result = await (await migratorFor(db)).migrateTo(name)
  if (result.error) {
    const cause = result.error instanceof Error ? result.error.message : String(result.error)
    throw new Error(`Migrating to ${name} failed and was rolled back: ${cause}`)
  }
}
