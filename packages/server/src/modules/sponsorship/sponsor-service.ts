import type {
  Allocation,
  CreateSponsor,
  Pledge,
  SponsorPayment,
} from '@haven/core/sponsorship/sponsorship-schemas'
import { type AppContext, today } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import { assertWritable } from '../../compartments/compartment-access.js'
import { type Opened, sealedAt } from '../../crypto/field-crypto.js'
import { isUniqueViolation } from '../../db/constraint-errors.js'
import type { Db } from '../../db/db-handle.js'
import { newId } from '../../db/ids.js'
import { errors } from '../../http/errors.js'
import { recordMoney } from '../../money-events.js'
import {
  countSponsors,
  insertAllocation,
  insertPledge,
  insertSponsor,
  insertSponsorPayment,
  sponsorOfPayment,
} from './sponsorship-store.js'
import type {
  SponsorAllocationsTable,
  SponsorPaymentsTable,
  SponsorPledgesTable,
  SponsorshipEnrolmentsTable,
  SponsorsTable,
} from './sponsorship-tables.js'

export const sponsorContactAddress = (row: { id: string; compartment_id: string }) =>
  sealedAt('sponsors', 'contact', row.id, row.compartment_id)

/**
 * The sponsor who made a payment, with their contact opened in memory: for finance to seal it on
 * the payment's receipt in the sponsor's compartment (it never leaves the server here; the
 * receipt's printing is what is audited). Null when the payment is not a sponsor's.
 */
export async function donorOfSponsorPayment(
  app: AppContext,
  db: Db,
  paymentId: string,
): Promise<{ code: string; compartmentId: string; contact: Opened } | null> {
  const sponsor = await sponsorOfPayment(db, paymentId)
  if (!sponsor) return null
  return {
    code: sponsor.code,
    compartmentId: sponsor.compartment_id,
    contact: await app.crypto.fields.openOrDestroyed(
      db,
      sponsorContactAddress(sponsor),
      sponsor.contact,
    ),
  }
}

const sponsorCode = (n: number) => `SP-${String(n).padStart(4, '0')}`

/** A sponsor with their contact sealed in the compartment that keeps them; known by code. */
export async function createSponsor(
  app: AppContext,
  input: CreateSponsor,
  by: Actorish,
): Promise<SponsorsTable> {
  return app.database.db.transaction().execute((trx) => createSponsorIn(app, trx, input, by))
}

/** `createSponsor` in the caller's transaction (a spreadsheet import writes all or none). */
export async function createSponsorIn(
  app: AppContext,
  trx: Db,
  input: CreateSponsor,
  by: Actorish,
): Promise<SponsorsTable> {
  await assertWritable(trx, input.compartmentId)
  const id = newId()
  const row: SponsorsTable = {
    id,
    compartment_id: input.compartmentId,
    code: sponsorCode((await countSponsors(trx)) + 1),
    kind: input.kind,
    language: input.language,
    contact: await app.crypto.fields.seal(
      trx,
      sponsorContactAddress({ id, compartment_id: input.compartmentId }),
      input.contact,
    ),
    created_at: app.now().toISOString(),
    created_by: by.actorId,
  }
  try {
    await insertSponsor(trx, row)
  } catch (error) {
    // Two sponsors added at the same moment took the same number: the second tries again.
    if (isUniqueViolation(error)) throw errors.versionConflict({ retry: true })
    throw error
  }
  await audit(app, trx, {
    actorId: by.actorId,
    action: 'sponsorship.sponsor_created',
    entityType: 'Sponsor',
    entityId: id,
    compartmentId: row.compartment_id,
    requestId: by.requestId,
    details: { code: row.code, kind: row.kind, language: row.language },
  })
  return row
}

export async function addPledge(
  app: AppContext,
  sponsor: SponsorsTable,
  input: Pledge,
  by: Actorish,
): Promise<SponsorPledgesTable> {
  return app.database.db.transaction().execute(async (trx) => {
    await assertWritable(trx, sponsor.compartment_id)
    const row: SponsorPledgesTable = {
      id: newId(),
      sponsor_id: sponsor.id,
      amount_minor: input.amountMinor,
      currency: input.currency,
      frequency: input.frequency,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      created_at: app.now().toISOString(),
      created_by: by.actorId,
    }
    await insertPledge(trx, row)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'sponsorship.pledge_recorded',
      entityType: 'Sponsor',
      entityId: sponsor.id,
      compartmentId: sponsor.compartment_id,
      requestId: by.requestId,
      details: { pledgeId: row.id, amountMinor: row.amount_minor, currency: row.currency },
    })
    return row
  })
}

/** A payment received from a sponsor, told to the modules that keep books by the sponsor's code. */
export async function addSponsorPayment(
  app: AppContext,
  sponsor: SponsorsTable,
  input: SponsorPayment,
  by: Actorish,
): Promise<SponsorPaymentsTable> {
  if (input.receivedOn > today(app))
    throw errors.validationFailed([{ path: 'receivedOn', key: 'field.date_in_future', params: {} }])
  return app.database.db.transaction().execute(async (trx) => {
    await assertWritable(trx, sponsor.compartment_id)
    const row: SponsorPaymentsTable = {
      id: newId(),
      sponsor_id: sponsor.id,
      compartment_id: sponsor.compartment_id,
      amount_minor: input.amountMinor,
      currency: input.currency,
      received_on: input.receivedOn,
      created_at: app.now().toISOString(),
      created_by: by.actorId,
    }
    await insertSponsorPayment(trx, row)
    await recordMoney(
      app,
      trx,
      {
        source: { module: 'sponsorship', kind: 'sponsor_payment', id: row.id },
        on: row.received_on,
        direction: 'in',
        amount: { currency: input.currency, minor: input.amountMinor },
        programme: 'education',
        category: 'sponsor_payment',
        counterparty: { kind: 'sponsor', code: sponsor.code },
        compartmentId: sponsor.compartment_id,
        memo: 'Sponsor payment for the education plan',
      },
      by,
    )
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'sponsorship.sponsor_payment_recorded',
      entityType: 'Sponsor',
      entityId: sponsor.id,
      compartmentId: sponsor.compartment_id,
      requestId: by.requestId,
      details: { paymentId: row.id, amountMinor: row.amount_minor, currency: row.currency },
    })
    return row
  })
}

/**
 * Allocates a sponsor to a child's enrolment (already authorized by the route in the child's
 * compartment) or to the plan as a whole.
 */
export async function allocate(
  app: AppContext,
  sponsor: SponsorsTable,
  enrolment: SponsorshipEnrolmentsTable | null,
  input: Allocation,
  by: Actorish,
): Promise<SponsorAllocationsTable> {
  if (enrolment && (enrolment.status === 'left' || enrolment.status === 'graduated'))
    throw errors.enrolmentTransition({ from: enrolment.status, to: 'allocated' })
  return app.database.db.transaction().execute(async (trx) => {
    await assertWritable(trx, sponsor.compartment_id)
    const row: SponsorAllocationsTable = {
      id: newId(),
      sponsor_id: sponsor.id,
      enrolment_id: enrolment?.id ?? null,
      from_date: input.fromDate,
      to_date: null,
      created_at: app.now().toISOString(),
      created_by: by.actorId,
    }
    await insertAllocation(trx, row)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'sponsorship.sponsor_allocated',
      entityType: 'Sponsor',
      entityId: sponsor.id,
      compartmentId: sponsor.compartment_id,
      requestId: by.requestId,
      details: { allocationId: row.id, enrolmentId: row.enrolment_id },
    })
    return row
  })
}
