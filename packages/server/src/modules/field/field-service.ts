import {
  type DeviceView,
  type FieldMutation,
  type FieldOutcome,
  type FieldRefusal,
  fieldMutationSchema,
  type PullView,
  type ReviewItemView,
} from '@haven/core/field/field-schemas'
import { birthYear, earlierLikelyDuplicates, personDateIssues } from '@haven/core/people/index'
import { type AppContext, today } from '../../app-context.js'
import type { Actorish, AuditEntry } from '../../audit/audit-log.js'
import type { Actor } from '../../auth/actor.js'
import { audit } from '../../auth/auth-audit.js'
import { can } from '../../auth/policy.js'
import { assertWritable, compartmentsWhere } from '../../compartments/compartment-access.js'
import { allCompartmentCodes } from '../../compartments/compartment-store.js'
import { sealedAt } from '../../crypto/field-crypto.js'
import { isUniqueViolation } from '../../db/constraint-errors.js'
import type { Db } from '../../db/db-handle.js'
import { newId } from '../../db/ids.js'
import { errors } from '../../http/errors.js'
import { HavenError } from '../../http/haven-error.js'
import {
  addCaseEntryIn,
  caseHiddenFrom,
  casesChangedAfter,
  caseViewer,
  duplicateMatchesMany,
  type FeedPosition,
  findCase,
  findFollowUp,
  markFollowUpDoneIn,
  matchedPeople,
  openFollowUpsOf,
  peopleChangedAfter,
  registerPeopleIn,
  registerPersonIn,
} from '../people/index.js'
import { addLogEntryIn, listShelters } from '../shelters/index.js'
import { recordDistributionIn, recordDistributionsIn } from '../supplies/index.js'
import {
  changesByClientId,
  findDevice,
  inSavepoint,
  insertChanges,
  insertDevice,
  resolveChange,
  revokeDevice,
  touchDevice,
} from './field-store.js'
import type { FieldChangesTable, FieldDevicesTable } from './field-tables.js'

export const presentDevice = (d: FieldDevicesTable): DeviceView => ({
  id: d.id,
  name: d.name,
  userId: d.user_id,
  createdAt: d.created_at,
  lastSeenAt: d.last_seen_at,
  revokedAt: d.revoked_at,
})

export async function registerDevice(
  app: AppContext,
  userId: string,
  name: string,
  by: Actorish,
): Promise<FieldDevicesTable> {
  const row: FieldDevicesTable = {
    id: newId(),
    user_id: userId,
    name,
    created_at: app.now().toISOString(),
    last_seen_at: null,
    revoked_at: null,
    revoked_by: null,
  }
  await app.database.db.transaction().execute(async (trx) => {
    await insertDevice(trx, row)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'field.device_registered',
      entityType: 'FieldDevice',
      entityId: row.id,
      requestId: by.requestId,
    })
  })
  return row
}

export async function revoke(
  app: AppContext,
  device: FieldDevicesTable,
  by: Actorish,
): Promise<FieldDevicesTable> {
  const db = app.database.db
  await db.transaction().execute(async (trx) => {
    await revokeDevice(trx, device.id, app.now().toISOString(), by.actorId)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'field.device_revoked',
      entityType: 'FieldDevice',
      entityId: device.id,
      requestId: by.requestId,
      details: { owner: device.user_id },
    })
  })
  const after = await findDevice(db, device.id)
  if (!after) throw errors.notFound()
  return after
}

/**
 * The caller's own device, unrevoked: someone else's (or none) is 404 and a revoked one 410
 * `device_revoked`, which tells the phone to wipe itself.
 */
export async function deviceInUse(
  app: AppContext,
  actor: Actor,
  id: string,
  /** False when the caller records the contact in its own transaction (a push). */
  touch = true,
) {
  const device = await findDevice(app.database.db, id)
  if (!device || device.user_id !== actor.userId) throw errors.notFound()
  if (device.revoked_at) throw errors.deviceRevoked()
  if (touch) await touchDevice(app.database.db, device.id, app.now().toISOString())
  return device
}

