import {
  addContact,
  createEvent,
  createOrganisation,
  createPublication,
} from '../../src/modules/network/network-service.js'
import type { MatrixModule } from '../support/matrix.js'
import { testSlug } from '../support/site-factories.js'

const READS = ['coordinator', 'caseworker', 'editor', 'finance'] as const
const KEEPS = ['coordinator', 'editor'] as const
const BY = { actorId: null, requestId: null }

const partner = async (f: { app: Parameters<typeof createOrganisation>[0] }) =>
  createOrganisation(
    f.app,
    { name: 'Matrix Partner', type: 'ngo', country: 'KR', status: 'active', since: '2025-01-01' },
    BY,
  )

/** Partners, events and publications (the organisation's own); contacts sealed in a compartment. */
export const matrix: MatrixModule = {
  rows: {
    'GET /network/organisations': {
      scope: { kind: 'org', allow: READS },
      call: () => ({ path: '/network/organisations?continent=asia' }),
    },
    'POST /network/organisations': {
      scope: { kind: 'org', allow: KEEPS },
      call: () => ({
        path: '/network/organisations',
        body: { name: 'Matrix Church', type: 'church', country: 'JP' },
      }),
    },
    'GET /network/organisations/:id': {
      scope: { kind: 'org', allow: READS },
      call: async (f) => ({ path: `/network/organisations/${(await partner(f)).id}` }),
    },
    'POST /network/organisations/:id/status': {
      scope: { kind: 'org', allow: KEEPS },
      call: async (f) => ({
        path: `/network/organisations/${(await partner(f)).id}/status`,
        body: { status: 'paused', on: '2026-01-01', reason: 'Leadership changed' },
      }),
    },
    'POST /network/organisations/:id/contacts': {
      scope: { kind: 'compartment', allow: ['coordinator', 'caseworker'] },
      call: async (f) => ({
        path: `/network/organisations/${(await partner(f)).id}/contacts`,
        body: { compartmentId: f.target.id, name: 'Contact Person', email: 'c@example.org' },
      }),
    },
    'GET /network/organisations/:id/interactions': {
      scope: { kind: 'org', allow: READS },
      call: async (f) => ({ path: `/network/organisations/${(await partner(f)).id}/interactions` }),
    },
    'POST /network/organisations/:id/interactions': {
      scope: { kind: 'org', allow: KEEPS },
      call: async (f) => ({
        path: `/network/organisations/${(await partner(f)).id}/interactions`,
        body: { kind: 'meeting', on: '2026-02-01', summary: 'Agreed to share shelter capacity' },
      }),
    },
    'GET /network/map': {
      scope: { kind: 'org', allow: READS },
      call: () => ({ path: '/network/map' }),
    },
    'GET /network/events': {
      scope: { kind: 'org', allow: READS },
      call: () => ({ path: '/network/events?role=testified' }),
    },
    'POST /network/events': {
      scope: { kind: 'org', allow: KEEPS },
      call: () => ({
        path: '/network/events',
        body: {
          kind: 'hearing',
          title: 'Matrix hearing',
          role: 'testified',
          startsOn: '2026-03-01',
          country: 'US',
        },
      }),
    },
    'GET /network/events/:id': {
      scope: { kind: 'org', allow: READS },
      call: async (f) => {
        const event = await createEvent(
          f.app,
          {
            kind: 'lecture',
            title: 'Matrix lecture',
            role: 'spoke',
            startsOn: '2026-04-01',
            country: 'JP',
            organiserIds: [],
          },
          BY,
        )
        return { path: `/network/events/${event.id}` }
      },
    },
    // Costs are posted to the books: coordinators and finance record them, the site's editors do not.
    'POST /network/events/:id/costs': {
      scope: { kind: 'org', allow: ['coordinator', 'finance'] },
      call: async (f) => {
        const event = await createEvent(
          f.app,
          {
            kind: 'hearing',
            title: 'Matrix hearing',
            role: 'testified',
            startsOn: '2026-05-01',
            country: 'US',
            organiserIds: [],
          },
          BY,
        )
        return {
          path: `/network/events/${event.id}/costs`,
          body: { paidOn: '2026-05-01', amount: '12000', currency: 'JPY', what: 'Train fares' },
        }
      },
    },
    // Publishing speaks for the organisation in public: the site's editors only.
    'POST /network/events/:id/publish': {
      scope: { kind: 'org', allow: ['editor'] },
      call: async (f) => {
        const event = await createEvent(
          f.app,
          {
            kind: 'screening',
            title: 'Matrix screening',
            role: 'host',
            startsOn: '2026-05-01',
            country: 'JP',
            organiserIds: [],
          },
          BY,
        )
        return {
          path: `/network/events/${event.id}/publish`,
          body: {
            slug: testSlug('event'),
            documents: [{ locale: 'en', title: 'Matrix screening', summary: '' }],
          },
        }
      },
    },
    'GET /network/publications': {
      scope: { kind: 'org', allow: READS },
      call: () => ({ path: '/network/publications' }),
    },
    'POST /network/publications': {
      scope: { kind: 'org', allow: KEEPS },
      call: () => ({
        path: '/network/publications',
        body: {
          kind: 'translation',
          title: 'Matrix testimonies',
          language: 'eo',
          translatedFrom: 'ja',
        },
      }),
    },
    'PATCH /network/organisations/:id': {
      scope: { kind: 'org', allow: KEEPS },
      call: async (f) => ({
        path: `/network/organisations/${(await partner(f)).id}`,
        body: { version: 1, name: 'Matrix Partner Seoul', type: 'ngo', country: 'KR' },
      }),
    },
    // Only those who may identify in the contact's compartment edit its sealed fields.
    'PATCH /network/organisations/:id/contacts/:contactId': {
      scope: { kind: 'compartment', allow: ['coordinator', 'caseworker'] },
      call: async (f) => {
        const organisation = await partner(f)
        const contact = await addContact(
          f.app,
          organisation.id,
          { compartmentId: f.target.id, name: 'Contact Person' },
          BY,
        )
        return {
          path: `/network/organisations/${organisation.id}/contacts/${contact.id}`,
          body: { version: 1, name: 'Contact Person-Li', phone: '+1 555 0100' },
        }
      },
    },
    'PATCH /network/events/:id': {
      scope: { kind: 'org', allow: KEEPS },
      call: async (f) => {
        const event = await createEvent(
          f.app,
          {
            kind: 'lecture',
            title: 'Matrix lecture',
            role: 'spoke',
            startsOn: '2026-04-01',
            country: 'JP',
            organiserIds: [],
          },
          BY,
        )
        return {
          path: `/network/events/${event.id}`,
          body: {
            version: 1,
            kind: 'lecture',
            title: 'Matrix lecture, Osaka',
            role: 'guest_speaker',
            startsOn: '2026-04-01',
            city: 'Osaka',
            country: 'JP',
            organiserIds: [],
          },
        }
      },
    },
    'PATCH /network/publications/:id': {
      scope: { kind: 'org', allow: KEEPS },
      call: async (f) => {
        const book = await createPublication(
          f.app,
          { kind: 'book', title: 'Matrix testimonies', language: 'ja' },
          BY,
        )
        return {
          path: `/network/publications/${book.id}`,
          body: { version: 1, kind: 'book', title: 'Matrix testimonies, 2nd ed.', language: 'ja' },
        }
      },
    },
  },
}
