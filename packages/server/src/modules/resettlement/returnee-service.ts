import type { MessageKey } from '@haven/core/i18n/catalog-en'
import type { CurrencyCode } from '@haven/core/money/currency'
import { formatMinorAsDecimal, type Money, moneyFromDecimal } from '@haven/core/money/money'
import { MoneyError } from '@haven/core/money/money-error'
import {
  type AssessReturn,
  type CreateReturn,
  type PayReturn,
  RETURN_STEPS,
  type Returned,
  type ReturnStatus,
  type ReturnView,
} from '@haven/core/resettlement/returnee-schema'
import { type AppContext, today } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import { isUniqueViolation } from '../../db/constraint-errors.js'
import type { Db } from '../../db/db-handle.js'
import { newId } from '../../db/ids.js'
import { errors } from '../../http/errors.js'
import { recordMoney } from '../../money-events.js'
import { type CaseRef, personCodes } from '../people/index.js'
import { assertResettlementCompartment } from './resettlement-service.js'
import type { ReturneeSupportTable } from './resettlement-tables.js'
import {
  findReturn,
  findReturnOfCase,
  insertReturn,
  updateReturnIfVersion,
} from './returnee-store.js'

const issue = (path: string, key: MessageKey) =>
  errors.validationFailed([{ path, key, params: {} }])
const thisMonth = (app: AppContext) => today(app).slice(0, 7)

