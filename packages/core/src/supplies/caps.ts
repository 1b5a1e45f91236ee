/**
 * The caps an allowance policy sets, checked before a distribution is written. Pure arithmetic
 * over what the day and month already hold, so the server can run it inside the transaction that
 * locked those counters, and the app can explain a refusal with the same numbers.
 */
export interface CapState {
  readonly dailyCap: number
  /** People already served that day in that compartment. */
  readonly peopleToday: number
  /** Monthly budget in the cap currency's minor units, and what the month has already spent. */
  readonly monthlyCapMinor: number
  readonly spentThisMonthMinor: number
}

export interface CapRequest {
  readonly people: number
  /** The cost of this distribution, converted into the cap's currency (minor units). */
  readonly costInCapMinor: number
}

export type CapVerdict =
  | { readonly ok: true }
  | {
      readonly ok: false
      readonly code: 'daily_cap_reached'
      readonly cap: number
      readonly already: number
      readonly asked: number
    }
  | {
      readonly ok: false
      readonly code: 'monthly_budget_reached'
      readonly capMinor: number
      readonly spentMinor: number
      readonly askedMinor: number
    }

export function checkCaps(state: CapState, request: CapRequest): CapVerdict {
  if (state.peopleToday + request.people > state.dailyCap)
    return {
      ok: false,
      code: 'daily_cap_reached',
      cap: state.dailyCap,
      already: state.peopleToday,
      asked: request.people,
    }
  if (state.spentThisMonthMinor + request.costInCapMinor > state.monthlyCapMinor)
    return {
      ok: false,
      code: 'monthly_budget_reached',
      capMinor: state.monthlyCapMinor,
      spentMinor: state.spentThisMonthMinor,
      askedMinor: request.costInCapMinor,
    }
  return { ok: true }
}

/** Stock never goes negative: how much is missing, or 0 when there is enough. */
export function shortfall(available: number, asked: number): number {
  return asked > available ? asked - available : 0
}
