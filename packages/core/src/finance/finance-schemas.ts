import { z } from 'zod'
import { type CurrencyCode, isCurrencyCode } from '../money/currency.js'
import { PROGRAMMES } from '../money/programmes.js'
import { ACCOUNT_KINDS } from './chart.js'

export const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'field.date_format' })
const currencySchema = z
  .string()
  .refine((c): c is CurrencyCode => isCurrencyCode(c), { error: 'field.currency_code' })
  .transform((c) => c as CurrencyCode)

/** Decimal text in major units ("20", "12.50"); the currency's own decimals are checked after. */
export const amountText = z
  .string()
  .regex(/^\d{1,13}(\.\d{1,6})?$/, { error: 'field.amount_format' })
export const accountCode = z.string().regex(/^\d{4}$/, { error: 'field.account_code' })
export const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'field.month_format' })
const memo = z.string().trim().max(200).default('')

export const createAccountSchema = z.strictObject({
  code: accountCode,
  kind: z.enum(ACCOUNT_KINDS),
  nameEn: z.string().trim().min(1).max(80),
  nameJa: z.string().trim().min(1).max(80),
  currency: currencySchema.nullable().default(null),
  location: z.string().trim().min(1).max(60).nullable().default(null),
  cash: z.boolean().default(false),
  programme: z.enum(PROGRAMMES).nullable().default(null),
})
export type CreateAccount = z.infer<typeof createAccountSchema>

export const postingInput = z.strictObject({
  account: accountCode,
  side: z.enum(['debit', 'credit']),
  amount: amountText,
  currency: currencySchema,
  programme: z.enum(PROGRAMMES).nullable().default(null),
})
export type PostingInput = z.infer<typeof postingInput>

/** A general journal entry: any number of lines that balance per currency. */
export const journalEntrySchema = z.strictObject({
  on: isoDay,
  memo,
  postings: z.array(postingInput).min(2).max(50),
})
export type JournalEntry = z.infer<typeof journalEntrySchema>

/** Income received or an expense paid by hand, for what no record in Haven moves. */
export const manualEntrySchema = z.strictObject({
  on: isoDay,
  direction: z.enum(['in', 'out']),
  amount: amountText,
  currency: currencySchema,
  programme: z.enum(PROGRAMMES),
  /** The income or expense account; defaults to the programme's expense or other income. */
  account: accountCode.optional(),
  /** The cash or bank account; defaults to the currency's first cash account. */
  cashAccount: accountCode.optional(),
  memo,
})
export type ManualEntry = z.infer<typeof manualEntrySchema>

export const reverseSchema = z.strictObject({
  on: isoDay,
  reason: z.string().trim().min(10, { error: 'field.reversal_reason' }).max(500),
})
export type ReverseInput = z.infer<typeof reverseSchema>

/** A programme's budget for a fiscal year: a total spread evenly, or twelve months as phased. */
export const budgetSchema = z
  .strictObject({
    total: amountText.optional(),
    months: z.array(amountText).length(12).optional(),
  })
  .refine((b) => (b.total === undefined) !== (b.months === undefined), {
    error: 'field.budget_total_or_months',
  })
export type BudgetInput = z.infer<typeof budgetSchema>

export const fiscalYearQuery = z.strictObject({
  fiscalYear: z.coerce.number().int().min(1990).max(2200),
})

/** What made a transaction: typed by finance, a record's money, a reversal, a revaluation. */
export const TRANSACTION_KINDS = ['manual', 'record', 'reversal', 'revaluation'] as const

const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
}

/** The journal of a fiscal year, of one kind if asked, a page at a time. */
export const journalQuery = fiscalYearQuery.extend({
  kind: z.enum(TRANSACTION_KINDS).optional(),
  ...pageQuery,
})

export const receiptsQuery = fiscalYearQuery.extend(pageQuery)

/** The currencies a statement is stated in: the books' yen, or dollars at the dated rates. */
export const STATEMENT_CURRENCIES = ['JPY', 'USD'] as const

export const statementQuery = fiscalYearQuery.extend({
  currency: z.enum(STATEMENT_CURRENCIES).default('JPY'),
})

/** A position on a day (cash, trial balance), valued in one of the statement currencies. */
export const positionQuery = z.strictObject({
  asOf: isoDay.optional(),
  currency: z.enum(STATEMENT_CURRENCIES).default('JPY'),
})

/** The month to close, as a form sends it. */
export const closeMonthSchema = z.strictObject({ month: isoMonth })

/**
 * A receipt for a donation: the donor by pseudonymous code, the receipt's language, and the
 * donor's name and address as the receipt prints them (sealed; a sponsor's payment takes them
 * from the sponsor's record when left empty).
 */
export const receiptSchema = z.strictObject({
  donorCode: z.string().trim().min(1).max(40),
  locale: z.enum(['ja', 'en']),
  donorName: z.string().trim().max(500).optional(),
})
export type ReceiptInput = z.infer<typeof receiptSchema>

/** The organisation's finance settings: the month its fiscal year starts in (4 = April). */
export const financeSettingsSchema = z.strictObject({
  fiscalYearStart: z.number().int().min(1).max(12),
})
export type FinanceSettings = z.infer<typeof financeSettingsSchema>