interface Applied {
  outcome: FieldOutcome
  code: string | null
  entityId: string | null
  compartmentId: string | null
}

const refused = (code: FieldRefusal): Applied => ({
  outcome: 'refused',
  code,
  entityId: null,
  compartmentId: null,
})

/** An entry a module's door refused: its error's stable code (one of FIELD_REFUSALS). */
const refusedWith = (error: HavenError): Applied => ({
  ...refused('not_applied'),
  code: error.code,
})

/**
 * Applies one outbox entry through the owning module's door, inside the push's transaction, as
 * the device's user, with the entry's client id as the new record's id (so a replay finds it:
 * the insert then fails on the key and the entry counts as applied). `ignoreBase` is a reviewer
 * applying a conflict after all.
 */
async function applyOne(
  app: AppContext,
  trx: Db,
  actor: Actor,
  m: FieldMutation,
  by: Actorish,
  ignoreBase = false,
): Promise<Applied> {
  switch (m.kind) {
    case 'distribution': {
      const compartmentId = m.data.compartmentId
      if (!can(actor, 'create', 'Distribution', { compartmentId })) return refused('forbidden')
      await assertWritable(trx, compartmentId)
      // Overriding a cap is a coordinator's act on the spot, never something a phone asks for.
      const { overrideReason: _overrideReason, ...input } = m.data
      const done = await recordDistributionIn(
        app,
        trx,
        input,
        { ...by, mayOverride: false },
        { id: m.clientId, overCap: 'flag' },
      )
      return {
        outcome: done.flagged ? 'flagged' : 'applied',
        code: done.flagged,
        entityId: done.row.id,
        compartmentId,
      }
    }
    case 'shelter_log': {
      const compartmentId = m.shelterId
      if (!can(actor, 'create', 'ShelterLog', { compartmentId })) return refused('forbidden')
      const row = await addLogEntryIn(app, trx, compartmentId, m.data, by, m.clientId)
      return { outcome: 'applied', code: null, entityId: row.id, compartmentId }
    }
    case 'case_note': {
      const kase = await findCase(trx, m.caseId)
      if (
        !kase ||
        caseHiddenFrom(actor, kase) ||
        !can(actor, 'create', 'CaseNote', { compartmentId: kase.compartment_id })
      )
        return refused('not_found')
      const compartmentId = kase.compartment_id
      if (!ignoreBase && kase.version !== m.baseVersion)
        return { outcome: 'conflict', code: 'version_conflict', entityId: kase.id, compartmentId }
      await assertWritable(trx, compartmentId)
      const entryId = await addCaseEntryIn(app, trx, kase, m.data, by, m.clientId)
      return { outcome: 'applied', code: null, entityId: entryId, compartmentId }
    }
    case 'follow_up_done': {
      const followUp = await findFollowUp(trx, m.followUpId)
      const kase = followUp ? await findCase(trx, followUp.case_id) : undefined
      if (
        !followUp ||
        !kase ||
        caseHiddenFrom(actor, kase) ||
        !can(actor, 'create', 'CaseNote', { compartmentId: kase.compartment_id })
      )
        return refused('not_found')
      const compartmentId = kase.compartment_id
      if (!ignoreBase && kase.version !== m.baseVersion)
        return { outcome: 'conflict', code: 'version_conflict', entityId: kase.id, compartmentId }
      await assertWritable(trx, compartmentId)
      await markFollowUpDoneIn(app, trx, followUp, true, by)
      return { outcome: 'applied', code: null, entityId: followUp.id, compartmentId }
    }
    case 'register_person': {
      const compartmentId = m.data.compartmentId
      if (!can(actor, 'create', 'Person', { compartmentId })) return refused('forbidden')
      const issues = personDateIssues(m.data.identity, m.data.attributes, today(app))
      if (issues.length > 0) throw errors.validationFailed(issues)
      const [matched] = ignoreBase ? [null] : await likelyDuplicates(app, trx, compartmentId, [m])
      // The conflict names whom it matched (as a case note's names the case).
      if (matched)
        return { outcome: 'conflict', code: 'possible_duplicate', entityId: matched, compartmentId }
      const row = await registerPersonIn(app, trx, m.data, by, m.clientId)
      return { outcome: 'applied', code: null, entityId: row.id, compartmentId }
    }
  }
}

