import loadHighs from 'highs'
import type { PublicTable } from './public-view.js'

/**
 * Test support: a reader's attack on everything published, written apart from the engine so it
 * can check the engine. It reads the public views of any number of tables from any number of
 * releases (public-view.ts) and works out, by its own arithmetic:
 *
 * - which published cells count the same people, and how the others overlap: every cell is a
 *   set of people (a measure, a population, categories, a span of time), cut into elementary
 *   groups by every category and period boundary it has seen (a group outside every listed
 *   category is "other");
 * - what it knows of each cell on sight (a number, a rounded number, a word, a dash), that a
 *   "Total" over listed categories leaves nobody in "other", and that a flow table's rows
 *   balance as printed;
 * - then, by linear programming over real numbers and by integer programming over whole
 *   numbers (HiGHS's CPLEX-LP text interface, a different path through the solver from the
 *   engine's), the smallest and largest count of any set of people it can name.
 */
export interface Interval {
  readonly lower: number
  readonly upper: number
}

export interface CellRef {
  readonly release: string
  readonly table: string
  readonly index: number
}

export interface Reader {
  /** The count of one published cell, as far as a reader can narrow it. */
  cell(ref: CellRef): { readonly real: Interval; readonly whole: Interval }
  /** Elementary groups a reader can pin to `lower ≥ 1` and `upper ≤ k − 1`. */
  smallGroups(k: number): { readonly group: string; readonly interval: Interval }[]
  /** Cells within other cells (same people, fewer of them) whose difference is pinned to 1…k−1. */
  smallDifferences(
    k: number,
  ): { readonly larger: CellRef; readonly smaller: CellRef; readonly interval: Interval }[]
}

type Highs = Awaited<ReturnType<typeof loadHighs>>
let highs: Promise<Highs> | undefined

const OTHER = '(other)'

interface Period {
  readonly from: string
  readonly to: string
}

function iso(year: number, month: number): string {
  return new Date(Date.UTC(year, month - 1, 1)).toISOString().slice(0, 10)
}

/** The periods a reader understands in a label (fiscal years start in April). */
function periodOf(label: string): Period {
  let m = /^(\d{4})$/.exec(label)
  if (m) return { from: iso(Number(m[1]), 1), to: iso(Number(m[1]) + 1, 1) }
  m = /^FY(\d{4})$/.exec(label)
  if (m) return { from: iso(Number(m[1]), 4), to: iso(Number(m[1]) + 1, 4) }
  m = /^(\d{4})-(\d{2})$/.exec(label)
  if (m) return { from: iso(Number(m[1]), Number(m[2])), to: iso(Number(m[1]), Number(m[2]) + 1) }
  m = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/.exec(label)
  if (m?.[1] && m[2]) return { from: m[1], to: m[2] }
  throw new Error(`the reader cannot read the period "${label}"`)
}

/** A set of people named by the report. */
interface PeopleSet {
  readonly measure: string
  readonly filters: ReadonlyMap<string, readonly string[]>
  readonly period: Period
}

interface Constraint {
  readonly set: PeopleSet
  readonly lower: number
  readonly upper: number
}

