import type {
  EventKind,
  EventRole,
  OrganisationType,
  RelationshipStatus,
} from '@haven/core/network/network-schemas'
import type { AppContext } from '../../app-context.js'
import type { DemoStep } from '../../haven-module.js'
import {
  changeRelationship,
  createEvent,
  createOrganisation,
  createPublication,
} from './network-service.js'
import { findOrganisationByName } from './network-store.js'

const BY = { actorId: null, requestId: 'demo' }

interface DemoPartner {
  name: string
  type: OrganisationType
  country: string
  region?: string
  since: string
  status: RelationshipStatus
  /** A later change (cooperation ended when the partner's leadership changed). */
  later?: { status: RelationshipStatus; on: string; reason: string }
}

/**
 * Invented partners in the seed's spread of countries (Asia, North America, Europe, Oceania): no
 * real organisation's name. One relationship ends as the seed's did.
 */
const PARTNERS: DemoPartner[] = [
  {
    name: 'Example Refugee Network Tokyo',
    type: 'ngo',
    country: 'JP',
    region: 'Tokyo',
    since: '2001-04-01',
    status: 'active',
  },
  {
    name: 'Example Support Centre Seoul',
    type: 'ngo',
    country: 'KR',
    region: 'Seoul',
    since: '2002-05-01',
    status: 'active',
    later: {
      status: 'ended',
      on: '2005-11-01',
      reason: 'Its leadership changed and the new board ended the cooperation',
    },
  },
  {
    name: 'Example Human Rights Alliance',
    type: 'ngo',
    country: 'US',
    region: 'Washington',
    since: '2003-02-01',
    status: 'active',
  },
  {
    name: 'Example Parliamentary Commission',
    type: 'government',
    country: 'US',
    since: '2004-06-01',
    status: 'active',
  },
  {
    name: 'Example Refugee Agency Office',
    type: 'un_agency',
    country: 'CH',
    region: 'Geneva',
    since: '2002-09-01',
    status: 'active',
  },
  {
    name: 'Example Church Toronto',
    type: 'church',
    country: 'CA',
    region: 'Toronto',
    since: '2004-03-01',
    status: 'active',
  },
  {
    name: 'Example Foundation London',
    type: 'ngo',
    country: 'GB',
    region: 'London',
    since: '2003-10-01',
    status: 'active',
  },
  {
    name: 'Example Institute Berlin',
    type: 'school',
    country: 'DE',
    region: 'Berlin',
    since: '2005-01-15',
    status: 'active',
  },
  {
    name: 'Example Press Sydney',
    type: 'media',
    country: 'AU',
    region: 'Sydney',
    since: '2005-05-01',
    status: 'active',
  },
  {
    name: 'Example Mission Bangkok',
    type: 'church',
    country: 'TH',
    region: 'Bangkok',
    since: '2004-08-01',
    status: 'paused',
  },
  {
    name: 'Example Consulate Shenyang',
    type: 'embassy',
    country: 'CN',
    region: 'Liaoning',
    since: '2005-07-01',
    status: 'prospect',
  },
  {
    name: 'Example Network Ulaanbaatar',
    type: 'ngo',
    country: 'MN',
    since: '2004-11-01',
    status: 'active',
  },
  {
    name: 'Example University Taipei',
    type: 'school',
    country: 'TW',
    since: '2005-09-01',
    status: 'active',
  },
  {
    name: 'Example Aid Association Amsterdam',
    type: 'ngo',
    country: 'NL',
    since: '2003-04-01',
    status: 'active',
  },
]

const EVENTS: {
  kind: EventKind
  title: string
  role: EventRole
  startsOn: string
  city: string
  country: string
  audience?: number
  organisers: string[]
}[] = [
  {
    kind: 'hearing',
    title: 'Hearing on refugees in North-East Asia',
    role: 'testified',
    startsOn: '2005-04-28',
    city: 'Washington',
    country: 'US',
    audience: 120,
    organisers: ['Example Parliamentary Commission'],
  },
  {
    kind: 'symposium',
    title: 'Symposium on the rights of border crossers',
    role: 'panelist',
    startsOn: '2005-07-09',
    city: 'Seoul',
    country: 'KR',
    audience: 300,
    organisers: ['Example Human Rights Alliance'],
  },
  {
    kind: 'screening',
    title: 'Screening of a documentary on escape routes',
    role: 'host',
    startsOn: '2005-10-15',
    city: 'Tokyo',
    country: 'JP',
    audience: 85,
    organisers: ['Example Refugee Network Tokyo'],
  },
  {
    kind: 'lecture',
    title: 'Lecture on refugee protection',
    role: 'guest_speaker',
    startsOn: '2006-02-03',
    city: 'Sydney',
    country: 'AU',
    audience: 60,
    organisers: ['Example Press Sydney'],
  },
  {
    kind: 'conference',
    title: 'Conference of refugee agencies',
    role: 'participant',
    startsOn: '2005-09-20',
    city: 'Geneva',
    country: 'CH',
    organisers: ['Example Refugee Agency Office'],
  },
]

export const networkDemo: DemoStep = {
  name: 'partners',
  counts: { one: 'partner', other: 'partners' },
  async run(app: AppContext) {
    const db = app.database.db
    let created = 0
    let skipped = 0
    const ids = new Map<string, string>()
    for (const p of PARTNERS) {
      const existing = await findOrganisationByName(db, p.name)
      if (existing) {
        ids.set(p.name, existing.id)
        skipped += 1
        continue
      }
      const row = await createOrganisation(
        app,
        {
          name: p.name,
          type: p.type,
          country: p.country,
          region: p.region,
          status: p.status,
          since: p.since,
        },
        BY,
      )
      ids.set(p.name, row.id)
      if (p.later) await changeRelationship(app, row.id, p.later, BY)
      created += 1
    }
    if (created === 0) return { created, skipped }
    let screening = ''
    for (const e of EVENTS) {
      const event = await createEvent(
        app,
        { ...e, organiserIds: e.organisers.flatMap((name) => ids.get(name) ?? []) },
        BY,
      )
      if (e.kind === 'screening') screening = event.id
    }
    await createPublication(
      app,
      {
        kind: 'translation',
        title: 'Testimonies of refugees (Esperanto edition)',
        language: 'eo',
        translatedFrom: 'ja',
        publishedOn: '2006-03-01',
      },
      BY,
    )
    await createPublication(
      app,
      { kind: 'film', title: 'A documentary on escape routes', language: 'ko', eventId: screening },
      BY,
    )
    return { created, skipped, detail: `with ${EVENTS.length} events and 2 publications` }
  },
}
