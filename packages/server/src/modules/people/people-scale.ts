import type { ScaleStep } from '../../haven-module.js'
import { counterValue } from './person-store.js'
import { writePeopleBatch } from './synthetic-people.js'

/**
 * People with their cases and blind-index terms, spread evenly over the compartments. The
 * compartment's person counter says how far an earlier run got: the run continues after it.
 */
export const peopleScale: ScaleStep = {
  name: 'people',
  total: (options) => options.people,
  async run(app, run) {
    const db = app.database.db
    const count = run.compartments.length
    const rows = { people: 0, cases: 0, person_terms: 0 }
    const targets = run.compartments.map(
      (_, index) => Math.floor(run.people / count) + (index < run.people % count ? 1 : 0),
    )
    const existing: number[] = []
    for (const [index, compartment] of run.compartments.entries()) {
      const counter = await counterValue(db, compartment.id, 'person')
      existing.push(Math.min(counter, targets[index] ?? 0))
    }
    const already = existing.reduce((a, b) => a + b, 0)
    let done = already
    run.progress(done, already)
    for (const [index, compartment] of run.compartments.entries()) {
      const target = targets[index] ?? 0
      for (let from = (existing[index] ?? 0) + 1; from <= target; from += run.batchSize) {
        const to = Math.min(target, from + run.batchSize - 1)
        const written = await writePeopleBatch(app, {
          compartment,
          from,
          to,
          seed: run.seed + index,
        })
        rows.people += written.people
        rows.cases += written.cases
        rows.person_terms += written.terms
        done += written.people
        run.progress(done, already)
      }
    }
    return rows
  },
}
