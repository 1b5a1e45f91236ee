import { type CONTINENTS, COUNTRY_CODES, continentOf } from '@haven/core/network/countries'
import {
  contactParamsSchema,
  createContactSchema,
  createEventSchema,
  createInteractionSchema,
  createOrganisationSchema,
  createPublicationSchema,
  editContactSchema,
  editEventSchema,
  editOrganisationSchema,
  editPublicationSchema,
  eventCostSchema,
  eventQuerySchema,
  interactionQuerySchema,
  NETWORK_PAGE_SIZE,
  networkParamsSchema,
  organisationQuerySchema,
  publicationQuerySchema,
  publishEventSchema,
  relationshipChangeSchema,
} from '@haven/core/network/network-schemas'
import {
  contactView,
  eventSummaryView,
  eventView,
  interactionView,
  mapView,
  organisationSummaryView,
  organisationView,
  pageOf,
  publicationView,
  publishedEventView,
} from '@haven/core/network/network-views'
import { defineRoute, found, inCompartment, type RequestInput } from '../../api/api-route.js'
import { listInteractions } from './interactions-store.js'
import { addInteraction, presentInteraction } from './network-interactions.js'
import { networkMap } from './network-map.js'
import { publishEvent } from './network-publish.js'
import {
  addContact,
  addEventCost,
  changeRelationship,
  createEvent,
  createOrganisation,
  createPublication,
  editContact,
  editEvent,
  editOrganisation,
  editPublication,
} from './network-service.js'
import {
  findContact,
  findEvent,
  findOrganisation,
  findPublication,
  listEvents,
  listOrganisations,
  listPublications,
} from './network-store.js'
import {
  presentEvent,
  presentEventSummary,
  presentOrganisation,
  presentOrganisationSummary,
  presentPublication,
} from './network-views.js'

const organisationAtId = async ({ app, params }: RequestInput<{ id: string }>) =>
  found(await findOrganisation(app.database.db, params.id))
const contactAtId = async ({ app, params }: RequestInput<{ id: string; contactId: string }>) =>
  found(await findContact(app.database.db, params.id, params.contactId))
const publicationAtId = async ({ app, params }: RequestInput<{ id: string }>) =>
  found(await findPublication(app.database.db, params.id))
const eventAtId = async ({ app, params }: RequestInput<{ id: string }>) =>
  found(await findEvent(app.database.db, params.id))

const paging = (page: number) => ({ page, pageSize: NETWORK_PAGE_SIZE })
const countriesOf = (continent: (typeof CONTINENTS)[number] | undefined) =>
  continent ? COUNTRY_CODES.filter((c) => continentOf(c) === continent) : undefined

