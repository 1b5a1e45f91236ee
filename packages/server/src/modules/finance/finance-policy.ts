import type { Role } from '@haven/core/auth/roles'
import type { Actor } from '../../auth/actor.js'
import { definePolicy } from '../../auth/policy.js'

declare module '../../auth/policy.js' {
  interface Entities {
    /** The books: accounts, transactions, periods, budgets and reports. Money, never people. */
    Ledger: Record<string, never>
    /** A donation receipt whose donor's name is sealed in `compartmentId`. */
    FinanceReceipt: { compartmentId: string }
  }
}

/** A role held anywhere: the books belong to the organisation, not to one shelter. */
const holdsAnywhere = (actor: Actor, roles: readonly Role[]) =>
  actor.grants.some((g) => roles.includes(g.role))

export const ledgerPolicy = definePolicy('Ledger', {
  read: (actor) => holdsAnywhere(actor, ['finance']),
  list: (actor) => holdsAnywhere(actor, ['finance']),
  create: (actor) => holdsAnywhere(actor, ['finance']),
  /** Closing months and setting budgets. */
  update: (actor) => holdsAnywhere(actor, ['finance']),
  /** Extending the chart of accounts: finance, or an administrator setting up. */
  manage: (actor) => holdsAnywhere(actor, ['finance', 'administrator']),
  export: (actor) => holdsAnywhere(actor, ['finance']),
})

/**
 * A receipt's donor name opens, to print the receipt, for finance holding a grant where it is
 * sealed (an organisation-wide grant holds everywhere); anyone else prints it by code only.
 */
export const receiptPolicy = definePolicy('FinanceReceipt', {
  identify: (actor, r) => actor.hasRoleIn(r.compartmentId, ['finance']),
})
