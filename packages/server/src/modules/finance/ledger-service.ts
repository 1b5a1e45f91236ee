import { type AccountDefinition, accountsFor } from '@haven/core/finance/chart'
import { FinanceError } from '@haven/core/finance/finance-error'
import type { JournalEntry, ManualEntry, ReverseInput } from '@haven/core/finance/finance-schemas'
import { checkBalanced, type Posting } from '@haven/core/finance/ledger'
import { type CurrencyCode, minorUnits } from '@haven/core/money/currency'
import type { ExchangeRate } from '@haven/core/money/exchange-rate'
import { type Money, money, moneyFromDecimal } from '@haven/core/money/money'
import { MoneyError } from '@haven/core/money/money-error'
import type { Programme } from '@haven/core/money/programmes'
import { type AppContext, today } from '../../app-context.js'
import type { Actorish, AuditEntry } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import type { Db } from '../../db/db-handle.js'
import { newId } from '../../db/ids.js'
import { errors } from '../../http/errors.js'
import { HavenError } from '../../http/haven-error.js'
import type { MoneyEvent, MoneySource } from '../../money-events.js'
import { exchangeRatesFor } from '../supplies/index.js'
import { chartOf } from './chart-service.js'
import {
  closedMonthsAmong,
  findTransaction,
  insertTransaction,
  insertTransactions,
  isMonthClosed,
  markReversed,
  postingsOf,
  sourcesWithStanding,
  standingForSource,
} from './finance-store.js'
import type { FinancePostingsTable, FinanceTransactionsTable } from './finance-tables.js'
import {
  REPORTING_CURRENCY,
  type ReportingRate,
  rateAmong,
  reportingRate,
  valueAt,
} from './reporting-rate.js'

/** A line about to be posted. */
export interface DraftPosting extends Posting {
  readonly programme: Programme | null
  readonly counterparty?: { readonly kind: string; readonly code: string } | undefined
  /** A revaluation line moves no money, only its yen value (set here, at the period-end rate). */
  readonly value?: ReportingLine | undefined
}

interface ReportingLine {
  readonly minor: number | null
  readonly rate: string | null
  readonly rateDate: string | null
}

interface DraftTransaction {
  readonly on: string
  readonly memo: string
  readonly kind: 'manual' | 'record' | 'reversal' | 'revaluation'
  readonly source?: MoneySource | undefined
  readonly reversesId?: string | undefined
  readonly compartmentId?: string | null | undefined
}

/** Exact money from decimal text, or the stable refusal for too many decimals. */
export function amountOf(currency: CurrencyCode, text: string): Money {
  try {
    return moneyFromDecimal(currency, text)
  } catch (error) {
    if (error instanceof MoneyError && error.code === 'too_many_decimals')
      throw errors.tooManyDecimals({ currency, places: minorUnits(currency) })
    throw error
  }
}

async function refuseClosed(db: Db, day: string): Promise<void> {
  const month = day.slice(0, 7)
  if (await isMonthClosed(db, month)) throw errors.periodClosed({ month })
}

function refuseUnbalanced(postings: readonly Posting[]): void {
  try {
    checkBalanced(postings)
  } catch (error) {
    if (!(error instanceof FinanceError)) throw error
    throw errors.unbalancedTransaction({
      currency: String(error.params.currency ?? ''),
      difference: String(error.params.difference ?? error.message),
    })
  }
}

/** A revaluation (or its reversal): every line moves no money and carries only a yen value. */
function isValueOnly(
  postings: readonly DraftPosting[],
  reporting: readonly FinancePostingsTable[] | undefined,
): boolean {
  return postings.every(
    (p, i) =>
      p.amount.minor === 0 && (p.value !== undefined || reporting?.[i]?.report_minor != null),
  )
}

