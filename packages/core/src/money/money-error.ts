/** Why a money operation was refused; `code` is stable, the message says what to do. */
export type MoneyErrorCode =
  | 'unknown_currency'
  | 'invalid_amount'
  | 'too_many_decimals'
  | 'amount_too_large'
  | 'currency_mismatch'
  | 'invalid_rate'
  | 'no_exchange_rate'

export class MoneyError extends Error {
  override name = 'MoneyError'
  constructor(
    readonly code: MoneyErrorCode,
    message: string,
  ) {
    super(message)
  }
}
