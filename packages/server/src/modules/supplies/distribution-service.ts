import type { CurrencyCode } from '@haven/core/money/currency'
import { convertMoney, type ExchangeRate } from '@haven/core/money/exchange-rate'
import {
  formatMinorAsDecimal,
  type Money,
  money,
  moneyFromDecimal,
  multiplyMoney,
} from '@haven/core/money/money'
import { MoneyError } from '@haven/core/money/money-error'
import { type CapVerdict, checkCaps } from '@haven/core/supplies/caps'
import type { CreatePolicy, RecordDistribution } from '@haven/core/supplies/supply-schemas'
import type { DistributionView, PolicyView } from '@haven/core/supplies/supply-views'
import type { AppContext } from '../../app-context.js'
import type { Actorish, AuditEntry } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import type { Db } from '../../db/db-handle.js'
import { newId } from '../../db/ids.js'
import { errors } from '../../http/errors.js'
import { type MoneyEvent, recordMoney } from '../../money-events.js'
import { findPersonByCode } from '../people/index.js'
import {
  addToCounter,
  type Counter,
  insertDistribution,
  insertPolicy,
  lockCounter,
  overlappingPolicies,
  policyOn,
} from './distribution-store.js'
import { exchangeRatesFor, refuseFuture } from './stock-service.js'
import type { AllowancePoliciesTable, DistributionsTable } from './supplies-tables.js'

export function moneyText(value: Money): string {
  return formatMinorAsDecimal(value)
}

export function presentPolicy(row: AllowancePoliciesTable): PolicyView {
  return {
    id: row.id,
    compartmentId: row.compartment_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    amount: moneyText(money(row.currency as CurrencyCode, Number(row.amount_minor))),
    currency: row.currency,
    buysGrams: row.buys_grams,
    dailyCap: row.daily_cap,
    monthlyCap: moneyText(
      money(row.monthly_cap_currency as CurrencyCode, Number(row.monthly_cap_minor)),
    ),
    monthlyCapCurrency: row.monthly_cap_currency,
    rationGrams: row.ration_grams,
  }
}

/** Creates an allowance policy; its date range may not overlap another of the same compartment. */
export async function createPolicy(app: AppContext, input: CreatePolicy, by: Actorish) {
  const row: AllowancePoliciesTable = {
    id: newId(),
    compartment_id: input.compartmentId,
    valid_from: input.validFrom,
    valid_to: input.validTo,
    amount_minor: moneyFromDecimal(input.currency, input.amount).minor,
    currency: input.currency,
    buys_grams: input.buysGrams,
    daily_cap: input.dailyCap,
    monthly_cap_minor: moneyFromDecimal(input.monthlyCapCurrency, input.monthlyCap).minor,
    monthly_cap_currency: input.monthlyCapCurrency,
    ration_grams: input.rationGrams,
    created_at: app.now().toISOString(),
    created_by: by.actorId,
  }
  await app.database.db.transaction().execute(async (trx) => {
    // Lock the compartment's counter-free path: two overlapping policies created at once are
    // serialised by taking the month counter of the start date.
    await lockCounter(trx, 'distribution_months', row.compartment_id, row.valid_from.slice(0, 7))
    const clash = await overlappingPolicies(trx, row.compartment_id, row.valid_from, row.valid_to)
    const first = clash[0]
    if (first) throw errors.policyOverlap({ from: first.valid_from, to: first.valid_to ?? '…' })
    await insertPolicy(trx, row)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'allowance_policy.created',
      entityType: 'AllowancePolicy',
      entityId: row.id,
      compartmentId: row.compartment_id,
      requestId: by.requestId,
      details: { dailyCap: row.daily_cap, validFrom: row.valid_from },
    })
  })
  return row
}

/** Converts at the rate dated on or before `day`, or refuses naming the missing pair. */
export async function convertOn(
  db: Db,
  amount: Money,
  to: CurrencyCode,
  day: string,
): Promise<Money> {
  if (amount.currency === to) return amount
  return convertAmong(await exchangeRatesFor(db, [amount.currency, to], day), amount, to, day)
}

/**
 * `amount` in `to` by the rate dated on or before `day` among `rates` (already read: a batch reads
 * them once), or the API's refusal when there is none.
 */
export function convertAmong(
  rates: readonly ExchangeRate[],
  amount: Money,
  to: CurrencyCode,
  day: string,
): Money {
  if (amount.currency === to) return amount
  try {
    return convertMoney(amount, to, rates, day).result
  } catch (error) {
    if (error instanceof MoneyError && error.code === 'no_exchange_rate')
      throw errors.noExchangeRate({ from: amount.currency, to, day })
    throw error
  }
}

