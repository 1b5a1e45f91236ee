import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely'

/**
 * Kysely's SQLite driver opens transactions with a plain `begin`, which takes the write lock only
 * at the first write. Within one process that is safe (the driver runs one transaction at a time),
 * but several server processes on one file (`haven serve --workers N`) would let two transactions
 * read the same state — today's distributions against the daily cap, the audit chain's head — and
 * the second one's write would fail with SQLITE_BUSY. `begin immediate` takes the write lock
 * first: the other processes wait for it (busy_timeout) and then read what was committed.
 */
class WriteTransactionDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}

export class SqliteWriteTransactionsDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig

  constructor(config: SqliteDialectConfig) {
    super(config)
    this.#config = config
  }

  override createDriver(): Driver {
    return new WriteTransactionDriver(this.#config)
  }
}
