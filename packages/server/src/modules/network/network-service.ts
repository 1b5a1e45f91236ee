import { isLocale, type Locale } from '@haven/core/i18n/locales'
import { moneyFromDecimal } from '@haven/core/money/money'
import { MoneyError } from '@haven/core/money/money-error'
import type {
  CreateContact,
  CreateEvent,
  CreateOrganisation,
  CreatePublication,
  EditContact,
  EditEvent,
  EditOrganisation,
  EditPublication,
  EventCost,
  RelationshipChange,
} from '@haven/core/network/network-schemas'
import { type AppContext, today } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import { assertWritable } from '../../compartments/compartment-access.js'
import { sealedAt } from '../../crypto/field-crypto.js'
import type { Db } from '../../db/db-handle.js'
import { newId } from '../../db/ids.js'
import { errors } from '../../http/errors.js'
import { recordMoney } from '../../money-events.js'
import { republishSiteEvent } from '../cms/index.js'
import { placeOf } from './network-publish.js'
import {
  findContact,
  findEvent,
  findOrganisation,
  findOrganisations,
  findPublication,
  insertContact,
  insertEvent,
  insertEventCost,
  insertOrganisation,
  insertPublication,
  insertStatusChange,
  organisersOf,
  replaceOrganisers,
  statusHistory,
  updateContact,
  updateEvent,
  updateOrganisation,
  updateOrganisationStatus,
  updatePublication,
} from './network-store.js'
import type {
  NetworkContactsTable,
  NetworkEventsTable,
  NetworkOrganisationsTable,
  NetworkPublicationsTable,
} from './network-tables.js'

/** Where a contact's sealed field is sealed (the address the key rotation and backups expect). */
export const contactFieldAddress = (
  contact: Pick<NetworkContactsTable, 'id' | 'compartment_id'>,
  column: string,
) => sealedAt('network_contacts', column, contact.id, contact.compartment_id)

const futureDate = (path: string) =>
  errors.validationFailed([{ path, key: 'field.date_in_future', params: {} }])

/** A new partner with the first entry of its relationship history, together or not at all. */
export async function createOrganisation(
  app: AppContext,
  input: CreateOrganisation,
  by: Actorish,
): Promise<NetworkOrganisationsTable> {
  return app.database.db.transaction().execute((trx) => createOrganisationIn(app, trx, input, by))
}

/** `createOrganisation` in the caller's transaction (a spreadsheet import writes all or none). */
export async function createOrganisationIn(
  app: AppContext,
  trx: Db,
  input: CreateOrganisation,
  by: Actorish,
): Promise<NetworkOrganisationsTable> {
  const since = input.since ?? today(app)
  if (since > today(app)) throw futureDate('since')
  const now = app.now().toISOString()
  const row: NetworkOrganisationsTable = {
    id: newId(),
    name: input.name,
    type: input.type,
    country: input.country,
    region: input.region || null,
    website: input.website ?? null,
    status: input.status,
    status_since: since,
    created_at: now,
    updated_at: now,
    version: 1,
    created_by: by.actorId,
  }
  await insertOrganisation(trx, row)
  await insertStatusChange(trx, {
    id: newId(),
    organisation_id: row.id,
    status: row.status,
    on_date: since,
    reason: null,
    created_at: now,
    created_by: by.actorId,
  })
  await audit(app, trx, {
    actorId: by.actorId,
    action: 'network.organisation_created',
    entityType: 'Partner',
    entityId: row.id,
    compartmentId: null,
    requestId: by.requestId,
    details: { type: row.type, country: row.country, status: row.status },
  })
  return row
}

/**
 * Records a change in the relationship (cooperation ended when a partner's leadership changed).
 * A change may be back-dated, but never before the relationship's first entry nor into the
 * future; the partner's current status is the latest change's.
 */
export async function changeRelationship(
  app: AppContext,
  organisationId: string,
  input: RelationshipChange,
  by: Actorish,
): Promise<void> {
  if (input.on > today(app)) throw futureDate('on')
  await app.database.db.transaction().execute(async (trx) => {
    const organisation = await findOrganisation(trx, organisationId)
    if (!organisation) throw errors.notFound()
    const history = await statusHistory(trx, organisationId)
    const first = history[0]
    if (first && input.on < first.on_date)
      throw errors.validationFailed([
        { path: 'on', key: 'field.before_first_status', params: { date: first.on_date } },
      ])
    const now = app.now().toISOString()
    await insertStatusChange(trx, {
      id: newId(),
      organisation_id: organisationId,
      status: input.status,
      on_date: input.on,
      reason: input.reason || null,
      created_at: now,
      created_by: by.actorId,
    })
    // The latest change by day wins; a back-dated entry leaves a later current status as it is.
    if (input.on >= organisation.status_since)
      await updateOrganisationStatus(trx, organisationId, input.status, input.on, now)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'network.relationship_changed',
      entityType: 'Partner',
      entityId: organisationId,
      compartmentId: null,
      requestId: by.requestId,
      details: { from: organisation.status, to: input.status, on: input.on },
    })
  })
}

