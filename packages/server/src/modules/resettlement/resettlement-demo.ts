import { pick, seededRandom, syntheticName } from '@haven/core/synthetic/synthetic-names'
import type { AppContext } from '../../app-context.js'
import type { DemoStep } from '../../haven-module.js'
import { createPerson, openCase } from '../people/index.js'
import { ensureResettlementCompartment } from './resettlement-compartment.js'
import { changeStage, createPathway } from './resettlement-service.js'
import { countPathways } from './resettlement-store.js'
import { recordPastReturn } from './returnee-service.js'

const BY = { actorId: null, requestId: 'demo' }

type Step = readonly [stage: string, on: string, country?: string]

/**
 * Journeys in the seed report's proportions for FY2005–2006 (synthetic): some through the UNHCR,
 * some by a consulate, some by the underground route, most of them resettled by the year's end.
 */
const PATHWAYS: readonly {
  route: 'unhcr' | 'consulate' | 'underground' | 'third_country'
  routeCountry?: string
  stages: readonly Step[]
}[] = [
  {
    route: 'unhcr',
    stages: [
      ['under_protection', '2005-05'],
      ['resettled', '2005-09', 'KR'],
    ],
  },
  {
    route: 'unhcr',
    stages: [
      ['under_protection', '2005-07'],
      ['resettled', '2005-12', 'KR'],
    ],
  },
  {
    route: 'unhcr',
    stages: [
      ['under_protection', '2005-10'],
      ['in_transit', '2006-02'],
    ],
  },
  { route: 'unhcr', stages: [['protection_requested', '2006-01']] },
  {
    route: 'consulate',
    routeCountry: 'JP',
    stages: [
      ['under_protection', '2005-06'],
      ['resettled', '2005-11', 'JP'],
    ],
  },
  {
    route: 'consulate',
    routeCountry: 'JP',
    stages: [
      ['under_protection', '2005-08'],
      ['resettled', '2006-03', 'JP'],
    ],
  },
  {
    route: 'consulate',
    routeCountry: 'KR',
    stages: [
      ['under_protection', '2005-11'],
      ['arrived', '2006-02'],
    ],
  },
  {
    route: 'underground',
    stages: [
      ['in_transit', '2005-06'],
      ['arrived', '2005-08'],
      ['resettled', '2005-10', 'KR'],
    ],
  },
  {
    route: 'underground',
    stages: [
      ['in_transit', '2005-12'],
      ['resettled', '2006-02', 'KR'],
    ],
  },
  { route: 'underground', stages: [['in_transit', '2006-03']] },
  {
    route: 'third_country',
    routeCountry: 'TH',
    stages: [
      ['under_protection', '2005-09'],
      ['resettled', '2006-01', 'US'],
    ],
  },
]

/** About 20 people who wished to return, helped between January and March 2006. */
const RETURNEES = 20

async function personWithCase(
  app: AppContext,
  compartmentId: string,
  seed: number,
  type: 'resettlement' | 'return',
) {
  const random = seededRandom(seed)
  const name = syntheticName(random)
  const person = await createPerson(
    app,
    {
      compartmentId,
      identity: {
        names: [
          { script: 'hangul', value: name.hangul },
          { script: 'latin', value: name.latin },
        ],
        phones: [],
      },
      attributes: {
        ageBand: pick(random, ['18-29', '30-44', '45-59'] as const),
        situation: 'in_hiding',
        arrivalMonth: null,
        languages: ['ko'],
        tags: [],
      },
    },
    BY,
  )
  const kase = await openCase(
    app,
    person,
    { personId: person.id, type, priority: 'normal', assigneeId: null, openedOn: '2005-04-15' },
    BY,
  )
  return {
    id: kase.id,
    code: kase.code,
    compartmentId,
    personId: person.id,
    type,
    status: 'open' as const,
  }
}

/** Synthetic pathways and returns in the restricted resettlement compartment (idempotent). */
export const resettlementDemo: DemoStep = {
  name: 'resettlement',
  counts: { one: 'pathway or return', other: 'pathways and returns' },
  async run(app) {
    const compartmentId = await ensureResettlementCompartment(app)
    const total = PATHWAYS.length + RETURNEES
    if ((await countPathways(app.database.db, { compartmentIds: [compartmentId] })) > 0)
      return { created: 0, skipped: total }
    for (const [index, spec] of PATHWAYS.entries()) {
      const kase = await personWithCase(app, compartmentId, 7100 + index, 'resettlement')
      let pathway = await createPathway(
        app,
        kase,
        {
          compartmentId,
          caseId: kase.id,
          route: spec.route,
          routeCountry: spec.routeCountry ?? null,
          on: '2005-04',
          precision: 'month',
        },
        BY,
      )
      for (const [stage, on, country] of spec.stages)
        pathway = await changeStage(
          app,
          pathway.id,
          {
            version: pathway.version,
            stage: stage as Parameters<typeof changeStage>[2]['stage'],
            on,
            precision: 'month',
            country: country ?? null,
          },
          BY,
        )
    }
    for (let index = 0; index < RETURNEES; index += 1) {
      const kase = await personWithCase(app, compartmentId, 7300 + index, 'return')
      const month = `2006-0${1 + (index % 3)}`
      await recordPastReturn(
        app,
        kase,
        {
          compartmentId,
          caseId: kase.id,
          requestedOn: '2005-12',
          approvedOn: '2006-01',
          funds: {
            amount: '2000',
            currency: 'CNY',
            paidOn: `${month}-${String(5 + index).padStart(2, '0')}`,
          },
          returnedOn: month,
        },
        BY,
      )
    }
    return {
      created: total,
      skipped: 0,
      detail: `with ${RETURNEES} returnees funded between January and March 2006`,
    }
  },
}
