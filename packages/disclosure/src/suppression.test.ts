import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { exactly } from './bounds.js'
import { hiddenBounds } from './knowledge.js'
import { createHighsSolver } from './lp/highs-solver.js'
import type { LpSolver } from './lp/linear-program.js'
import { lpPerturbationSearch } from './lp-perturbation.js'
import { networkPerturbationSearch } from './network-perturbation.js'
import type { PerturbationInput } from './perturbation.js'
import { DEFAULT_POLICY } from './policy.js'
import { protectionFor } from './protection.js'
import { chooseSuppressions, hidingCost } from './suppression.js'
import { twoWayTable } from './table.js'
import { primaryCells } from './threshold.js'

let solver: LpSolver
beforeAll(async () => {
  solver = await createHighsSolver()
})

const rule = DEFAULT_POLICY.rules['people-protected']

const gridArb = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
  .chain(([r, c]) =>
    fc.array(
      fc.array(fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 10, max: 50 })), {
        minLength: c,
        maxLength: c,
      }),
      {
        minLength: r,
        maxLength: r,
      },
    ),
  )

function inputFor(grid: number[][]): PerturbationInput {
  const table = twoWayTable({
    id: 't',
    measure: 'm',
    rows: { name: 'r', labels: grid.map((_, i) => `r${i}`) },
    columns: { name: 'c', labels: (grid[0] ?? []).map((_, j) => `c${j}`) },
    values: grid,
  })
  const values = table.cells.map((c) => c.value)
  const hidden = new Set(primaryCells(table, rule, values).map((p) => p.index))
  return {
    table,
    values,
    hidden,
    shown: (i) => exactly(values[i] ?? 0),
    hiddenBounds: (i) => hiddenBounds(rule, table, values[i] ?? 0),
    hideable: (i) => (values[i] ?? 0) > 0,
    cost: (i) => hidingCost(values[i] ?? 0, table.cells[i]?.level ?? 0),
  }
}

// Property tests run hundreds of cases: give them time on a small, busy machine.
describe('perturbation searches', { timeout: 60_000 }, () => {
  it('min-cost flow and the linear programme find equally cheap perturbations', () => {
    fc.assert(
      fc.property(
        gridArb,
        fc.nat(),
        fc.constantFrom('up' as const, 'down' as const),
        fc.integer({ min: 1, max: 12 }),
        (grid, pick, direction, amount) => {
          const input = inputFor(grid)
          const targets = [...input.hidden]
          const target = targets[pick % Math.max(1, targets.length)]
          if (target === undefined) return
          const network = networkPerturbationSearch(input)
          const lp = lpPerturbationSearch(input, solver)
          try {
            const a = network.cheapest(target, direction, amount)
            const b = lp.cheapest(target, direction, amount)
            expect(a === undefined).toBe(b === undefined)
            if (a && b) expect(a.cost).toBeCloseTo(b.cost, 6)
            expect(network.maxMovement(target, direction)).toBeCloseTo(
              lp.maxMovement(target, direction),
              6,
            )
          } finally {
            network.close()
            lp.close()
          }
        },
      ),
      { numRuns: 150 },
    )
  })

  it('both methods protect every primary; the audit agrees', () => {
    fc.assert(
      fc.property(gridArb, (grid) => {
        const input = inputFor(grid)
        const values = input.values
        const primaries = new Map(
          [...input.hidden].map((i) => [
            i,
            protectionFor(rule, values[i] ?? 0, input.hiddenBounds(i)),
          ]),
        )
        for (const method of ['network', 'linear-programme'] as const) {
          const pattern = chooseSuppressions(
            {
              table: input.table,
              values,
              primaries,
              shown: input.shown,
              hidden: input.hiddenBounds,
              hideable: input.hideable,
            },
            solver,
            { method },
          )
          for (const [cell, requirement] of primaries) {
            const interval = pattern.intervals.get(cell)
            expect(interval && interval.upper - interval.lower).toBeGreaterThanOrEqual(
              requirement.width,
            )
          }
        }
      }),
      { numRuns: 60 },
    )
  })

  it('prefers the smallest cells and leaves totals alone when cells will do', () => {
    const input = inputFor([
      [2, 40, 11],
      [30, 12, 45],
    ])
    const network = networkPerturbationSearch(input)
    const found = network.cheapest(0, 'up', 8)
    const keys = found?.cells.map((c) => input.table.cells[c]?.key)
    // Moving r0|c0 up by 8 around a rectangle costs (1 + value) per unit for each corner:
    // through c1, 41 + 31 + 13 = 85; through c2, 12 + 31 + 46 = 89; any total costs more.
    expect(keys?.sort()).toEqual(['r=r0|c=c1', 'r=r1|c=c0', 'r=r1|c=c1'])
    expect(found?.cost).toBe(8 * 85)
  })
})