/** Value-only lines are built by Haven, never typed: an imbalance here is a bug, not input. */
function refuseUnbalancedValues(
  postings: readonly DraftPosting[],
  reporting: readonly FinancePostingsTable[] | undefined,
): void {
  const sum = postings.reduce(
    (s, p, i) => s + (p.value?.minor ?? -Number(reporting?.[i]?.report_minor ?? 0)),
    0,
  )
  if (postings.length < 2 || sum !== 0)
    throw new Error('a revaluation must have two or more lines whose yen values add up to zero')
}

/**
 * Writes a balanced transaction into open books: the month must be open, the accounts must
 * exist and hold the currency, every line gets its reporting value at the rate of its day. Runs
 * in the caller's transaction, so a refusal leaves nothing half-written.
 */
export async function postTransaction(
  app: AppContext,
  trx: Db,
  draft: DraftTransaction,
  postings: readonly DraftPosting[],
  by: Actorish,
  reporting?: readonly FinancePostingsTable[],
): Promise<FinanceTransactionsTable> {
  await refuseClosed(trx, draft.on)
  if (isValueOnly(postings, reporting)) refuseUnbalancedValues(postings, reporting)
  else refuseUnbalanced(postings)
  refuseUnknownAccounts(await chartOf(trx), postings)
  // One rate per currency and transaction: its lines share a day.
  const rates = new Map<CurrencyCode, Promise<ReportingRate>>()
  const values: ReportingLine[] = []
  for (const [i, p] of postings.entries()) {
    // A reversal undoes the original at the original's rate, so the two cancel exactly.
    const original = reporting?.[i]
    values.push(
      original
        ? {
            minor: original.report_minor === null ? null : -Number(original.report_minor),
            rate: original.rate,
            rateDate: original.rate_date,
          }
        : (p.value ?? (await valueOrPending(trx, p.amount, draft, rates))),
    )
  }
  const { row, lines, entry } = transactionRows(app, draft, postings, values, by)
  await insertTransaction(trx, row, lines)
  await audit(app, trx, entry)
  return row
}

/** Every line's account exists and holds the line's currency, or the first that does not is named. */
function refuseUnknownAccounts(
  chart: readonly AccountDefinition[],
  postings: readonly DraftPosting[],
): void {
  for (const p of postings) {
    const account = chart.find((a) => a.code === p.account)
    if (!account) throw errors.unknownAccount({ account: p.account })
    if (account.currency !== null && account.currency !== p.amount.currency)
      throw errors.accountCurrency({ account: p.account, currency: account.currency })
  }
}

/** The rows of a checked transaction, its lines valued as given, and its audit entry. */
function transactionRows(
  app: AppContext,
  draft: DraftTransaction,
  postings: readonly DraftPosting[],
  values: readonly ReportingLine[],
  by: Actorish,
): { row: FinanceTransactionsTable; lines: FinancePostingsTable[]; entry: AuditEntry } {
  const row: FinanceTransactionsTable = {
    id: newId(),
    occurred_on: draft.on,
    memo: draft.memo,
    kind: draft.kind,
    source_module: draft.source?.module ?? null,
    source_kind: draft.source?.kind ?? null,
    source_id: draft.source?.id ?? null,
    compartment_id: draft.compartmentId ?? null,
    reverses_id: draft.reversesId ?? null,
    reversed_by_id: null,
    created_at: app.now().toISOString(),
    created_by: by.actorId,
  }
  const lines = postings.map((p, i): FinancePostingsTable => {
    const value = values[i] ?? { minor: null, rate: null, rateDate: null }
    return {
      id: newId(),
      transaction_id: row.id,
      occurred_on: draft.on,
      month: draft.on.slice(0, 7),
      account_code: p.account,
      programme: p.programme,
      currency: p.amount.currency,
      minor: p.amount.minor,
      report_currency: REPORTING_CURRENCY,
      report_minor: value.minor,
      rate: value.rate,
      rate_date: value.rateDate,
      counterparty_kind: p.counterparty?.kind ?? null,
      counterparty_code: p.counterparty?.code ?? null,
    }
  })
  const entry: AuditEntry = {
    actorId: by.actorId,
    action: `finance.${draft.kind === 'reversal' ? 'transaction_reversed' : draft.kind === 'revaluation' ? 'cash_revalued' : 'transaction_posted'}`,
    entityType: 'FinanceTransaction',
    entityId: row.id,
    requestId: by.requestId,
    details: {
      postings: lines.length,
      month: draft.on.slice(0, 7),
      ...(draft.source
        ? { source: `${draft.source.module}/${draft.source.kind}/${draft.source.id}` }
        : {}),
      ...(draft.reversesId ? { reverses: draft.reversesId } : {}),
    },
  }
  return { row, lines, entry }
}

