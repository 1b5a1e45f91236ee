import loadHighs, { type Highs } from 'highs'
import type { ReadTable } from './public-page.js'

/**
 * The attacker: everything read from several published pages, joined by what an outsider can
 * assume — tables of the same people in the same year are breakdowns of one population, so a
 * route's count is the sum of its cells by route and sex, and a total is the sum of its rows.
 * For each unknown count it solves two integer programmes (smallest, largest value consistent
 * with everything printed). Independent of the disclosure engine: its own model, its own calls
 * to the HiGHS library.
 */

let highs: Promise<Highs> | undefined

/** An unknown: the true count of one group in one year, named by its labels. */
export interface Unknown {
  readonly year: number
  /** e.g. `route=A`, `route=A&sex=F`, `total` */
  readonly group: string
}

export interface Observation extends Unknown {
  readonly lower: number
  readonly upper: number
}

/** The reader's bounds on one group. */
export interface Inferred extends Unknown {
  readonly lower: number
  readonly upper: number
}

const name = (u: Unknown) => `x_${u.year}_${u.group.replace(/[^A-Za-z0-9]/g, '_')}`

/**
 * Observations from pages printed by route, by sex, and by route × sex: each cell an interval
 * on its group. `headings` says which heading holds which breakdown.
 */
export function observe(
  year: number,
  tables: readonly ReadTable[],
  headings: Readonly<Record<string, readonly string[]>>,
): Observation[] {
  return tables.flatMap((t) => {
    const dims = headings[t.heading]
    if (!dims) return []
    return t.cells.map((c) => ({
      year,
      group: dims.map((d, i) => `${d}=${c.labels[i] ?? ''}`).join('&'),
      lower: c.lower,
      upper: c.upper,
    }))
  })
}

/**
 * The tightest bounds on every group of `routes` × `sexes` (and their margins) in each year the
 * observations cover, given every observation at once.
 */
export async function infer(
  observations: readonly Observation[],
  routes: readonly string[],
  sexes: readonly string[],
): Promise<Inferred[]> {
  highs ??= loadHighs()
  const solver = await highs
  const years = [...new Set(observations.map((o) => o.year))]
  const constraints: string[] = []
  const variables: Unknown[] = []
  for (const year of years) {
    const cell = (r: string, s: string): Unknown => ({ year, group: `route=${r}&sex=${s}` })
    const byRoute = (r: string): Unknown => ({ year, group: `route=${r}` })
    const bySex = (s: string): Unknown => ({ year, group: `sex=${s}` })
    for (const r of routes) for (const s of sexes) variables.push(cell(r, s))
    for (const r of routes) {
      variables.push(byRoute(r))
      constraints.push(
        `${sexes.map((s) => name(cell(r, s))).join(' + ')} - ${name(byRoute(r))} = 0`,
      )
    }
    for (const s of sexes) {
      variables.push(bySex(s))
      constraints.push(`${routes.map((r) => name(cell(r, s))).join(' + ')} - ${name(bySex(s))} = 0`)
    }
  }
  const known = new Set(variables.map(name))
  for (const o of observations) {
    const v = name(o)
    if (!known.has(v)) continue
    constraints.push(`${v} >= ${o.lower}`)
    if (Number.isFinite(o.upper)) constraints.push(`${v} <= ${o.upper}`)
  }
  const solve = (sense: 'Minimize' | 'Maximize', target: string) => {
    const lp = [
      sense,
      ` obj: ${target}`,
      'Subject To',
      ...constraints.map((c, i) => ` c${i}: ${c}`),
      'Bounds',
      ...variables.map((v) => ` 0 <= ${name(v)} <= 100000`),
      'General',
      ` ${variables.map(name).join(' ')}`,
      'End',
    ].join('\n')
    const result = solver.solve(lp)
    if (result.Status !== 'Optimal') throw new Error(`the attack's model is ${result.Status}`)
    return Math.round(result.Columns[target]?.Primal ?? Number.NaN)
  }
  return variables.map((v) => ({
    ...v,
    lower: solve('Minimize', name(v)),
    upper: solve('Maximize', name(v)),
  }))
}

/**
 * The small counts the attacker pinned down: a true count in 1..k−1 whose inferred interval is
 * narrower than k (the reader knows it to within fewer than k people).
 */
export function recovered(
  inferred: readonly Inferred[],
  truth: (u: Unknown) => number,
  k: number,
): (Inferred & { readonly truth: number })[] {
  return inferred.flatMap((i) => {
    const t = truth(i)
    return t >= 1 && t < k && i.upper - i.lower < k ? [{ ...i, truth: t }] : []
  })
}
