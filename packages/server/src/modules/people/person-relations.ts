import type { Relation } from '@haven/core/people/person-schema'
import { queryTerms } from '@haven/core/privacy/name-normalize'
import type { AppContext } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import type { Actor } from '../../auth/actor.js'
import { audit } from '../../auth/auth-audit.js'
import { can } from '../../auth/policy.js'
import type { Db } from '../../db/db-handle.js'
import { newId } from '../../db/ids.js'
import { errors } from '../../http/errors.js'
import type { PeopleTable } from './people-tables.js'
import {
  deleteLinkPair,
  deleteTermsOf,
  findLinkOf,
  insertLinks,
  markMergedIfVersion,
  moveCases,
  moveFamilyLinks,
  moveIncidentLinks,
  openCasePriorities,
  setOpenCases,
} from './person-relations-store.js'
import { openIdentity } from './person-service.js'
import {
  findPeople,
  insertHistory,
  rankedPeopleByTerms,
  type TermsToMatch,
} from './person-store.js'

const INVERSE: Readonly<Record<Relation, Relation>> = {
  parent: 'child',
  child: 'parent',
  sibling: 'sibling',
  spouse: 'spouse',
  guardian: 'ward',
  ward: 'guardian',
}

/** Links two people of the same compartment, both ways (a parent's child is that child's parent). */
export async function linkPeople(
  app: AppContext,
  person: PeopleTable,
  related: PeopleTable,
  relation: Relation,
  by: Actorish,
) {
  if (person.compartment_id !== related.compartment_id) throw errors.compartmentMismatch()
  if (person.id === related.id) throw errors.mergeSame()
  const db = app.database.db
  return db.transaction().execute(async (trx) => {
    const now = app.now().toISOString()
    const id = newId()
    await insertLinks(trx, [
      {
        id,
        compartment_id: person.compartment_id,
        person_id: person.id,
        related_person_id: related.id,
        relation,
        created_at: now,
      },
      {
        id: newId(),
        compartment_id: person.compartment_id,
        person_id: related.id,
        related_person_id: person.id,
        relation: INVERSE[relation],
        created_at: now,
      },
    ])
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'person.linked',
      entityType: 'Person',
      entityId: person.id,
      compartmentId: person.compartment_id,
      requestId: by.requestId,
      details: { relatedId: related.id, relation },
    })
    return id
  })
}

export async function unlinkPeople(
  app: AppContext,
  person: PeopleTable,
  linkId: string,
  by: Actorish,
): Promise<void> {
  const db = app.database.db
  await db.transaction().execute(async (trx) => {
    const link = await findLinkOf(trx, person.id, linkId)
    if (!link) throw errors.notFound()
    await deleteLinkPair(trx, link)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'person.unlinked',
      entityType: 'Person',
      entityId: person.id,
      compartmentId: person.compartment_id,
      requestId: by.requestId,
      details: { relatedId: link.related_person_id },
    })
  })
}

/**
 * Possible duplicates before registering someone: people whose name (any script) or birth year
 * matches, in the given compartments. Codes only; names too where the caller may identify — and
 * then that look is audited like any other.
 */
export async function findDuplicates(
  app: AppContext,
  actor: Actor,
  compartmentIds: readonly string[],
  input: { names: readonly string[]; birthYear?: number | undefined },
  requestId: string,
) {
  const db = app.database.db
  const candidates = await duplicateMatches(app, db, compartmentIds, input)
  const byPerson = new Map(candidates.map((c) => [c.id, c.matched]))
  const rows = await findPeople(
    db,
    candidates.map((c) => c.id),
  )
  const results = []
  for (const row of rows) {
    const identify = can(actor, 'identify', 'Person', { compartmentId: row.compartment_id })
    let names: string[] | null = null
    if (identify) {
      names = (await openIdentity(app, db, row))?.names.map((n) => n.value) ?? null
      await audit(app, db, {
        actorId: actor.userId,
        action: 'person.identity_read',
        entityType: 'Person',
        entityId: row.id,
        compartmentId: row.compartment_id,
        requestId,
        details: { via: 'duplicate_check' },
      })
    }
    results.push({
      id: row.id,
      code: row.code,
      matched: byPerson.get(row.id) ?? [],
      names,
    })
  }
  return results.sort((a, b) => a.code.localeCompare(b.code))
}

/** Someone another record names as a likely match: their code, and names where the reader may identify. */
export interface MatchedPerson {
  code: string
  names: string[] | null
}

/**
 * The people a review names as likely the same as someone written elsewhere (a field phone's
 * registration held as a possible duplicate), by id: the code to whoever may read the person,
 * the names too to whoever may identify them — each such look audited, as the duplicate check's
 * is. People the reader may not read are left out.
 */
