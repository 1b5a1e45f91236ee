import type { CurrencyCode } from '@haven/core/money/currency'
import { formatMinorAsDecimal, type Money, money } from '@haven/core/money/money'
import { rationCheck, SPHERE_KCAL_PER_DAY } from '@haven/core/supplies/ration'
import type { DayHeadcountView, FiguresView } from '@haven/core/supplies/supply-views'
import { type AppContext, today } from '../../app-context.js'
import { findCompartment, listCompartments } from '../../compartments/compartment-store.js'
import { errors } from '../../http/errors.js'
import { presentPolicy } from './distribution-service.js'
import {
  dayTotals,
  listPolicies,
  monthTotals,
  peopleOnDay,
  policiesOn,
} from './distribution-store.js'
import { bulkDeliveredGrams } from './stock-store.js'
import type { AllowancePoliciesTable } from './supplies-tables.js'

function view(value: Money) {
  return { minor: value.minor, currency: value.currency, amount: formatMinorAsDecimal(value) }
}

function policyFor(
  policies: readonly AllowancePoliciesTable[],
  day: string,
): AllowancePoliciesTable | undefined {
  return policies.find((p) => p.valid_from <= day && (p.valid_to === null || p.valid_to >= day))
}

/**
 * A compartment's distribution figures for a year, from the per-day and per-month counters the
 * service keeps (a few hundred rows a year, indexed by compartment and date) rather than from
 * every distribution. Spend is shown in the policy's currency and in its cap's currency.
 */
export async function distributionFigures(
  app: AppContext,
  compartmentId: string,
  year: string,
): Promise<FiguresView> {
  const db = app.database.db
  const compartment = await findCompartment(db, compartmentId)
  if (!compartment) throw errors.notFound()
  const policies = await listPolicies(db, [compartmentId])
  const now = today(app)
  const lastDay = `${year}-12-31` < now ? `${year}-12-31` : now
  const current = policyFor(policies, lastDay)
  const days = await dayTotals(db, compartmentId, `${year}-01-01`, `${year}-12-31`)
  const months = await monthTotals(db, compartmentId, `${year}-01`, `${year}-12`)
  const bulkGrams = await bulkDeliveredGrams(db, year)

  const dayRows = days.map((d) => {
    const p = policyFor(policies, d.day) ?? current
    const currency = (p?.currency ?? 'CNY') as CurrencyCode
    const capCurrency = (p?.monthly_cap_currency ?? currency) as CurrencyCode
    return {
      day: d.day,
      people: Number(d.people),
      spend: view(money(currency, Number(d.spend_minor))),
      capSpend: view(money(capCurrency, Number(d.cap_spend_minor))),
      atCap: p !== undefined && Number(d.people) >= p.daily_cap,
      overrides: Number(d.overrides),
    }
  })
  const monthRows = months.map((m) => {
    const p = policyFor(policies, `${m.month}-01`) ?? current
    const currency = (p?.currency ?? 'CNY') as CurrencyCode
    const capCurrency = (p?.monthly_cap_currency ?? currency) as CurrencyCode
    return {
      month: m.month,
      people: Number(m.people),
      riceKg: Number(m.rice_grams) / 1000,
      spend: view(money(currency, Number(m.spend_minor))),
      capSpend: view(money(capCurrency, Number(m.cap_spend_minor))),
      cap: p ? view(money(capCurrency, Number(p.monthly_cap_minor))) : null,
      overrides: Number(m.overrides),
    }
  })
  const peoplePerDay = dayRows.map((d) => d.people)
  const riceKgYear = monthRows.reduce((sum, m) => sum + m.riceKg, 0)
  const thisMonth = now.slice(0, 7)
  const monthNow = monthRows.find((m) => m.month === thisMonth)
  const capNow = current
    ? money(current.monthly_cap_currency as CurrencyCode, Number(current.monthly_cap_minor))
    : null
  const spentNow = capNow ? (monthNow?.capSpend.minor ?? 0) : 0
  const ration = current ? rationCheck(current.ration_grams) : null
  return {
    compartmentId,
    compartmentCode: compartment.code,
    compartmentName: compartment.name,
    year,
    policy: current ? presentPolicy(current) : null,
    days: dayRows,
    months: monthRows,
    peoplePerDayAverage:
      peoplePerDay.length === 0
        ? 0
        : Math.round((peoplePerDay.reduce((a, b) => a + b, 0) / peoplePerDay.length) * 10) / 10,
    peoplePerDayPeak: peoplePerDay.length === 0 ? 0 : Math.max(...peoplePerDay),
    daysAtCap: dayRows.filter((d) => d.atCap).length,
    riceKgYear,
    riceTonnesYear: Math.round(riceKgYear) / 1000,
    bulkDeliveredKgYear: bulkGrams / 1000,
    thisMonth: {
      month: thisMonth,
      spend: monthNow?.spend ?? null,
      capSpend: capNow ? view(money(capNow.currency, spentNow)) : null,
      cap: capNow ? view(capNow) : null,
      remaining: capNow ? view(money(capNow.currency, capNow.minor - spentNow)) : null,
    },
    ration: ration
      ? {
          gramsPerDay: ration.gramsPerDay,
          kcalPerDay: ration.kcalPerDay,
          shortKcal: ration.shortKcal,
          short: ration.short,
          referenceKcal: SPHERE_KCAL_PER_DAY,
        }
      : null,
  }
}

/**
 * People served on `day` against the daily cap, in each compartment of the scope that has a
 * policy in force or served someone that day (the home page's panel), by compartment code.
 */
export async function headcountsOn(
  app: AppContext,
  scope: readonly string[],
  day: string,
): Promise<DayHeadcountView[]> {
  const db = app.database.db
  const [people, policies] = await Promise.all([
    peopleOnDay(db, scope, day),
    policiesOn(db, scope, day),
  ])
  const caps = new Map<string, number>()
  // Latest first: the first policy seen for a compartment is the one in force.
  for (const p of policies) if (!caps.has(p.compartment_id)) caps.set(p.compartment_id, p.daily_cap)
  const ids = [...new Set([...people.keys(), ...caps.keys()])]
  const compartments = await listCompartments(db, ids)
  return compartments
    .filter((c) => c.status === 'active')
    .map((c) => ({
      compartmentId: c.id,
      compartmentCode: c.code,
      day,
      people: people.get(c.id) ?? 0,
      dailyCap: caps.get(c.id) ?? null,
    }))
}