export interface RecordedDistribution {
  row: DistributionsTable
  personCode: string | null
  dayPeople: number
  dailyCap: number
  /** The cap it went past when it was recorded over a cap for review (an offline distribution). */
  flagged: 'daily_cap_reached' | 'monthly_budget_reached' | null
}

/**
 * How a distribution is recorded: `id` when the caller fixes it (a field device's outbox entry,
 * so a replay finds it); `overCap: 'flag'` for a distribution already handed out without a
 * connection — the food is gone, so refusing would only lose the record: it is stored past the
 * cap, marked with the cap it broke, for a coordinator to review.
 */
export interface DistributionOptions {
  id?: string
  overCap?: 'refuse' | 'flag'
}

/**
 * Records a distribution under its compartment's allowance policy. Every cap is checked inside
 * one transaction that holds the month's and the day's counters locked (month first, then day,
 * always in that order so two requests never wait on each other crosswise): of 21 simultaneous
 * requests against a cap of 20, exactly one is refused. A coordinator's written reason lets a
 * distribution past a cap; the override is stored with it and audited.
 */
export async function recordDistribution(
  app: AppContext,
  input: RecordDistribution,
  by: Actorish & { mayOverride: boolean },
  options: DistributionOptions = {},
): Promise<RecordedDistribution> {
  return app.database.db
    .transaction()
    .execute((trx) => recordDistributionIn(app, trx, input, by, options))
}

/**
 * `recordDistribution` inside the caller's transaction (a field device's push applies its outbox
 * in one transaction): the counters stay locked until that transaction ends.
 */
export async function recordDistributionIn(
  app: AppContext,
  trx: Db,
  input: RecordDistribution,
  by: Actorish & { mayOverride: boolean },
  options: DistributionOptions = {},
): Promise<RecordedDistribution> {
  refuseFuture(app, input.day, 'day')
  const policy = await policyOn(trx, input.compartmentId, input.day)
  if (!policy) throw errors.noAllowancePolicy({ day: input.day })
  let personId: string | null = null
  if (input.personCode !== undefined) {
    const person = await findPersonByCode(trx, input.compartmentId, input.personCode)
    if (!person) throw errors.personNotInCompartment()
    personId = person.id
  }
  const people = input.headcount ?? 1
  const spend = multiplyMoney(
    money(policy.currency as CurrencyCode, Number(policy.amount_minor)),
    people,
  )
  const capCurrency = policy.monthly_cap_currency as CurrencyCode
  const capSpend = await convertOn(trx, spend, capCurrency, input.day)
  const month = input.day.slice(0, 7)
  const monthTotals = await lockCounter(trx, 'distribution_months', input.compartmentId, month)
  const dayTotals = await lockCounter(trx, 'distribution_days', input.compartmentId, input.day)
  const verdict = checkCaps(
    {
      dailyCap: policy.daily_cap,
      peopleToday: dayTotals.people,
      monthlyCapMinor: Number(policy.monthly_cap_minor),
      spentThisMonthMinor: monthTotals.cap_spend_minor,
    },
    { people, costInCapMinor: capSpend.minor },
  )
  const { overrideCode, flagged } = capDecision(verdict, input, by, options, capCurrency)
  const row = distributionRow(app, input, by, options.id ?? newId(), {
    policy,
    personId,
    spend,
    capSpend,
    overrideCode,
    flagged,
  })
  await insertDistribution(trx, row)
  const add = counterAdd(row)
  await addToCounter(trx, 'distribution_months', input.compartmentId, month, add)
  await addToCounter(trx, 'distribution_days', input.compartmentId, input.day, add)
  // The allowance handed out is food spend: the books post it (by code, never by name).
  await recordMoney(app, trx, distributionMoney(row, input.personCode), by)
  await audit(app, trx, distributionAudit(row, flagged, by))
  return {
    row,
    personCode: input.personCode ?? null,
    dayPeople: dayTotals.people + people,
    dailyCap: policy.daily_cap,
    flagged,
  }
}

/**
 * What a cap check's verdict means for one distribution: let through; stored past the cap and
 * flagged (an offline one, with no reason given); let through on a coordinator's reason; or
 * refused with the cap it met (thrown).
 */
