import type { AppContext } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import { updateCompartment } from '../../compartments/compartment-store.js'
import { findShredded } from '../../crypto/key-store.js'
import { errors } from '../../http/errors.js'
import { notifyUsers } from '../../notifications/notification-store.js'
import {
  coordinatorsOf,
  endSessionsOf,
  findShelter,
  touchShelter,
  updateShelterIfVersion,
  usersOnlyIn,
} from './shelter-store.js'
import type { SheltersTable } from './shelters-tables.js'

export interface CompromiseOutcome {
  shelter: SheltersTable
  sessionsEnded: number
  usersSignedOut: number
  coordinatorsNotified: number
}

async function lockShelter(app: AppContext, trx: Parameters<typeof findShelter>[0], id: string) {
  await touchShelter(trx, id, app.now().toISOString())
  const shelter = await findShelter(trx, id)
  if (!shelter) throw errors.notFound()
  return shelter
}

/**
 * The night a shelter is raided, in one transaction with its audit entry: the shelter and its
 * compartment become compromised, which freezes every record in it (people, cases, incidents,
 * attachments and the shelter itself answer `record_frozen` to any change); field workers whose
 * only grants are there are signed out everywhere; every coordinator who covers it is notified in
 * the app. Shredding the compartment's keys stays a separate, administrator's decision.
 */
export async function compromiseShelter(
  app: AppContext,
  id: string,
  by: Actorish,
): Promise<CompromiseOutcome> {
  return app.database.db.transaction().execute(async (trx) => {
    const shelter = await lockShelter(app, trx, id)
    if (shelter.status === 'compromised') throw errors.shelterCompromised()
    const now = app.now().toISOString()
    await updateShelterIfVersion(trx, id, shelter.version, {
      status: 'compromised',
      status_before_compromise: shelter.status,
      compromised_at: now,
      updated_at: now,
    })
    await updateCompartment(trx, id, { status: 'compromised', updated_at: now })
    const signedOut = await usersOnlyIn(trx, id)
    const sessionsEnded = await endSessionsOf(trx, signedOut)
    const coordinatorsNotified = await notifyUsers(trx, await coordinatorsOf(trx, id), {
      kind: 'shelter_compromised',
      subjectId: id,
      subjectCode: shelter.code,
      at: now,
    })
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'shelter.compromised',
      entityType: 'Shelter',
      entityId: id,
      compartmentId: id,
      requestId: by.requestId,
      details: {
        code: shelter.code,
        previousStatus: shelter.status,
        usersSignedOut: signedOut.length,
        sessionsEnded,
        coordinatorsNotified,
      },
    })
    return {
      shelter: (await findShelter(trx, id)) as SheltersTable,
      sessionsEnded,
      usersSignedOut: signedOut.length,
      coordinatorsNotified,
    }
  })
}

/**
 * Undoes a compromise (a false alarm): the shelter returns to the status it had and its records
 * can be changed again. Sessions that were ended stay ended. Impossible once the keys were
 * shredded: the sealed fields are gone for good, and so is the way back.
 */
export async function restoreShelter(
  app: AppContext,
  id: string,
  by: Actorish,
): Promise<SheltersTable> {
  return app.database.db.transaction().execute(async (trx) => {
    const shelter = await lockShelter(app, trx, id)
    if (shelter.status !== 'compromised') throw errors.shelterNotCompromised()
    if (await findShredded(trx, id)) throw errors.keysDestroyed()
    const now = app.now().toISOString()
    const status = shelter.status_before_compromise ?? 'active'
    await updateShelterIfVersion(trx, id, shelter.version, {
      status,
      status_before_compromise: null,
      compromised_at: null,
      updated_at: now,
    })
    await updateCompartment(trx, id, { status: 'active', updated_at: now })
    const coordinatorsNotified = await notifyUsers(trx, await coordinatorsOf(trx, id), {
      kind: 'shelter_restored',
      subjectId: id,
      subjectCode: shelter.code,
      at: now,
    })
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'shelter.restored',
      entityType: 'Shelter',
      entityId: id,
      compartmentId: id,
      requestId: by.requestId,
      details: { code: shelter.code, status, coordinatorsNotified },
    })
    return (await findShelter(trx, id)) as SheltersTable
  })
}
