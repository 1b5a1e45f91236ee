import type { AgeBand } from '@haven/core/people/index'
import type {
  FundingStatus,
  LeaveReason,
  ShelterLogKind,
} from '@haven/core/shelters/shelter-schema'
import { seededRandom, syntheticName } from '@haven/core/synthetic/synthetic-names'
import type { AppContext } from '../../app-context.js'
import type { DemoStep } from '../../haven-module.js'
import { createPerson } from '../people/index.js'
import {
  addLogEntry,
  addResident,
  createShelter,
  endResident,
  updateShelter,
} from './shelter-service.js'
import { findShelterByCode } from './shelter-store.js'
import type { ShelterResidentsTable } from './shelters-tables.js'

const BY = { actorId: null, requestId: 'demo' }

interface DemoResident {
  ageBand: AgeBand
  from: string
  left?: { on: string; reason: LeaveReason }
}

interface DemoShelter {
  code: string
  capacity: number
  fundingStatus: FundingStatus
  openedOn: string
  suspended?: boolean
  residents: DemoResident[]
  log: {
    kind: ShelterLogKind
    on: string
    note: string
    residents?: number[]
    caretaker?: boolean
  }[]
}

/**
 * Three shelters in Yanbian like those of the annual report (FY2005–2006): invented codes,
 * capacities and people (synthetic names in every script), and a few log entries.
 */
const SHELTERS: DemoShelter[] = [
  {
    code: 'YAN-01',
    capacity: 12,
    fundingStatus: 'funded',
    openedOn: '2004-06-01',
    residents: [
      { ageBand: '12-17', from: '2005-04-10' },
      { ageBand: '12-17', from: '2005-04-10' },
      { ageBand: '5-11', from: '2005-06-02' },
      { ageBand: '12-17', from: '2005-07-15' },
      { ageBand: '18-29', from: '2005-09-01', left: { on: '2006-02-15', reason: 'moved_on' } },
      { ageBand: '12-17', from: '2005-10-20', left: { on: '2006-02-15', reason: 'moved_on' } },
    ],
    log: [
      {
        kind: 'oversight_visit',
        on: '2005-09-10',
        note: 'Monthly visit: food stocks and school attendance checked; no concerns.',
      },
      {
        kind: 'children_released',
        on: '2006-02-15',
        note: 'Two older children left the plan to work; support ends with their consent.',
        residents: [4, 5],
      },
    ],
  },
  {
    code: 'YAN-02',
    capacity: 8,
    fundingStatus: 'under_review',
    openedOn: '2005-01-15',
    residents: [
      { ageBand: '30-44', from: '2005-03-01' },
      { ageBand: '5-11', from: '2005-03-01' },
      { ageBand: '45-59', from: '2005-08-12' },
      { ageBand: '18-29', from: '2005-11-30', left: { on: '2006-01-05', reason: 'resettled' } },
    ],
    log: [
      {
        kind: 'duties_doubt',
        on: '2005-11-02',
        note: 'Reports that the caretaker asked residents for money; to be checked on the next visit.',
      },
      {
        kind: 'funding_stopped',
        on: '2006-01-20',
        note: 'Monthly funding paused pending the review of the caretaker’s accounts.',
      },
    ],
  },
  {
    code: 'YAN-03',
    capacity: 6,
    fundingStatus: 'suspended',
    openedOn: '2005-05-01',
    suspended: true,
    residents: [
      { ageBand: '12-17', from: '2005-05-20' },
      { ageBand: '18-29', from: '2005-06-11', left: { on: '2006-03-05', reason: 'detained' } },
      { ageBand: '30-44', from: '2005-07-03', left: { on: '2006-03-06', reason: 'moved_on' } },
    ],
    log: [
      {
        kind: 'caretaker_detained',
        on: '2006-03-05',
        note: 'Caretaker and one resident taken in a police check; others moved the next day.',
        residents: [1],
        caretaker: true,
      },
    ],
  },
]

async function seedShelter(app: AppContext, demo: DemoShelter, seed: number): Promise<void> {
  const random = seededRandom(seed)
  const shelter = await createShelter(
    app,
    {
      code: demo.code,
      region: 'Yanbian',
      capacity: demo.capacity,
      fundingStatus: demo.fundingStatus,
      openedOn: demo.openedOn,
    },
    BY,
  )
  const id = shelter.compartment_id
  const register = async (ageBand: AgeBand, situation: 'in_shelter' | 'unknown') => {
    const name = syntheticName(random)
    return createPerson(
      app,
      {
        compartmentId: id,
        identity: {
          names: [
            { script: 'hangul', value: name.hangul },
            { script: 'hanzi', value: name.hanzi },
            { script: 'kana', value: name.kana },
            { script: 'latin', value: name.latin },
          ],
          phones: [],
        },
        attributes: { ageBand, situation, arrivalMonth: null, languages: ['ko'], tags: [] },
      },
      BY,
    )
  }
  const caretaker = await register('45-59', 'unknown')
  const residents: {
    person: { id: string }
    residence: ShelterResidentsTable
    left: DemoResident['left']
  }[] = []
  for (const r of demo.residents) {
    const person = await register(r.ageBand, 'in_shelter')
    const residence = await addResident(app, id, { personId: person.id, fromDate: r.from }, BY)
    residents.push({ person, residence, left: r.left })
  }
  for (const r of residents)
    if (r.left)
      await endResident(app, id, r.residence.id, { toDate: r.left.on, reason: r.left.reason }, BY)
  for (const entry of demo.log) {
    const personIds = [
      ...(entry.residents ?? []).flatMap((i) => residents[i]?.person.id ?? []),
      ...(entry.caretaker ? [caretaker.id] : []),
    ]
    await addLogEntry(
      app,
      id,
      { kind: entry.kind, occurredOn: entry.on, personIds, note: entry.note },
      BY,
    )
  }
  await updateShelter(
    app,
    id,
    {
      version: 1,
      caretakerPersonId: caretaker.id,
      ...(demo.suspended ? { status: 'suspended' as const } : {}),
    },
    BY,
  )
}

export const sheltersDemo: DemoStep = {
  name: 'shelters',
  counts: { one: 'shelter', other: 'shelters' },
  async run(app) {
    let created = 0
    let skipped = 0
    let residents = 0
    let logEntries = 0
    for (const [index, demo] of SHELTERS.entries()) {
      if (await findShelterByCode(app.database.db, demo.code)) {
        skipped += 1
        continue
      }
      await seedShelter(app, demo, 2005 + index)
      created += 1
      residents += demo.residents.length
      logEntries += demo.log.length
    }
    const detail = `with caretakers, ${residents} residents and ${logEntries} log entries`
    return created > 0 ? { created, skipped, detail } : { created, skipped }
  },
}
