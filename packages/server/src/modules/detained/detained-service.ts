import {
  type Advocacy,
  type CreateDetained,
  type DetentionChange,
  type DetentionStatus,
  ENDED_STATUSES,
  type FamilyPayment,
} from '@haven/core/detained/detained-schemas'
import { earliestArrestDay } from '@haven/core/detained/time-served'
import { moneyFromDecimal } from '@haven/core/money/money'
import { MoneyError } from '@haven/core/money/money-error'
import { type AppContext, today } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import { assertWritable } from '../../compartments/compartment-access.js'
import { sealedAt } from '../../crypto/field-crypto.js'
import { isUniqueViolation } from '../../db/constraint-errors.js'
import type { Db } from '../../db/db-handle.js'
import { newId } from '../../db/ids.js'
import { errors } from '../../http/errors.js'
import { recordMoney } from '../../money-events.js'
import { refreshCampaign } from './campaign-service.js'
import {
  findWorker,
  findWorkerByCode,
  insertAdvocacy,
  insertPayment,
  insertTimeline,
  insertWorker,
  updateWorkerIfVersion,
} from './detained-store.js'
import type { DetainedWorkersTable } from './detained-tables.js'

export const workerNameAddress = (w: Pick<DetainedWorkersTable, 'id' | 'compartment_id'>) =>
  sealedAt('detained_workers', 'name', w.id, w.compartment_id)
export const timelineNoteAddress = (e: { id: string; compartment_id: string }) =>
  sealedAt('detained_timeline', 'note', e.id, e.compartment_id)
export const advocacyAddress = (a: { id: string; compartment_id: string }, column: string) =>
  sealedAt('detained_advocacy', column, a.id, a.compartment_id)

const issue = (
  path: string,
  key: 'field.date_in_future' | 'field.before_arrest' | 'field.code_taken',
) => errors.validationFailed([{ path, key, params: {} }])

async function timeline(
  app: AppContext,
  trx: Db,
  worker: Pick<DetainedWorkersTable, 'id' | 'compartment_id'>,
  kind: string,
  on: string,
  note: string | undefined,
  by: Actorish,
): Promise<void> {
  const id = newId()
  const at = { id, compartment_id: worker.compartment_id }
  await insertTimeline(trx, {
    id,
    worker_id: worker.id,
    compartment_id: worker.compartment_id,
    kind,
    on_date: on,
    note: note ? await app.crypto.fields.seal(trx, timelineNoteAddress(at), note) : null,
    created_at: app.now().toISOString(),
    created_by: by.actorId,
  })
}

/** A new record, its name sealed, with the arrest as the timeline's first entry. */
export async function createDetained(
  app: AppContext,
  input: CreateDetained,
  by: Actorish,
): Promise<DetainedWorkersTable> {
  if (earliestArrestDay(input.arrestedOn) > today(app))
    throw issue('arrestedOn', 'field.date_in_future')
  return app.database.db.transaction().execute(async (trx) => {
    await assertWritable(trx, input.compartmentId)
    if (await findWorkerByCode(trx, input.code)) throw issue('code', 'field.code_taken')
    const id = newId()
    const now = app.now().toISOString()
    const row: DetainedWorkersTable = {
      id,
      compartment_id: input.compartmentId,
      code: input.code,
      name: await app.crypto.fields.seal(
        trx,
        workerNameAddress({ id, compartment_id: input.compartmentId }),
        input.name,
      ),
      nationality: input.nationality,
      arrested_on: input.arrestedOn,
      arrest_place: input.arrestPlace,
      charge: input.charge || null,
      term_months: input.termMonths ?? null,
      status: input.status,
      ended_on: null,
      public_figure: input.publicFigure ? 1 : 0,
      version: 1,
      created_at: now,
      updated_at: now,
      created_by: by.actorId,
    }
    try {
      await insertWorker(trx, row)
    } catch (error) {
      if (isUniqueViolation(error)) throw issue('code', 'field.code_taken')
      throw error
    }
    await timeline(app, trx, row, 'arrest', input.arrestedOn, undefined, by)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'detained.recorded',
      entityType: 'DetainedWorker',
      entityId: id,
      compartmentId: row.compartment_id,
      requestId: by.requestId,
      details: { code: row.code, status: row.status, termMonths: row.term_months },
    })
    return row
  })
}

/**
 * A change in detention. Sentencing sets the term; release, deportation and death end it (served
 * time stops on that day). Nothing is dated before the arrest or in the future.
 */
