import loadHighs from 'highs'
import type { DisclosureRule } from '../policy.js'
import type { ProtectedTable } from '../protected-table.js'

/**
 * Test support: a reader's attack on a published table, written apart from the engine so
 * it can check the engine. It sees only what is public — each cell's rendering and the
 * table's shape (which cells are totals of which) — plus the published policy, derives the
 * equations from the coordinates itself, and solves every min/max with HiGHS's one-shot
 * CPLEX-LP text interface (a different path through the solver from the engine's sessions).
 * Counts are whole numbers, so bounds are rounded inward, as a reader would.
 */
export interface AttackedCell {
  readonly index: number
  readonly lower: number
  readonly upper: number
}

type Highs = Awaited<ReturnType<typeof loadHighs>>
let highs: Promise<Highs> | undefined

export async function attack(published: ProtectedTable): Promise<Map<number, AttackedCell>> {
  if (!highs) highs = loadHighs()
  const solver = await highs
  const rule: DisclosureRule = published.rule
  const cells = published.cells
  // What the reader knows of each cell on sight.
  const known = cells.map((cell) => {
    const r = cell.rendering
    if (r.kind === 'number') return { lower: r.value, upper: r.value }
    if (r.kind === 'rounded')
      return r.value === 0
        ? { lower: 0, upper: r.base - 1 }
        : { lower: Math.max(rule.threshold, r.value - r.base + 1), upper: r.value + r.base - 1 }
    if (r.kind === 'word')
      return { lower: r.band.from, upper: r.band.to ?? Number.POSITIVE_INFINITY }
    return { lower: rule.showZero ? 1 : 0, upper: Number.POSITIVE_INFINITY }
  })
  // Equations from coordinates alone: a cell with a null coordinate sums the cells that differ
  // from it only in that coordinate.
  const byCoordinates = new Map(cells.map((c) => [JSON.stringify(c.coordinates), c.index]))
  const equations: { total: number; parts: number[] }[] = []
  for (const cell of cells)
    cell.coordinates.forEach((c, d) => {
      if (c !== null) return
      const parts: number[] = []
      for (let l = 0; ; l++) {
        const coordinates = [...cell.coordinates]
        coordinates[d] = l
        const part = byCoordinates.get(JSON.stringify(coordinates))
        if (part === undefined) break
        parts.push(part)
      }
      equations.push({ total: cell.index, parts })
    })
  const name = (i: number) => `x${i}`
  const constraints = equations.map(
    (e, k) => ` e${k}: ${e.parts.map(name).join(' + ')} - ${name(e.total)} = 0`,
  )
  const bounds = known.map((b, i) =>
    b.upper === Number.POSITIVE_INFINITY
      ? ` ${name(i)} >= ${b.lower}`
      : ` ${b.lower} <= ${name(i)} <= ${b.upper}`,
  )
  const model = (sense: 'Minimize' | 'Maximize', target: number) =>
    `${sense}\n obj: ${name(target)}\nSubject To\n${constraints.join('\n')}\nBounds\n${bounds.join('\n')}\nEnd\n`
  const out = new Map<number, AttackedCell>()
  for (const cell of cells) {
    if (cell.rendering.kind === 'number') continue
    const solve = (sense: 'Minimize' | 'Maximize') => {
      let result = solver.solve(model(sense, cell.index), { output_flag: false })
      // Presolve may not tell unbounded from infeasible; without it HiGHS says which.
      if (result.Status === 'Primal infeasible or unbounded')
        result = solver.solve(model(sense, cell.index), { output_flag: false, presolve: 'off' })
      if (result.Status === 'Optimal') return result.ObjectiveValue
      if (result.Status === 'Unbounded')
        return sense === 'Maximize' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY
      throw new Error(`attacker LP for ${cell.key}: ${result.Status}`)
    }
    out.set(cell.index, {
      index: cell.index,
      lower: Math.ceil(solve('Minimize') - 1e-6),
      upper: Math.floor(solve('Maximize') + 1e-6),
    })
  }
  return out
}