/** A contact at a partner, every field sealed with the key of the compartment named. */
export async function addContact(
  app: AppContext,
  organisationId: string,
  input: CreateContact,
  by: Actorish,
): Promise<NetworkContactsTable> {
  return app.database.db.transaction().execute(async (trx) => {
    if (!(await findOrganisation(trx, organisationId))) throw errors.notFound()
    await assertWritable(trx, input.compartmentId)
    const id = newId()
    const at = { id, compartment_id: input.compartmentId }
    const seal = async (column: string, value: string | undefined) =>
      value ? app.crypto.fields.seal(trx, contactFieldAddress(at, column), value) : null
    const row: NetworkContactsTable = {
      id,
      organisation_id: organisationId,
      compartment_id: input.compartmentId,
      name: await app.crypto.fields.seal(trx, contactFieldAddress(at, 'name'), input.name),
      position: await seal('position', input.position),
      email: await seal('email', input.email),
      phone: await seal('phone', input.phone),
      note: await seal('note', input.note),
      version: 1,
      created_at: app.now().toISOString(),
      created_by: by.actorId,
    }
    await insertContact(trx, row)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'network.contact_added',
      entityType: 'PartnerContact',
      entityId: id,
      compartmentId: input.compartmentId,
      requestId: by.requestId,
      details: { organisationId },
    })
    return row
  })
}

/** Refuses ids that name no partner (each is reported on its own field). */
async function assertOrganisations(db: Db, ids: readonly string[], path: string): Promise<void> {
  const known = new Set((await findOrganisations(db, ids)).map((o) => o.id))
  const issues = ids.flatMap((id, i) =>
    known.has(id)
      ? []
      : [{ path: `${path}.${i}`, key: 'field.unknown_partner' as const, params: {} }],
  )
  if (issues.length > 0) throw errors.validationFailed(issues)
}

export async function createEvent(
  app: AppContext,
  input: CreateEvent,
  by: Actorish,
): Promise<NetworkEventsTable> {
  const organiserIds = [...new Set(input.organiserIds)]
  return app.database.db.transaction().execute(async (trx) => {
    await assertOrganisations(trx, organiserIds, 'organiserIds')
    const row: NetworkEventsTable = {
      id: newId(),
      kind: input.kind,
      title: input.title,
      role: input.role,
      starts_on: input.startsOn,
      ends_on: input.endsOn ?? null,
      city: input.city || null,
      country: input.country,
      audience: input.audience ?? null,
      outcomes: input.outcomes || null,
      site_slug: null,
      site_locales: null,
      version: 1,
      created_at: app.now().toISOString(),
      created_by: by.actorId,
    }
    await insertEvent(trx, row, organiserIds)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'network.event_recorded',
      entityType: 'Partner',
      entityId: row.id,
      compartmentId: null,
      requestId: by.requestId,
      details: { kind: row.kind, role: row.role, organisers: organiserIds.length },
    })
    return row
  })
}

export async function createPublication(
  app: AppContext,
  input: CreatePublication,
  by: Actorish,
): Promise<NetworkPublicationsTable> {
  if (input.publishedOn && input.publishedOn > today(app)) throw futureDate('publishedOn')
  return app.database.db.transaction().execute(async (trx) => {
    if (input.eventId && !(await findEvent(trx, input.eventId)))
      throw errors.validationFailed([{ path: 'eventId', key: 'field.unknown_event', params: {} }])
    const row: NetworkPublicationsTable = {
      id: newId(),
      kind: input.kind,
      title: input.title,
      language: input.language,
      translated_from: input.translatedFrom ?? null,
      isbn: input.isbn ?? null,
      url: input.url ?? null,
      published_on: input.publishedOn ?? null,
      event_id: input.eventId ?? null,
      version: 1,
      created_at: app.now().toISOString(),
      created_by: by.actorId,
    }
    await insertPublication(trx, row)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'network.publication_recorded',
      entityType: 'Partner',
      entityId: row.id,
      compartmentId: null,
      requestId: by.requestId,
      details: { kind: row.kind, language: row.language },
    })
    return row
  })
}