/**
 * The line's value in the reporting currency. A record's money is never refused for a missing
 * rate (food is handed out whether or not finance has entered the month's yuan rate): its value
 * waits, and closing the month requires it. Money typed into the books needs its rate now.
 */
async function valueOrPending(
  trx: Db,
  amount: Money,
  draft: DraftTransaction,
  rates: Map<CurrencyCode, Promise<ReportingRate>>,
): Promise<{ minor: number | null; rate: string | null; rateDate: string | null }> {
  try {
    let rate = rates.get(amount.currency)
    if (!rate) {
      rate = reportingRate(trx, amount.currency, draft.on)
      // A refusal is handled below; the map keeps the same answer for the next line.
      rate.catch(() => {})
      rates.set(amount.currency, rate)
    }
    return valueAt(amount, await rate)
  } catch (error) {
    if (draft.kind === 'record' && error instanceof HavenError && error.code === 'no_exchange_rate')
      return { minor: null, rate: null, rateDate: null }
    throw error
  }
}

function refuseFuture(app: AppContext, day: string): void {
  if (day > today(app))
    throw errors.validationFailed([{ path: 'on', key: 'field.date_in_future', params: {} }])
}

/** A general journal entry typed by finance. */
export async function postJournal(app: AppContext, input: JournalEntry, by: Actorish) {
  refuseFuture(app, input.on)
  const postings = input.postings.map((p) => {
    const amount = amountOf(p.currency, p.amount)
    return {
      account: p.account,
      programme: p.programme,
      amount: money(amount.currency, p.side === 'debit' ? amount.minor : -amount.minor),
    }
  })
  return app.database.db
    .transaction()
    .execute((trx) =>
      postTransaction(app, trx, { on: input.on, memo: input.memo, kind: 'manual' }, postings, by),
    )
}

/** Income received or an expense paid, for what no record in Haven moves (two lines). */
export async function postManual(app: AppContext, input: ManualEntry, by: Actorish) {
  refuseFuture(app, input.on)
  const amount = amountOf(input.currency, input.amount)
  return app.database.db.transaction().execute(async (trx) => {
    const usual = accountsFor(await chartOf(trx), {
      direction: input.direction,
      currency: input.currency,
      programme: input.programme,
      category: 'manual',
    })
    const cash = input.cashAccount ?? (input.direction === 'in' ? usual.debit : usual.credit)
    const other = input.account ?? (input.direction === 'in' ? usual.credit : usual.debit)
    const [debit, credit] = input.direction === 'in' ? [cash, other] : [other, cash]
    return postTransaction(
      app,
      trx,
      { on: input.on, memo: input.memo, kind: 'manual' },
      twoLines(debit, credit, amount, input.programme),
      by,
    )
  })
}

/** A donation received, as a spreadsheet import gives it (data exchange). */
export interface DonationInput {
  on: string
  amount: string
  currency: CurrencyCode
  programme: Programme
  /** The donor by pseudonymous code (never a name), when the sheet gives one. */
  donorCode: string | null
  memo: string
}

/**
 * Records a donation received in the caller's transaction (an import writes all its rows in
 * one): income to the donations account against the currency's cash, at the day's rate, refused
 * in a closed month or without a rate, as finance's own entries are.
 */