/** The compartment an entry names before it is applied (for a replayed entry whose record exists). */
const compartmentNamed = (m: FieldMutation): string | null =>
  m.kind === 'distribution' || m.kind === 'register_person'
    ? m.data.compartmentId
    : m.kind === 'shelter_log'
      ? m.shelterId
      : null

/** What a failed entry means: a record already there, or a refusal the device shows. */
function outcomeOfError(m: FieldMutation, error: unknown): Applied {
  // The record is there already (its id is the entry's client id): recorded before, replayed.
  if (isUniqueViolation(error))
    return {
      outcome: 'applied',
      code: null,
      entityId: m.clientId,
      compartmentId: compartmentNamed(m),
    }
  // A refusal the device shows (no policy for that day, a frozen compartment…); the entry
  // stays in its outbox, so nothing is lost, and is tried again at the next sync.
  if (error instanceof HavenError) return refusedWith(error)
  throw error
}

async function applyGuarded(
  app: AppContext,
  trx: Db,
  actor: Actor,
  m: FieldMutation,
  by: Actorish,
  ignoreBase = false,
): Promise<Applied> {
  try {
    return await inSavepoint(trx, () => applyOne(app, trx, actor, m, by, ignoreBase))
  } catch (error) {
    return outcomeOfError(m, error)
  }
}

type Registration = Extract<FieldMutation, { kind: 'register_person' }>

const duplicateInput = (app: AppContext, m: Registration) => ({
  names: m.data.identity.names.map((n) => n.value),
  birthYear: birthYear(m.data.identity.birth, today(app)),
})

/**
 * Whom each registration is likely to be among the people registered already in the compartment
 * (their id), or null: a whole name (any script) matches, and the birth year too when the phone
 * recorded one (what a spreadsheet import calls a possible duplicate). One ranked query for the
 * whole run, the best match first; nobody's identity is opened.
 */
async function likelyDuplicates(
  app: AppContext,
  trx: Db,
  compartmentId: string,
  run: readonly Registration[],
): Promise<(string | null)[]> {
  const inputs = run.map((m) => duplicateInput(app, m))
  if (inputs.every((i) => i.names.length === 0)) return run.map(() => null)
  const matches = await duplicateMatchesMany(app, trx, [compartmentId], inputs, 5)
  return inputs.map(
    (input, i) =>
      (matches[i] ?? []).find((m) => input.birthYear === null || m.matched.includes('birthYear'))
        ?.id ?? null,
  )
}

/**
 * A run of registrations in one compartment, registered together (one code range, a few
 * inserts: what a spreadsheet import does) instead of seven statements each. Each is checked as
 * `applyOne` would; if the run as a whole meets a record already there, each is tried on its own.
 */
