import { beforeAll, describe, expect, it } from 'vitest'
import { createHighsSolver } from './highs-solver.js'
import { type LpSolver, withSession } from './linear-program.js'

let solver: LpSolver
beforeAll(async () => {
  solver = await createHighsSolver()
})

describe('HiGHS solver', () => {
  it('minimises and maximises over one loaded model, reusing it', () => {
    // x + y = 10, 0 ≤ x ≤ 7, y ≥ 0
    withSession(
      solver,
      {
        columns: 2,
        lower: [0, 0],
        upper: [7, Infinity],
        rows: [{ indices: [0, 1], coefficients: [1, 1], lower: 10, upper: 10 }],
      },
      (session) => {
        expect(session.optimize('minimize', { indices: [1], coefficients: [1] })).toMatchObject({
          objective: 3,
        })
        expect(session.optimize('maximize', { indices: [1], coefficients: [1] })).toMatchObject({
          objective: 10,
        })
        expect(session.optimize('maximize', [1, 0], { values: true })).toMatchObject({
          objective: 7,
          values: new Float64Array([7, 3]),
        })
        session.setColumnBounds(0, 0, 2)
        expect(session.optimize('minimize', [0, 1])).toMatchObject({ objective: 8 })
      },
    )
  })

  it('says unbounded and infeasible rather than inventing numbers', () => {
    withSession(
      solver,
      {
        columns: 2,
        lower: [0, 0],
        upper: [Infinity, Infinity],
        rows: [{ indices: [0, 1], coefficients: [1, -1], lower: 0, upper: 0 }],
      },
      (session) => {
        expect(session.optimize('maximize', [1, 0])).toEqual({ status: 'unbounded' })
        expect(session.optimize('minimize', [1, 0])).toMatchObject({
          status: 'optimal',
          objective: 0,
        })
      },
    )
    withSession(
      solver,
      {
        columns: 1,
        lower: [0],
        upper: [1],
        rows: [{ indices: [0], coefficients: [1], lower: 5, upper: 5 }],
      },
      (session) => {
        expect(session.optimize('maximize', [1]).status).toBe('infeasible')
      },
    )
  })

  it('solves the same programme over whole numbers when asked', () => {
    // 2x + 2y ≤ 5: x + y reaches 2.5 over real numbers, 2 over whole ones.
    withSession(
      solver,
      {
        columns: 2,
        lower: [0, 0],
        upper: [Infinity, Infinity],
        rows: [{ indices: [0, 1], coefficients: [2, 2], lower: -Infinity, upper: 5 }],
      },
      (session) => {
        expect(session.optimize('maximize', [1, 1])).toMatchObject({ objective: 2.5 })
        expect(session.optimizeInteger('maximize', [1, 1])).toEqual({
          status: 'optimal',
          objective: 2,
        })
        session.setColumnBounds(0, 0, 0)
        expect(session.optimizeInteger('maximize', { indices: [1], coefficients: [1] })).toEqual({
          status: 'optimal',
          objective: 2,
        })
      },
    )
  })

  it('handles a programme with no variables', () => {
    withSession(solver, { columns: 0, lower: [], upper: [], rows: [] }, (session) => {
      expect(session.optimize('maximize', [])).toMatchObject({ status: 'optimal', objective: 0 })
    })
  })
})
