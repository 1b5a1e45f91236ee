import type { CurrencyCode } from '@haven/core/money/currency'
import type { ExchangeRate } from '@haven/core/money/exchange-rate'
import { type Money, money, multiplyMoney } from '@haven/core/money/money'
import { checkCaps } from '@haven/core/supplies/caps'
import type { RecordDistribution } from '@haven/core/supplies/supply-schemas'
import type { AppContext } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import type { Db } from '../../db/db-handle.js'
import { errors } from '../../http/errors.js'
import { HavenError } from '../../http/haven-error.js'
import { recordMoneyMany } from '../../money-events.js'
import { findPeopleByCodes } from '../people/index.js'
import {
  capDecision,
  convertAmong,
  counterAdd,
  type DistributionOptions,
  distributionAudit,
  distributionMoney,
  distributionRow,
  type RecordedDistribution,
} from './distribution-service.js'
import {
  addToCounters,
  type Counter,
  counterKey,
  existingDistributionIds,
  insertDistributions,
  listPolicies,
  lockCounters,
} from './distribution-store.js'
import { exchangeRatesFor, refuseFuture } from './stock-service.js'
import type { AllowancePoliciesTable, DistributionsTable } from './supplies-tables.js'

/** One distribution of a batch: recorded, refused (as it would be alone), or there already. */
export type BatchDistribution =
  | { readonly recorded: RecordedDistribution }
  | { readonly refused: HavenError }
  /** Its id is a distribution already (a replayed field entry): nothing was written for it. */
  | { readonly already: string }

/** A batch's entry: what `recordDistributionIn` takes, with the id the caller fixes. */
export interface BatchEntry {
  readonly input: RecordDistribution
  readonly id: string
}

/** A compartment's policy in force on a day, as `policyOn` picks it, among its policies read. */
function policyAmong(
  policies: readonly AllowancePoliciesTable[],
  compartmentId: string,
  day: string,
): AllowancePoliciesTable | undefined {
  // listPolicies orders each compartment's policies latest first, as policyOn does.
  return policies.find(
    (p) =>
      p.compartment_id === compartmentId &&
      p.valid_from <= day &&
      (p.valid_to === null || p.valid_to >= day),
  )
}

interface Checked {
  readonly at: number
  readonly entry: BatchEntry
  readonly policy: AllowancePoliciesTable
  readonly personId: string | null
  readonly spend: Money
  readonly capSpend: Money
}

/**
 * `recordDistributionIn` for a batch (a field device's outbox), in order, with the same rows,
 * counters, books and audit, and the same refusal for each entry refused — in a few statements
 * instead of some twenty each: the compartments' policies, the people named and the exchange
 * rates read once; the day and month counters created and locked together (months, then days,
 * each in key order); the caps checked in memory, each entry against the totals the entries
 * before it left; the rows, the counters, the books' postings and the audit written in multi-row
 * statements. An entry whose id is a distribution already is answered `already` and counts for
 * nothing. A refusal of the books (a closed month) is thrown and refuses the whole batch: the
 * caller rolls it back and records each entry on its own.
 */