async function applyRegistrations(
  app: AppContext,
  trx: Db,
  actor: Actor,
  compartmentId: string,
  run: readonly Registration[],
  by: Actorish,
): Promise<Applied[]> {
  const on = today(app)
  const results: Applied[] = run.map((m) =>
    !can(actor, 'create', 'Person', { compartmentId })
      ? refused('forbidden')
      : personDateIssues(m.data.identity, m.data.attributes, on).length > 0
        ? refused('validation_failed')
        : { outcome: 'applied', code: null, entityId: m.clientId, compartmentId },
  )
  // A likely duplicate is not registered: it is kept, sealed, for a coordinator to register
  // after all (apply) or dismiss, as a conflict with a record edited meanwhile is.
  const checked = run.filter((_, i) => results[i]?.outcome === 'applied')
  const registered = await likelyDuplicates(app, trx, compartmentId, checked)
  // The run's own registrations too: someone registered twice offline (met on two visits,
  // written twice) meets the first as a registered person would; matched to one that is held
  // for review itself, it names whom that one matched.
  const earlier = earlierLikelyDuplicates(checked.map((m) => duplicateInput(app, m)))
  // For each held back: whom it stands for (null for one registered now, which stands for itself).
  const standsFor: (string | null)[] = []
  for (const [i, m] of checked.entries()) {
    const first = earlier[i] ?? null
    const inRun = first === null ? null : (standsFor[first] ?? checked[first]?.clientId ?? null)
    const whom = registered[i] ?? inRun
    standsFor.push(whom)
    if (whom)
      results[run.indexOf(m)] = {
        outcome: 'conflict',
        code: 'possible_duplicate',
        entityId: whom,
        compartmentId,
      }
  }
  const valid = run.filter((_, i) => results[i]?.outcome === 'applied')
  if (valid.length === 0) return results
  try {
    await inSavepoint(trx, () =>
      registerPeopleIn(
        app,
        trx,
        compartmentId,
        valid.map((m) => m.data),
        by,
        valid.map((m) => m.clientId),
      ),
    )
    return results
  } catch (error) {
    if (error instanceof HavenError)
      return results.map((r) => (r.outcome === 'applied' ? refusedWith(error) : r))
    if (!isUniqueViolation(error)) throw error
  }
  const one: Applied[] = []
  for (const [i, m] of run.entries()) {
    const before = results[i]
    one.push(
      before?.outcome === 'applied'
        ? await applyGuarded(app, trx, actor, m, by)
        : (before ?? refused('not_applied')),
    )
  }
  return one
}

type Distribution = Extract<FieldMutation, { kind: 'distribution' }>

/**
 * A run of distributions recorded through the supplies module's batch door: each checked as
 * `applyOne` would (granted, compartment writable), then all recorded together with their caps
 * checked in order, past a cap stored and flagged. If the books refuse the batch (a closed
 * month), or it meets a record already there, each is tried on its own, as before.
 */
async function applyDistributions(
  app: AppContext,
  trx: Db,
  actor: Actor,
  run: readonly Distribution[],
  by: Actorish,
): Promise<Applied[]> {
  const writable = new Map<string, HavenError | null>()
  const results: (Applied | null)[] = []
  for (const m of run) {
    const compartmentId = m.data.compartmentId
    if (!can(actor, 'create', 'Distribution', { compartmentId })) {
      results.push(refused('forbidden'))
      continue
    }
    if (!writable.has(compartmentId)) {
      try {
        await assertWritable(trx, compartmentId)
        writable.set(compartmentId, null)
      } catch (error) {
        if (!(error instanceof HavenError)) throw error
        writable.set(compartmentId, error)
      }
    }
    const frozen = writable.get(compartmentId)
    results.push(frozen ? refusedWith(frozen) : null)
  }
  const valid = run.filter((_, i) => results[i] === null)
  try {
    const done = await inSavepoint(trx, () =>
      recordDistributionsIn(
        app,
        trx,
        valid.map((m) => {
          // Overriding a cap is a coordinator's act on the spot, never something a phone asks for.
          const { overrideReason: _overrideReason, ...input } = m.data
          return { input, id: m.clientId }
        }),
        { ...by, mayOverride: false },
        { overCap: 'flag' },
      ),
    )
    let next = 0
    return results.map((r) => {
      if (r) return r
      const m = valid[next]
      const d = done[next]
      next += 1
      if (!m || !d) return refused('not_applied')
      const compartmentId = m.data.compartmentId
      if ('refused' in d) return refusedWith(d.refused)
      if ('already' in d)
        return { outcome: 'applied', code: null, entityId: d.already, compartmentId }
      return {
        outcome: d.recorded.flagged ? 'flagged' : 'applied',
        code: d.recorded.flagged,
        entityId: d.recorded.row.id,
        compartmentId,
      }
    })
  } catch (error) {
    if (!(error instanceof HavenError) && !isUniqueViolation(error)) throw error
  }
  const one: Applied[] = []
  for (const [i, m] of run.entries())
    one.push(results[i] ?? (await applyGuarded(app, trx, actor, m, by)))
  return one
}

