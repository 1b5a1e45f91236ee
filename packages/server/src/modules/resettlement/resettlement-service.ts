import type { MessageKey } from '@haven/core/i18n/catalog-en'
import { periodStart, stageChangeIssues } from '@haven/core/resettlement/pathway-rules'
import type {
  ChangeStage,
  CreatePathway,
  PathwayStage,
} from '@haven/core/resettlement/pathway-schema'
import { type AppContext, today } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import { assertCompartmentWritable } from '../../compartments/compartment-service.js'
import { findCompartment } from '../../compartments/compartment-store.js'
import { isUniqueViolation } from '../../db/constraint-errors.js'
import type { Db } from '../../db/db-handle.js'
import { newId } from '../../db/ids.js'
import { errors } from '../../http/errors.js'
import type { CaseRef } from '../people/index.js'
import {
  findPathway,
  findPathwayOfCase,
  insertPathway,
  insertStage,
  updatePathwayIfVersion,
} from './resettlement-store.js'
import type { ResettlementPathwaysTable } from './resettlement-tables.js'

const issue = (path: string, key: MessageKey) =>
  errors.validationFailed([{ path, key, params: {} }])

/** Refuses a compartment that is not a programme compartment, or that is frozen or shredded. */
export async function assertResettlementCompartment(db: Db, compartmentId: string): Promise<void> {
  const compartment = await findCompartment(db, compartmentId)
  if (!compartment) throw errors.notFound()
  if (compartment.kind !== 'programme')
    throw issue('compartmentId', 'field.not_resettlement_compartment')
  await assertCompartmentWritable(db, compartment)
}

/**
 * Opens the pathway of a resettlement case at intake, in its restricted compartment, with the
 * intake as its first stage; audited. One pathway per case (409 `pathway_exists`).
 */
export async function createPathway(
  app: AppContext,
  kase: CaseRef,
  input: CreatePathway,
  by: Actorish,
): Promise<ResettlementPathwaysTable> {
  if (kase.type !== 'resettlement') throw issue('caseId', 'field.case_not_resettlement')
  if (kase.status === 'closed') throw issue('caseId', 'field.case_closed')
  if (periodStart(input.on) > today(app)) throw issue('on', 'field.date_in_future')
  try {
    return await app.database.db.transaction().execute(async (trx) => {
      await assertResettlementCompartment(trx, input.compartmentId)
      if (await findPathwayOfCase(trx, kase.id)) throw errors.pathwayExists()
      const now = app.now().toISOString()
      const row: ResettlementPathwaysTable = {
        id: newId(),
        compartment_id: input.compartmentId,
        case_id: kase.id,
        person_id: kase.personId,
        route: input.route,
        route_country: input.routeCountry,
        stage: 'intake',
        stage_on: input.on,
        stage_precision: input.precision,
        country: null,
        version: 1,
        created_at: now,
        updated_at: now,
        created_by: by.actorId,
      }
      await insertPathway(trx, row)
      await recordStage(trx, row, now, by)
      await audit(app, trx, {
        actorId: by.actorId,
        action: 'resettlement.pathway_created',
        entityType: 'Pathway',
        entityId: row.id,
        compartmentId: row.compartment_id,
        requestId: by.requestId,
        details: { caseId: kase.id, route: row.route, stage: row.stage, on: row.stage_on },
      })
      return row
    })
  } catch (error) {
    // Two requests opened a pathway for the same case at once: the unique index decided.
    if (isUniqueViolation(error)) throw errors.pathwayExists()
    throw error
  }
}

function recordStage(trx: Db, p: ResettlementPathwaysTable, now: string, by: Actorish) {
  return insertStage(trx, {
    id: newId(),
    pathway_id: p.id,
    compartment_id: p.compartment_id,
    stage: p.stage,
    on_date: p.stage_on,
    precision: p.stage_precision,
    period_start: periodStart(p.stage_on),
    country: p.country,
    recorded_at: now,
    recorded_by: by.actorId,
  })
}

/**
 * Moves a pathway to another stage from `change.version` (409 if someone saved first), keeps the
 * stage in its history and audits the change with both stages and the period.
 */
export async function changeStage(
  app: AppContext,
  pathwayId: string,
  change: ChangeStage,
  by: Actorish,
): Promise<ResettlementPathwaysTable> {
  return app.database.db.transaction().execute(async (trx) => {
    const current = await findPathway(trx, pathwayId)
    if (!current) throw errors.notFound()
    await assertResettlementCompartment(trx, current.compartment_id)
    if (current.version !== change.version)
      throw errors.versionConflict({
        yourVersion: change.version,
        currentVersion: current.version,
        yourChanges: ['stage'],
      })
    const issues = stageChangeIssues(
      { stage: current.stage as PathwayStage, on: current.stage_on },
      change,
      today(app),
    )
    if (issues.length > 0) throw errors.validationFailed(issues)
    const now = app.now().toISOString()
    const next: ResettlementPathwaysTable = {
      ...current,
      stage: change.stage,
      stage_on: change.on,
      stage_precision: change.precision,
      country: change.stage === 'resettled' ? change.country : current.country,
      version: current.version + 1,
      updated_at: now,
    }
    const saved = await updatePathwayIfVersion(trx, current.id, current.version, {
      stage: next.stage,
      stage_on: next.stage_on,
      stage_precision: next.stage_precision,
      country: next.country,
      updated_at: now,
    })
    if (!saved) throw errors.versionConflict({ yourChanges: ['stage'] })
    await recordStage(trx, next, now, by)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'resettlement.stage_changed',
      entityType: 'Pathway',
      entityId: current.id,
      compartmentId: current.compartment_id,
      requestId: by.requestId,
      details: { from: current.stage, to: next.stage, on: next.stage_on },
    })
    return next
  })
}
