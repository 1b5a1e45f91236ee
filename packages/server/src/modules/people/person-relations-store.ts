import type { Db } from '../../db/db-handle.js'
import type { PersonLinksTable } from './people-tables.js'

/** The SQL of family links and merges (the rules are in person-relations.ts). */

/** Both directions of a link, in one statement. */
export async function insertLinks(db: Db, rows: readonly PersonLinksTable[]): Promise<void> {
  await db
    .insertInto('person_links')
    .values([...rows])
    .execute()
}

/** One of this person's links (another person's link is not found). */
export async function findLinkOf(db: Db, personId: string, linkId: string) {
  return db
    .selectFrom('person_links')
    .selectAll()
    .where('id', '=', linkId)
    .where('person_id', '=', personId)
    .executeTakeFirst()
}

/** A link and its inverse (the related person's link back). */
export async function deleteLinkPair(
  db: Db,
  link: Pick<PersonLinksTable, 'id' | 'person_id' | 'related_person_id'>,
): Promise<void> {
  await db
    .deleteFrom('person_links')
    .where((eb) =>
      eb.or([
        eb('id', '=', link.id),
        eb.and([
          eb('person_id', '=', link.related_person_id),
          eb('related_person_id', '=', link.person_id),
        ]),
      ]),
    )
    .execute()
}

/** Marks the person merged if still at `version` and not merged already; false otherwise. */
export async function markMergedIfVersion(
  db: Db,
  sourceId: string,
  targetId: string,
  version: number,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('people')
    .set({ merged_into_id: targetId, version: version + 1, updated_at: now })
    .where('id', '=', sourceId)
    .where('version', '=', version)
    .where('merged_into_id', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Moves every case of `sourceId` to `targetId`; returns how many moved. */
export async function moveCases(db: Db, sourceId: string, targetId: string): Promise<number> {
  const moved = await db
    .updateTable('cases')
    .set({ person_id: targetId })
    .where('person_id', '=', sourceId)
    .executeTakeFirst()
  return Number(moved.numUpdatedRows)
}

/** Moves the source's incidents to the target, once per incident (where both were, one stays). */
export async function moveIncidentLinks(db: Db, sourceId: string, targetId: string): Promise<void> {
  await db
    .updateTable('incident_people')
    .set({ person_id: targetId })
    .where('person_id', '=', sourceId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('incident_people as ip')
            .select('ip.person_id')
            .whereRef('ip.incident_id', '=', 'incident_people.incident_id')
            .where('ip.person_id', '=', targetId),
        ),
      ),
    )
    .execute()
  await db.deleteFrom('incident_people').where('person_id', '=', sourceId).execute()
}

/**
 * Moves the source's family links (both directions) to the target, dropping links between the two
 * and whatever would duplicate; the source keeps none.
 */
export async function moveFamilyLinks(db: Db, sourceId: string, targetId: string): Promise<void> {
  await db
    .updateTable('person_links')
    .set({ person_id: targetId })
    .where('person_id', '=', sourceId)
    .where('related_person_id', '!=', targetId)
    .execute()
  await db
    .updateTable('person_links')
    .set({ related_person_id: targetId })
    .where('related_person_id', '=', sourceId)
    .where('person_id', '!=', targetId)
    .execute()
  await db
    .deleteFrom('person_links')
    .where((eb) => eb.or([eb('person_id', '=', sourceId), eb('related_person_id', '=', sourceId)]))
    .execute()
}

/** Takes the person out of every name search (their sealed identity stays). */
export async function deleteTermsOf(db: Db, personId: string): Promise<void> {
  await db.deleteFrom('person_terms').where('person_id', '=', personId).execute()
}

/**
 * The priorities of the person's cases that are not closed, restricted ones left out: the count
 * is shown to everyone who sees the person, and would tell them such a case exists.
 */
export async function openCasePriorities(db: Db, personId: string): Promise<string[]> {
  const open = await db
    .selectFrom('cases')
    .select('priority')
    .where('person_id', '=', personId)
    .where('status', '!=', 'closed')
    .where('restriction', 'is', null)
    .execute()
  return open.map((c) => c.priority)
}

export async function setOpenCases(
  db: Db,
  personId: string,
  count: number,
  topPriority: number,
): Promise<void> {
  await db
    .updateTable('people')
    .set({ open_cases: count, open_priority: topPriority })
    .where('id', '=', personId)
    .execute()
}