export interface PushAnswer {
  clientId: string
  outcome: FieldOutcome
  code: string | null
  entityId: string | null
}

const answerOf = (row: FieldChangesTable): PushAnswer => ({
  clientId: row.client_id,
  outcome: row.outcome as FieldOutcome,
  code: row.code,
  entityId: row.entity_id,
})

/** PostgreSQL's deadlock and serialization failures: the whole transaction may simply run again. */
const mayRetry = (error: unknown) =>
  isUniqueViolation(error) ||
  (typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error.code === '40P01' || error.code === '40001'))

/**
 * Applies a device's outbox in order, all in one transaction with the record of what became of
 * each entry, so a push cut off half way leaves either all of it or nothing, and is simply sent
 * again. An entry already received answers as it did the first time (a replay records nothing).
 * A conflict is kept with its body sealed, for a coordinator to apply or dismiss.
 */
export async function push(
  app: AppContext,
  actor: Actor,
  device: FieldDevicesTable,
  mutations: readonly FieldMutation[],
  by: Actorish,
): Promise<PushAnswer[]> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await app.database.db
        .transaction()
        .execute((trx) => pushIn(app, trx, actor, device, mutations, by))
    } catch (error) {
      // The same outbox pushed twice at once: the other push recorded some entries first (the
      // run again answers them from its record), or two pushes locked counters crosswise.
      if (attempt < 3 && mayRetry(error)) continue
      throw error
    }
  }
}

async function pushIn(
  app: AppContext,
  trx: Db,
  actor: Actor,
  device: FieldDevicesTable,
  mutations: readonly FieldMutation[],
  by: Actorish,
): Promise<PushAnswer[]> {
  const seen = new Map(
    (
      await changesByClientId(
        trx,
        device.id,
        mutations.map((m) => m.clientId),
      )
    ).map((r) => [r.client_id, answerOf(r)]),
  )
  const rows: FieldChangesTable[] = []
  const audits: AuditEntry[] = []
  const now = app.now().toISOString()
  // The device's last contact, in this transaction: one commit a push, not two.
  await touchDevice(trx, device.id, now)

  const record = async (m: FieldMutation, result: Applied) => {
    if (result.outcome === 'refused' || result.compartmentId === null) {
      seen.set(m.clientId, { clientId: m.clientId, ...result })
      return
    }
    const compartmentId = result.compartmentId
    const row: FieldChangesTable = {
      id: newId(),
      device_id: device.id,
      client_id: m.clientId,
      user_id: actor.userId,
      compartment_id: compartmentId,
      kind: m.kind,
      outcome: result.outcome,
      code: result.code,
      entity_id: result.entityId,
      // A conflict's body is sealed below, under the row's own id.
      body: null,
      recorded_at: now,
      resolved_at: null,
      resolved_by: null,
      resolution: null,
    }
    if (result.outcome === 'conflict')
      row.body = await app.crypto.fields.seal(
        trx,
        sealedAt('field_changes', 'body', row.id, compartmentId),
        JSON.stringify(m),
      )
    if (result.outcome !== 'applied')
      audits.push({
        actorId: by.actorId,
        action: `field.change_${result.outcome}`,
        entityType: 'FieldChange',
        entityId: row.id,
        compartmentId,
        requestId: by.requestId,
        details: { kind: m.kind, code: result.code },
      })
    rows.push(row)
    seen.set(m.clientId, answerOf(row))
  }

  // Registrations and distributions wait in a run until another kind comes (a distribution may
  // name a person registered just before it), then go in together: registrations by
  // compartment, distributions through the supplies module's batch door, in order.
  let run: Registration[] = []
  let distributions: Distribution[] = []
  const flush = async () => {
    const byCompartment = new Map<string, typeof run>()
    for (const m of run) {
      const group = byCompartment.get(m.data.compartmentId)
      if (group) group.push(m)
      else byCompartment.set(m.data.compartmentId, [m])
    }
    run = []
    for (const [compartmentId, group] of byCompartment) {
      const results = await applyRegistrations(app, trx, actor, compartmentId, group, by)
      for (const [i, m] of group.entries()) await record(m, results[i] ?? refused('not_applied'))
    }
    const batch = distributions
    distributions = []
    if (batch.length === 0) return
    const results = await applyDistributions(app, trx, actor, batch, by)
    for (const [i, m] of batch.entries()) await record(m, results[i] ?? refused('not_applied'))
  }
  const queued = new Set<string>()
  for (const m of mutations) {
    // Sent before, or twice in this push: answered from the first.
    if (seen.has(m.clientId) || queued.has(m.clientId)) continue
    if (m.kind === 'register_person') {
      if (distributions.length > 0) await flush()
      queued.add(m.clientId)
      run.push(m)
      continue
    }
    if (m.kind === 'distribution') {
      if (run.length > 0) await flush()
      queued.add(m.clientId)
      distributions.push(m)
      continue
    }
    await flush()
    await record(m, await applyGuarded(app, trx, actor, m, by))
  }
  await flush()
  await insertChanges(trx, rows)
  await audit(app, trx, ...audits)
  return mutations.map(
    (m) => seen.get(m.clientId) ?? { clientId: m.clientId, ...refused('not_applied') },
  )
}

