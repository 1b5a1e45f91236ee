import type { CurrencyCode } from '../money/currency.js'
import type { Programme } from '../money/programmes.js'

export const ACCOUNT_KINDS = ['asset', 'liability', 'equity', 'income', 'expense'] as const
export type AccountKind = (typeof ACCOUNT_KINDS)[number]

/** An account of the chart. Cash accounts hold one currency in one place; others take any. */
export interface AccountDefinition {
  readonly code: string
  readonly kind: AccountKind
  readonly nameEn: string
  readonly nameJa: string
  /** Only this currency may be posted (cash and bank accounts). */
  readonly currency: CurrencyCode | null
  /** Where the money is held (cash by currency and location). */
  readonly location: string | null
  /** Cash or bank: counted in "cash by currency and location". */
  readonly cash: boolean
  /** The programme an expense account charges. */
  readonly programme: Programme | null
}

const cash = (
  code: string,
  currency: CurrencyCode | null,
  nameEn: string,
  nameJa: string,
  location: string | null,
): AccountDefinition => ({
  code,
  kind: 'asset',
  nameEn,
  nameJa,
  currency,
  location,
  cash: true,
  programme: null,
})
const plain = (code: string, kind: AccountKind, nameEn: string, nameJa: string) => ({
  code,
  kind,
  nameEn,
  nameJa,
  currency: null,
  location: null,
  cash: false,
  programme: null,
})
const spend = (code: string, programme: Programme, nameEn: string, nameJa: string) => ({
  ...plain(code, 'expense', nameEn, nameJa),
  programme,
})

/**
 * A small chart for an NGO that works in yen at home and yuan in the field: cash by currency
 * and location, a bank account, net assets, income by source and one expense account per
 * programme. Administrators add accounts; these codes are what the records' money posts to.
 */
export const DEFAULT_CHART: readonly AccountDefinition[] = Object.freeze([
  cash('1100', 'JPY', 'Cash (JPY), Tokyo office', '現金（円）東京事務所', 'Tokyo'),
  cash('1110', 'CNY', 'Cash (CNY) held in China', '現金（人民元）中国保管', 'China'),
  cash('1120', 'USD', 'Cash (USD)', '現金（米ドル）', 'Tokyo'),
  cash('1190', null, 'Cash in other currencies', 'その他通貨の現金', null),
  cash('1200', 'JPY', 'Bank account (JPY)', '普通預金（円）', 'Tokyo'),
  // Money changed from one currency into another passes through here, so each currency's
  // side of the exchange balances on its own.
  plain('1900', 'asset', 'Currency exchange', '両替勘定'),
  plain('2100', 'liability', 'Payables', '未払金'),
  plain('3000', 'equity', 'Net assets', '正味財産'),
  plain('4100', 'income', 'Donations', '寄付金収入'),
  plain('4200', 'income', 'Grants', '助成金収入'),
  plain('4300', 'income', 'Membership fees', '会費収入'),
  plain('4400', 'income', 'Sponsorship income', '里親支援収入'),
  plain('4900', 'income', 'Other income', 'その他収入'),
  // Foreign cash revalued at a period end: the change of its yen value, not yet realised.
  plain('4950', 'income', 'Unrealised exchange gain or loss', '為替差損益（未実現）'),
  spend('5100', 'food', 'Food programme', '食糧支援事業費'),
  spend('5200', 'shelters', 'Shelters', 'シェルター事業費'),
  spend('5300', 'education', 'Education sponsorship', '教育支援事業費'),
  spend('5400', 'medical', 'Medical care', '医療支援事業費'),
  spend('5500', 'resettlement', 'Resettlement and returnee support', '定住・帰還者支援事業費'),
  spend('5600', 'advocacy', 'Advocacy', '広報・啓発事業費'),
  spend('5700', 'administration', 'Administration', '管理費'),
])

/** Where the revaluation of foreign cash posts its yen difference. */
export const UNREALISED_EXCHANGE_ACCOUNT = '4950'

/**
 * Income a receipt is issued for: donations, and sponsors' payments (a sponsor's gift to the
 * plan is a donation to the organisation).
 */
export const RECEIPTED_ACCOUNTS: readonly string[] = Object.freeze(['4100', '4400'])

/** Income accounts by the recording module's category (anything else is other income). */
const INCOME_BY_CATEGORY: Readonly<Record<string, string>> = {
  donation: '4100',
  grant: '4200',
  membership_fee: '4300',
  sponsor_payment: '4400',
}

/**
 * Where a record's money posts: an expense goes to its programme's account, income to the
 * account for its category, each against the cash account of its currency (where the record
 * says it is held, else the first), or the catch-all cash account for other currencies.
 */
export function accountsFor(
  chart: readonly AccountDefinition[],
  event: {
    direction: 'in' | 'out'
    currency: CurrencyCode
    programme: Programme
    category: string
    heldAt?: string | undefined
  },
): { debit: string; credit: string } {
  const cashAccounts = chart.filter((a) => a.cash && a.currency === event.currency)
  const cashAccount =
    cashAccounts.find((a) => event.heldAt !== undefined && a.location === event.heldAt) ??
    cashAccounts[0] ??
    chart.find((a) => a.cash && a.currency === null)
  if (!cashAccount) throw new Error('the chart has no cash account for other currencies')
  if (event.direction === 'out') {
    const expense = chart.find((a) => a.kind === 'expense' && a.programme === event.programme)
    return { debit: expense?.code ?? '5700', credit: cashAccount.code }
  }
  return { debit: cashAccount.code, credit: INCOME_BY_CATEGORY[event.category] ?? '4900' }
}