/** A request to return for a case of type `return`, in a restricted compartment; audited. */
export async function requestReturn(
  app: AppContext,
  kase: CaseRef,
  input: CreateReturn,
  by: Actorish,
): Promise<ReturneeSupportTable> {
  if (kase.type !== 'return') throw issue('caseId', 'field.case_not_return')
  if (kase.status === 'closed') throw issue('caseId', 'field.case_closed')
  if (input.requestedOn > thisMonth(app)) throw issue('requestedOn', 'field.date_in_future')
  try {
    return await app.database.db.transaction().execute(async (trx) => {
      await assertResettlementCompartment(trx, input.compartmentId)
      if (await findReturnOfCase(trx, kase.id)) throw errors.returnExists()
      const now = app.now().toISOString()
      const row: ReturneeSupportTable = {
        id: newId(),
        compartment_id: input.compartmentId,
        case_id: kase.id,
        person_id: kase.personId,
        status: 'requested',
        requested_on: input.requestedOn,
        decision: null,
        assessed_on: null,
        amount_minor: null,
        currency: null,
        paid_on: null,
        returned_on: null,
        version: 1,
        created_at: now,
        updated_at: now,
        created_by: by.actorId,
      }
      await insertReturn(trx, row)
      await audit(app, trx, {
        actorId: by.actorId,
        action: 'resettlement.return_requested',
        entityType: 'ReturneeSupport',
        entityId: row.id,
        compartmentId: row.compartment_id,
        requestId: by.requestId,
        details: { caseId: kase.id, requestedOn: row.requested_on },
      })
      return row
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw errors.returnExists()
    throw error
  }
}

/**
 * Takes one step (assessment, funds, return) from `version`: refused with 409 when the step does
 * not follow the current status — after the return, or a refusal, every step is refused.
 */
async function step(
  app: AppContext,
  id: string,
  version: number,
  next: ReturnStatus,
  act: (
    trx: Db,
    current: ReturneeSupportTable,
  ) => Promise<{ change: Partial<ReturneeSupportTable>; details: Record<string, unknown> }>,
  by: Actorish,
): Promise<ReturneeSupportTable> {
  return app.database.db.transaction().execute(async (trx) => {
    const current = await findReturn(trx, id)
    if (!current) throw errors.notFound()
    await assertResettlementCompartment(trx, current.compartment_id)
    if (current.version !== version)
      throw errors.versionConflict({
        yourVersion: version,
        currentVersion: current.version,
        yourChanges: ['status'],
      })
    if (!RETURN_STEPS[current.status as ReturnStatus].includes(next))
      throw errors.returnWrongStep(current.status)
    const { change, details } = await act(trx, current)
    const now = app.now().toISOString()
    const full = { ...change, status: next, updated_at: now }
    if (!(await updateReturnIfVersion(trx, id, version, full)))
      throw errors.versionConflict({ yourChanges: ['status'] })
    await audit(app, trx, {
      actorId: by.actorId,
      action: `resettlement.return_${next}`,
      entityType: 'ReturneeSupport',
      entityId: id,
      compartmentId: current.compartment_id,
      requestId: by.requestId,
      details: { from: current.status, to: next, ...details },
    })
    return { ...current, ...full, version: version + 1 }
  })
}

/** The amount in minor units; more decimals than the currency has (12.5 JPY) is bad input. */
function amountOf(input: PayReturn): Money {
  try {
    return moneyFromDecimal(input.currency, input.amount)
  } catch (error) {
    if (error instanceof MoneyError) throw issue('amount', 'field.amount_format')
    throw error
  }
}

/** The assessment: approved or declined, in a month not before the request. */
export function assessReturn(app: AppContext, id: string, input: AssessReturn, by: Actorish) {
  return step(
    app,
    id,
    input.version,
    input.decision,
    async (_, current) => {
      if (input.on < current.requested_on) throw issue('on', 'field.stage_before_previous')
      if (input.on > thisMonth(app)) throw issue('on', 'field.date_in_future')
      return {
        change: { decision: input.decision, assessed_on: input.on },
        details: { on: input.on },
      }
    },
    by,
  )
}

/**
 * The resettlement funds paid, told to the books (finance, when installed) in the same
 * transaction with `recordMoney`: a posting the books refuse refuses the payment with it.
 */
export function payReturn(app: AppContext, id: string, input: PayReturn, by: Actorish) {
  return step(
    app,
    id,
    input.version,
    'funded',
    async (trx, current) => {
      if (input.paidOn.slice(0, 7) < (current.assessed_on ?? ''))
        throw issue('paidOn', 'field.stage_before_previous')
      if (input.paidOn > today(app)) throw issue('paidOn', 'field.date_in_future')
      const amount = amountOf(input)
      if (amount.minor <= 0) throw issue('amount', 'field.amount_format')
      const code = (await personCodes(trx, [current.person_id])).get(current.person_id) ?? ''
      await recordMoney(
        app,
        trx,
        {
          source: { module: 'resettlement', kind: 'returnee_funds', id: current.id },
          on: input.paidOn,
          direction: 'out',
          amount,
          programme: 'resettlement',
          category: 'returnee_funds',
          counterparty: { kind: 'person', code },
          compartmentId: current.compartment_id,
          memo: 'Resettlement funds for a return',
        },
        by,
      )
      return {
        change: { amount_minor: amount.minor, currency: amount.currency, paid_on: input.paidOn },
        details: { amountMinor: amount.minor, currency: amount.currency, paidOn: input.paidOn },
      }
    },
    by,
  )
}

/** The month the person returned: the last thing ever recorded about the request. */
export function recordReturned(app: AppContext, id: string, input: Returned, by: Actorish) {
  return step(
    app,
    id,
    input.version,
    'returned',
    async (_, current) => {
      const after = current.paid_on?.slice(0, 7) ?? current.assessed_on ?? current.requested_on
      if (input.on < after) throw issue('on', 'field.stage_before_previous')
      if (input.on > thisMonth(app)) throw issue('on', 'field.date_in_future')
      return { change: { returned_on: input.on }, details: { on: input.on } }
    },
    by,
  )
}

/** How a request looks to those who work it (codes only). */
export function returnSummary(
  r: ReturneeSupportTable,
  codes: { caseCode: string; personCode: string },
  mayUpdate: boolean,
): ReturnView {
  return {
    id: r.id,
    compartmentId: r.compartment_id,
    caseId: r.case_id,
    caseCode: codes.caseCode,
    personCode: codes.personCode,
    status: r.status as ReturnStatus,
    requestedOn: r.requested_on,
    decision: r.decision as ReturnView['decision'],
    assessedOn: r.assessed_on,
    amount:
      r.amount_minor !== null && r.currency
        ? formatMinorAsDecimal({ currency: r.currency as CurrencyCode, minor: r.amount_minor })
        : null,
    currency: r.currency,
    paidOn: r.paid_on,
    returnedOn: r.returned_on,
    version: r.version,
    actions: mayUpdate && RETURN_STEPS[r.status as ReturnStatus].length > 0 ? ['update'] : [],
  }
}

/**
 * A return that was completed before it was entered (from paper records, or the demo): the
 * request, the approval, the funds (told to the books) and the month of return, written at once
 * in one transaction with one audit entry, after the same checks as the steps one by one.
 */
export async function recordPastReturn(
  app: AppContext,
  kase: CaseRef,
  input: CreateReturn & {
    approvedOn: string
    funds: Omit<PayReturn, 'version'>
    returnedOn: string
  },
  by: Actorish,
): Promise<ReturneeSupportTable> {
  if (kase.type !== 'return') throw issue('caseId', 'field.case_not_return')
  const amount = amountOf({ ...input.funds, version: 1 })
  const months = [
    input.requestedOn,
    input.approvedOn,
    input.funds.paidOn.slice(0, 7),
    input.returnedOn,
  ]
  if (months.some((m, i) => i > 0 && m < (months[i - 1] ?? '')))
    throw issue('returnedOn', 'field.stage_before_previous')
  if (input.returnedOn > thisMonth(app) || input.funds.paidOn > today(app))
    throw issue('returnedOn', 'field.date_in_future')
  return app.database.db.transaction().execute(async (trx) => {
    await assertResettlementCompartment(trx, input.compartmentId)
    if (await findReturnOfCase(trx, kase.id)) throw errors.returnExists()
    const now = app.now().toISOString()
    const row: ReturneeSupportTable = {
      id: newId(),
      compartment_id: input.compartmentId,
      case_id: kase.id,
      person_id: kase.personId,
      status: 'returned',
      requested_on: input.requestedOn,
      decision: 'approved',
      assessed_on: input.approvedOn,
      amount_minor: amount.minor,
      currency: amount.currency,
      paid_on: input.funds.paidOn,
      returned_on: input.returnedOn,
      version: 1,
      created_at: now,
      updated_at: now,
      created_by: by.actorId,
    }
    await insertReturn(trx, row)
    const code = (await personCodes(trx, [kase.personId])).get(kase.personId) ?? ''
    await recordMoney(
      app,
      trx,
      {
        source: { module: 'resettlement', kind: 'returnee_funds', id: row.id },
        on: input.funds.paidOn,
        direction: 'out',
        amount,
        programme: 'resettlement',
        category: 'returnee_funds',
        counterparty: { kind: 'person', code },
        compartmentId: row.compartment_id,
        memo: 'Resettlement funds for a return',
      },
      by,
    )
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'resettlement.return_recorded',
      entityType: 'ReturneeSupport',
      entityId: row.id,
      compartmentId: row.compartment_id,
      requestId: by.requestId,
      details: {
        caseId: kase.id,
        amountMinor: amount.minor,
        currency: amount.currency,
        paidOn: input.funds.paidOn,
        returnedOn: input.returnedOn,
      },
    })
    return row
  })
}
