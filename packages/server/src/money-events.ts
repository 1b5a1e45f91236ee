import type { Money } from '@haven/core/money/money'
import type { Programme } from '@haven/core/money/programmes'
import type { AppContext } from './app-context.js'
import type { Actorish } from './audit/audit-log.js'
import type { Db } from './db/db-handle.js'

/**
 * Money that a module's record moved: a stipend paid for a child's schooling, a sponsor's payment
 * received, a purchase of rice, a returnee's resettlement funds. The module that writes the record
 * says so once, with `recordMoney` inside the same transaction; the modules that listen (finance,
 * when it is installed) post it to their books linked back to the record, so nobody types a sum
 * twice and a refused posting (a closed month, say) refuses the record with it. With no listener,
 * nothing happens.
 */
export interface MoneyEvent {
  /** The record that moved the money. Sending the same source again replaces what it said before. */
  readonly source: MoneySource
  /** The day the money moved (YYYY-MM-DD): the period it belongs to. */
  readonly on: string
  /** `in`: received by the organisation; `out`: paid by it. */
  readonly direction: 'in' | 'out'
  /** Exact, in whole minor units of its currency (never a float). */
  readonly amount: Money
  readonly programme: Programme
  /**
   * What kind of income or expense it is, in the recording module's words (`stipend`,
   * `sponsor_payment`, `purchase`, `treatment`, `family_support`): finance maps it to an account.
   */
  readonly category: string
  /** Whom it was paid to or received from, by pseudonymous code only, never by name. */
  readonly counterparty?: { readonly kind: CounterpartyKind; readonly code: string }
  /** The compartment of the record, when it has one. */
  readonly compartmentId?: string | null
  /** Where the cash was paid from or into, when the record knows (`CNY held in China`): a hint. */
  readonly heldAt?: string
  /** A short description with no name, place or other identifying detail. */
  readonly memo?: string
}

/** A record, by its module's name, its kind within the module and its id. */
export interface MoneySource {
  readonly module: string
  readonly kind: string
  readonly id: string
}

export type CounterpartyKind =
  | 'person'
  | 'sponsor'
  | 'donor'
  | 'organisation'
  | 'detained_worker'
  | 'volunteer'
  | 'supplier'

/** What a module that keeps books implements (`money` in its HavenModule). */
export interface MoneyListener {
  /** A source's money, new or changed: post it (replacing what this source posted before). */
  recorded(app: AppContext, trx: Db, event: MoneyEvent, by: Actorish): Promise<void>
  /**
   * Many new records' money at once, as `recorded` one by one would post it (optional: without
   * it each is passed to `recorded`). A refusal may refuse the whole batch.
   */
  recordedMany?(
    app: AppContext,
    trx: Db,
    events: readonly MoneyEvent[],
    by: Actorish,
  ): Promise<void>
  /** The source no longer moves money (cancelled, deleted): reverse what it posted, dated `on`. */
  withdrawn(app: AppContext, trx: Db, source: MoneySource, on: string, by: Actorish): Promise<void>
}

/** Tells every listening module about a record's money, inside the record's own transaction. */
export async function recordMoney(
  app: AppContext,
  trx: Db,
  event: MoneyEvent,
  by: Actorish,
): Promise<void> {
  for (const module of app.modules) await module.money?.recorded(app, trx, event, by)
}

/**
 * `recordMoney` for many records written together (a field device's batch of distributions), in
 * the records' transaction: a listener that can posts them as a batch.
 */
export async function recordMoneyMany(
  app: AppContext,
  trx: Db,
  events: readonly MoneyEvent[],
  by: Actorish,
): Promise<void> {
  if (events.length === 0) return
  for (const module of app.modules) {
    const listener = module.money
    if (!listener) continue
    if (listener.recordedMany) await listener.recordedMany(app, trx, events, by)
    else for (const event of events) await listener.recorded(app, trx, event, by)
  }
}

/** Tells every listening module that a record no longer moves money. */
export async function withdrawMoney(
  app: AppContext,
  trx: Db,
  source: MoneySource,
  on: string,
  by: Actorish,
): Promise<void> {
  for (const module of app.modules) await module.money?.withdrawn(app, trx, source, on, by)
}
