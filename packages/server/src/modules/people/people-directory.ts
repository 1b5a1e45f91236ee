import type { CaseStatus, CaseType } from '@haven/core/people/case-schema'
import type { Situation } from '@haven/core/people/index'
import type { AppContext } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import type { Actor } from '../../auth/actor.js'
import type { Db } from '../../db/db-handle.js'
import { errors } from '../../http/errors.js'
import { caseHiddenFrom } from './case-restriction.js'
import { casesCodes, findCase } from './case-store.js'
import type { PeopleTable } from './people-tables.js'
import {
  findPeople,
  findPeopleByCodesIn,
  findPersonByCodeIn,
  insertHistory,
  peopleByCode,
  updatePersonIfVersion,
} from './person-store.js'

/**
 * A protected person as other modules know them: an id, a pseudonymous code, a compartment and a
 * situation — never a name. Other modules refer to people only through these functions (exported
 * by the module's index.ts); none reads the people tables.
 */
export interface PersonRef {
  id: string
  code: string
  compartmentId: string
  situation: Situation
}

const ref = (p: PeopleTable): PersonRef => ({
  id: p.id,
  code: p.code,
  compartmentId: p.compartment_id,
  situation: p.situation as Situation,
})

/** The person registered under `code` in `compartmentId`, or undefined (a code elsewhere: undefined too). */
export async function findPersonByCode(
  db: Db,
  compartmentId: string,
  code: string,
): Promise<PersonRef | undefined> {
  const person = await findPersonByCodeIn(db, compartmentId, code)
  return person && ref(person)
}

/** `findPersonByCode` for many codes of one compartment at once: the people found, by code. */
export async function findPeopleByCodes(
  db: Db,
  compartmentId: string,
  codes: readonly string[],
): Promise<Map<string, PersonRef>> {
  if (codes.length === 0) return new Map()
  const people = await findPeopleByCodesIn(db, compartmentId, [...new Set(codes)])
  return new Map(people.map((p) => [p.code, ref(p)]))
}

/**
 * The people with these ids, each registered in `compartmentId` and not merged into another;
 * answers compartment_mismatch (422) if any is not, so a record in one compartment never names
 * someone from another.
 */
export async function peopleInCompartment(
  db: Db,
  compartmentId: string,
  ids: readonly string[],
): Promise<PersonRef[]> {
  const people = await findPeople(db, ids)
  if (
    people.length !== new Set(ids).size ||
    people.some((p) => p.compartment_id !== compartmentId || p.merged_into_id !== null)
  )
    throw errors.compartmentMismatch()
  return people.map(ref)
}

/** The codes of these people, by id (for lists that show who, by code). */
export async function personCodes(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  return new Map((await findPeople(db, [...new Set(ids)])).map((p) => [p.id, p.code]))
}

/**
 * A case as other modules know it: its code, type and status, its person and the compartment
 * that holds it — never its summary or notes. Modules that keep work about a case in a
 * compartment of their own (resettlement) authorize the case through its compartment.
 */
export interface CaseRef {
  id: string
  code: string
  compartmentId: string
  personId: string
  type: CaseType
  status: CaseStatus
}

/**
 * The case with this id, or undefined — undefined too when it is restricted and the actor is
 * neither its assignee nor a coordinator of its compartment (case-restriction.ts).
 */
export async function findCaseRef(db: Db, actor: Actor, id: string): Promise<CaseRef | undefined> {
  const kase = await findCase(db, id)
  if (!kase || caseHiddenFrom(actor, kase)) return undefined
  return (
    kase && {
      id: kase.id,
      code: kase.code,
      compartmentId: kase.compartment_id,
      personId: kase.person_id,
      type: kase.type as CaseType,
      status: kase.status as CaseStatus,
    }
  )
}

/** The codes of these cases, by id (for lists that show which case, by code). */
export async function caseCodes(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  return new Map((await casesCodes(db, [...new Set(ids)])).map((c) => [c.id, c.code]))
}

/** People registered in a compartment and not merged away, by code (at most `limit`), to pick one. */
export async function peopleRegisteredIn(
  db: Db,
  compartmentId: string,
  limit = 500,
): Promise<{ id: string; code: string }[]> {
  return peopleByCode(db, compartmentId, limit)
}

/**
 * Moves a person's situation (into a shelter, detained, resettled…) as a new version of their
 * record, in the caller's transaction; 409 if someone saved the person meanwhile.
 */
export async function setSituation(
  app: AppContext,
  trx: Db,
  personId: string,
  situation: Situation,
  by: Actorish,
): Promise<void> {
  const [person] = await findPeople(trx, [personId])
  if (!person || person.situation === situation) return
  const now = app.now().toISOString()
  if (
    !(await updatePersonIfVersion(trx, person.id, person.version, {
      situation,
      updated_at: now,
      last_activity_at: now,
    }))
  )
    throw errors.versionConflict({ yourChanges: ['situation'] })
  await insertHistory(trx, person.id, person.version + 1, ['situation'], now, by.actorId)
}
