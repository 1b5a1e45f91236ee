import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { checkDifferencing, definitionWithin, describeDifference } from './differencing-guard.js'
import { DisclosureError } from './errors.js'
import type { FigureDefinition, FilterSet, PublishedFigure, PublishedValue } from './figure.js'
import {
  appendRelease,
  type DisclosureLedger,
  EMPTY_LEDGER,
  type LedgerRelease,
  parseLedger,
} from './ledger.js'
import { createHighsSolver } from './lp/highs-solver.js'
import type { LpSolver } from './lp/linear-program.js'
import { DEFAULT_POLICY } from './policy.js'
import { protectTable } from './protect-table.js'
import type { Sensitivity } from './sensitivity.js'
import { oneWayTable, twoWayTable } from './table.js'
import { tableFigures } from './table-figures.js'

let solver: LpSolver
beforeAll(async () => {
  solver = await createHighsSolver()
})

const year = (y: number) => ({ from: `${y}-01-01`, to: `${y + 1}-01-01` })
const since2000 = (end: number) => ({ from: '2000-01-01', to: `${end + 1}-01-01` })

function figure(
  id: string,
  period: { from: string; to: string },
  published: PublishedValue,
  filters: Record<string, FilterSet> = {},
  extra: Partial<FigureDefinition> = {},
  sensitivity: Sensitivity = 'people-protected',
): PublishedFigure {
  return {
    id,
    label: id,
    definition: { measure: 'resettled', population: 'people protected', filters, period, ...extra },
    published,
    sensitivity,
  }
}
const exact = (value: number): PublishedValue => ({ kind: 'exact', value })
const hidden = (protection = 10): PublishedValue => ({ kind: 'hidden', atLeast: 1, protection })
const release = (id: string, figures: PublishedFigure[]): LedgerRelease => ({
  id,
  title: id,
  date: `${id.slice(-4)}-06-30`,
  figures,
})
const ledgerOf = (...releases: LedgerRelease[]): DisclosureLedger =>
  releases.reduce(appendRelease, EMPTY_LEDGER)

