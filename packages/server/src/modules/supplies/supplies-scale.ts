import type { AppContext } from '../../app-context.js'
import type { CompartmentsTable } from '../../compartments/compartment-tables.js'
import { inTransaction } from '../../db/db-handle.js'
import { newId } from '../../db/ids.js'
import type { ScaleStep } from '../../haven-module.js'
import {
  addToCounters,
  type Counter,
  countDistributions,
  insertDistributions,
  insertPolicy,
  listPolicies,
} from './distribution-store.js'
import type { DistributionsTable } from './supplies-tables.js'

/** Ten fiscal years, April 2016 to March 2026, as the reference NGO counts them. */
const FIRST_DAY = Date.UTC(2016, 3, 1)
const DAYS = 3652
/** The seed report's policy: 20 CNY a person (300 JPY at 15 ¥/元), 10 kg of rice, 500 g a day. */
const AMOUNT_CNY_MINOR = 2000
const CAP_AMOUNT_JPY = 300
const RICE_GRAMS = 10_000

/**
 * Ten years of anonymous-headcount distributions, spread evenly over the compartments and days,
 * each compartment under one allowance policy. Written in bulk (one INSERT per batch) with the
 * day and month totals the caps and the dashboard read added in the same transaction — the rows
 * a recorded distribution would leave, without checking caps one by one. A compartment's row
 * count says how far an earlier run got, since every batch commits whole.
 */
export const suppliesScale: ScaleStep = {
  name: 'distributions',
  total: (options) => options.distributions ?? 0,
  async run(app, run) {
    const db = app.database.db
    const count = run.compartments.length
    const targets = run.compartments.map(
      (_, index) =>
        Math.floor(run.distributions / count) + (index < run.distributions % count ? 1 : 0),
    )
    const existing: number[] = []
    for (const [index, compartment] of run.compartments.entries())
      existing.push(Math.min(await countDistributions(db, compartment.id), targets[index] ?? 0))
    const already = existing.reduce((a, b) => a + b, 0)
    let done = already
    run.progress(done, already)
    const rows = { distributions: 0, allowance_policies: 0 }
    for (const [index, compartment] of run.compartments.entries()) {
      const target = targets[index] ?? 0
      if (target === 0) continue
      const perDay = Math.ceil(target / DAYS)
      const policy = await ensurePolicy(app, compartment, perDay)
      rows.allowance_policies += policy.created ? 1 : 0
      for (let from = (existing[index] ?? 0) + 1; from <= target; from += run.batchSize) {
        const to = Math.min(target, from + run.batchSize - 1)
        await writeBatch(app, compartment.id, policy.id, target, from, to)
        rows.distributions += to - from + 1
        done += to - from + 1
        run.progress(done, already)
      }
    }
    return rows
  },
}

async function ensurePolicy(
  app: AppContext,
  compartment: CompartmentsTable,
  perDay: number,
): Promise<{ id: string; created: boolean }> {
  const db = app.database.db
  const [first] = await listPolicies(db, [compartment.id])
  if (first) return { id: first.id, created: false }
  const id = newId()
  // A large organisation's caps: at least the seed's 20 a day, raised to what the data needs.
  const dailyCap = Math.max(20, perDay)
  await insertPolicy(db, {
    id,
    compartment_id: compartment.id,
    valid_from: day(0),
    valid_to: null,
    amount_minor: AMOUNT_CNY_MINOR,
    currency: 'CNY',
    buys_grams: RICE_GRAMS,
    daily_cap: dailyCap,
    monthly_cap_minor: Math.max(180_000, dailyCap * 31 * CAP_AMOUNT_JPY),
    monthly_cap_currency: 'JPY',
    ration_grams: 500,
    created_at: app.now().toISOString(),
    created_by: null,
  })
  return { id, created: true }
}

async function writeBatch(
  app: AppContext,
  compartmentId: string,
  policyId: string,
  target: number,
  from: number,
  to: number,
): Promise<void> {
  const now = app.now().toISOString()
  const batch: DistributionsTable[] = []
  const days = new Map<string, Counter>()
  const months = new Map<string, Counter>()
  for (let k = from; k <= to; k++) {
    // Spread evenly over the ten years, so every day has its share (at most perDay rows).
    const d = day(Math.floor(((k - 1) * DAYS) / target))
    batch.push({
      id: newId(),
      compartment_id: compartmentId,
      policy_id: policyId,
      day: d,
      person_id: null,
      headcount: 1,
      amount_minor: AMOUNT_CNY_MINOR,
      currency: 'CNY',
      cap_amount_minor: CAP_AMOUNT_JPY,
      cap_currency: 'JPY',
      rice_grams: RICE_GRAMS,
      override_code: null,
      override_reason: null,
      created_at: now,
      created_by: null,
    })
    for (const [map, key] of [
      [days, d],
      [months, d.slice(0, 7)],
    ] as const) {
      const c = map.get(key) ?? zero()
      c.people += 1
      c.spend_minor += AMOUNT_CNY_MINOR
      c.cap_spend_minor += CAP_AMOUNT_JPY
      c.rice_grams += RICE_GRAMS
      map.set(key, c)
    }
  }
  await inTransaction(app.database.db, async (trx) => {
    await insertDistributions(trx, batch)
    await addToCounters(trx, 'distribution_days', compartmentId, days)
    await addToCounters(trx, 'distribution_months', compartmentId, months)
  })
}

function day(index: number): string {
  return new Date(FIRST_DAY + index * 86_400_000).toISOString().slice(0, 10)
}

function zero(): Counter {
  return { people: 0, spend_minor: 0, cap_spend_minor: 0, rice_grams: 0, overrides: 0 }
}
