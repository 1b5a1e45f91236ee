import { type Finding, reviewFindings } from '@haven/core/sponsorship/sponsor-update-review'
import type { CreateSponsorUpdate } from '@haven/core/sponsorship/sponsorship-schemas'
import type { AppContext } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import { assertWritable } from '../../compartments/compartment-access.js'
import { findCompartment } from '../../compartments/compartment-store.js'
import { sealedAt } from '../../crypto/field-crypto.js'
import type { Db } from '../../db/db-handle.js'
import { newId } from '../../db/ids.js'
import { errors } from '../../http/errors.js'
import { cleanAttachment, nameSpansIn, personCodes } from '../people/index.js'
import { enrolmentAddress } from './enrolment-service.js'
import { findUpdate, insertUpdate, updateUpdateIfStatus } from './sponsor-update-store.js'
import { findEnrolment } from './sponsorship-store.js'
import type { SponsorshipEnrolmentsTable, SponsorUpdatesTable } from './sponsorship-tables.js'

type Row = { id: string; compartment_id: string }
export const updateTextAddress = (row: Row) =>
  sealedAt('sponsor_updates', 'text', row.id, row.compartment_id)
export const updatePhotoAddress = (row: Row) =>
  sealedAt('sponsor_updates', 'photo', row.id, row.compartment_id)

/** A new update about a child, for their sponsors: sealed until approved, a draft until reviewed. */
export async function createUpdate(
  app: AppContext,
  enrolment: SponsorshipEnrolmentsTable,
  input: CreateSponsorUpdate,
  by: Actorish,
): Promise<SponsorUpdatesTable> {
  return app.database.db.transaction().execute(async (trx) => {
    await assertWritable(trx, enrolment.compartment_id)
    const id = newId()
    const row: SponsorUpdatesTable = {
      id,
      enrolment_id: enrolment.id,
      compartment_id: enrolment.compartment_id,
      language: input.language,
      age_band: input.ageBand,
      text: await app.crypto.fields.seal(
        trx,
        updateTextAddress({ id, compartment_id: enrolment.compartment_id }),
        input.text,
      ),
      photo: null,
      photo_type: null,
      photo_confirmed: 0,
      status: 'draft',
      author_id: by.actorId,
      reviewer_id: null,
      approver_id: null,
      created_at: app.now().toISOString(),
      reviewed_at: null,
      approved_at: null,
    }
    await insertUpdate(trx, row)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'sponsorship.update_written',
      entityType: 'SponsorUpdate',
      entityId: id,
      compartmentId: enrolment.compartment_id,
      requestId: by.requestId,
      details: { enrolmentId: enrolment.id, language: input.language },
    })
    return row
  })
}

/**
 * Attaches a photo: re-encoded through the people module's cleaning (which drops EXIF, GPS and
 * every other metadata), sealed, and not confirmed — a reviewer must look at it. A changed photo
 * sends the update back to draft.
 */
export async function setUpdatePhoto(
  app: AppContext,
  update: SponsorUpdatesTable,
  bytes: Uint8Array,
  by: Actorish,
): Promise<void> {
  if (update.status === 'approved') throw errors.updateState({ status: update.status })
  const clean = await cleanAttachment(bytes, { photoOnly: true })
  await app.database.db.transaction().execute(async (trx) => {
    await assertWritable(trx, update.compartment_id)
    const photo = await app.crypto.fields.seal(
      trx,
      updatePhotoAddress(update),
      Buffer.from(clean.bytes).toString('base64'),
    )
    const changed = await updateUpdateIfStatus(trx, update.id, update.status, {
      photo,
      photo_type: clean.contentType,
      photo_confirmed: 0,
      status: 'draft',
      reviewer_id: null,
      reviewed_at: null,
    })
    if (!changed) throw errors.versionConflict()
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'sponsorship.update_photo_set',
      entityType: 'SponsorUpdate',
      entityId: update.id,
      compartmentId: update.compartment_id,
      requestId: by.requestId,
      details: { bytes: clean.bytes.byteLength, type: clean.contentType },
    })
  })
}

/**
 * What the review finds in an update's text, against what the child's record knows: including
 * the child's registered names in any script (checked by the people module, audited there).
 */
export async function findingsOf(
  app: AppContext,
  db: Db,
  update: SponsorUpdatesTable,
  by: Actorish,
): Promise<Finding[]> {
  const enrolment = await findEnrolment(db, update.enrolment_id)
  if (!enrolment) return []
  const open = async (address: ReturnType<typeof sealedAt>, sealed: string | null) => {
    if (sealed === null) return null
    const opened = await app.crypto.fields.openOrDestroyed(db, address, sealed)
    return opened.destroyed ? null : opened.value
  }
  const text = (await open(updateTextAddress(update), update.text)) ?? ''
  const personCode = (await personCodes(db, [enrolment.person_id])).get(enrolment.person_id)
  const compartmentCode = (await findCompartment(db, enrolment.compartment_id))?.code
  return reviewFindings(text, {
    schoolName: await open(enrolmentAddress(enrolment, 'school_name'), enrolment.school_name),
    guardian: await open(enrolmentAddress(enrolment, 'guardian'), enrolment.guardian),
    codes: [personCode, compartmentCode].filter((c): c is string => Boolean(c)),
    nameSpans: text ? await nameSpansIn(app, db, enrolment.person_id, text, by) : [],
  })
}

/**
 * A reviewer's pass: refused (422, with where) while the text holds anything that may identify
 * the child, or while a photo has not been looked at and confirmed.
 */
export async function reviewUpdate(
  app: AppContext,
  update: SponsorUpdatesTable,
  photoConfirmed: boolean,
  by: Actorish,
): Promise<void> {
  if (update.status !== 'draft') throw errors.updateState({ status: update.status })
  await app.database.db.transaction().execute(async (trx) => {
    const findings = await findingsOf(app, trx, update, by)
    if (findings.length > 0) throw errors.updateIdentifying(findings)
    if (update.photo !== null && !photoConfirmed) throw errors.photoNotConfirmed()
    const changed = await updateUpdateIfStatus(trx, update.id, 'draft', {
      status: 'reviewed',
      photo_confirmed: update.photo !== null ? 1 : 0,
      reviewer_id: by.actorId,
      reviewed_at: app.now().toISOString(),
    })
    if (!changed) throw errors.versionConflict()
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'sponsorship.update_reviewed',
      entityType: 'SponsorUpdate',
      entityId: update.id,
      compartmentId: update.compartment_id,
      requestId: by.requestId,
      details: { photo: update.photo !== null },
    })
  })
}

/** The second person's approval: not the author, not the reviewer. */
export async function approveUpdate(
  app: AppContext,
  update: SponsorUpdatesTable,
  by: Actorish,
): Promise<void> {
  if (update.status !== 'reviewed') throw errors.updateState({ status: update.status })
  if (by.actorId === null || by.actorId === update.author_id || by.actorId === update.reviewer_id)
    throw errors.secondPersonRequired()
  await app.database.db.transaction().execute(async (trx) => {
    const changed = await updateUpdateIfStatus(trx, update.id, 'reviewed', {
      status: 'approved',
      approver_id: by.actorId,
      approved_at: app.now().toISOString(),
    })
    if (!changed) throw errors.versionConflict()
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'sponsorship.update_approved',
      entityType: 'SponsorUpdate',
      entityId: update.id,
      compartmentId: update.compartment_id,
      requestId: by.requestId,
      details: { enrolmentId: update.enrolment_id },
    })
  })
}

export { findUpdate }