export async function recordDonationIn(
  app: AppContext,
  trx: Db,
  input: DonationInput,
  by: Actorish,
): Promise<FinanceTransactionsTable> {
  refuseFuture(app, input.on)
  const amount = amountOf(input.currency, input.amount)
  const { debit, credit } = accountsFor(await chartOf(trx), {
    direction: 'in',
    currency: input.currency,
    programme: input.programme,
    category: 'donation',
  })
  const donor = input.donorCode ? { kind: 'donor' as const, code: input.donorCode } : undefined
  return postTransaction(
    app,
    trx,
    { on: input.on, memo: input.memo, kind: 'manual' },
    twoLines(debit, credit, amount, input.programme, donor),
    by,
  )
}

function twoLines(
  debit: string,
  credit: string,
  amount: Money,
  programme: Programme,
  counterparty?: DraftPosting['counterparty'],
): DraftPosting[] {
  return [
    { account: debit, amount, programme, counterparty },
    { account: credit, amount: money(amount.currency, -amount.minor), programme, counterparty },
  ]
}

/**
 * Posts the mirror image of a transaction dated `on` (in an open month): the correction of
 * closed books. A transaction is reversed once; a reversal is not reversed again.
 */
export async function reverseTransaction(
  app: AppContext,
  trx: Db,
  original: FinanceTransactionsTable,
  input: ReverseInput,
  by: Actorish,
): Promise<FinanceTransactionsTable> {
  if (original.reversed_by_id !== null || original.kind === 'reversal')
    throw errors.alreadyReversed()
  const lines = await postingsOf(trx, [original.id])
  const reversal = await postTransaction(
    app,
    trx,
    {
      on: input.on,
      memo: input.reason,
      kind: 'reversal',
      reversesId: original.id,
      compartmentId: original.compartment_id,
    },
    lines.map((l) => ({
      account: l.account_code,
      programme: l.programme as Programme | null,
      amount: money(l.currency as CurrencyCode, -Number(l.minor)),
      counterparty: l.counterparty_kind
        ? { kind: l.counterparty_kind, code: l.counterparty_code ?? '' }
        : undefined,
    })),
    by,
    lines,
  )
  await markReversed(trx, original.id, reversal.id)
  return reversal
}

export async function reverseById(app: AppContext, id: string, input: ReverseInput, by: Actorish) {
  refuseFuture(app, input.on)
  return app.database.db.transaction().execute(async (trx) => {
    const original = await findTransaction(trx, id)
    if (!original) throw errors.notFound()
    return reverseTransaction(app, trx, original, input, by)
  })
}

/** The day a record's earlier posting is undone: its own day while that month is open. */
async function undoDay(trx: Db, standing: FinanceTransactionsTable, on: string): Promise<string> {
  return (await isMonthClosed(trx, standing.occurred_on.slice(0, 7))) ? on : standing.occurred_on
}

/**
 * What finance does with another module's money (money-events.ts): post it against the cash
 * of its currency, linked to the record; a record that changes replaces its posting by a
 * reversal and a new posting; one withdrawn is reversed. All inside the record's transaction.
 */
export const ledgerListener = {
  recorded: postRecord,
  recordedMany: postRecords,
  async withdrawn(
    app: AppContext,
    trx: Db,
    source: MoneySource,
    on: string,
    by: Actorish,
  ): Promise<void> {
    const standing = await standingForSource(trx, source)
    if (standing)
      await reverseTransaction(app, trx, standing, { on, reason: 'the record was withdrawn' }, by)
  },
}

async function postRecord(
  app: AppContext,
  trx: Db,
  event: MoneyEvent,
  by: Actorish,
): Promise<void> {
  const standing = await standingForSource(trx, event.source)
  if (standing)
    await reverseTransaction(
      app,
      trx,
      standing,
      { on: await undoDay(trx, standing, event.on), reason: 'replaced by the record' },
      by,
    )
  await postTransaction(app, trx, recordDraft(event), recordLines(await chartOf(trx), event), by)
}

