import { CONTINENTS, continentOf } from '@haven/core/network/countries'
import { EVENT_ROLES } from '@haven/core/network/network-schemas'
import { activeDuring, type StatusChange } from '@haven/core/network/relationship-history'
import type { Db } from '../../db/db-handle.js'
import { type Figure, type FigureTable, figureTable } from '../../figures.js'
import { eventsByRole, findOrganisations, statusChangesUntil } from './network-store.js'

/** Events that began in the year, one count per role the organisation took. */
async function eventsByRoleIn(db: Db, from: string, to: string): Promise<FigureTable> {
  const counts = await eventsByRole(db, from, to)
  return figureTable(
    'role',
    EVENT_ROLES.map((role) => [role, counts.get(role) ?? 0]),
  )
}

/** Partners whose relationship was active on at least one day of the year, by continent. */
export async function partnersByContinent(db: Db, from: string, to: string): Promise<FigureTable> {
  const changes = await statusChangesUntil(db, to)
  const byOrganisation = new Map<string, StatusChange[]>()
  for (const c of changes) {
    const list = byOrganisation.get(c.organisation_id) ?? []
    list.push({ status: c.status as StatusChange['status'], on: c.on_date })
    byOrganisation.set(c.organisation_id, list)
  }
  const active = [...byOrganisation].filter(([, history]) => activeDuring(history, from, to))
  const organisations = await findOrganisations(
    db,
    active.map(([id]) => id),
  )
  const counts = new Map<string, number>()
  for (const o of organisations) {
    const continent = continentOf(o.country)
    if (continent) counts.set(continent, (counts.get(continent) ?? 0) + 1)
  }
  return figureTable(
    'continent',
    CONTINENTS.map((c) => [c, counts.get(c) ?? 0]),
  )
}

/** What the network module tells the annual report about a fiscal year. */
export const NETWORK_FIGURES: readonly Figure[] = [
  {
    key: 'network.events.by-role',
    unit: 'count',
    sensitivity: 'quantity',
    label: {
      en: 'Events where the organisation took part, by its role',
      ja: '当団体が参加した行事（役割別）',
    },
    description: {
      en: 'Hearings, conferences, symposia, screenings, lectures, meetings and workshops that began in the year, counted once each under the role the organisation took (testified, spoke, panelist…).',
      ja: '年度中に始まった公聴会・会議・シンポジウム・上映会・講演・会合・ワークショップを、当団体の役割（証言、講演、パネリストなど）ごとに1件ずつ数えたもの。',
    },
    compute: (db, year) => eventsByRoleIn(db, year.from, year.to),
  },
  {
    key: 'network.partners.by-continent',
    unit: 'count',
    sensitivity: 'quantity',
    label: { en: 'Partners by continent', ja: '大陸別の協力団体数' },
    description: {
      en: 'Organisations whose relationship was active on at least one day of the year (active when it began, or made active during it), by the continent of their country.',
      ja: '年度中に1日以上協力関係が有効だった団体（年度初めに有効だったもの、または年度中に有効になったもの）を、所在国の大陸ごとに数えたもの。',
    },
    compute: (db, year) => partnersByContinent(db, year.from, year.to),
  },
]