interface Cursor {
  /** The compartments the device held at that point: one missing now is purged on the device. */
  k: string[]
  p: FeedPosition | null
  c: FeedPosition | null
}

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url')

function decodeCursor(text: string | undefined): Cursor | null {
  if (!text) return null
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor
    if (!Array.isArray(c.k)) throw new Error('no compartments')
    // A position from before the feed sequence (an object) restarts that feed: the device then
    // receives those rows again, which it merges by id.
    const position = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null)
    return { k: c.k.map(String), p: position(c.p), c: position(c.c) }
  } catch {
    throw errors.validationFailed([{ path: 'cursor', key: 'field.invalid', params: {} }])
  }
}

/**
 * What changed since the cursor in the compartments the user holds NOW: people (codes and
 * non-identifying attributes), cases with their open follow-ups, the shelters they may log in,
 * and the compartments the device must purge because a grant was taken away. A compartment
 * granted since the last pull restarts the feed from the beginning, so it arrives whole.
 */
export async function pull(
  app: AppContext,
  actor: Actor,
  cursorText: string | undefined,
  limit: number,
): Promise<PullView> {
  const db = app.database.db
  const cursor = decodeCursor(cursorText)
  const peopleScope = await compartmentsWhere(db, actor, 'list', 'Person')
  // Field workers too: they add notes to cases they know only by code (case-policy.ts).
  const caseScope = await compartmentsWhere(db, actor, 'create', 'CaseNote')
  const shelterScope = await compartmentsWhere(db, actor, 'create', 'ShelterLog')
  const registerScope = await compartmentsWhere(db, actor, 'create', 'Person')
  const held = [...new Set([...peopleScope, ...caseScope])].sort()
  const before = cursor?.k ?? []
  const purge = before.filter((k) => !held.includes(k))
  const gained = held.some((k) => !before.includes(k))
  const from = !cursor || gained ? { p: null, c: null } : cursor

  const people = await peopleChangedAfter(db, peopleScope, from.p, limit)
  let p = from.p
  const last = people.at(-1)
  if (last) p = last.feed_seq ?? p
  const room = limit - people.length
  const viewer = await caseViewer(db, actor, caseScope)
  const cases = room > 0 ? await casesChangedAfter(db, caseScope, viewer, from.c, room) : []
  let c = from.c
  const lastCase = cases.at(-1)
  if (lastCase) c = lastCase.feed_seq ?? c
  const followUps = await openFollowUpsOf(
    db,
    cases.map((k) => k.id),
  )
  const shelters = await listShelters(db, shelterScope)
  const codes = await allCompartmentCodes(db)
  return {
    serverTime: app.now().toISOString(),
    cursor: encodeCursor({ k: held, p, c }),
    more: room <= 0 || cases.length === room,
    purge,
    people: people.map((r) => ({
      id: r.id,
      compartmentId: r.compartment_id,
      code: r.code,
      ageBand: r.age_band,
      situation: r.situation,
      arrivalMonth: r.arrival_month,
      languages: JSON.parse(r.languages) as string[],
      version: r.version,
      merged: r.merged_into_id !== null,
    })),
    cases: cases.map((k) => ({
      id: k.id,
      compartmentId: k.compartment_id,
      code: k.code,
      personCode: k.person_code,
      type: k.type,
      status: k.status,
      priority: k.priority,
      version: k.version,
      followUps: followUps
        .filter((f) => f.case_id === k.id)
        .map((f) => ({ id: f.id, dueOn: f.due_on })),
    })),
    compartments: held.map((id) => ({ id, code: codes.get(id) ?? id })),
    registerIn: registerScope.filter((k) => held.includes(k)),
    shelters: shelters.map((s) => ({ id: s.compartment_id, code: s.code })),
  }
}

