import { createRequire } from 'node:module'
import { type Continent, continentOf } from '@haven/core/network/countries'
import type { MapView } from '@haven/core/network/network-views'
import { geoEqualEarth, geoPath } from 'd3-geo'
import countries from 'i18n-iso-countries'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import type { Db } from '../../db/db-handle.js'
import { eventCountries, organisationCountries } from './network-store.js'

const WIDTH = 960
const HEIGHT = 470

interface Shape {
  /** ISO 3166-1 alpha-2, or '' for a territory without one (Natural Earth's disputed areas). */
  code: string
  d: string
}

let shapes: Shape[] | undefined

/**
 * The world's countries projected once (Equal Earth, so no continent looks bigger than it is)
 * from Natural Earth's 1:110m data in the world-atlas package: read from disk, no tile server, no
 * request leaves the server. Natural Earth keys countries by ISO 3166-1 numeric code.
 */
function worldShapes(): Shape[] {
  if (shapes) return shapes
  const require = createRequire(import.meta.url)
  const topology = require('world-atlas/countries-110m.json') as Topology<{
    countries: GeometryCollection<{ name: string }>
  }>
  const world = feature(topology, topology.objects.countries)
  const projection = geoEqualEarth().fitSize([WIDTH, HEIGHT], world)
  const path = geoPath(projection).digits(1)
  shapes = world.features.flatMap((f) => {
    const d = path(f)
    if (!d) return []
    const code = f.id === undefined ? undefined : countries.numericToAlpha2(String(f.id))
    return [{ code: code ?? '', d }]
  })
  return shapes
}

/**
 * Partners (not ended) and events by country and by continent, with the countries' outlines: the
 * app draws the SVG from these paths and shows the same numbers in a table beside it.
 */
export async function networkMap(db: Db): Promise<MapView> {
  const partners = new Map<string, number>()
  for (const o of await organisationCountries(db))
    if (o.status !== 'ended') partners.set(o.country, (partners.get(o.country) ?? 0) + 1)
  const events = new Map<string, number>()
  for (const e of await eventCountries(db)) events.set(e.country, (events.get(e.country) ?? 0) + 1)
  const byContinent = new Map<Continent, { partners: number; events: number }>()
  for (const [code, n] of partners) {
    const c = continentOf(code)
    if (!c) continue
    const row = byContinent.get(c) ?? { partners: 0, events: 0 }
    byContinent.set(c, { ...row, partners: row.partners + n })
  }
  for (const [code, n] of events) {
    const c = continentOf(code)
    if (!c) continue
    const row = byContinent.get(c) ?? { partners: 0, events: 0 }
    byContinent.set(c, { ...row, events: row.events + n })
  }
  return {
    width: WIDTH,
    height: HEIGHT,
    countries: worldShapes().map((s) => ({
      code: s.code,
      d: s.d,
      partners: partners.get(s.code) ?? 0,
      events: events.get(s.code) ?? 0,
    })),
    byCountry: [...new Set([...partners.keys(), ...events.keys()])].sort().map((code) => ({
      code,
      partners: partners.get(code) ?? 0,
      events: events.get(code) ?? 0,
    })),
    byContinent: [...byContinent]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([continent, n]) => ({ continent, ...n })),
  }
}
