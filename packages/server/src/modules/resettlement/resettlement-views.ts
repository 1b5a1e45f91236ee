import type { PathwaySummary, PathwayView } from '@haven/core/resettlement/pathway-views'
import type { Actor } from '../../auth/actor.js'
import { can } from '../../auth/policy.js'
import type { Db } from '../../db/db-handle.js'
import { caseCodes, personCodes } from '../people/index.js'
import { stagesOf } from './resettlement-store.js'
import type { ResettlementPathwaysTable } from './resettlement-tables.js'

type Row = ResettlementPathwaysTable

function summary(p: Row, cases: Map<string, string>, people: Map<string, string>): PathwaySummary {
  return {
    id: p.id,
    compartmentId: p.compartment_id,
    caseId: p.case_id,
    caseCode: cases.get(p.case_id) ?? '',
    personCode: people.get(p.person_id) ?? '',
    route: p.route as PathwaySummary['route'],
    routeCountry: p.route_country,
    stage: p.stage as PathwaySummary['stage'],
    stageOn: p.stage_on,
    stagePrecision: p.stage_precision as PathwaySummary['stagePrecision'],
    country: p.country,
    version: p.version,
  }
}

/** A page of pathways, by the codes of their cases and people (never a name). */
export async function presentSummaries(db: Db, rows: readonly Row[]): Promise<PathwaySummary[]> {
  const cases = await caseCodes(
    db,
    rows.map((r) => r.case_id),
  )
  const people = await personCodes(
    db,
    rows.map((r) => r.person_id),
  )
  return rows.map((r) => summary(r, cases, people))
}

/** One pathway with its stages and what the actor may do. */
export async function presentPathway(db: Db, actor: Actor, p: Row): Promise<PathwayView> {
  const [head] = await presentSummaries(db, [p])
  const stages = await stagesOf(db, p.id)
  return {
    ...(head as PathwaySummary),
    stages: stages.map((s) => ({
      stage: s.stage as PathwaySummary['stage'],
      on: s.on_date,
      precision: s.precision as PathwaySummary['stagePrecision'],
      country: s.country,
      recordedAt: s.recorded_at,
    })),
    actions: can(actor, 'update', 'Pathway', { compartmentId: p.compartment_id }) ? ['update'] : [],
  }
}