describe('differencing guard: the attacks of issue #9', () => {
  it('(a) catches a cumulative total minus last year’s published total', () => {
    const ledger = ledgerOf(
      release('annual-2005', [
        figure('cumulative', since2000(2005), exact(57), {}, { cumulative: true }),
      ]),
    )
    const next = release('annual-2006', [
      figure('cumulative', since2000(2006), exact(63), {}, { cumulative: true }),
    ])
    const result = checkDifferencing(ledger, next, DEFAULT_POLICY, solver)
    expect(result.refusals).toHaveLength(1)
    const [finding] = result.refusals
    expect(finding).toMatchObject({
      kind: 'difference',
      derived: { lower: 6, upper: 6 },
      description: { periods: [{ from: '2006-01-01', to: '2007-01-01' }] },
    })
    if (finding?.kind !== 'difference') throw new Error()
    // The refusal names both figures and their releases.
    expect(finding.figures.map((f) => `${f.releaseId}/${f.id}`)).toEqual([
      'annual-2006/cumulative',
      'annual-2005/cumulative',
    ])
  })

  it('(b) catches a sub-population published now against the total published last year', () => {
    const ledger = ledgerOf(release('annual-2005', [figure('total-2005', year(2005), exact(34))]))
    const next = release('annual-2006', [
      figure('unhcr-or-underground-2005', year(2005), exact(30), {
        pathway: { in: ['UNHCR', 'underground'] },
      }),
    ])
    const result = checkDifferencing(ledger, next, DEFAULT_POLICY, solver)
    expect(result.refusals).toHaveLength(1)
    expect(result.refusals[0]).toMatchObject({
      kind: 'difference',
      derived: { lower: 4, upper: 4 },
      description: { dimension: { name: 'pathway', values: [], except: ['UNHCR', 'underground'] } },
    })
  })

  it('(b) names a hidden count revealed by its complement and the total', () => {
    const ledger = ledgerOf(
      release('annual-2005', [
        figure('consulate-2005', year(2005), hidden(), { pathway: { in: ['consulate'] } }),
        figure('total-2005', year(2005), exact(34)),
      ]),
    )
    const next = release('annual-2006', [
      figure('not-consulate-2005', year(2005), exact(30), { pathway: { notIn: ['consulate'] } }),
    ])
    const result = checkDifferencing(ledger, next, DEFAULT_POLICY, solver)
    const revealed = result.refusals.find((f) => f.kind === 'hidden-revealed')
    expect(revealed).toMatchObject({
      kind: 'hidden-revealed',
      hidden: { releaseId: 'annual-2005', id: 'consulate-2005' },
      interval: { lower: 4, upper: 4 },
      required: 10,
    })
    if (revealed?.kind !== 'hidden-revealed') throw new Error()
    expect(revealed.figures.map((f) => f.id)).toContain('not-consulate-2005')
  })

  it('catches a small group pinned by three figures, none of which contains another', () => {
    const pathway = (p: string) => ({ pathway: { in: [p] } })
    const ledger = ledgerOf(
      release('annual-2005', [
        figure('unhcr', year(2005), exact(20), pathway('UNHCR')),
        figure('consulate', year(2005), exact(15), pathway('consulate')),
      ]),
    )
    const next = release('annual-2006', [
      figure('three-pathways', year(2005), exact(40), {
        pathway: { in: ['UNHCR', 'consulate', 'underground'] },
      }),
    ])
    const result = checkDifferencing(ledger, next, DEFAULT_POLICY, solver)
    expect(result.refusals).toHaveLength(1)
    expect(result.refusals[0]).toMatchObject({
      kind: 'small-group',
      group: { filters: { pathway: 'underground' }, period: year(2005) },
      interval: { lower: 5, upper: 5 },
    })
  })

  it('refuses a silent revision of a published figure', () => {
    const ledger = ledgerOf(release('annual-2005', [figure('total-2005', year(2005), exact(34))]))
    const next = release('annual-2006', [figure('total-2005-revised', year(2005), exact(36))])
    expect(checkDifferencing(ledger, next, DEFAULT_POLICY, solver).refusals[0]).toMatchObject({
      kind: 'revision',
    })
  })

  it('reports what earlier releases already revealed as a risk, not a refusal', () => {
    const ledger = ledgerOf(
      release('annual-2004', [figure('cumulative', since2000(2004), exact(50))]),
      release('annual-2005', [figure('cumulative', since2000(2005), exact(53))]),
    )
    const next = release('annual-2006', [figure('y2006', year(2006), exact(25))])
    const result = checkDifferencing(ledger, next, DEFAULT_POLICY, solver)
    expect(result.refusals).toEqual([])
    // 2005 alone was 53 − 50 = 3: the 2005 release did that, and the review says so.
    expect(result.risks).toMatchObject([
      {
        kind: 'small-group',
        group: { period: year(2005) },
        interval: { lower: 3, upper: 3 },
        alreadyRevealed: true,
      },
    ])
  })

  it('passes an innocent sequence of releases', () => {
    const pathwayTable = (id: string, values: number[][]) =>
      protectTable(
        twoWayTable({
          id,
          measure: 'resettled',
          rows: { name: 'pathway', labels: ['UNHCR', 'consulate', 'underground'] },
          columns: { name: 'half', labels: ['H1', 'H2'] },
          values,
        }),
        DEFAULT_POLICY,
        { solver },
      )
    const r2005 = pathwayTable('pathways', [
      [14, 16],
      [3, 12],
      [11, 20],
    ])
    const r2006 = pathwayTable('pathways', [
      [18, 11],
      [12, 2],
      [15, 17],
    ])
    const context = (y: number) => ({
      population: 'people protected',
      period: year(y),
      filters: {},
    })
    const ledger = ledgerOf(
      release('annual-2005', [
        ...tableFigures(r2005, context(2005)),
        figure('cumulative', since2000(2005), exact(236), {}, { cumulative: true }),
      ]),
    )
    const next = release('annual-2006', [
      ...tableFigures(r2006, context(2006)),
      figure('cumulative', since2000(2006), exact(311), {}, { cumulative: true }),
    ])
    // The tables hide their small cells; cumulative totals differ by a whole year's 75.
    expect(r2006.cells.some((c) => c.rendering.kind === 'suppressed')).toBe(true)
    const result = checkDifferencing(ledger, next, DEFAULT_POLICY, solver)
    expect(result.refusals).toEqual([])
    expect(result.risks).toEqual([])
    expect(result.groupsChecked).toBe(1)
  })

  it('still compares pairs from their definitions when a group has too many atoms', () => {
    const ledger = ledgerOf(
      release('annual-2005', [figure('cumulative', since2000(2005), exact(57))]),
    )
    const next = release('annual-2006', [figure('cumulative', since2000(2006), exact(63))])
    const result = checkDifferencing(ledger, next, DEFAULT_POLICY, solver, { maxAtoms: 1 })
    expect(result.partiallyChecked).toHaveLength(1)
    expect(result.refusals[0]).toMatchObject({
      kind: 'difference',
      derived: { lower: 6, upper: 6 },
    })
  })
})