/** Whether an event with this id was recorded (for other modules that point at one). */
export async function eventExists(db: Db, id: string): Promise<boolean> {
  return (await findEvent(db, id)) !== undefined
}

/**
 * A cost of an event (travel, a venue): recorded here and told to the books (money events) in
 * the same transaction, so a cost finance refuses (a closed month) is not recorded either.
 */
export async function addEventCost(
  app: AppContext,
  event: NetworkEventsTable,
  input: EventCost,
  by: Actorish,
): Promise<void> {
  if (input.paidOn > today(app)) throw futureDate('paidOn')
  let amount: ReturnType<typeof moneyFromDecimal>
  try {
    amount = moneyFromDecimal(input.currency, input.amount)
  } catch (error) {
    if (error instanceof MoneyError)
      throw errors.validationFailed([{ path: 'amount', key: 'field.amount_format', params: {} }])
    throw error
  }
  if (amount.minor <= 0)
    throw errors.validationFailed([{ path: 'amount', key: 'field.quantity_positive', params: {} }])
  await app.database.db.transaction().execute(async (trx) => {
    const id = newId()
    await insertEventCost(trx, {
      id,
      event_id: event.id,
      paid_on: input.paidOn,
      amount_minor: amount.minor,
      currency: amount.currency,
      what: input.what,
      created_at: app.now().toISOString(),
      created_by: by.actorId,
    })
    await recordMoney(
      app,
      trx,
      {
        source: { module: 'network', kind: 'event_cost', id },
        on: input.paidOn,
        direction: 'out',
        amount,
        programme: 'advocacy',
        category: 'event_cost',
        memo: `${event.kind}: ${input.what}`.slice(0, 200),
      },
      by,
    )
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'network.event_cost_recorded',
      entityType: 'Partner',
      entityId: event.id,
      compartmentId: null,
      requestId: by.requestId,
      details: { costId: id, amountMinor: amount.minor, currency: amount.currency },
    })
  })
}

/** The names of the fields whose value an edit changes (audited instead of the values). */
function changedFields<T extends object>(current: T, set: Partial<T>): string[] {
  return (Object.keys(set) as (keyof T & string)[]).filter((k) => set[k] !== current[k])
}

/** What an event's site pages take from its record: when one changes, they are republished. */
const SITE_FACTS: readonly string[] = ['starts_on', 'ends_on', 'city', 'country']
/** The languages an event was published in. */
const siteLocales = (row: Pick<NetworkEventsTable, 'site_locales'>): Locale[] =>
  (row.site_locales ?? '').split(',').filter((l): l is Locale => isLocale(l))

const conflict = (current: { version: number } | undefined) =>
  current ? errors.versionConflict({ version: current.version }) : errors.notFound()

/**
 * Edits a partner's name, type, country, region and website if it is still at the version the
 * editor read (409 `version_conflict` otherwise). Audited with the names of the fields changed.
 */
export async function editOrganisation(
  app: AppContext,
  organisationId: string,
  input: EditOrganisation,
  by: Actorish,
): Promise<NetworkOrganisationsTable> {
  return app.database.db.transaction().execute(async (trx) => {
    const current = await findOrganisation(trx, organisationId)
    if (!current || current.version !== input.version) throw conflict(current)
    const set = {
      name: input.name,
      type: input.type,
      country: input.country,
      region: input.region || null,
      website: input.website ?? null,
    }
    const fields = changedFields(current, set)
    const now = app.now().toISOString()
    if (
      !(await updateOrganisation(trx, organisationId, input.version, { ...set, updated_at: now }))
    )
      throw conflict(await findOrganisation(trx, organisationId))
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'network.organisation_edited',
      entityType: 'Partner',
      entityId: organisationId,
      compartmentId: null,
      requestId: by.requestId,
      details: { fields, version: input.version + 1 },
    })
    return { ...current, ...set, updated_at: now, version: input.version + 1 }
  })
}

/**
 * Edits a contact's sealed fields at the version read, sealing them again with its compartment's
 * key. Audited with the names of the fields given, never their values.
 */