export async function read(tables: readonly PublicTable[]): Promise<Reader> {
  if (!highs) highs = loadHighs()
  const solver = await highs

  // 1. Every cell as a set of people, with what its rendering says.
  const cellSets = new Map<string, PeopleSet>()
  const constraints: Constraint[] = []
  const zeroSets: PeopleSet[] = []
  const flowRows: { plus: PeopleSet[]; minus: PeopleSet[] }[] = []
  const refKey = (r: CellRef) => `${r.release}\u0000${r.table}\u0000${r.index}`
  for (const t of tables) {
    const periodIndex = t.dimensions.findIndex((d) => d.name === t.periodDimension)
    const flowIndex = t.flow ? t.dimensions.findIndex((d) => d.name === t.flow?.dimension) : -1
    const periods = periodIndex >= 0 ? (t.dimensions[periodIndex]?.labels ?? []).map(periodOf) : []
    const span: Period =
      periods.length > 0
        ? {
            from: periods.map((p) => p.from).sort()[0] ?? t.period.from,
            to:
              periods
                .map((p) => p.to)
                .sort()
                .reverse()[0] ?? t.period.to,
          }
        : t.period
    const setOf = (coordinates: readonly (number | null)[]): PeopleSet => {
      const filters = new Map<string, readonly string[]>(Object.entries(t.filters ?? {}))
      let period = span
      let measure = `${t.measure}|${t.population}`
      coordinates.forEach((c, d) => {
        if (c === null) return
        const label = t.dimensions[d]?.labels[c] ?? ''
        if (d === periodIndex) period = periods[c] ?? span
        else if (d === flowIndex) measure = `${t.measure}:${label}|${t.population}`
        else filters.set(t.dimensions[d]?.name ?? '', [label])
      })
      return { measure, filters, period }
    }
    t.cells.forEach((cell, index) => {
      const set = setOf(cell.coordinates)
      cellSets.set(refKey({ release: t.release, table: t.id, index }), set)
      const r = cell.rendering
      const k = t.rule.threshold
      const bounds =
        r.kind === 'number'
          ? { lower: r.value, upper: r.value }
          : r.kind === 'rounded'
            ? r.value === 0
              ? { lower: 0, upper: r.base - 1 }
              : { lower: Math.max(k, r.value - r.base + 1), upper: r.value + r.base - 1 }
            : r.kind === 'word'
              ? { lower: r.band.from, upper: r.band.to ?? Number.POSITIVE_INFINITY }
              : { lower: t.rule.showZero ? 1 : 0, upper: Number.POSITIVE_INFINITY }
      constraints.push({ set, ...bounds })
    })
    // A "Total" over listed categories says nobody outside them was counted.
    t.dimensions.forEach((dimension, d) => {
      if (d === periodIndex || d === flowIndex) return
      if (!t.cells.some((c) => c.coordinates[d] === null)) return
      const components = flowIndex >= 0 ? (t.dimensions[flowIndex]?.labels ?? []) : [null]
      for (const component of components) {
        const base = setOf(t.dimensions.map(() => null))
        const filters = new Map(base.filters)
        filters.set(dimension.name, [OTHER])
        const measure =
          component === null ? base.measure : `${t.measure}:${component}|${t.population}`
        zeroSets.push({ measure, filters, period: span })
      }
    })
    // A flow table's rows balance: start + inflows − outflows − end = 0.
    const flow = t.flow
    if (flow && flowIndex >= 0) {
      const labels = t.dimensions[flowIndex]?.labels ?? []
      const rows = new Map<string, (number | null)[]>()
      for (const cell of t.cells) {
        if (cell.coordinates[flowIndex] === null) continue
        const row = cell.coordinates.map((c, d) => (d === flowIndex ? -1 : c))
        rows.set(JSON.stringify(row), row)
      }
      for (const row of rows.values()) {
        const at = (label: string) => setOf(row.map((c) => (c === -1 ? labels.indexOf(label) : c)))
        flowRows.push({
          plus: [at(flow.start), ...flow.inflows.map(at)],
          minus: [...flow.outflows.map(at), at(flow.end)],
        })
        // A total printed across the flow (the old, meaningless kind) is still the sum of its
        // parts, and a reader uses it as such.
        const across = t.cells.find((c) =>
          c.coordinates.every((x, d) => (d === flowIndex ? x === null : x === row[d])),
        )
        if (across) flowRows.push({ plus: labels.map(at), minus: [setOf(across.coordinates)] })
      }
    }
  }

  // 2. Elementary groups per measure: every category seen (and "other") × every stretch of time.
  const all = [
    ...cellSets.values(),
    ...zeroSets,
    ...flowRows.flatMap((f) => [...f.plus, ...f.minus]),
  ]
  interface Space {
    readonly offset: number
    readonly dimensions: readonly string[]
    readonly values: readonly (readonly string[])[]
    readonly cuts: readonly string[]
    readonly size: number
  }
  const spaces = new Map<string, Space>()
  let variables = 0
  for (const measure of new Set(all.map((s) => s.measure))) {
    const sets = all.filter((s) => s.measure === measure)
    const dimensions = [...new Set(sets.flatMap((s) => [...s.filters.keys()]))].sort()
    const values = dimensions.map((name) => [
      ...new Set([...sets.flatMap((s) => s.filters.get(name) ?? []), OTHER]),
    ])
    const cuts = [...new Set(sets.flatMap((s) => [s.period.from, s.period.to]))].sort()
    const size = values.reduce((n, v) => n * v.length, 1) * Math.max(0, cuts.length - 1)
    spaces.set(measure, { offset: variables, dimensions, values, cuts, size })
    variables += size
  }
  const atomsOf = (set: PeopleSet): number[] => {
    const space = spaces.get(set.measure)
    if (!space) return []
    const times: number[] = []
    for (let i = 0; i + 1 < space.cuts.length; i++)
      if ((space.cuts[i] ?? '') >= set.period.from && (space.cuts[i + 1] ?? '') <= set.period.to)
        times.push(i)
    let indices = [0]
    space.dimensions.forEach((name, d) => {
      const values = space.values[d] ?? []
      const allowed = set.filters.get(name)
      const picks = values.flatMap((v, i) => (!allowed || allowed.includes(v) ? [i] : []))
      indices = indices.flatMap((base) => picks.map((p) => base * values.length + p))
    })
    const segments = space.cuts.length - 1
    return indices.flatMap((i) => times.map((t) => space.offset + i * segments + t))
  }
  const describe = (atom: number): string => {
    for (const [measure, space] of spaces) {
      if (atom < space.offset || atom >= space.offset + space.size) continue
      let rest = atom - space.offset
      const segments = space.cuts.length - 1
      const t = rest % segments
      rest = Math.floor(rest / segments)
      const parts: string[] = []
      for (let d = space.dimensions.length - 1; d >= 0; d--) {
        const values = space.values[d] ?? []
        parts.unshift(`${space.dimensions[d]}=${values[rest % values.length]}`)
        rest = Math.floor(rest / values.length)
      }
      return `${measure} ${parts.join(' ')} ${space.cuts[t]}/${space.cuts[t + 1]}`
    }
    return `atom ${atom}`
  }

  // 3. The programme, as CPLEX-LP text; each question changes only the objective.
  const x = (i: number) => `x${i}`
  const sum = (atoms: readonly number[]) => (atoms.length > 0 ? atoms.map(x).join(' + ') : '0 x0')
  const rows: string[] = []
  const used = new Set<number>()
  const fixed = new Set<number>()
  for (const set of zeroSets) for (const a of atomsOf(set)) fixed.add(a)
  constraints.forEach((c, i) => {
    const atoms = atomsOf(c.set)
    for (const a of atoms) used.add(a)
    if (c.lower === c.upper) rows.push(` c${i}: ${sum(atoms)} = ${c.lower}`)
    else {
      if (c.lower > 0) rows.push(` l${i}: ${sum(atoms)} >= ${c.lower}`)
      if (c.upper !== Number.POSITIVE_INFINITY) rows.push(` u${i}: ${sum(atoms)} <= ${c.upper}`)
    }
  })
  flowRows.forEach((f, i) => {
    const plus = f.plus.flatMap(atomsOf)
    const minus = f.minus.flatMap(atomsOf)
    for (const a of [...plus, ...minus]) used.add(a)
    rows.push(` f${i}: ${sum(plus)} - ${minus.map(x).join(' - ')} = 0`)
  })
  used.add(0)
  const bounds = [...fixed].filter((a) => used.has(a)).map((a) => ` ${x(a)} = 0`)
  const general = [...used].map(x).join(' ')
  const model = (objective: string, sense: 'Minimize' | 'Maximize', whole: boolean) =>
    `${sense}\n obj: ${objective}\nSubject To\n${rows.join('\n')}\nBounds\n${bounds.join('\n')}\n${whole ? `General\n ${general}\n` : ''}End\n`
  const solve = (atoms: readonly number[], sense: 'Minimize' | 'Maximize', whole: boolean) => {
    const text = model(sum(atoms), sense, whole)
    let result = solver.solve(text, { output_flag: false })
    if (result.Status === 'Primal infeasible or unbounded')
      result = solver.solve(text, { output_flag: false, presolve: 'off' })
    if (result.Status === 'Optimal') return result.ObjectiveValue
    const unbounded = sense === 'Maximize' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY
    if (result.Status === 'Unbounded') return unbounded
    // Still ambiguous: a feasible programme with an unbounded objective is unbounded.
    if (
      result.Status === 'Primal infeasible or unbounded' &&
      solver.solve(model('0 x0', sense, whole), { output_flag: false }).Status === 'Optimal'
    )
      return unbounded
    throw new Error(
      `the reader's programme is ${result.Status}: what was published is contradictory`,
    )
  }
  const interval = (atoms: readonly number[], whole: boolean): Interval => {
    for (const a of atoms) if (!used.has(a)) return { lower: 0, upper: Number.POSITIVE_INFINITY }
    return {
      lower: Math.ceil(solve(atoms, 'Minimize', whole) - 1e-6) + 0, // + 0: never −0
      upper: Math.floor(solve(atoms, 'Maximize', whole) + 1e-6),
    }
  }
  const setOfRef = (ref: CellRef) => {
    const set = cellSets.get(refKey(ref))
    if (!set) throw new Error(`nothing published as ${ref.release}/${ref.table}/${ref.index}`)
    return set
  }

  return {
    cell(ref) {
      const atoms = atomsOf(setOfRef(ref))
      return { real: interval(atoms, false), whole: interval(atoms, true) }
    },
    smallGroups(k) {
      const out: { group: string; interval: Interval }[] = []
      for (const atom of used) {
        if (fixed.has(atom)) continue
        const found = interval([atom], true)
        if (found.lower >= 1 && found.upper <= k - 1)
          out.push({ group: describe(atom), interval: found })
      }
      return out
    },
    smallDifferences(k) {
      const refs = [...cellSets.keys()].map((key) => {
        const [release = '', table = '', index = '0'] = key.split('\u0000')
        return {
          ref: { release, table, index: Number(index) },
          atoms: atomsOf(setOfRef({ release, table, index: Number(index) })),
        }
      })
      const out: { larger: CellRef; smaller: CellRef; interval: Interval }[] = []
      for (const a of refs)
        for (const b of refs) {
          if (a === b || b.atoms.length >= a.atoms.length) continue
          const inner = new Set(b.atoms)
          if (!b.atoms.every((atom) => a.atoms.includes(atom))) continue
          const rest = a.atoms.filter((atom) => !inner.has(atom))
          const found = interval(rest, true)
          if (found.lower >= 1 && found.upper <= k - 1)
            out.push({ larger: a.ref, smaller: b.ref, interval: found })
        }
      return out
    },
  }
}