export const networkRoutes = [
  defineRoute({
    method: 'get',
    path: '/network/organisations',
    summary:
      'Partners by name, filtered by a part of the name, type, relationship status, country or continent (paged)',
    tag: 'network',
    access: { kind: 'policy', entity: 'Partner', action: 'list' },
    query: organisationQuerySchema,
    response: pageOf(organisationSummaryView),
    async handle({ app, query }) {
      const countries = query.country ? [query.country] : countriesOf(query.continent)
      const filtered =
        query.country && query.continent && continentOf(query.country) !== query.continent
      const { total, rows } = filtered
        ? { total: 0, rows: [] }
        : await listOrganisations(
            app.database.db,
            { type: query.type, status: query.status, countries, name: query.q },
            paging(query.page),
          )
      return {
        total,
        page: query.page,
        pageSize: NETWORK_PAGE_SIZE,
        rows: rows.map(presentOrganisationSummary),
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/network/organisations',
    summary: 'Record a partner (NGO, government, UN agency, embassy, media, church, school)',
    tag: 'network',
    access: { kind: 'policy', entity: 'Partner', action: 'create' },
    body: createOrganisationSchema,
    response: organisationView,
    successStatus: 201,
    errors: ['validationFailed'],
    async handle({ app, body, actor, audit: by }) {
      const row = await createOrganisation(app, body, by)
      return presentOrganisation(app, actor(), row, by.requestId)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/network/organisations/:id/interactions',
    summary:
      'A partner’s interactions log (meetings, calls, letters, visits), newest first (paged)',
    tag: 'network',
    access: {
      kind: 'policy',
      entity: 'Partner',
      action: 'read',
      load: organisationAtId,
      record: () => ({}),
    },
    params: networkParamsSchema,
    query: interactionQuerySchema,
    response: pageOf(interactionView),
    errors: ['notFound'],
    async handle({ app, params, query }) {
      const { total, rows } = await listInteractions(
        app.database.db,
        params.id,
        query.kind,
        paging(query.page),
      )
      return {
        total,
        page: query.page,
        pageSize: NETWORK_PAGE_SIZE,
        rows: rows.map(presentInteraction),
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/network/organisations/:id/interactions',
    summary: 'Log a meeting, call, letter or visit with a partner and what came of it',
    tag: 'network',
    access: {
      kind: 'policy',
      entity: 'Partner',
      action: 'update',
      load: organisationAtId,
      record: () => ({}),
    },
    params: networkParamsSchema,
    body: createInteractionSchema,
    response: interactionView,
    successStatus: 201,
    errors: ['notFound', 'validationFailed'],
    async handle({ app, record, body, audit: by }) {
      return presentInteraction(await addInteraction(app, record, body, by))
    },
  }),
  defineRoute({
    method: 'get',
    path: '/network/map',
    summary:
      'Partners and events by country and continent, with the world’s outlines projected to SVG paths',
    tag: 'network',
    access: { kind: 'policy', entity: 'Partner', action: 'list' },
    response: mapView,
    async handle({ app }) {
      return networkMap(app.database.db)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/network/organisations/:id',
    summary: 'A partner with its relationship history, events and the contacts you may see',
    tag: 'network',
    access: {
      kind: 'policy',
      entity: 'Partner',
      action: 'read',
      load: organisationAtId,
      record: () => ({}),
    },
    params: networkParamsSchema,
    response: organisationView,
    errors: ['notFound'],
    async handle({ app, actor, record, audit: by }) {
      return presentOrganisation(app, actor(), record, by.requestId)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/network/organisations/:id/status',
    summary:
      'Record a change in the relationship (prospect, active, paused, ended) with its date and reason',
    tag: 'network',
    access: {
      kind: 'policy',
      entity: 'Partner',
      action: 'update',
      load: organisationAtId,
      record: () => ({}),
    },
    params: networkParamsSchema,
    body: relationshipChangeSchema,
    response: organisationView,
    successStatus: 201,
    errors: ['notFound', 'forbidden', 'validationFailed'],
    async handle({ app, params, body, actor, audit: by }) {
      await changeRelationship(app, params.id, body, by)
      const row = found(await findOrganisation(app.database.db, params.id))
      return presentOrganisation(app, actor(), row, by.requestId)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/network/organisations/:id/contacts',
    summary:
      'Add a contact at a partner, sealed in the compartment named (a restricted one if they could be endangered)',
    tag: 'network',
    access: {
      kind: 'policy',
      entity: 'PartnerContact',
      action: 'create',
      load: organisationAtId,
      record: (_, { body }) => ({ compartmentId: body.compartmentId }),
    },
    params: networkParamsSchema,
    body: createContactSchema,
    response: contactView.pick({ id: true, compartmentId: true }),
    successStatus: 201,
    errors: ['notFound', 'forbidden', 'validationFailed', 'recordFrozen'],
    async handle({ app, params, body, audit: by }) {
      const row = await addContact(app, params.id, body, by)
      return { id: row.id, compartmentId: row.compartment_id }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/network/events',
    summary:
      'Hearings, conferences, screenings… newest first, filtered by kind, role or country (paged)',
    tag: 'network',
    access: { kind: 'policy', entity: 'Partner', action: 'list' },
    query: eventQuerySchema,
    response: pageOf(eventSummaryView),
    async handle({ app, query }) {
      const { total, rows } = await listEvents(
        app.database.db,
        { kind: query.kind, role: query.role, country: query.country },
        paging(query.page),
      )
      return {
        total,
        page: query.page,
        pageSize: NETWORK_PAGE_SIZE,
        rows: rows.map(presentEventSummary),
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/network/events',
    summary:
      'Record an event with the organisation’s role (testified, spoke, panelist…) and its organisers',
    tag: 'network',
    access: { kind: 'policy', entity: 'Partner', action: 'create' },
    body: createEventSchema,
    response: eventView,
    successStatus: 201,
    errors: ['validationFailed'],
    async handle({ app, body, audit: by }) {
      return presentEvent(app, await createEvent(app, body, by))
    },
  }),
  defineRoute({
    method: 'get',
    path: '/network/events/:id',
    summary: 'One event with its organisers, outcomes and publications',
    tag: 'network',
    access: {
      kind: 'policy',
      entity: 'Partner',
      action: 'read',
      load: eventAtId,
      record: () => ({}),
    },
    params: networkParamsSchema,
    response: eventView,
    errors: ['notFound'],
    async handle({ app, record }) {
      return presentEvent(app, record)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/network/events/:id/costs',
    summary: 'Record what an event cost; it goes to the books (finance) in the same transaction',
    tag: 'network',
    access: {
      kind: 'policy',
      entity: 'PartnerCost',
      action: 'create',
      load: eventAtId,
      record: () => ({}),
    },
    params: networkParamsSchema,
    body: eventCostSchema,
    response: eventView,
    successStatus: 201,
    errors: ['notFound', 'validationFailed'],
    async handle({ app, params, record, body, audit: by }) {
      await addEventCost(app, record, body, by)
      return presentEvent(app, found(await findEvent(app.database.db, params.id)))
    },
  }),
  defineRoute({
    method: 'post',
    path: '/network/events/:id/publish',
    summary:
      'Publish an event to the public website as a news page with schema.org Event JSON-LD (EN/JA)',
    tag: 'network',
    // Publishing speaks for the organisation in public: only the site's editors may do it.
    access: { kind: 'policy', entity: 'SiteContent', action: 'create' },
    params: networkParamsSchema,
    body: publishEventSchema,
    response: publishedEventView,
    successStatus: 201,
    errors: ['notFound', 'validationFailed', 'slugTaken', 'forbidden'],
    async handle({ app, params, body, audit: by }) {
      const event = found(await findEvent(app.database.db, params.id))
      return publishEvent(app, event, body, by)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/network/publications',
    summary:
      'Books, reports, translations, films and articles, newest first (paged), by kind and by whether shown at an event',
    tag: 'network',
    access: { kind: 'policy', entity: 'Partner', action: 'list' },
    query: publicationQuerySchema,
    response: pageOf(publicationView),
    async handle({ app, query }) {
      const { total, rows } = await listPublications(
        app.database.db,
        { kind: query.kind, event: query.event },
        paging(query.page),
      )
      return {
        total,
        page: query.page,
        pageSize: NETWORK_PAGE_SIZE,
        rows: rows.map(presentPublication),
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/network/publications',
    summary: 'Record a publication (with its language, ISBN and link where they exist)',
    tag: 'network',
    access: { kind: 'policy', entity: 'Partner', action: 'create' },
    body: createPublicationSchema,
    response: publicationView,
    successStatus: 201,
    errors: ['validationFailed'],
    async handle({ app, body, audit: by }) {
      return presentPublication(await createPublication(app, body, by))
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/network/organisations/:id',
    summary:
      'Edit a partner’s name, type, country, region and website at the version read; 409 version_conflict if it changed',
    tag: 'network',
    access: {
      kind: 'policy',
      entity: 'Partner',
      action: 'update',
      load: organisationAtId,
      record: () => ({}),
    },
    params: networkParamsSchema,
    body: editOrganisationSchema,
    response: organisationView,
    errors: ['notFound', 'validationFailed', 'versionConflict'],
    async handle({ app, params, body, actor, audit: by }) {
      const row = await editOrganisation(app, params.id, body, by)
      return presentOrganisation(app, actor(), row, by.requestId)
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/network/organisations/:id/contacts/:contactId',
    summary:
      'Edit a partner contact’s sealed fields at the version read (who may identify in its compartment); 409 version_conflict if it changed',
    tag: 'network',
    access: {
      kind: 'policy',
      entity: 'PartnerContact',
      action: 'update',
      load: contactAtId,
      record: inCompartment,
    },
    params: contactParamsSchema,
    body: editContactSchema,
    response: contactView.pick({ id: true, compartmentId: true, version: true }),
    errors: ['notFound', 'forbidden', 'validationFailed', 'versionConflict', 'recordFrozen'],
    async handle({ app, params, body, audit: by }) {
      const row = await editContact(app, params.id, params.contactId, body, by)
      return { id: row.id, compartmentId: row.compartment_id, version: row.version }
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/network/events/:id',
    summary:
      'Edit an event (its organisers replaced by those given) at the version read; 409 version_conflict if it changed',
    tag: 'network',
    access: {
      kind: 'policy',
      entity: 'Partner',
      action: 'update',
      load: eventAtId,
      record: () => ({}),
    },
    params: networkParamsSchema,
    body: editEventSchema,
    response: eventView,
    errors: ['notFound', 'validationFailed', 'versionConflict'],
    async handle({ app, params, body, audit: by }) {
      return presentEvent(app, await editEvent(app, params.id, body, by))
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/network/publications/:id',
    summary: 'Edit a publication at the version read; 409 version_conflict if it changed',
    tag: 'network',
    access: {
      kind: 'policy',
      entity: 'Partner',
      action: 'update',
      load: publicationAtId,
      record: () => ({}),
    },
    params: networkParamsSchema,
    body: editPublicationSchema,
    response: publicationView,
    errors: ['notFound', 'validationFailed', 'versionConflict'],
    async handle({ app, params, body, audit: by }) {
      return presentPublication(await editPublication(app, params.id, body, by))
    },
  }),
]