export async function matchedPeople(
  app: AppContext,
  actor: Actor,
  ids: readonly string[],
  requestId: string,
  via: string,
): Promise<Map<string, MatchedPerson>> {
  const db = app.database.db
  const out = new Map<string, MatchedPerson>()
  for (const row of await findPeople(db, [...new Set(ids)])) {
    const compartmentId = row.compartment_id
    if (!can(actor, 'read', 'Person', { compartmentId })) continue
    let names: string[] | null = null
    if (can(actor, 'identify', 'Person', { compartmentId })) {
      names = (await openIdentity(app, db, row))?.names.map((n) => n.value) ?? null
      await audit(app, db, {
        actorId: actor.userId,
        action: 'person.identity_read',
        entityType: 'Person',
        entityId: row.id,
        compartmentId,
        requestId,
        details: { via },
      })
    }
    out.set(row.id, { code: row.code, names })
  }
  return out
}

/**
 * The matching half of the duplicate check, without opening anyone's identity: people whose
 * whole name (any script) matches, with whether their birth year matches too, best matches first.
 * Also what a spreadsheet import checks each row against (see duplicateMatchesMany).
 */
export async function duplicateMatches(
  app: AppContext,
  db: Db,
  compartmentIds: readonly string[],
  input: DuplicateInput,
  limit = 500,
): Promise<DuplicateMatch[]> {
  const [matches] = await duplicateMatchesMany(app, db, compartmentIds, [input], limit)
  return matches ?? []
}

export interface DuplicateInput {
  names: readonly string[]
  birthYear?: number | null | undefined
}

export interface DuplicateMatch {
  id: string
  code: string
  matched: ('birthYear' | 'name')[]
}

/**
 * duplicateMatches for many people at once (a batch of imported rows), in one ranked query: for
 * each input, at most `limit` people, the most matched name terms and a matching birth year first.
 */
export async function duplicateMatchesMany(
  app: AppContext,
  db: Db,
  compartmentIds: readonly string[],
  inputs: readonly DuplicateInput[],
  limit = 500,
): Promise<DuplicateMatch[][]> {
  const sets: TermsToMatch[] = []
  for (const input of inputs) {
    // Whole names only (f: and t: terms): a shared first character is no duplicate.
    const names = [
      ...new Set(input.names.flatMap((n) => queryTerms(n).filter((t) => !t.startsWith('p:')))),
    ]
    const years = input.birthYear ? [`y:${input.birthYear}`] : []
    const set = { names: [] as string[], years: [] as string[] }
    // Under every index key version; none in a shredded compartment, where nothing can match.
    if (names.length > 0)
      for (const compartmentId of compartmentIds) {
        set.names.push(...(await app.crypto.fields.lookupTerms(db, compartmentId, names)))
        set.years.push(...(await app.crypto.fields.lookupTerms(db, compartmentId, years)))
      }
    sets.push(set)
  }
  const out: DuplicateMatch[][] = inputs.map(() => [])
  for (const hit of await rankedPeopleByTerms(db, compartmentIds, sets, limit))
    out[hit.set]?.push({
      id: hit.id,
      code: hit.code,
      matched: hit.year ? ['birthYear', 'name'] : ['name'],
    })
  return out
}

/**
 * Merges `source` into `target` (same compartment): cases, incidents and family links move to the
 * target; the source stays as a record marked merged, so both histories are kept.
 */
export async function mergePeople(
  app: AppContext,
  source: PeopleTable,
  target: PeopleTable,
  version: number,
  by: Actorish,
): Promise<void> {
  if (source.id === target.id) throw errors.mergeSame()
  if (source.compartment_id !== target.compartment_id) throw errors.compartmentMismatch()
  const db = app.database.db
  await db.transaction().execute(async (trx: Db) => {
    const now = app.now().toISOString()
    if (!(await markMergedIfVersion(trx, source.id, target.id, version, now)))
      throw errors.versionConflict({
        yourVersion: version,
        currentVersion: null,
        yourChanges: ['merge'],
        theirChanges: [],
      })
    const moved = await moveCases(trx, source.id, target.id)
    await moveIncidentLinks(trx, source.id, target.id)
    await moveFamilyLinks(trx, source.id, target.id)
    // The source no longer answers searches; its sealed identity stays for the record.
    await deleteTermsOf(trx, source.id)
    await recountOpenCases(trx, target.id)
    await recountOpenCases(trx, source.id)
    await insertHistory(trx, source.id, version + 1, ['merged'], now, by.actorId)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'person.merged',
      entityType: 'Person',
      entityId: source.id,
      compartmentId: source.compartment_id,
      requestId: by.requestId,
      details: { intoId: target.id, casesMoved: moved },
    })
  })
}

const PRIORITY_RANK: Readonly<Record<string, number>> = { low: 1, normal: 2, high: 3, urgent: 4 }

/** Keeps the person's open-case count and highest open priority (used for sorting) in step. */
export async function recountOpenCases(db: Db, personId: string): Promise<void> {
  const open = await openCasePriorities(db, personId)
  const top = Math.max(0, ...open.map((priority) => PRIORITY_RANK[priority] ?? 0))
  await setOpenCases(db, personId, open.length, top)
}