export async function editContact(
  app: AppContext,
  organisationId: string,
  contactId: string,
  input: EditContact,
  by: Actorish,
): Promise<NetworkContactsTable> {
  return app.database.db.transaction().execute(async (trx) => {
    const current = await findContact(trx, organisationId, contactId)
    if (!current || current.version !== input.version) throw conflict(current)
    await assertWritable(trx, current.compartment_id)
    const seal = async (column: string, value: string | undefined) =>
      value ? app.crypto.fields.seal(trx, contactFieldAddress(current, column), value) : null
    const set = {
      name: await app.crypto.fields.seal(trx, contactFieldAddress(current, 'name'), input.name),
      position: await seal('position', input.position),
      email: await seal('email', input.email),
      phone: await seal('phone', input.phone),
      note: await seal('note', input.note),
    }
    if (!(await updateContact(trx, contactId, input.version, set)))
      throw conflict(await findContact(trx, organisationId, contactId))
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'network.contact_edited',
      entityType: 'PartnerContact',
      entityId: contactId,
      compartmentId: current.compartment_id,
      requestId: by.requestId,
      details: {
        organisationId,
        // Sealed values differ each time they are sealed: say which fields are filled in.
        filled: Object.entries(set).flatMap(([k, v]) => (v === null ? [] : [k])),
        version: input.version + 1,
      },
    })
    return { ...current, ...set, version: input.version + 1 }
  })
}

/**
 * Edits an event at the version read, its organisers replaced by those given. A published
 * event's page on the website keeps the text the editor wrote; dates and place shown there were
 * copied when it was published.
 */
export async function editEvent(
  app: AppContext,
  eventId: string,
  input: EditEvent,
  by: Actorish,
): Promise<NetworkEventsTable> {
  const organiserIds = [...new Set(input.organiserIds)]
  return app.database.db.transaction().execute(async (trx) => {
    const current = await findEvent(trx, eventId)
    if (!current || current.version !== input.version) throw conflict(current)
    await assertOrganisations(trx, organiserIds, 'organiserIds')
    const set = {
      kind: input.kind,
      title: input.title,
      role: input.role,
      starts_on: input.startsOn,
      ends_on: input.endsOn ?? null,
      city: input.city || null,
      country: input.country,
      audience: input.audience ?? null,
      outcomes: input.outcomes || null,
    }
    const fields = changedFields(current, set)
    const before = (await organisersOf(trx, eventId)).map((o) => o.id).sort()
    if (before.join() !== [...organiserIds].sort().join()) fields.push('organisers')
    if (!(await updateEvent(trx, eventId, input.version, set)))
      throw conflict(await findEvent(trx, eventId))
    await replaceOrganisers(trx, eventId, organiserIds)
    const edited = { ...current, ...set, version: input.version + 1 }
    // A published event's site pages follow its record, in the same transaction.
    const site =
      current.site_slug && fields.some((f) => SITE_FACTS.includes(f))
        ? await republishSiteEvent(
            app,
            trx,
            {
              slug: current.site_slug,
              startsOn: edited.starts_on,
              endsOn: edited.ends_on,
              places: Object.fromEntries(siteLocales(current).map((l) => [l, placeOf(edited, l)])),
            },
            by,
          )
        : null
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'network.event_edited',
      entityType: 'Partner',
      entityId: eventId,
      compartmentId: null,
      requestId: by.requestId,
      details: {
        fields,
        version: input.version + 1,
        ...(site ? { republished: site.republished } : {}),
      },
    })
    return edited
  })
}

/** Edits a publication at the version read (409 `version_conflict` otherwise). Audited. */
export async function editPublication(
  app: AppContext,
  publicationId: string,
  input: EditPublication,
  by: Actorish,
): Promise<NetworkPublicationsTable> {
  if (input.publishedOn && input.publishedOn > today(app)) throw futureDate('publishedOn')
  return app.database.db.transaction().execute(async (trx) => {
    const current = await findPublication(trx, publicationId)
    if (!current || current.version !== input.version) throw conflict(current)
    if (input.eventId && !(await findEvent(trx, input.eventId)))
      throw errors.validationFailed([{ path: 'eventId', key: 'field.unknown_event', params: {} }])
    const set = {
      kind: input.kind,
      title: input.title,
      language: input.language,
      translated_from: input.translatedFrom ?? null,
      isbn: input.isbn ?? null,
      url: input.url ?? null,
      published_on: input.publishedOn ?? null,
      event_id: input.eventId ?? null,
    }
    const fields = changedFields(current, set)
    if (!(await updatePublication(trx, publicationId, input.version, set)))
      throw conflict(await findPublication(trx, publicationId))
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'network.publication_edited',
      entityType: 'Partner',
      entityId: publicationId,
      compartmentId: null,
      requestId: by.requestId,
      details: { fields, version: input.version + 1 },
    })
    return { ...current, ...set, version: input.version + 1 }
  })
}