describe('differencing guard: the sensitivity a figure was published under (issue #14)', () => {
  // "resettled" is unmapped in DEFAULT_POLICY (so the policy would say people-protected, k = 10).
  const twice = (sensitivity: Sensitivity, april: number) => {
    const ledger = ledgerOf(
      release('annual-2005', [
        figure('a', { from: '2005-04-01', to: '2006-04-01' }, exact(20), {}, {}, sensitivity),
      ]),
    )
    const next = release('annual-2006', [
      figure('a', { from: '2005-04-01', to: '2006-05-01' }, exact(20 + april), {}, {}, sensitivity),
    ])
    return checkDifferencing(ledger, next, DEFAULT_POLICY, solver)
  }

  it('applies the threshold of the sensitivity used, whatever the policy maps the measure to', () => {
    // 7 people in April: small for people protected (k = 10), not for people served (k = 5).
    expect(twice('people-protected', 7).refusals).toMatchObject([
      { kind: 'difference', threshold: 10, derived: { lower: 7, upper: 7 } },
    ])
    expect(twice('people-served', 7).refusals).toEqual([])
    expect(twice('people-served', 4).refusals).toMatchObject([{ kind: 'difference', threshold: 5 }])
  })

  it('takes the strictest when the same people were published under different sensitivities', () => {
    const ledger = ledgerOf(
      release('annual-2005', [figure('a', year(2005), exact(20), {}, {}, 'people-protected')]),
    )
    const next = release('annual-2006', [
      figure('a', { from: '2005-01-01', to: '2006-02-01' }, exact(27), {}, {}, 'people-served'),
    ])
    expect(checkDifferencing(ledger, next, DEFAULT_POLICY, solver).refusals).toMatchObject([
      { kind: 'difference', threshold: 10 },
    ])
  })

  it('reads a ledger written before figures recorded their sensitivity as the strictest', () => {
    const legacy = {
      version: 1,
      releases: [
        {
          id: 'old',
          title: 'old',
          date: '2005-06-30',
          figures: [
            {
              id: 'f',
              label: 'f',
              definition: { measure: 'meals', population: 'p', filters: {}, period: year(2005) },
              published: { kind: 'exact', value: 20 },
            },
          ],
        },
      ],
    }
    expect(parseLedger(legacy).releases[0]?.figures[0]?.sensitivity).toBe('people-protected')
  })
})

/** The solver, counting the programmes the guard opens. */
function counting(inner: LpSolver): { solver: LpSolver; opened: () => number } {
  let opened = 0
  return {
    solver: {
      name: inner.name,
      open: (program) => {
        opened++
        return inner.open(program)
      },
    },
    opened: () => opened,
  }
}

