import type { AdvocacyKind, DetentionStatus } from '@haven/core/detained/detained-schemas'
import type { DetainedSummaryView, DetainedView } from '@haven/core/detained/detained-views'
import { latestArrestDay, timeServed, wholeMonthsBetween } from '@haven/core/detained/time-served'
import { type AppContext, today } from '../../app-context.js'
import type { Actor } from '../../auth/actor.js'
import { audit } from '../../auth/auth-audit.js'
import { can } from '../../auth/policy.js'
import { presentSealed } from '../../crypto/sealed-view.js'
import { campaignOf } from './campaign-service.js'
import { advocacyAddress, timelineNoteAddress, workerNameAddress } from './detained-service.js'
import { advocacyOf, paymentsOf, timelineOf } from './detained-store.js'
import type { DetainedWorkersTable } from './detained-tables.js'

/** The record as a list shows it: never the name; time served as of today (or to its end). */
export function presentDetainedSummary(
  row: DetainedWorkersTable,
  asOf: string,
): DetainedSummaryView {
  const arrested = latestArrestDay(row.arrested_on)
  const until = row.ended_on && row.ended_on < asOf ? row.ended_on : asOf
  return {
    id: row.id,
    compartmentId: row.compartment_id,
    code: row.code,
    nationality: row.nationality,
    arrestedOn: row.arrested_on,
    arrestPlace: row.arrest_place,
    status: row.status as DetentionStatus,
    termMonths: row.term_months,
    endedOn: row.ended_on,
    served:
      row.term_months === null
        ? null
        : timeServed(
            { arrestedOn: row.arrested_on, termMonths: row.term_months, releasedOn: row.ended_on },
            asOf,
          ),
    monthsHeld: until > arrested ? wholeMonthsBetween(arrested, until) : 0,
  }
}

/**
 * The whole record. The name, timeline notes and advocacy texts open only for those who may
 * identify in its compartment, and one audit entry says that they were opened (never what).
 */
export async function presentDetained(
  app: AppContext,
  actor: Actor,
  row: DetainedWorkersTable,
  requestId: string,
): Promise<DetainedView> {
  const db = app.database.db
  const record = { compartmentId: row.compartment_id }
  const mayIdentify = can(actor, 'identify', 'DetainedWorker', record)
  if (mayIdentify)
    await audit(app, db, {
      actorId: actor.userId,
      action: 'detained.identity_read',
      entityType: 'DetainedWorker',
      entityId: row.id,
      compartmentId: row.compartment_id,
      requestId,
      details: { code: row.code },
    })
  const [entries, payments, advocacy] = await Promise.all([
    timelineOf(db, row.id),
    paymentsOf(db, row.id),
    advocacyOf(db, row.id),
  ])
  const mayUpdate = can(actor, 'update', 'DetainedWorker', record)
  const mayPublish = can(actor, 'manage', 'DetainedWorker', record)
  return {
    ...presentDetainedSummary(row, today(app)),
    name: await presentSealed(app, db, workerNameAddress(row), row.name, mayIdentify),
    charge: row.charge,
    publicFigure: row.public_figure === 1,
    campaign: await campaignOf(db, row.id),
    version: row.version,
    timeline: await Promise.all(
      entries.map(async (e) => ({
        id: e.id,
        kind: e.kind,
        on: e.on_date,
        note: await presentSealed(app, db, timelineNoteAddress(e), e.note, mayIdentify),
      })),
    ),
    payments: payments.map((p) => ({
      id: p.id,
      paidOn: p.paid_on,
      amountMinor: p.amount_minor,
      currency: p.currency,
    })),
    advocacy: await Promise.all(
      advocacy.map(async (a) => ({
        id: a.id,
        kind: a.kind as AdvocacyKind,
        on: a.on_date,
        addressedTo: a.addressed_to,
        summary: await presentSealed(
          app,
          db,
          advocacyAddress(a, 'summary'),
          a.summary,
          mayIdentify,
        ),
        answeredOn: a.answered_on,
        answer: await presentSealed(app, db, advocacyAddress(a, 'answer'), a.answer, mayIdentify),
      })),
    ),
    actions: [
      ...(mayUpdate ? (['update', 'pay', 'advocate'] as const) : []),
      ...(mayPublish ? (['publish'] as const) : []),
    ],
  }
}