/** A record's two lines, on the accounts the chart gives its direction, programme and category. */
function recordLines(chart: readonly AccountDefinition[], event: MoneyEvent): DraftPosting[] {
  const { debit, credit } = accountsFor(chart, {
    direction: event.direction,
    currency: event.amount.currency,
    programme: event.programme,
    category: event.category,
    heldAt: event.heldAt,
  })
  return twoLines(debit, credit, event.amount, event.programme, event.counterparty)
}

const recordDraft = (event: MoneyEvent): DraftTransaction => ({
  on: event.on,
  memo: event.memo ?? `${event.source.module} ${event.category}`,
  kind: 'record',
  source: event.source,
  compartmentId: event.compartmentId ?? null,
})

/**
 * `postRecord` for many records at once (a field device's batch of distributions), with the same
 * rows and refusals, in a few statements: the closed months, the chart and each currency's rates
 * read once, the transactions and their lines written in multi-row inserts, their audit entries
 * appended together. A record that posted before (its posting is replaced) goes on its own. Any
 * refusal refuses the whole batch, naming the first record refused, as a transaction does.
 */
async function postRecords(
  app: AppContext,
  trx: Db,
  events: readonly MoneyEvent[],
  by: Actorish,
): Promise<void> {
  const standing = new Set<string>()
  const sourceKey = (s: MoneySource) => `${s.module}/${s.kind}/${s.id}`
  const groups = new Map<string, MoneySource[]>()
  for (const e of events) {
    const group = `${e.source.module}/${e.source.kind}`
    groups.set(group, [...(groups.get(group) ?? []), e.source])
  }
  for (const sources of groups.values()) {
    const first = sources[0]
    if (!first) continue
    const ids = sources.map((s) => s.id)
    for (const id of await sourcesWithStanding(trx, first.module, first.kind, ids))
      standing.add(sourceKey({ ...first, id }))
  }
  const fresh = events.filter((e) => !standing.has(sourceKey(e.source)))
  const closed = await closedMonthsAmong(trx, [...new Set(fresh.map((e) => e.on.slice(0, 7)))])
  const chart = await chartOf(trx)
  const drafts = fresh.map((event) => {
    const month = event.on.slice(0, 7)
    if (closed.has(month)) throw errors.periodClosed({ month })
    const postings = recordLines(chart, event)
    refuseUnbalanced(postings)
    refuseUnknownAccounts(chart, postings)
    return { draft: recordDraft(event), postings }
  })
  // Each currency's rates into yen read once, up to the latest day of the batch; a record whose
  // day has no rate waits for one (valueOrPending), as it does on its own.
  const rates = new Map<CurrencyCode, ExchangeRate[]>()
  for (const currency of new Set(fresh.map((e) => e.amount.currency))) {
    if (currency === REPORTING_CURRENCY) continue
    const last =
      fresh
        .filter((e) => e.amount.currency === currency)
        .map((e) => e.on)
        .sort()
        .at(-1) ?? ''
    rates.set(currency, await exchangeRatesFor(trx, [currency, REPORTING_CURRENCY], last))
  }
  const rateOn = new Map<string, ReportingRate | undefined>()
  const lineValue = (amount: Money, on: string): ReportingLine => {
    const key = `${amount.currency} ${on}`
    if (!rateOn.has(key))
      rateOn.set(
        key,
        rateAmong(rates.get(amount.currency) ?? [], amount.currency, REPORTING_CURRENCY, on),
      )
    const rate = rateOn.get(key)
    return rate ? valueAt(amount, rate) : { minor: null, rate: null, rateDate: null }
  }
  const rows: FinanceTransactionsTable[] = []
  const lines: FinancePostingsTable[] = []
  const entries: AuditEntry[] = []
  for (const { draft, postings } of drafts) {
    const values = postings.map((p) => lineValue(p.amount, draft.on))
    const built = transactionRows(app, draft, postings, values, by)
    rows.push(built.row)
    lines.push(...built.lines)
    entries.push(built.entry)
  }
  await insertTransactions(trx, rows, lines)
  await audit(app, trx, ...entries)
  for (const event of events)
    if (standing.has(sourceKey(event.source))) await postRecord(app, trx, event, by)
}
