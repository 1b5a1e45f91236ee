import type { AppContext } from '../app-context.js'
import { audit } from '../auth/auth-audit.js'
import { createCompartment } from '../compartments/compartment-service.js'
import { findCompartmentByCode } from '../compartments/compartment-store.js'
import type { CompartmentsTable } from '../compartments/compartment-tables.js'
import { refreshStatistics } from '../db/maintenance-store.js'
import type { ScaleOptions, ScaleStep } from '../haven-module.js'

export interface ScaleResult {
  compartments: number
  /** Rows added by this run, by table (people, cases, person_terms, …). */
  rows: Record<string, number>
  seconds: number
}

/**
 * Fills a database with synthetic compartments and then each module's scale step (in the order of
 * the modules list: people and cases, distributions…) at any scale, in bounded memory (one batch
 * at a time). Idempotent: a second run with the same numbers adds nothing, and a run
 * that was stopped continues where it left off.
 */
export async function generateScale(
  app: AppContext,
  options: ScaleOptions,
  steps: readonly ScaleStep[] = app.modules.flatMap((m) => (m.scale ? [m.scale] : [])),
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
    await refreshStatistics(app.database.db)
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