export async function changeDetention(
  app: AppContext,
  worker: DetainedWorkersTable,
  input: DetentionChange,
  by: Actorish,
): Promise<void> {
  if (input.on > today(app)) throw issue('on', 'field.date_in_future')
  if (input.on < earliestArrestDay(worker.arrested_on)) throw issue('on', 'field.before_arrest')
  const status = input.status as DetentionStatus
  await app.database.db.transaction().execute(async (trx) => {
    await assertWritable(trx, worker.compartment_id)
    const changed = await updateWorkerIfVersion(trx, worker.id, worker.version, {
      status,
      term_months: input.termMonths ?? worker.term_months,
      ended_on: ENDED_STATUSES.includes(status) ? input.on : null,
      updated_at: app.now().toISOString(),
    })
    if (!changed) throw errors.versionConflict()
    await timeline(app, trx, worker, status, input.on, input.note, by)
    const now = await findWorker(trx, worker.id)
    if (now) await refreshCampaign(app, trx, now)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'detained.status_changed',
      entityType: 'DetainedWorker',
      entityId: worker.id,
      compartmentId: worker.compartment_id,
      requestId: by.requestId,
      details: {
        from: worker.status,
        to: status,
        on: input.on,
        termMonths: input.termMonths ?? null,
      },
    })
  })
}

/**
 * Support paid to the worker's family: recorded here and told to the books (money events) in the
 * same transaction, so a payment finance refuses is not recorded either.
 */
export async function payFamily(
  app: AppContext,
  worker: DetainedWorkersTable,
  input: FamilyPayment,
  by: Actorish,
): Promise<void> {
  if (input.paidOn > today(app)) throw issue('paidOn', 'field.date_in_future')
  let amount: ReturnType<typeof moneyFromDecimal>
  try {
    amount = moneyFromDecimal(input.currency, input.amount)
  } catch (error) {
    if (error instanceof MoneyError)
      throw errors.validationFailed([{ path: 'amount', key: 'field.amount_format', params: {} }])
    throw error
  }
  if (amount.minor <= 0)
    throw errors.validationFailed([{ path: 'amount', key: 'field.quantity_positive', params: {} }])
  await app.database.db.transaction().execute(async (trx) => {
    await assertWritable(trx, worker.compartment_id)
    const id = newId()
    await insertPayment(trx, {
      id,
      worker_id: worker.id,
      compartment_id: worker.compartment_id,
      paid_on: input.paidOn,
      amount_minor: amount.minor,
      currency: amount.currency,
      created_at: app.now().toISOString(),
      created_by: by.actorId,
    })
    await timeline(app, trx, worker, 'family_support', input.paidOn, undefined, by)
    await recordMoney(
      app,
      trx,
      {
        source: { module: 'detained', kind: 'family_support', id },
        on: input.paidOn,
        direction: 'out',
        amount,
        programme: 'advocacy',
        category: 'family_support',
        counterparty: { kind: 'detained_worker', code: worker.code },
        compartmentId: worker.compartment_id,
        memo: 'Support to a detained aid worker’s family',
      },
      by,
    )
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'detained.family_paid',
      entityType: 'DetainedWorker',
      entityId: worker.id,
      compartmentId: worker.compartment_id,
      requestId: by.requestId,
      details: { paymentId: id, amountMinor: amount.minor, currency: amount.currency },
    })
  })
}

/** A letter, a meeting with a government… and its answer when there is one (both sealed). */
export async function recordAdvocacy(
  app: AppContext,
  worker: DetainedWorkersTable,
  input: Advocacy,
  by: Actorish,
): Promise<void> {
  if (input.on > today(app)) throw issue('on', 'field.date_in_future')
  if (input.answeredOn && input.answeredOn > today(app))
    throw issue('answeredOn', 'field.date_in_future')
  await app.database.db.transaction().execute(async (trx) => {
    await assertWritable(trx, worker.compartment_id)
    const id = newId()
    const at = { id, compartment_id: worker.compartment_id }
    const seal = async (column: string, value: string | undefined) =>
      value ? app.crypto.fields.seal(trx, advocacyAddress(at, column), value) : null
    await insertAdvocacy(trx, {
      id,
      worker_id: worker.id,
      compartment_id: worker.compartment_id,
      kind: input.kind,
      on_date: input.on,
      addressed_to: input.addressedTo,
      summary: await seal('summary', input.summary),
      answered_on: input.answeredOn ?? null,
      answer: await seal('answer', input.answer),
      created_at: app.now().toISOString(),
      created_by: by.actorId,
    })
    await timeline(app, trx, worker, input.kind, input.on, undefined, by)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'detained.advocacy_recorded',
      entityType: 'DetainedWorker',
      entityId: worker.id,
      compartmentId: worker.compartment_id,
      requestId: by.requestId,
      details: { advocacyId: id, kind: input.kind, answered: input.answeredOn !== undefined },
    })
  })
}

export { findWorker }