describe('differencing guard: groups decided without a programme (boxes)', () => {
  const rescued = (values: number[], labels = values.map((_, i) => `r${i}`), y = 2006) =>
    tableFigures(
      protectTable(
        oneWayTable({
          id: 'rescued',
          measure: 'resettled',
          dimension: { name: 'route', labels },
          values,
        }),
        DEFAULT_POLICY,
        { solver },
      ),
      { population: 'people protected', period: year(y) },
    )
  /** The guard both ways: the answer with boxes, which must equal the programme's, and its cost. */
  const both = (ledger: DisclosureLedger, next: LedgerRelease) => {
    const c = counting(solver)
    const result = checkDifferencing(ledger, next, DEFAULT_POLICY, c.solver)
    expect(result).toEqual(
      checkDifferencing(ledger, next, DEFAULT_POLICY, solver, { boxes: false }),
    )
    return { result, programmes: c.opened() }
  }

  it('decides a count alone in its group (its total, and nobody else) without a programme', () => {
    // 4 people: hidden by the threshold; its total hidden with it; "(other)" is 0.
    const figures = rescued([4], ['all'])
    expect(figures.map((f) => f.published.kind)).toEqual(['hidden', 'hidden', 'exact'])
    const { result, programmes } = both(EMPTY_LEDGER, release('annual-2006', figures))
    expect(programmes).toBe(0)
    expect(result).toMatchObject({ refusals: [], risks: [], groupsChecked: 1 })
  })

  it('still refuses, without a programme, a lone count printed in a band narrower than its protection', () => {
    const next = release('annual-2006', [
      figure('lone', year(2006), { kind: 'range', lower: 1, upper: 3, protection: 10 }),
    ])
    const { result, programmes } = both(EMPTY_LEDGER, next)
    expect(programmes).toBe(0)
    expect(result.refusals).toMatchObject([
      { kind: 'hidden-revealed', interval: { lower: 1, upper: 3 }, required: 10 },
    ])
  })

  it('decides a breakdown printed exactly with its total without a programme, small parts too', () => {
    // Protected, the 3 would be hidden; printed exactly (a caller's mistake), the guard sees it.
    const next = release('annual-2006', [
      figure('a', year(2006), exact(20), { route: { in: ['A'] } }),
      figure('b', year(2006), exact(3), { route: { in: ['B'] } }),
      figure('total', year(2006), exact(23)),
      figure('others', year(2006), exact(0), { route: { notIn: ['A', 'B'] } }),
    ])
    const { result, programmes } = both(EMPTY_LEDGER, next)
    expect(programmes).toBe(0)
    expect(result.refusals.map((f) => f.kind)).toContain('difference')
    // A large breakdown printed whole passes, still without a programme.
    const fine = both(EMPTY_LEDGER, release('annual-2006', rescued([20, 14, 31])))
    expect(fine).toMatchObject({ programmes: 0, result: { refusals: [] } })
  })

  it('solves the programme when the bounds of single figures do not imply the rest', () => {
    // The hidden consulate count is [1, ∞) on its own and 30 + it ≠ 34 for most of that range:
    // only the programme finds it pinned to 4.
    const ledger = ledgerOf(
      release('annual-2005', [
        figure('consulate-2005', year(2005), hidden(), { pathway: { in: ['consulate'] } }),
        figure('total-2005', year(2005), exact(34)),
      ]),
    )
    const next = release('annual-2006', [
      figure('not-consulate-2005', year(2005), exact(30), { pathway: { notIn: ['consulate'] } }),
    ])
    const { result, programmes } = both(ledger, next)
    expect(programmes).toBeGreaterThan(0)
    expect(result.refusals).toContainEqual(
      expect.objectContaining({ kind: 'hidden-revealed', interval: { lower: 4, upper: 4 } }),
    )
    // The same with a breakdown: a hidden part of an exact total is not a box either.
    const parts = both(
      EMPTY_LEDGER,
      release('annual-2006', [
        figure('a', year(2006), exact(15), { route: { in: ['A'] } }),
        figure('b', year(2006), hidden(), { route: { in: ['B'] } }),
        figure('total', year(2006), exact(20)),
        figure('others', year(2006), exact(0), { route: { notIn: ['A', 'B'] } }),
      ]),
    )
    expect(parts.programmes).toBeGreaterThan(0)
    expect(parts.result.refusals).toContainEqual(
      expect.objectContaining({ kind: 'hidden-revealed', interval: { lower: 5, upper: 5 } }),
    )
  })

  it('gives the programme’s answer for any figures, whether or not they make a box (property)', {
    timeout: 120_000,
  }, () => {
    const routes = ['A', 'B', 'C']
    const filter = fc.oneof(
      fc.constant(undefined),
      fc
        .subarray(routes, { minLength: 1, maxLength: 2 })
        .chain((values) => fc.constantFrom({ in: values }, { notIn: values })),
    )
    const published = fc.oneof(
      fc.integer({ min: 0, max: 30 }).map(exact),
      fc.integer({ min: 0, max: 30 }).map((v) => exact(v)),
      fc
        .tuple(fc.integer({ min: 0, max: 1 }), fc.constantFrom(0, 10))
        .map(([atLeast, protection]): PublishedValue => ({ kind: 'hidden', atLeast, protection })),
      fc
        .tuple(
          fc.integer({ min: 0, max: 20 }),
          fc.integer({ min: 0, max: 12 }),
          fc.constantFrom(0, 10),
        )
        .map(
          ([lower, width, protection]): PublishedValue => ({
            kind: 'range',
            lower,
            upper: lower + width,
            protection,
          }),
        ),
    )
    const figures = (prefix: string) =>
      fc
        .array(
          fc.record({
            filter,
            published,
            period: fc.constantFrom(year(2005), year(2006), {
              from: '2005-01-01',
              to: '2007-01-01',
            }),
          }),
          { minLength: 1, maxLength: 5 },
        )
        .map((list) =>
          list.map((f, i) =>
            figure(`${prefix}${i}`, f.period, f.published, f.filter ? { route: f.filter } : {}),
          ),
        )
    // Tables as the engine protects them, the usual case: boxes should be common.
    const table = (y: number) =>
      fc
        .array(fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 10, max: 40 })), {
          minLength: 1,
          maxLength: 3,
        })
        .map((values) => rescued(values, routes.slice(0, values.length), y))
    let boxes = 0
    let runs = 0
    fc.assert(
      fc.property(
        fc.oneof(figures('old'), table(2005), table(2006)),
        fc.oneof(figures('new'), table(2006)),
        (earlier, now) => {
          const ledger = ledgerOf(release('annual-2005', earlier))
          const c = counting(solver)
          const result = checkDifferencing(
            ledger,
            release('annual-2006', now),
            DEFAULT_POLICY,
            c.solver,
          )
          const off = counting(solver)
          const programme = checkDifferencing(
            ledger,
            release('annual-2006', now),
            DEFAULT_POLICY,
            off.solver,
            {
              boxes: false,
            },
          )
          expect(result).toEqual(programme)
          runs++
          if (c.opened() < off.opened()) boxes++
        },
      ),
      { numRuns: 200, seed: 2026 },
    )
    // The property compared something: many groups were decided both ways.
    expect(boxes).toBeGreaterThan(runs / 10)
  })
})

