import { type Kysely, type MigrationResultSet, Migrator } from 'kysely'
import type { Migrations } from './migrations/index.js'
import type { Database } from './schema.js'

/**
 * `schema` pins the bookkeeping tables to one PostgreSQL schema: Kysely otherwise looks for them
 * in every schema it can see, and would find another database user's.
 */
function migratorFor(db: Kysely<Database>, migrations: Migrations, schema?: string): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...migrations }) },
    migrationTableName: 'haven_migrations',
    migrationLockTableName: 'haven_migrations_lock',
    ...(schema ? { migrationTableSchema: schema } : {}),
  })
}

/** The database and, on PostgreSQL, the schema its tables live in. */
export interface MigratableDatabase {
  db: Kysely<Database>
  schema?: string | undefined
}

export interface MigrationState {
  name: string
  appliedAt: string | null
}

/**
 * Applies every pending migration inside Kysely's migration lock (an advisory lock on PostgreSQL),
 * so two servers starting together apply each migration once. `migrations` is the whole list
 * (`allMigrations(modules)`): the platform's and every module's.
 */
export async function migrateToLatest(
  database: MigratableDatabase,
  migrations: Migrations,
): Promise<string[]> {
  const result: MigrationResultSet = await migratorFor(
    database.db,
    migrations,
    database.schema,
  ).migrateToLatest()
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName
    const cause = result.error instanceof Error ? result.error.message : String(result.error)
    throw new Error(`Migration ${failed ?? '(unknown)'} failed and was rolled back: ${cause}`)
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

export async function migrationStatus(
  database: MigratableDatabase,
  migrations: Migrations,
): Promise<MigrationState[]> {
  const infos = await migratorFor(database.db, migrations, database.schema).getMigrations()
  return infos.map((info) => ({
    name: info.name,
    appliedAt: info.executedAt ? info.executedAt.toISOString() : null,
  }))
}

export async function pendingMigrations(
  database: MigratableDatabase,
  migrations: Migrations,
): Promise<string[]> {
  return (await migrationStatus(database, migrations))
    .filter((m) => m.appliedAt === null)
    .map((m) => m.name)
}

/** Brings the schema to exactly the migration `name` (a restore matches its backup's schema first). */
export async function migrateTo(
  database: MigratableDatabase,
  migrations: Migrations,
  name: string,
): Promise<void> {
  const result = await migratorFor(database.db, migrations, database.schema).migrateTo(name)
  if (result.error) {
    const cause = result.error instanceof Error ? result.error.message : String(result.error)
    throw new Error(`Migrating to ${name} failed and was rolled back: ${cause}`)
  }
}
