import {
  ageBandFor,
  birthYear,
  personCode,
  personDateIssues,
} from '@haven/core/people/person-rules'
import type {
  CreatePerson,
  Identity,
  PersonAttributes,
  UpdatePerson,
} from '@haven/core/people/person-schema'
import { identitySchema } from '@haven/core/people/person-schema'
import { type AppContext, today } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import { assertCompartmentWritable } from '../../compartments/compartment-service.js'
import { findCompartment } from '../../compartments/compartment-store.js'
import type { TermIndexer } from '../../crypto/field-crypto.js'
import type { Db } from '../../db/db-handle.js'
import { newId } from '../../db/ids.js'
import { errors } from '../../http/errors.js'
import type { PeopleTable } from './people-tables.js'
import {
  fieldsChangedSince,
  findPerson,
  insertHistory,
  insertNewPeople,
  insertPerson,
  nextCounter,
  nextCounters,
  replaceTags,
  replaceTerms,
  updatePersonIfVersion,
} from './person-store.js'

export const identityAddress = (person: Pick<PeopleTable, 'id' | 'compartment_id'>) => ({
  table: 'people',
  column: 'identity',
  recordId: person.id,
  compartmentId: person.compartment_id,
})

/** Seals the identity and computes its blind-index terms (every name variant, and the birth year). */
async function sealIdentity(
  app: AppContext,
  db: Db,
  person: Pick<PeopleTable, 'id' | 'compartment_id'>,
  identity: Identity,
  /** The compartment's indexer, when the caller registers many people at once. */
  indexer?: TermIndexer,
) {
  const sealed = await app.crypto.fields.seal(db, identityAddress(person), JSON.stringify(identity))
  const index = indexer ?? (await app.crypto.fields.indexer(db, person.compartment_id))
  const terms: string[] = []
  for (const name of identity.names) for (const t of index.terms(name.value)) terms.push(t.term)
  const year = birthYear(identity.birth, today(app))
  if (year !== null) terms.push(index.exact(`y:${year}`))
  return { sealed, terms }
}

/** Opens a person's identity; `null` when their compartment's keys were shredded. */
export async function openIdentity(
  app: AppContext,
  db: Db,
  person: PeopleTable,
): Promise<Identity | null> {
  const opened = await app.crypto.fields.openOrDestroyed(
    db,
    identityAddress(person),
    person.identity,
  )
  if (opened.destroyed) return null
  return identitySchema.parse(JSON.parse(opened.value))
}

/** Registers a person: code, sealed identity, index terms, tags and an audit entry, all or nothing. */
export async function createPerson(
  app: AppContext,
  input: CreatePerson,
  by: Actorish,
  /** Fixed by the caller when a replay must find it (a field device's outbox entry). */
  personId?: string,
): Promise<PeopleTable> {
  const issues = personDateIssues(input.identity, input.attributes, today(app))
  if (issues.length > 0) throw errors.validationFailed(issues)
  return app.database.db
    .transaction()
    .execute((trx) => registerPersonIn(app, trx, input, by, personId))
}

/**
 * The registration write inside the caller's transaction (a spreadsheet import registers many
 * people all or nothing): the same code, seal, index terms, tags, history and audit entry as
 * `createPerson`. The caller has checked the input (`personDateIssues`) first.
 */
export async function registerPersonIn(
  app: AppContext,
  trx: Db,
  input: CreatePerson,
  by: Actorish,
  personId?: string,
): Promise<PeopleTable> {
  const compartment = await findCompartment(trx, input.compartmentId)
  if (!compartment) throw errors.notFound()
  await assertCompartmentWritable(trx, compartment)
  const id = personId ?? newId()
  const now = app.now().toISOString()
  const code = personCode(compartment.code, await nextCounter(trx, compartment.id, 'person'))
  const { sealed, terms } = await sealIdentity(
    app,
    trx,
    { id, compartment_id: compartment.id },
    input.identity,
  )
  const attributes = withDerivedAgeBand(input.attributes, input.identity, today(app))
  const row: PeopleTable = {
    id,
    compartment_id: compartment.id,
    code,
    identity: sealed,
    has_photo: 0,
    age_band: attributes.ageBand,
    situation: attributes.situation,
    arrival_month: attributes.arrivalMonth,
    languages: JSON.stringify(attributes.languages),
    open_priority: 0,
    open_cases: 0,
    version: 1,
    created_at: now,
    updated_at: now,
    created_by: by.actorId,
    last_activity_at: now,
    merged_into_id: null,
  }
  await insertPerson(trx, row)
  await replaceTags(trx, id, compartment.id, attributes.tags)
  await replaceTerms(trx, id, compartment.id, terms)
  await insertHistory(trx, id, 1, ['created'], now, by.actorId)
  await audit(app, trx, {
    actorId: by.actorId,
    action: 'person.created',
    entityType: 'Person',
    entityId: id,
    compartmentId: compartment.id,
    requestId: by.requestId,
    details: { code },
  })
  return row
}

/**
 * `registerPersonIn` for many people at once (a spreadsheet import's batch), inside the caller's
 * transaction: the compartment is checked once, the codes are taken in one step, and the rows,
 * tags, terms, history and audit entries go in a few statements instead of seven per person.
 * Each person gets exactly what a single registration gives them. The caller has checked each
 * input (`personDateIssues`) first.
 */
