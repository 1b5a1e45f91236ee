import { z } from 'zod'
import { sealedTextView } from '../privacy/sealed-text-view.js'
import { CONTINENTS } from './countries.js'
import {
  EVENT_KINDS,
  EVENT_ROLES,
  INTERACTION_KINDS,
  ORGANISATION_TYPES,
  PUBLICATION_KINDS,
  RELATIONSHIP_STATUSES,
} from './network-schemas.js'

export const organisationSummaryView = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(ORGANISATION_TYPES),
  country: z.string(),
  continent: z.enum(CONTINENTS),
  region: z.string().nullable(),
  website: z.string().nullable(),
  status: z.enum(RELATIONSHIP_STATUSES),
  statusSince: z.string(),
})
export type OrganisationSummaryView = z.infer<typeof organisationSummaryView>

/** A page of a list: its rows and how many there are in all (for the count and the pager). */
export const pageOf = <T extends z.ZodType>(row: T) =>
  z.object({
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    rows: z.array(row),
  })

export const statusChangeView = z.object({
  id: z.string(),
  status: z.enum(RELATIONSHIP_STATUSES),
  on: z.string(),
  reason: z.string().nullable(),
})

export const contactView = z.object({
  id: z.string(),
  compartmentId: z.string(),
  name: sealedTextView,
  position: sealedTextView,
  email: sealedTextView,
  phone: sealedTextView,
  note: sealedTextView,
  version: z.number().int(),
  /** Whether the caller may edit it (who may identify in its compartment). */
  editable: z.boolean(),
})
export type ContactView = z.infer<typeof contactView>

export const eventSummaryView = z.object({
  id: z.string(),
  kind: z.enum(EVENT_KINDS),
  title: z.string(),
  role: z.enum(EVENT_ROLES),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string(),
  continent: z.enum(CONTINENTS),
  audience: z.number().int().nullable(),
})
export type EventSummaryView = z.infer<typeof eventSummaryView>

export const publicationView = z.object({
  id: z.string(),
  kind: z.enum(PUBLICATION_KINDS),
  title: z.string(),
  language: z.string(),
  translatedFrom: z.string().nullable(),
  isbn: z.string().nullable(),
  url: z.string().nullable(),
  publishedOn: z.string().nullable(),
  eventId: z.string().nullable(),
  version: z.number().int(),
})
export type PublicationView = z.infer<typeof publicationView>

export const eventView = eventSummaryView.extend({
  version: z.number().int(),
  outcomes: z.string().nullable(),
  organisers: z.array(z.object({ id: z.string(), name: z.string(), country: z.string() })),
  /** Publications shown or launched there, whole, so the event's page can edit them. */
  publications: z.array(publicationView),
  /** Its page on the public website once an editor published it: the address in each language. */
  site: z.object({ slug: z.string(), paths: z.array(z.string()) }).nullable(),
  /** What it cost, each told to the books (finance) when it was recorded. */
  costs: z.array(
    z.object({
      id: z.string(),
      paidOn: z.string(),
      amountMinor: z.number().int(),
      currency: z.string(),
      what: z.string(),
    }),
  ),
})
export type EventView = z.infer<typeof eventView>

export const organisationView = organisationSummaryView.extend({
  version: z.number().int(),
  history: z.array(statusChangeView),
  /** Only the contacts in compartments the caller may see; their fields open only for those who may identify. */
  contacts: z.array(contactView),
  events: z.array(eventSummaryView),
  actions: z.array(z.enum(['update', 'addContact'])),
})
export type OrganisationView = z.infer<typeof organisationView>

/** The partner map: countries' outlines projected on the server, and the counts drawn and tabled. */
export const mapView = z.object({
  width: z.number(),
  height: z.number(),
  countries: z.array(
    z.object({
      code: z.string(),
      d: z.string(),
      partners: z.number().int(),
      events: z.number().int(),
    }),
  ),
  byCountry: z.array(
    z.object({ code: z.string(), partners: z.number().int(), events: z.number().int() }),
  ),
  byContinent: z.array(
    z.object({
      continent: z.enum(CONTINENTS),
      partners: z.number().int(),
      events: z.number().int(),
    }),
  ),
})
export type MapView = z.infer<typeof mapView>

/** An event just published to the website: the cms entry and its page in each language. */
export const publishedEventView = z.object({
  entryId: z.string(),
  paths: z.array(z.string()),
})

export const interactionView = z.object({
  id: z.string(),
  organisationId: z.string(),
  kind: z.enum(INTERACTION_KINDS),
  on: z.string(),
  summary: z.string(),
  createdAt: z.string(),
})
export type InteractionView = z.infer<typeof interactionView>
