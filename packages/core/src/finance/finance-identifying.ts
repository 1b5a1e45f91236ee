import { declareIdentifying } from '../privacy/identifying-fields.js'

/**
 * The donor's name and address on a donation receipt: sealed in the compartment that keeps the
 * donor (the sponsor's, or finance's donors compartment), opened only to print the receipt.
 */
export const RECEIPT_DONOR = declareIdentifying('FinanceReceipt', {
  table: 'finance_receipts',
  idColumn: 'id',
  compartmentColumn: 'compartment_id',
  fields: [{ field: 'donorName', column: 'donor_name' }],
})