export const presentReview = (
  r: FieldChangesTable & { device_name: string },
  matched: ReviewItemView['matched'] = null,
): ReviewItemView => ({
  id: r.id,
  compartmentId: r.compartment_id,
  kind: r.kind,
  outcome: r.outcome as FieldOutcome,
  code: r.code,
  entityId: r.entity_id,
  deviceName: r.device_name,
  recordedAt: r.recorded_at,
  resolvedAt: r.resolved_at,
  resolution: r.resolution,
  matched,
})

/**
 * Whom the unresolved registrations of a review page were held back for, through the people
 * module's door (which authorizes each person and audits each name shown).
 */
export async function matchedOf(
  app: AppContext,
  actor: Actor,
  rows: readonly FieldChangesTable[],
  requestId: string,
): Promise<Map<string, NonNullable<ReviewItemView['matched']>>> {
  const ids = rows
    .filter((r) => r.kind === 'register_person' && r.outcome === 'conflict' && !r.resolved_at)
    .flatMap((r) => (r.entity_id ? [r.entity_id] : []))
  if (ids.length === 0) return new Map()
  return matchedPeople(app, actor, ids, requestId, 'field_review')
}

/**
 * A coordinator's decision on a flagged or conflicting change: a conflict applied is recorded
 * now, as the coordinator, against the current record; dismissed, its sealed body is dropped.
 */
export async function resolve(
  app: AppContext,
  actor: Actor,
  change: FieldChangesTable,
  resolution: 'apply' | 'dismiss',
  by: Actorish,
): Promise<void> {
  await app.database.db.transaction().execute(async (trx) => {
    let entityId: string | undefined
    if (resolution === 'apply' && change.outcome === 'conflict' && change.body) {
      const body = await app.crypto.fields.open(
        trx,
        sealedAt('field_changes', 'body', change.id, change.compartment_id),
        change.body,
      )
      const m = fieldMutationSchema.parse(JSON.parse(body))
      const result = await applyGuarded(app, trx, actor, m, by, true)
      if (result.outcome === 'refused') throw errors.fieldChangeRefused(result.code ?? '')
      entityId = result.entityId ?? undefined
    }
    const done = await resolveChange(trx, change.id, {
      at: app.now().toISOString(),
      by: by.actorId,
      how: resolution === 'apply' && change.outcome === 'conflict' ? 'applied' : 'dismissed',
      ...(entityId ? { entityId } : {}),
    })
    if (!done) throw errors.versionConflict({})
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'field.change_resolved',
      entityType: 'FieldChange',
      entityId: change.id,
      compartmentId: change.compartment_id,
      requestId: by.requestId,
      details: { resolution, kind: change.kind },
    })
  })
}
