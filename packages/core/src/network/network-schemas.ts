import { z } from 'zod'
import { LOCALES } from '../i18n/locales.js'
import { type CurrencyCode, isCurrencyCode } from '../money/currency.js'
import { CONTINENTS, isCountryCode } from './countries.js'

/** Who the organisation works with, as the annual report names them. */
export const ORGANISATION_TYPES = [
  'ngo',
  'government',
  'un_agency',
  'embassy',
  'media',
  'church',
  'school',
  'other',
] as const
export type OrganisationType = (typeof ORGANISATION_TYPES)[number]

/** Where a relationship stands; each change is dated and may carry a reason. */
export const RELATIONSHIP_STATUSES = ['prospect', 'active', 'paused', 'ended'] as const
export type RelationshipStatus = (typeof RELATIONSHIP_STATUSES)[number]

export const EVENT_KINDS = [
  'hearing',
  'conference',
  'symposium',
  'screening',
  'lecture',
  'meeting',
  'workshop',
] as const
export type EventKind = (typeof EVENT_KINDS)[number]

/** What the organisation did there (the seed: testified, spoke, sat on a panel, attended…). */
export const EVENT_ROLES = [
  'spoke',
  'testified',
  'panelist',
  'guest_speaker',
  'host',
  'co_host',
  'participant',
  'information_exchange',
] as const
export type EventRole = (typeof EVENT_ROLES)[number]

export const PUBLICATION_KINDS = ['book', 'report', 'translation', 'film', 'article'] as const
export type PublicationKind = (typeof PUBLICATION_KINDS)[number]

const id = z.string().min(1).max(100)
/** A version a client read: an edit made against an older one is refused (409 `version_conflict`). */
const version = z.number().int().min(1).max(1_000_000_000)
export const isoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'field.date_format' })
  // Round-trips through a date, so 30 February (which Date.parse rolls into March) is refused.
  .refine(
    (d) => {
      const t = Date.parse(`${d}T00:00:00Z`)
      return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d
    },
    { error: 'field.date_format' },
  )
/** An ISO 3166-1 alpha-2 code, upper-cased ("jp" is read as JP). */
export const countrySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, { error: 'field.country_code' })
const text = (max: number) => z.string().trim().min(1).max(max)
const optionalText = (max: number) => z.string().trim().max(max).optional()
/** Only http(s) links: a javascript: or data: URL never reaches a page. */
const webUrl = z
  .url({ protocol: /^https?$/, error: 'field.web_url' })
  .max(500)
  .optional()
/** ISBN-10 or ISBN-13 with a valid check digit; hyphens and spaces are dropped. */
export const isbnSchema = z
  .string()
  .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
  .refine(isValidIsbn, { error: 'field.isbn' })

export function isValidIsbn(isbn: string): boolean {
  if (/^\d{9}[\dX]$/.test(isbn)) {
    const sum = [...isbn].reduce((acc, ch, i) => acc + (ch === 'X' ? 10 : Number(ch)) * (10 - i), 0)
    return sum % 11 === 0
  }
  if (/^\d{13}$/.test(isbn)) {
    const sum = [...isbn].reduce((acc, ch, i) => acc + Number(ch) * (i % 2 === 0 ? 1 : 3), 0)
    return sum % 10 === 0
  }
  return false
}

export const createOrganisationSchema = z.strictObject({
  name: text(200),
  type: z.enum(ORGANISATION_TYPES),
  country: countrySchema,
  /** Province, state or city, as precise as is useful (never an address). */
  region: optionalText(100),
  website: webUrl,
  /** Where the relationship starts (default: a prospect, today). */
  status: z.enum(RELATIONSHIP_STATUSES).default('prospect'),
  since: isoDate.optional(),
})
export type CreateOrganisation = z.infer<typeof createOrganisationSchema>

/**
 * An edit of a partner's name, type, country, region and website at the version read (left out =
 * cleared). Its relationship is not edited here: a change of status is dated history.
 */
export const editOrganisationSchema = z.strictObject({
  version,
  name: text(200),
  type: z.enum(ORGANISATION_TYPES),
  country: countrySchema,
  region: optionalText(100),
  website: webUrl,
})
export type EditOrganisation = z.infer<typeof editOrganisationSchema>

export const organisationQuerySchema = z.strictObject({
  /** Part of the name, in any case. */
  q: z.string().trim().max(100).optional(),
  type: z.enum(ORGANISATION_TYPES).optional(),
  status: z.enum(RELATIONSHIP_STATUSES).optional(),
  country: countrySchema.optional(),
  continent: z.enum(CONTINENTS).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
})

/** A change in the relationship: what it is now, since when, and why. */
export const relationshipChangeSchema = z.strictObject({
  status: z.enum(RELATIONSHIP_STATUSES),
  on: isoDate,
  reason: optionalText(500),
})
export type RelationshipChange = z.infer<typeof relationshipChangeSchema>

/**
 * A person at a partner. Name, email, phone and notes are sealed in the compartment given here
 * (a contact who could be endangered goes in a restricted compartment).
 */
export const createContactSchema = z.strictObject({
  compartmentId: id,
  name: text(200),
  position: optionalText(200),
  email: z.email({ error: 'field.invalid_format' }).max(200).optional(),
  phone: optionalText(50),
  note: optionalText(2000),
})
export type CreateContact = z.infer<typeof createContactSchema>

