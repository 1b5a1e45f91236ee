import { type Continent, continentOf } from '@haven/core/network/countries'
import type {
  EventKind,
  EventRole,
  OrganisationType,
  PublicationKind,
  RelationshipStatus,
} from '@haven/core/network/network-schemas'
import type {
  ContactView,
  EventSummaryView,
  EventView,
  OrganisationSummaryView,
  OrganisationView,
  PublicationView,
} from '@haven/core/network/network-views'
import type { AppContext } from '../../app-context.js'
import type { Actor } from '../../auth/actor.js'
import { audit } from '../../auth/auth-audit.js'
import { can } from '../../auth/policy.js'
import { compartmentsWhere } from '../../compartments/compartment-access.js'
import { presentSealed } from '../../crypto/sealed-view.js'
import { contactFieldAddress } from './network-service.js'
import {
  contactsOf,
  costsOfEvent,
  eventsOrganisedBy,
  organisersOf,
  publicationsOfEvent,
  statusHistory,
} from './network-store.js'
import type {
  NetworkContactsTable,
  NetworkEventsTable,
  NetworkOrganisationsTable,
  NetworkPublicationsTable,
} from './network-tables.js'

// Countries are checked on the way in, so a row's continent is always known; 'asia' only keeps
// the type total should a code ever be withdrawn from ISO 3166.
const continent = (country: string): Continent => continentOf(country) ?? 'asia'

export function presentOrganisationSummary(
  row: NetworkOrganisationsTable,
): OrganisationSummaryView {
  return {
    id: row.id,
    name: row.name,
    type: row.type as OrganisationType,
    country: row.country,
    continent: continent(row.country),
    region: row.region,
    website: row.website,
    status: row.status as RelationshipStatus,
    statusSince: row.status_since,
  }
}

export function presentEventSummary(row: NetworkEventsTable): EventSummaryView {
  return {
    id: row.id,
    kind: row.kind as EventKind,
    title: row.title,
    role: row.role as EventRole,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    city: row.city,
    country: row.country,
    continent: continent(row.country),
    audience: row.audience,
  }
}

export function presentPublication(row: NetworkPublicationsTable): PublicationView {
  return {
    id: row.id,
    kind: row.kind as PublicationKind,
    title: row.title,
    language: row.language,
    translatedFrom: row.translated_from,
    isbn: row.isbn,
    url: row.url,
    publishedOn: row.published_on,
    eventId: row.event_id,
    version: row.version,
  }
}

export async function presentEvent(app: AppContext, row: NetworkEventsTable): Promise<EventView> {
  const db = app.database.db
  const organisers = await organisersOf(db, row.id)
  const publications = await publicationsOfEvent(db, row.id)
  const costs = await costsOfEvent(db, row.id)
  return {
    ...presentEventSummary(row),
    version: row.version,
    outcomes: row.outcomes,
    organisers: organisers.map((o) => ({ id: o.id, name: o.name, country: o.country })),
    publications: publications.map(presentPublication),
    site: row.site_slug
      ? {
          slug: row.site_slug,
          paths: (row.site_locales ?? '')
            .split(',')
            .filter(Boolean)
            .map((l) => `/${l}/news/${row.site_slug}`),
        }
      : null,
    costs: costs.map((c) => ({
      id: c.id,
      paidOn: c.paid_on,
      amountMinor: c.amount_minor,
      currency: c.currency,
      what: c.what,
    })),
  }
}

async function presentContact(
  app: AppContext,
  actor: Actor,
  row: NetworkContactsTable,
): Promise<ContactView> {
  const db = app.database.db
  const mayIdentify = can(actor, 'identify', 'PartnerContact', {
    compartmentId: row.compartment_id,
  })
  const open = (column: keyof NetworkContactsTable & string, value: string | null) =>
    presentSealed(app, db, contactFieldAddress(row, column), value, mayIdentify)
  return {
    id: row.id,
    compartmentId: row.compartment_id,
    name: await open('name', row.name),
    position: await open('position', row.position),
    email: await open('email', row.email),
    phone: await open('phone', row.phone),
    note: await open('note', row.note),
    version: row.version,
    editable:
      mayIdentify && can(actor, 'update', 'PartnerContact', { compartmentId: row.compartment_id }),
  }
}

/**
 * A partner with its relationship history, the events it organised and its contacts — only those
 * in compartments where the caller may list contacts; opening them is audited per compartment,
 * without their content.
 */
export async function presentOrganisation(
  app: AppContext,
  actor: Actor,
  row: NetworkOrganisationsTable,
  requestId: string,
): Promise<OrganisationView> {
  const db = app.database.db
  const visible = await compartmentsWhere(db, actor, 'list', 'PartnerContact')
  const contacts = await contactsOf(db, row.id, visible)
  const opened = contacts.filter((c) =>
    can(actor, 'identify', 'PartnerContact', { compartmentId: c.compartment_id }),
  )
  for (const compartmentId of new Set(opened.map((c) => c.compartment_id)))
    await audit(app, db, {
      actorId: actor.userId,
      action: 'network.contacts_read',
      entityType: 'Partner',
      entityId: row.id,
      compartmentId,
      requestId,
      details: {
        contacts: opened.filter((c) => c.compartment_id === compartmentId).map((c) => c.id),
      },
    })
  const history = await statusHistory(db, row.id)
  const events = await eventsOrganisedBy(db, row.id)
  const mayUpdate = can(actor, 'update', 'Partner', {})
  const mayAddContact = visible.some((compartmentId) =>
    can(actor, 'create', 'PartnerContact', { compartmentId }),
  )
  return {
    ...presentOrganisationSummary(row),
    version: row.version,
    history: history.map((h) => ({
      id: h.id,
      status: h.status as RelationshipStatus,
      on: h.on_date,
      reason: h.reason,
    })),
    contacts: await Promise.all(contacts.map((c) => presentContact(app, actor, c))),
    events: events.map(presentEventSummary),
    actions: [
      ...(mayUpdate ? (['update'] as const) : []),
      ...(mayAddContact ? (['addContact'] as const) : []),
    ],
  }
}
