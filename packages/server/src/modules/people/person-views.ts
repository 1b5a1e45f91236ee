import type { PersonSummaryView, PersonView } from '@haven/core/people/people-views'
import type { PersonAttributes } from '@haven/core/people/person-schema'
import type { AppContext } from '../../app-context.js'
import type { Actor } from '../../auth/actor.js'
import { audit } from '../../auth/auth-audit.js'
import { abilities, can } from '../../auth/policy.js'
import type { Db } from '../../db/db-handle.js'
import type { PeopleTable } from './people-tables.js'
import { openIdentity } from './person-service.js'
import { compartmentCodes, linksOf, tagsOf } from './person-store.js'

/** Non-identifying summaries: everything a list may show, for any role that can read people. */
export async function presentSummaries(
  db: Db,
  rows: readonly PeopleTable[],
): Promise<PersonSummaryView[]> {
  const [tags, codes] = await Promise.all([
    tagsOf(
      db,
      rows.map((r) => r.id),
    ),
    compartmentCodes(
      db,
      rows.map((r) => r.compartment_id),
    ),
  ])
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    compartmentId: row.compartment_id,
    compartmentCode: codes.get(row.compartment_id) ?? '',
    ageBand: row.age_band as PersonAttributes['ageBand'],
    situation: row.situation as PersonAttributes['situation'],
    arrivalMonth: row.arrival_month,
    languages: JSON.parse(row.languages) as string[],
    tags: tags.get(row.id) ?? [],
    lastActivityAt: row.last_activity_at,
    openCases: row.open_cases,
    mergedIntoId: row.merged_into_id,
  }))
}

export async function presentPerson(db: Db, actor: Actor, row: PeopleTable): Promise<PersonView> {
  const [summary] = await presentSummaries(db, [row])
  if (!summary) throw new Error('person summary missing')
  const record = { compartmentId: row.compartment_id }
  return {
    ...summary,
    version: row.version,
    createdAt: row.created_at,
    links: (await linksOf(db, row.id)).map((l) => ({
      id: l.id,
      personId: l.related_person_id,
      code: l.code,
      relation: l.relation as PersonView['links'][number]['relation'],
    })),
    hasPhoto: row.has_photo === 1,
    actions: [
      ...abilities(actor, 'Person', record, ['update', 'identify', 'manage', 'export']),
      ...(can(actor, 'create', 'Case', record) ? ['open_case'] : []),
      // Field workers may not read cases: the page says how many are open instead of "none".
      ...(can(actor, 'list', 'Case', record) ? ['read_cases'] : []),
    ],
  }
}

/**
 * The first name of each person on a page, for those the caller may identify, and one audit entry
 * for the page (the codes shown by name), not one per row. Destroyed keys show no name.
 */
export async function namesForList(
  app: AppContext,
  actor: Actor,
  rows: readonly PeopleTable[],
  requestId: string,
): Promise<Map<string, string>> {
  const db = app.database.db
  const names = new Map<string, string>()
  const shown: PeopleTable[] = []
  for (const row of rows) {
    if (!can(actor, 'identify', 'Person', { compartmentId: row.compartment_id })) continue
    const identity = await openIdentity(app, db, row)
    const first = identity?.names[0]?.value
    if (!first) continue
    names.set(row.id, first)
    shown.push(row)
  }
  if (shown.length === 0) return names
  const compartments = [...new Set(shown.map((r) => r.compartment_id))]
  await audit(app, db, {
    actorId: actor.userId,
    action: 'person.list_identity_read',
    entityType: 'Person',
    entityId: null,
    // One compartment: filed under it, so its auditors find it; several: listed in the details.
    compartmentId: compartments.length === 1 ? (compartments[0] ?? null) : null,
    requestId,
    details: { what: 'names', codes: shown.map((r) => r.code), compartments },
  })
  return names
}