/** An edit of a contact's sealed fields at the version read; the compartment stays as it is. */
export const editContactSchema = createContactSchema
  .omit({ compartmentId: true })
  .extend({ version })
export type EditContact = z.infer<typeof editContactSchema>
export const contactParamsSchema = z.strictObject({ id, contactId: id })

const eventFields = {
  kind: z.enum(EVENT_KINDS),
  title: text(300),
  role: z.enum(EVENT_ROLES),
  startsOn: isoDate,
  endsOn: isoDate.optional(),
  city: optionalText(100),
  country: countrySchema,
  audience: z.number().int().min(0).max(1_000_000).optional(),
  outcomes: optionalText(5000),
  /** Partners that organised it (hosts and co-organisers), by id. */
  organiserIds: z.array(id).max(20).default([]),
}
const endsAfterStart = (e: { startsOn: string; endsOn?: string | undefined }) =>
  e.endsOn === undefined || e.endsOn >= e.startsOn
const rangeReversed = () => ({ path: ['endsOn'], error: 'field.range_reversed' })

export const createEventSchema = z.strictObject(eventFields).refine(endsAfterStart, rangeReversed())
export type CreateEvent = z.infer<typeof createEventSchema>

/**
 * An edit of an event: every field as it should now be (left out = cleared), at the version read.
 * The organisers given replace those recorded.
 */
export const editEventSchema = z
  .strictObject({ ...eventFields, version })
  .refine(endsAfterStart, rangeReversed())
export type EditEvent = z.infer<typeof editEventSchema>

export const eventQuerySchema = z.strictObject({
  kind: z.enum(EVENT_KINDS).optional(),
  role: z.enum(EVENT_ROLES).optional(),
  country: countrySchema.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
})

export const createPublicationSchema = z.strictObject({
  kind: z.enum(PUBLICATION_KINDS),
  title: text(300),
  /** BCP 47 language of this edition ("eo" for the Esperanto translation). */
  language: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'field.language_code' }),
  /** For a translation: the language it was translated from. */
  translatedFrom: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'field.language_code' })
    .optional(),
  isbn: isbnSchema.optional(),
  url: webUrl,
  publishedOn: isoDate.optional(),
  /** The event it was shown or launched at (a screening), if any. */
  eventId: id.optional(),
})
export type CreatePublication = z.infer<typeof createPublicationSchema>

/** An edit of a publication at the version read (left out = cleared). */
export const editPublicationSchema = createPublicationSchema.extend({ version })
export type EditPublication = z.infer<typeof editPublicationSchema>

/** Publications shown at an event, or those that stand alone (a report, an article). */
export const PUBLICATION_LINKS = ['with_event', 'without_event'] as const
export const publicationQuerySchema = z.strictObject({
  kind: z.enum(PUBLICATION_KINDS).optional(),
  event: z.enum(PUBLICATION_LINKS).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
})

export const networkParamsSchema = z.strictObject({ id })

/** Rows per page of the network's lists. */
export const NETWORK_PAGE_SIZE = 50

/** One language of an event's public page: what the website says about it. */
export const eventPageDocumentSchema = z.strictObject({
  locale: z.enum(LOCALES),
  title: text(200),
  summary: z.string().trim().max(500).default(''),
  body: z.string().max(20_000).default(''),
})

/**
 * Publishing an event to the public website (an editor's act): the page's address and its text in
 * each language. Dates and place come from the recorded event, so the page cannot contradict it.
 */
export const publishEventSchema = z
  .strictObject({
    /** The page's address under /news/; the site refuses one malformed or already used. */
    slug: z.string().trim().min(1).max(100),
    documents: z.array(eventPageDocumentSchema).min(1).max(LOCALES.length),
  })
  .refine((p) => new Set(p.documents.map((d) => d.locale)).size === p.documents.length, {
    path: ['documents'],
    error: 'field.locale_twice',
  })
export type PublishEvent = z.infer<typeof publishEventSchema>

/** How the organisation was in touch with a partner. */
export const INTERACTION_KINDS = ['meeting', 'call', 'letter', 'email', 'visit', 'other'] as const
export type InteractionKind = (typeof INTERACTION_KINDS)[number]

/**
 * One entry in a partner's interactions log: when, how and what came of it. The summary is about
 * the organisations; a contact's identity belongs in the sealed contacts, not here.
 */
export const createInteractionSchema = z.strictObject({
  kind: z.enum(INTERACTION_KINDS),
  on: isoDate,
  summary: text(2000),
})
export type CreateInteraction = z.infer<typeof createInteractionSchema>

export const interactionQuerySchema = z.strictObject({
  kind: z.enum(INTERACTION_KINDS).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
})

/** What an event cost the organisation (travel, a venue, a screening's copy), paid on a day. */
export const eventCostSchema = z.strictObject({
  paidOn: isoDate,
  amount: z.string().regex(/^\d{1,12}(\.\d{1,3})?$/, { error: 'field.amount_format' }),
  currency: z
    .string()
    .refine((c): c is CurrencyCode => isCurrencyCode(c), { error: 'field.currency_code' })
    .transform((c) => c as CurrencyCode),
  /** What it paid for, with no name of a person. */
  what: text(200),
})
export type EventCost = z.infer<typeof eventCostSchema>
