import type { AppContext } from '../app-context.js'
import { audit } from '../auth/auth-audit.js'
import { createCompartment } from '../compartments/compartment-service.js'
import { findCompartmentByCode } from '../compartments/compartment-store.js'
import type { CompartmentsTable } from '../compartments/compartment-tables.js'
import { writePeopleBatch } from './synthetic-people.js'

export interface ScaleOptions {
  people: number
  /** People per compartment (shelters and regions); the count of compartments follows. */
  peoplePerCompartment?: number
  batchSize?: number
  seed?: number
  onProgress?: (step: string, done: number, total: number) => void
}

export interface ScaleResult {
  compartments: number
  people: number
  cases: number
  terms: number
  seconds: number
}

/**
 * Fills a database with synthetic compartments, people and cases at any scale, in bounded memory
 * (one batch at a time). Idempotent: a second run with the same numbers adds nothing, and a run
 * that was stopped continues where it left off.
 */
export async function generateScale(app: AppContext, options: ScaleOptions): Promise<ScaleResult> {
  const started = performance.now()
  const perCompartment = options.peoplePerCompartment ?? 25_000
  const batchSize = options.batchSize ?? 500
  const seed = options.seed ?? 2006
  const count = Math.max(3, Math.ceil(options.people / perCompartment))
  const db = app.database.db
  const compartments: CompartmentsTable[] = []
  const digits = Math.max(2, String(count).length)
  for (let i = 1; i <= count; i++) {
    const code = `SYN-${String(i).padStart(digits, '0')}`
    compartments.push(
      (await findCompartmentByCode(db, code)) ??
        (await createCompartment(
          app,
          db,
          { code, name: `Synthetic shelter ${i}`, kind: 'shelter' },
          { actorId: null, requestId: null },
        )),
    )
  }
  const totals = { people: 0, cases: 0, terms: 0 }
  let done = 0
  for (const [index, compartment] of compartments.entries()) {
    const target = Math.floor(options.people / count) + (index < options.people % count ? 1 : 0)
    const counter = await db
      .selectFrom('compartment_counters')
      .select('value')
      .where('compartment_id', '=', compartment.id)
      .where('kind', '=', 'person')
      .executeTakeFirst()
    const existing = Math.min(Number(counter?.value ?? 0), target)
    done += existing
    for (let from = existing + 1; from <= target; from += batchSize) {
      const to = Math.min(target, from + batchSize - 1)
      const written = await writePeopleBatch(app, { compartment, from, to, seed: seed + index })
      totals.people += written.people
      totals.cases += written.cases
      totals.terms += written.terms
      done += written.people
      options.onProgress?.('people', done, options.people)
    }
  }
  options.onProgress?.('people', options.people, options.people)
  if (totals.people > 0) {
    await audit(app, db, {
      actorId: null,
      action: 'synthetic.generated',
      details: { people: totals.people, cases: totals.cases, compartments: count },
    })
  }
  return { compartments: count, ...totals, seconds: (performance.now() - started) / 1000 }
}
