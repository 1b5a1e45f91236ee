/** Why the books refused something; `code` is stable, `params` name what to fix. */
export type FinanceErrorCode =
  | 'unbalanced_transaction'
  | 'too_few_postings'
  | 'zero_posting'
  | 'invalid_fiscal_year_start'

export class FinanceError extends Error {
  override name = 'FinanceError'
  constructor(
    readonly code: FinanceErrorCode,
    message: string,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(message)
  }
}