export function capDecision(
  verdict: CapVerdict,
  input: RecordDistribution,
  by: { mayOverride: boolean },
  options: DistributionOptions,
  capCurrency: CurrencyCode,
): { overrideCode: string | null; flagged: RecordedDistribution['flagged'] } {
  if (verdict.ok) return { overrideCode: null, flagged: null }
  if (options.overCap === 'flag' && !input.overrideReason)
    return { overrideCode: verdict.code, flagged: verdict.code }
  if (!input.overrideReason || !by.mayOverride) {
    if (verdict.code === 'daily_cap_reached')
      throw errors.dailyCapReached(
        {
          cap: verdict.cap,
          already: verdict.already,
          day: input.day,
        },
        by.mayOverride,
      )
    throw errors.monthlyBudgetReached(
      {
        cap: moneyText(money(capCurrency, verdict.capMinor)),
        spent: moneyText(money(capCurrency, verdict.spentMinor)),
        asked: moneyText(money(capCurrency, verdict.askedMinor)),
      },
      by.mayOverride,
    )
  }
  return { overrideCode: verdict.code, flagged: null }
}

/** The distribution's row, once its policy, person, cost and cap decision are known. */
export function distributionRow(
  app: AppContext,
  input: RecordDistribution,
  by: Actorish,
  id: string,
  decided: {
    policy: AllowancePoliciesTable
    personId: string | null
    spend: Money
    capSpend: Money
    overrideCode: string | null
    flagged: RecordedDistribution['flagged']
  },
): DistributionsTable {
  const { policy, spend, capSpend, overrideCode, flagged } = decided
  return {
    id,
    compartment_id: input.compartmentId,
    policy_id: policy.id,
    day: input.day,
    person_id: decided.personId,
    headcount: input.headcount ?? 1,
    amount_minor: spend.minor,
    currency: spend.currency,
    cap_amount_minor: capSpend.minor,
    cap_currency: capSpend.currency,
    rice_grams: policy.buys_grams * (input.headcount ?? 1),
    override_code: overrideCode,
    override_reason: overrideCode && !flagged ? (input.overrideReason ?? null) : null,
    created_at: app.now().toISOString(),
    created_by: by.actorId,
  }
}

/** What a distribution adds to its day's and month's counters. */
export const counterAdd = (row: DistributionsTable): Counter => ({
  people: row.headcount,
  spend_minor: Number(row.amount_minor),
  cap_spend_minor: Number(row.cap_amount_minor),
  rice_grams: Number(row.rice_grams),
  overrides: row.override_code ? 1 : 0,
})

/** The allowance handed out is food spend: what the books are told (by code, never by name). */
export function distributionMoney(
  row: DistributionsTable,
  personCode: string | undefined,
): MoneyEvent {
  const people = row.headcount
  return {
    source: { module: 'supplies', kind: 'distribution', id: row.id },
    on: row.day,
    direction: 'out',
    amount: money(row.currency as CurrencyCode, Number(row.amount_minor)),
    programme: 'food',
    category: 'distribution',
    compartmentId: row.compartment_id,
    ...(personCode !== undefined
      ? { counterparty: { kind: 'person' as const, code: personCode } }
      : {}),
    memo: `food allowance, ${people} ${people === 1 ? 'person' : 'people'}`,
  }
}

export function distributionAudit(
  row: DistributionsTable,
  flagged: RecordedDistribution['flagged'],
  by: Actorish,
): AuditEntry {
  const overrideCode = row.override_code
  return {
    actorId: by.actorId,
    action: flagged
      ? 'distribution.over_cap_offline'
      : overrideCode
        ? 'distribution.cap_overridden'
        : 'distribution.recorded',
    entityType: 'Distribution',
    entityId: row.id,
    compartmentId: row.compartment_id,
    requestId: by.requestId,
    details: {
      people: row.headcount,
      registered: row.person_id !== null,
      // The reason is free text: it stays on the distribution, shown to staff, not in the log.
      ...(overrideCode ? { cap: overrideCode } : {}),
    },
  }
}

export function presentDistribution(
  row: DistributionsTable,
  personCode: string | null,
  extra: { dayPeople?: number; dailyCap?: number } = {},
): DistributionView {
  return {
    id: row.id,
    compartmentId: row.compartment_id,
    day: row.day,
    personCode,
    headcount: row.headcount,
    amount: moneyText(money(row.currency as CurrencyCode, Number(row.amount_minor))),
    currency: row.currency,
    capAmount: moneyText(money(row.cap_currency as CurrencyCode, Number(row.cap_amount_minor))),
    capCurrency: row.cap_currency,
    riceKg: Number(row.rice_grams) / 1000,
    overrideCode: row.override_code,
    overrideReason: row.override_reason,
    ...extra,
  }
}