describe('figure relationships', () => {
  const def = (filters: Record<string, FilterSet>, period = year(2005)): FigureDefinition => ({
    measure: 'm',
    population: 'p',
    filters,
    period,
  })
  it.each([
    [{ pathway: { in: ['a'] } }, {}, true],
    [{}, { pathway: { in: ['a'] } }, false],
    [{ pathway: { in: ['a'] } }, { pathway: { notIn: ['b'] } }, true],
    [{ pathway: { in: ['b'] } }, { pathway: { notIn: ['b'] } }, false],
    [{ pathway: { notIn: ['a', 'b'] } }, { pathway: { notIn: ['a'] } }, true],
    [{ pathway: { notIn: ['a'] } }, { pathway: { in: ['a', 'b'] } }, false],
  ] as const)('%j within %j: %s', (inner, outer, expected) => {
    expect(definitionWithin(def(inner), def(outer))).toBe(expected)
  })

  it('describes what a larger figure counts that a smaller one does not', () => {
    expect(describeDifference(def({}, since2000(2006)), def({}, since2000(2005)))).toEqual({
      periods: [{ from: '2006-01-01', to: '2007-01-01' }],
    })
    expect(describeDifference(def({ p: { in: ['a', 'b'] } }), def({ p: { in: ['a'] } }))).toEqual({
      dimension: { name: 'p', values: ['b'] },
    })
  })
})

describe('ledger', () => {
  it('refuses a malformed ledger with every problem named', () => {
    try {
      parseLedger({
        version: 1,
        releases: [{ id: 'x', title: 'x', date: '2006', figures: [{ id: 'f' }] }],
      })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(DisclosureError)
      expect((error as DisclosureError).code).toBe('invalid_ledger')
      expect((error as DisclosureError).details.join('\n')).toMatch(/releases\.0\.date/)
    }
  })

  it('refuses recording one release twice', () => {
    const r = release('annual-2005', [figure('t', year(2005), exact(34))])
    expect(() => appendRelease(appendRelease(EMPTY_LEDGER, r), r)).toThrow(/already in the ledger/)
    expect(parseLedger(JSON.parse(JSON.stringify(appendRelease(EMPTY_LEDGER, r))))).toEqual(
      appendRelease(EMPTY_LEDGER, r),
    )
  })
})
