import { sql } from 'kysely'
import type { AppContext } from '../app-context.js'
import { audit } from '../auth/auth-audit.js'
import { createCompartment } from '../compartments/compartment-service.js'
import { findCompartmentByCode } from '../compartments/compartment-store.js'
import type { CompartmentsTable } from '../compartments/compartment-tables.js'
import { isPostgres } from '../db/dialect.js'
import { SCALE_STEPS } from './scale-steps.js'

export interface ScaleOptions {
  people: number
  /** Anonymous-headcount distributions over ten years (0 or unset: none). */
  distributions?: number
  /** People per compartment (shelters and regions); the count of compartments follows. */
  peoplePerCompartment?: number
  batchSize?: number
  seed?: number
  /** `already`: how many were there before this run (not counted in the rate). */
  onProgress?: (step: string, done: number, total: number, already: number) => void
}

/** What every step is given: the options with defaults filled in, and the compartments to fill. */
export interface ScaleRun {
  people: number
  distributions: number
  batchSize: number
  seed: number
  compartments: readonly CompartmentsTable[]
  /** Reports how many are there now; `already` of them were there before this run. */
  progress: (done: number, already: number) => void
}

/**
 * One kind of data the generator writes (people with their cases; later distributions, stock…).
 * A step is idempotent on its own: it finds how far an earlier run got and continues from there,
 * one bounded batch per transaction.
 */
export interface ScaleStep {
  /** What the progress bar counts ("people"). */
  name: string
  /** How many of them a complete run holds (0 leaves the step out). */
  total(options: ScaleOptions): number
  /** Writes what is missing; returns the rows added, by table. */
  run(app: AppContext, run: ScaleRun): Promise<Record<string, number>>
}

export interface ScaleResult {
  compartments: number
  /** Rows added by this run, by table (people, cases, person_terms, …). */
  rows: Record<string, number>
  seconds: number
}

/**
 * Fills a database with synthetic compartments, people and cases at any scale, in bounded memory
 * (one batch at a time). Idempotent: a second run with the same numbers adds nothing, and a run
 * that was stopped continues where it left off.
 */
export async function generateScale(
  app: AppContext,
  options: ScaleOptions,
  steps: readonly ScaleStep[] = SCALE_STEPS,
): Promise<ScaleResult> {
  const started = performance.now()
  const perCompartment = options.peoplePerCompartment ?? 25_000
  const count = Math.max(3, Math.ceil(options.people / perCompartment))
  const compartments = await ensureCompartments(app, count)
  const rows: Record<string, number> = {}
  for (const step of steps) {
    const total = step.total(options)
    if (total === 0) continue
    // Reported before the first batch, so the rate is measured from the start of the step.
    options.onProgress?.(step.name, 0, total, 0)
    const added = await step.run(app, {
      people: options.people,
      distributions: options.distributions ?? 0,
      batchSize: options.batchSize ?? 500,
      seed: options.seed ?? 2006,
      compartments,
      progress: (done, already) => options.onProgress?.(step.name, done, total, already),
    })
    for (const [table, n] of Object.entries(added)) rows[table] = (rows[table] ?? 0) + n
  }
  if (Object.values(rows).some((n) => n > 0)) {
    // Fresh statistics after a bulk load: autovacuum may take long to notice it, and until then
    // the planner guesses (PostgreSQL; SQLite plans without statistics unless asked to keep them).
    if (isPostgres(app.database.db)) await sql`analyze`.execute(app.database.db)
    await audit(app, app.database.db, {
      actorId: null,
      action: 'synthetic.generated',
      details: { ...rows, compartments: count },
    })
  }
  return { compartments: count, rows, seconds: (performance.now() - started) / 1000 }
}

async function ensureCompartments(app: AppContext, count: number): Promise<CompartmentsTable[]> {
  const db = app.database.db
  const digits = Math.max(2, String(count).length)
  const compartments: CompartmentsTable[] = []
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
  return compartments
}
