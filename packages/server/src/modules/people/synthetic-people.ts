import { caseCode, personCode } from '@haven/core/people/person-rules'
import type { Identity } from '@haven/core/people/person-schema'
import { AGE_BANDS, SITUATIONS } from '@haven/core/people/person-schema'
import { pick, seededRandom, syntheticName } from '@haven/core/synthetic/synthetic-names'
import type { AppContext } from '../../app-context.js'
import type { CompartmentsTable } from '../../compartments/compartment-tables.js'
import { newId } from '../../db/ids.js'
import type { CasesTable, PeopleTable, PersonTermsTable } from './people-tables.js'
import { identityAddress } from './person-service.js'
import { counterValue, insertPeopleBatch, setCounter } from './person-store.js'

/**
 * The bulk write path for synthetic people. It seals identities and computes blind-index terms
 * with exactly the code the API uses (FieldCrypto.seal, indexTerms, exactTerm); what it skips is
 * the per-request work — one transaction, one audit entry and one code counter update per batch
 * instead of per person. Each person is derived from its index alone, so a run that stops can be
 * resumed: it continues after the highest code already present.
 */
export interface PeopleBatch {
  compartment: CompartmentsTable
  /** 1-based numbers within the compartment (the number in YAN-P0042). */
  from: number
  to: number
  seed: number
}

const CASE_TYPES = [
  'protection',
  'medical',
  'resettlement',
  'return',
  'education',
  'legal',
] as const
const STATUSES = ['open', 'in_progress', 'closed'] as const

function identityFor(random: () => number): Identity {
  const name = syntheticName(random)
  const names: Identity['names'] = [{ script: 'latin', value: name.latin }]
  if (random() < 0.9) names.push({ script: 'hangul', value: name.hangul })
  if (random() < 0.5) names.push({ script: 'hanzi', value: name.hanzi })
  if (random() < 0.4) names.push({ script: 'kana', value: name.kana })
  const year = 1940 + Math.floor(random() * 80)
  return {
    names,
    birth:
      random() < 0.6
        ? { precision: 'year', date: String(year) }
        : { precision: 'approximate_age', approximateAge: 2026 - year },
    sex: random() < 0.55 ? 'female' : 'male',
    phones: [],
  }
}

export async function writePeopleBatch(
  app: AppContext,
  batch: PeopleBatch,
): Promise<{ people: number; cases: number; terms: number }> {
  const db = app.database.db
  const fields = app.crypto.fields
  const now = app.now().toISOString()
  const people: PeopleTable[] = []
  const terms: PersonTermsTable[] = []
  const cases: CasesTable[] = []
  let caseNumber = await counterValue(db, batch.compartment.id, 'case')
  for (let n = batch.from; n <= batch.to; n++) {
    const random = seededRandom(batch.seed * 1_000_003 + n)
    const id = newId()
    const identity = identityFor(random)
    const row: PeopleTable = {
      id,
      compartment_id: batch.compartment.id,
      code: personCode(batch.compartment.code, n),
      identity: await fields.seal(
        db,
        identityAddress({ id, compartment_id: batch.compartment.id }),
        JSON.stringify(identity),
      ),
      has_photo: 0,
      age_band: pick(random, AGE_BANDS),
      situation: pick(random, SITUATIONS),
      arrival_month: `${2000 + Math.floor(random() * 26)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}`,
      languages: JSON.stringify(random() < 0.3 ? ['ko', 'zh'] : ['ko']),
      open_priority: 0,
      open_cases: 0,
      version: 1,
      created_at: now,
      updated_at: now,
      created_by: null,
      last_activity_at: new Date(
        Date.parse('2016-01-01T00:00:00Z') + random() * 10 * 365 * 86_400_000,
      ).toISOString(),
      merged_into_id: null,
    }
    const seen = new Set<string>()
    for (const name of identity.names) {
      for (const t of await fields.indexTerms(db, batch.compartment.id, name.value))
        seen.add(t.term)
    }
    const year = identity.birth?.date
      ? Number(identity.birth.date)
      : 2026 - (identity.birth?.approximateAge ?? 0)
    seen.add(await fields.exactTerm(db, batch.compartment.id, `y:${year}`))
    for (const term of seen)
      terms.push({ person_id: id, compartment_id: batch.compartment.id, term, code: row.code })
    // About a third of people have a case; a tenth of those two.
    const caseCount = random() < 0.33 ? (random() < 0.1 ? 2 : 1) : 0
    let open = 0
    for (let c = 0; c < caseCount; c++) {
      caseNumber += 1
      const status = pick(random, STATUSES)
      if (status !== 'closed') open += 1
      const opened = new Date(Date.parse(row.last_activity_at) - random() * 400 * 86_400_000)
        .toISOString()
        .slice(0, 10)
      cases.push({
        id: newId(),
        code: caseCode(batch.compartment.code, caseNumber),
        compartment_id: batch.compartment.id,
        person_id: id,
        type: pick(random, CASE_TYPES),
        status,
        outcome: status === 'closed' ? 'resolved' : null,
        priority: pick(random, ['low', 'normal', 'normal', 'high', 'urgent'] as const),
        assignee_id: null,
        opened_on: opened,
        closed_on: status === 'closed' ? row.last_activity_at.slice(0, 10) : null,
        summary: null,
        version: 1,
        created_at: now,
        updated_at: now,
        created_by: null,
        last_activity_at: row.last_activity_at,
      })
    }
    row.open_cases = open
    row.open_priority = open > 0 ? 2 : 0
    people.push(row)
  }
  await db.transaction().execute(async (trx) => {
    await insertPeopleBatch(trx, { people, terms, cases })
    await setCounter(trx, batch.compartment.id, 'person', batch.to)
    await setCounter(trx, batch.compartment.id, 'case', caseNumber)
  })
  return { people: people.length, cases: cases.length, terms: terms.length }
}
