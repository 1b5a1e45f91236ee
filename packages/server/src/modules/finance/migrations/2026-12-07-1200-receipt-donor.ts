import type { Kysely } from 'kysely'

/**
 * A receipt names its donor: the name and address sealed with the key of the compartment that
 * keeps the donor (the sponsor's, or finance's donors compartment). Both stay empty on a receipt
 * that names the donor by code only, as every receipt did before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('finance_receipts').addColumn('compartment_id', 'text').execute()
  await db.schema.alterTable('finance_receipts').addColumn('donor_name', 'text').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('finance_receipts').dropColumn('donor_name').execute()
  await db.schema.alterTable('finance_receipts').dropColumn('compartment_id').execute()
}