export async function recordDistributionsIn(
  app: AppContext,
  trx: Db,
  entries: readonly BatchEntry[],
  by: Actorish & { mayOverride: boolean },
  options: Omit<DistributionOptions, 'id'> = {},
): Promise<BatchDistribution[]> {
  const results: (BatchDistribution | undefined)[] = entries.map(() => undefined)
  const refuse = (at: number, error: unknown) => {
    if (!(error instanceof HavenError)) throw error
    results[at] = { refused: error }
  }
  const compartments = [...new Set(entries.map((e) => e.input.compartmentId))]
  const policies = await listPolicies(trx, compartments)
  const people = new Map<string, Map<string, { id: string }>>()
  for (const compartmentId of compartments) {
    const codes = entries.flatMap((e) =>
      e.input.compartmentId === compartmentId && e.input.personCode !== undefined
        ? [e.input.personCode]
        : [],
    )
    people.set(compartmentId, await findPeopleByCodes(trx, compartmentId, codes))
  }
  const rates = await ratesForBatch(trx, entries, policies)

  const checked: Checked[] = []
  for (const [at, entry] of entries.entries()) {
    const { input } = entry
    try {
      refuseFuture(app, input.day, 'day')
      const policy = policyAmong(policies, input.compartmentId, input.day)
      if (!policy) throw errors.noAllowancePolicy({ day: input.day })
      let personId: string | null = null
      if (input.personCode !== undefined) {
        const person = people.get(input.compartmentId)?.get(input.personCode)
        if (!person) throw errors.personNotInCompartment()
        personId = person.id
      }
      const spend = multiplyMoney(
        money(policy.currency as CurrencyCode, Number(policy.amount_minor)),
        input.headcount ?? 1,
      )
      const capSpend = convertAmong(
        rates,
        spend,
        policy.monthly_cap_currency as CurrencyCode,
        input.day,
      )
      checked.push({ at, entry, policy, personId, spend, capSpend })
    } catch (error) {
      refuse(at, error)
    }
  }

  const months = await lockCounters(
    trx,
    'distribution_months',
    checked.map((c) => ({
      compartmentId: c.entry.input.compartmentId,
      key: c.entry.input.day.slice(0, 7),
    })),
  )
  const days = await lockCounters(
    trx,
    'distribution_days',
    checked.map((c) => ({ compartmentId: c.entry.input.compartmentId, key: c.entry.input.day })),
  )
  const already = await existingDistributionIds(
    trx,
    checked.map((c) => c.entry.id),
  )
  const zero = (): Counter => ({
    people: 0,
    spend_minor: 0,
    cap_spend_minor: 0,
    rice_grams: 0,
    overrides: 0,
  })
  const rows: DistributionsTable[] = []
  const addedMonths = new Map<string, Map<string, Counter>>()
  const addedDays = new Map<string, Map<string, Counter>>()
  for (const c of checked) {
    const { input } = c.entry
    const month = input.day.slice(0, 7)
    const monthTotals = months.get(counterKey({ compartmentId: input.compartmentId, key: month }))
    const dayTotals = days.get(counterKey({ compartmentId: input.compartmentId, key: input.day }))
    if (!monthTotals || !dayTotals) throw new Error('a counter locked for the batch is missing')
    const people = input.headcount ?? 1
    const verdict = checkCaps(
      {
        dailyCap: c.policy.daily_cap,
        peopleToday: dayTotals.people,
        monthlyCapMinor: Number(c.policy.monthly_cap_minor),
        spentThisMonthMinor: monthTotals.cap_spend_minor,
      },
      { people, costInCapMinor: c.capSpend.minor },
    )
    let decided: ReturnType<typeof capDecision>
    try {
      decided = capDecision(
        verdict,
        input,
        by,
        options,
        c.policy.monthly_cap_currency as CurrencyCode,
      )
    } catch (error) {
      refuse(c.at, error)
      continue
    }
    // Its id is taken, or taken earlier in this batch: alone, its insert would fail on the key
    // and take nothing with it.
    if (already.has(c.entry.id)) {
      results[c.at] = { already: c.entry.id }
      continue
    }
    already.add(c.entry.id)
    const row = distributionRow(app, input, by, c.entry.id, {
      policy: c.policy,
      personId: c.personId,
      spend: c.spend,
      capSpend: c.capSpend,
      ...decided,
    })
    const add = counterAdd(row)
    for (const [totals, added, key] of [
      [monthTotals, addedMonths, month],
      [dayTotals, addedDays, input.day],
    ] as const) {
      addTo(totals, add)
      const ofCompartment = added.get(input.compartmentId) ?? new Map<string, Counter>()
      added.set(input.compartmentId, ofCompartment)
      const sum = ofCompartment.get(key) ?? zero()
      addTo(sum, add)
      ofCompartment.set(key, sum)
    }
    rows.push(row)
    results[c.at] = {
      recorded: {
        row,
        personCode: input.personCode ?? null,
        dayPeople: dayTotals.people,
        dailyCap: c.policy.daily_cap,
        flagged: decided.flagged,
      },
    }
  }

  await insertDistributions(trx, rows)
  for (const [compartmentId, totals] of addedMonths)
    await addToCounters(trx, 'distribution_months', compartmentId, totals)
  for (const [compartmentId, totals] of addedDays)
    await addToCounters(trx, 'distribution_days', compartmentId, totals)
  const byId = new Map(entries.map((e) => [e.id, e.input]))
  await recordMoneyMany(
    app,
    trx,
    rows.map((row) => distributionMoney(row, byId.get(row.id)?.personCode)),
    by,
  )
  await audit(
    app,
    trx,
    ...results.flatMap((r) =>
      r && 'recorded' in r ? [distributionAudit(r.recorded.row, r.recorded.flagged, by)] : [],
    ),
  )
  return results.map((r) => {
    if (!r) throw new Error('a batch entry was neither recorded nor refused')
    return r
  })
}

function addTo(totals: Counter, add: Counter): void {
  totals.people += add.people
  totals.spend_minor += add.spend_minor
  totals.cap_spend_minor += add.cap_spend_minor
  totals.rice_grams += add.rice_grams
  totals.overrides += add.overrides
}

/**
 * The exchange rates the batch's caps need (policies whose cap is in another currency than the
 * allowance), read once up to the batch's latest day; `convertAmong` takes those of each day.
 */
async function ratesForBatch(
  trx: Db,
  entries: readonly BatchEntry[],
  policies: readonly AllowancePoliciesTable[],
): Promise<ExchangeRate[]> {
  const currencies = new Set<string>()
  for (const p of policies)
    if (p.currency !== p.monthly_cap_currency) {
      currencies.add(p.currency)
      currencies.add(p.monthly_cap_currency)
    }
  if (currencies.size === 0 || entries.length === 0) return []
  const last =
    entries
      .map((e) => e.input.day)
      .sort()
      .at(-1) ?? ''
  return exchangeRatesFor(trx, [...currencies], last)
}
