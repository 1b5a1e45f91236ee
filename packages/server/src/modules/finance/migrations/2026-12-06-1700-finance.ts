import { type Kysely, sql } from 'kysely'

/**
 * The books: the accounts added to the default chart (which lives in code), transactions and their postings,
 * closed months and budgets per programme, fiscal year and month. A posting repeats its day and
 * month so the period checks and the monthly reports read one table through one index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('finance_accounts')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_ja', 'text', (c) => c.notNull())
    .addColumn('currency', 'text')
    .addColumn('location', 'text')
    .addColumn('cash', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('programme', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('finance_transactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('memo', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source_module', 'text')
    .addColumn('source_kind', 'text')
    .addColumn('source_id', 'text')
    .addColumn('compartment_id', 'text')
    .addColumn('reverses_id', 'text', (c) => c.references('finance_transactions.id'))
    .addColumn('reversed_by_id', 'text', (c) => c.references('finance_transactions.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()
  await db.schema
    .createIndex('finance_transactions_source_idx')
    .on('finance_transactions')
    .columns(['source_module', 'source_kind', 'source_id'])
    .execute()
  await db.schema
    .createIndex('finance_transactions_day_idx')
    .on('finance_transactions')
    .columns(['occurred_on', 'id'])
    .execute()

  await db.schema
    .createTable('finance_postings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('transaction_id', 'text', (c) => c.notNull().references('finance_transactions.id'))
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('account_code', 'text', (c) => c.notNull())
    .addColumn('programme', 'text')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('minor', 'bigint', (c) => c.notNull())
    .addColumn('report_currency', 'text', (c) => c.notNull())
    .addColumn('report_minor', 'bigint')
    .addColumn('rate', 'text')
    .addColumn('rate_date', 'text')
    .addColumn('counterparty_kind', 'text')
    .addColumn('counterparty_code', 'text')
    .execute()
  await db.schema
    .createIndex('finance_postings_transaction_idx')
    .on('finance_postings')
    .column('transaction_id')
    .execute()
  await db.schema
    .createIndex('finance_postings_month_idx')
    .on('finance_postings')
    .columns(['month', 'account_code', 'programme'])
    .execute()

  // The few lines still waiting for a rate, found without reading the rest.
  await db.schema
    .createIndex('finance_postings_waiting_idx')
    .on('finance_postings')
    .column('occurred_on')
    .where(sql.ref('report_minor'), 'is', null)
    .execute()

  await db.schema
    .createTable('finance_closed_months')
    .addColumn('month', 'text', (c) => c.primaryKey())
    .addColumn('closed_at', 'text', (c) => c.notNull())
    .addColumn('closed_by', 'text')
    .execute()

  await db.schema
    .createTable('finance_budgets')
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('programme', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('minor', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('finance_budgets_pk', ['fiscal_year', 'programme', 'month'])
    .execute()

  await db.schema
    .createTable('finance_receipt_counters')
    .addColumn('fiscal_year', 'integer', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('finance_receipts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('transaction_id', 'text', (c) =>
      c.notNull().unique().references('finance_transactions.id'),
    )
    .addColumn('donor_code', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('minor', 'bigint', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text')
    .addUniqueConstraint('finance_receipts_number_uq', ['fiscal_year', 'number'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('finance_receipts').execute()
  await db.schema.dropTable('finance_receipt_counters').execute()
  await db.schema.dropTable('finance_budgets').execute()
  await db.schema.dropTable('finance_closed_months').execute()
  await db.schema.dropTable('finance_postings').execute()
  await db.schema.dropTable('finance_transactions').execute()
  await db.schema.dropTable('finance_accounts').execute()
}