export async function registerPeopleIn(
  app: AppContext,
  trx: Db,
  compartmentId: string,
  inputs: readonly Omit<CreatePerson, 'compartmentId'>[],
  by: Actorish,
  /** Fixed by the caller, one per input, when a replay must find them (a field device's outbox). */
  ids?: readonly string[],
): Promise<PeopleTable[]> {
  if (inputs.length === 0) return []
  const compartment = await findCompartment(trx, compartmentId)
  if (!compartment) throw errors.notFound()
  await assertCompartmentWritable(trx, compartment)
  const now = app.now().toISOString()
  const on = today(app)
  const first = await nextCounters(trx, compartment.id, 'person', inputs.length)
  const indexer = await app.crypto.fields.indexer(trx, compartment.id)
  const people = []
  for (const [i, input] of inputs.entries()) {
    const id = ids?.[i] ?? newId()
    const code = personCode(compartment.code, first + i)
    const { sealed, terms } = await sealIdentity(
      app,
      trx,
      { id, compartment_id: compartment.id },
      input.identity,
      indexer,
    )
    const attributes = withDerivedAgeBand(input.attributes, input.identity, on)
    const row: PeopleTable = {
      id,
      compartment_id: compartment.id,
      code,
      identity: sealed,
      has_photo: 0,
      age_band: attributes.ageBand,
      situation: attributes.situation,
      arrival_month: attributes.arrivalMonth,
      languages: JSON.stringify(attributes.languages),
      open_priority: 0,
      open_cases: 0,
      version: 1,
      created_at: now,
      updated_at: now,
      created_by: by.actorId,
      last_activity_at: now,
      merged_into_id: null,
    }
    people.push({ row, tags: attributes.tags, terms, by: by.actorId })
  }
  await insertNewPeople(trx, people)
  await audit(
    app,
    trx,
    ...people.map(({ row }) => ({
      actorId: by.actorId,
      action: 'person.created',
      entityType: 'Person',
      entityId: row.id,
      compartmentId: compartment.id,
      requestId: by.requestId,
      details: { code: row.code },
    })),
  )
  return people.map((p) => p.row)
}

/** A known birth keeps the (non-identifying) age band in step with it. */
function withDerivedAgeBand<T extends Partial<PersonAttributes>>(
  attributes: T,
  identity: Identity | undefined,
  on: string,
): T {
  const band = ageBandFor(identity?.birth, on)
  return band && (attributes.ageBand === undefined || attributes.ageBand === 'unknown')
    ? { ...attributes, ageBand: band }
    : attributes
}

/**
 * Saves an edit made from `update.version`. If someone saved in between, nothing is written and
 * the answer is 409 with what each side changed (field names; values only for non-identifying ones).
 */
export async function updatePerson(
  app: AppContext,
  person: PeopleTable,
  update: UpdatePerson,
  by: Actorish,
): Promise<PeopleTable> {
  const issues = personDateIssues(update.identity, update.attributes, today(app))
  if (issues.length > 0) throw errors.validationFailed(issues)
  const db = app.database.db
  return db.transaction().execute(async (trx) => {
    const now = app.now().toISOString()
    const changes: Partial<PeopleTable> = { updated_at: now, last_activity_at: now }
    const changed: string[] = []
    // A corrected birth moves the (non-identifying) age band with it, even with no attributes sent.
    const attributes =
      update.attributes || update.identity?.birth
        ? withDerivedAgeBand(update.attributes ?? {}, update.identity, today(app))
        : undefined
    const set = <K extends keyof PeopleTable>(
      field: string,
      column: K,
      value: PeopleTable[K] | undefined,
    ) => {
      if (value === undefined) return
      changes[column] = value
      changed.push(field)
    }
    set('ageBand', 'age_band', attributes?.ageBand)
    set('situation', 'situation', attributes?.situation)
    set('arrivalMonth', 'arrival_month', attributes?.arrivalMonth)
    set('languages', 'languages', attributes?.languages && JSON.stringify(attributes.languages))
    if (attributes?.tags !== undefined) changed.push('tags')
    let terms: string[] | undefined
    if (update.identity) {
      const sealed = await sealIdentity(app, trx, person, update.identity)
      changes.identity = sealed.sealed
      terms = sealed.terms
      changed.push('identity')
    }
    if (!(await updatePersonIfVersion(trx, person.id, update.version, changes))) {
      const theirs = await fieldsChangedSince(trx, person.id, update.version)
      const current = await findPerson(trx, person.id)
      throw errors.versionConflict({
        yourVersion: update.version,
        currentVersion: current?.version ?? null,
        yourChanges: changed,
        theirChanges: theirs,
        current: current
          ? {
              situation: current.situation,
              ageBand: current.age_band,
              arrivalMonth: current.arrival_month,
            }
          : null,
      })
    }
    if (attributes?.tags !== undefined)
      await replaceTags(trx, person.id, person.compartment_id, attributes.tags)
    if (terms) await replaceTerms(trx, person.id, person.compartment_id, terms)
    await insertHistory(trx, person.id, update.version + 1, changed, now, by.actorId)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'person.updated',
      entityType: 'Person',
      entityId: person.id,
      compartmentId: person.compartment_id,
      requestId: by.requestId,
      details: { fields: changed },
    })
    const saved = await findPerson(trx, person.id)
    if (!saved) throw new Error('person vanished inside its own transaction')
    return saved
  })
}
