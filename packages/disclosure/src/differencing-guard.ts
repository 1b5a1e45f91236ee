import type { Bounds } from './bounds.js'
import {
  type FigureDefinition,
  filterAccepts,
  normalizeDefinition,
  type PublishedFigure,
} from './figure.js'
import type { DisclosureLedger, LedgerRelease } from './ledger.js'
import type { LinearRow, LpSession, LpSolver } from './lp/linear-program.js'
import type { Period } from './period.js'
import type { DisclosurePolicy } from './policy.js'

/** A figure as the review names it. */
export interface FigureRef {
  readonly releaseId: string
  readonly id: string
  readonly label: string
}

/** What differs between a figure and a figure within it, for the review to describe. */
export interface DifferenceDescription {
  /** The periods counted by the larger figure and not the smaller. */
  readonly periods?: readonly Period[]
  /**
   * The categories of one dimension counted by the larger figure and not the smaller: these
   * `values`, or every category except `except`.
   */
  readonly dimension?: {
    readonly name: string
    readonly values: readonly string[]
    readonly except?: readonly string[]
  }
}

export type DifferencingFinding =
  | {
      /** A figure minus a figure within it leaves a small count. */
      readonly kind: 'difference'
      readonly figures: readonly [FigureRef, FigureRef]
      readonly values: readonly [Bounds, Bounds]
      readonly derived: Bounds
      readonly description: DifferenceDescription
      readonly threshold: number
      readonly alreadyRevealed: boolean
    }
  | {
      /** A count hidden in some release is narrowed below its protection by all releases together. */
      readonly kind: 'hidden-revealed'
      readonly hidden: FigureRef
      readonly interval: Bounds
      readonly required: number
      readonly figures: readonly FigureRef[]
      readonly alreadyRevealed: boolean
    }
  | {
      /** A group no figure names on its own is pinned to a small count by several figures. */
      readonly kind: 'small-group'
      readonly group: {
        readonly filters: Readonly<Record<string, string>>
        readonly period: Period
      }
      readonly interval: Bounds
      readonly threshold: number
      readonly figures: readonly FigureRef[]
      readonly alreadyRevealed: boolean
    }
  | {
      /** The same figure published twice with different values: the change is itself a count. */
      readonly kind: 'revision'
      readonly figures: readonly [FigureRef, FigureRef]
      readonly values: readonly [Bounds, Bounds]
      readonly alreadyRevealed: boolean
    }
  | {
      /**
       * A figure rounded before is rounded again under another rounding secret or base: a
       * reader who collects both roundings of one count can average them towards the true value.
       */
      readonly kind: 'rerounded'
      readonly figures: readonly [FigureRef, FigureRef]
      readonly alreadyRevealed: boolean
    }
  | {
      /** Published figures that cannot all be true: nothing more could be checked. */
      readonly kind: 'inconsistent'
      readonly measure: string
      readonly population: string
      readonly figures: readonly FigureRef[]
      readonly alreadyRevealed: boolean
    }

export interface DifferencingResult {
  /** Findings this release causes: it must not be published as it is. */
  readonly refusals: readonly DifferencingFinding[]
  /** Findings earlier releases already caused; nothing this release can undo, but an editor should know. */
  readonly risks: readonly DifferencingFinding[]
  /** Groups too finely divided to check every combination of figures (only pairs were checked). */
  readonly partiallyChecked: readonly {
    readonly measure: string
    readonly population: string
    readonly atoms: number
  }[]
  readonly groupsChecked: number
}

export interface DifferencingOptions {
  /** Above this many elementary groups, only pairs of figures are compared. */
  readonly maxAtoms?: number
  /**
   * Decide groups whose programme is a box without a linear programme (see `boxOf`; default
   * true). Tests turn it off to compare both ways; the answers are the same.
   */
  readonly boxes?: boolean
}

const OTHER = '\u0000other'
const EPS = 1e-7

interface Entry {
  readonly ref: FigureRef
  readonly definition: FigureDefinition
  readonly figure: PublishedFigure
  readonly isNew: boolean
  /** Sorted indices of the elementary groups (atoms) the figure counts. */
  atoms: Int32Array
}

function boundsOf(figure: PublishedFigure): Bounds | undefined {
  const p = figure.published
  if (p.kind === 'exact') return { lower: p.value, upper: p.value }
  if (p.kind === 'range') return { lower: p.lower, upper: p.upper ?? Number.POSITIVE_INFINITY }
  return undefined
}

function protectionOf(figure: PublishedFigure): number {
  const p = figure.published
  return p.kind === 'exact' ? 0 : (p.protection ?? 0)
}

/**
 * Refuses a release that, combined with everything published before, reveals a small count.
 *
 * Figures on the same measure and population are compared as sets of people: the filters and
 * periods of all of them cut the population into elementary groups (atoms: one category per
 * dimension, or "any other", and one stretch of time between two period boundaries), and each
 * figure is the sum of the atoms it covers. Then:
 * 1. pairs: a figure minus a figure within it (a cumulative total this year minus last year's;
 *    a total minus a sub-population) must not be known to lie in 1..k−1;
 * 2. hidden counts: every count hidden by the threshold in any release keeps, given all
 *    releases, an interval at least as wide as its protection (a linear programme over atoms);
 * 3. atoms: no elementary group is pinned by several figures to 1..k−1;
 * 4. the same figure published twice with different values is a revision, itself a count;
 * 5. a figure rounded before may not be rounded again under another secret or base.
 * A finding the earlier releases alone already produce is reported as a risk, not a refusal.
 */
export function checkDifferencing(
  ledger: DisclosureLedger,
  candidate: LedgerRelease,
  policy: DisclosurePolicy,
  solver: LpSolver,
  options: DifferencingOptions = {},
): DifferencingResult {
  const maxAtoms = options.maxAtoms ?? 4000
  const groups = new Map<string, Entry[]>()
  const add = (release: LedgerRelease, isNew: boolean) => {
    for (const figure of release.figures) {
      const definition = normalizeDefinition(figure.definition)
      const key = `${definition.measure}\u0000${definition.population}`
      const list = groups.get(key) ?? []
      list.push({
        ref: { releaseId: release.id, id: figure.id, label: figure.label },
        definition,
        figure,
        isNew,
        atoms: new Int32Array(0),
      })
      groups.set(key, list)
    }
  }
  for (const release of ledger.releases) if (release.id !== candidate.id) add(release, false)
  add(candidate, true)

  const refusals: DifferencingFinding[] = []
  const risks: DifferencingFinding[] = []
  const partiallyChecked: { measure: string; population: string; atoms: number }[] = []
  let groupsChecked = 0
  const report = (finding: DifferencingFinding) =>
    (finding.alreadyRevealed ? risks : refusals).push(finding)

  for (const entries of groups.values()) {
    if (!entries.some((e) => e.isNew)) continue
    const first = entries[0]
    if (!first) continue
    const { measure, population } = first.definition
    // The threshold of the sensitivity the figures were actually published under, not of the
    // policy's mapping of the measure (a caller may override it); the strictest if they differ.
    const k = Math.max(...entries.map((e) => policy.rules[e.figure.sensitivity].threshold))
    if (k <= 1 && !entries.some((e) => protectionOf(e.figure) > 0)) continue
    groupsChecked++
    const space = atomSpace(entries)
    const limited = space.count > maxAtoms
    if (limited) partiallyChecked.push({ measure, population, atoms: space.count })
    for (const entry of entries)
      entry.atoms = limited ? space.coarseAtoms(entry.definition) : space.atomsOf(entry.definition)
    checkGroup(entries, k, space, limited, solver, report, options.boxes ?? true)
  }
  return { refusals, risks, partiallyChecked, groupsChecked }
}

interface AtomSpace {
  readonly count: number
  readonly dimensions: readonly string[]
  readonly values: readonly (readonly string[])[]
  readonly intervals: readonly Period[]
  atomsOf(definition: FigureDefinition): Int32Array
  /** Without enumerating atoms: only equality and containment are decided, by definitions. */
  coarseAtoms(definition: FigureDefinition): Int32Array
  describe(atom: number): { filters: Record<string, string>; period: Period }
}

function atomSpace(entries: readonly Entry[]): AtomSpace {
  const dimensionSet = new Set<string>()
  for (const e of entries)
    for (const name of Object.keys(e.definition.filters)) dimensionSet.add(name)
  const dimensions = [...dimensionSet].sort()
  const values = dimensions.map((name) => {
    const set = new Set<string>()
    for (const e of entries) {
      const f = e.definition.filters[name]
      if (f) for (const v of 'in' in f ? f.in : f.notIn) set.add(v)
    }
    return [...[...set].sort(), OTHER]
  })
  const cuts = [
    ...new Set(entries.flatMap((e) => [e.definition.period.from, e.definition.period.to])),
  ].sort()
  const intervals: Period[] = []
  for (let i = 1; i < cuts.length; i++)
    intervals.push({ from: cuts[i - 1] ?? '', to: cuts[i] ?? '' })
  const sizes = [...values.map((v) => v.length), intervals.length]
  const count = sizes.reduce((a, b) => a * b, 1)

  const atomsOf = (definition: FigureDefinition): Int32Array => {
    const accepted = dimensions.map((name, d) =>
      (values[d] ?? []).flatMap((v, i) =>
        filterAccepts(definition.filters[name], v === OTHER ? OTHER : v) ? [i] : [],
      ),
    )
    const times = intervals.flatMap((t, i) =>
      t.from >= definition.period.from && t.to <= definition.period.to ? [i] : [],
    )
    const out: number[] = []
    const walk = (d: number, index: number) => {
      if (d === dimensions.length) {
        for (const t of times) out.push(index * intervals.length + t)
        return
      }
      for (const v of accepted[d] ?? []) walk(d + 1, index * (sizes[d] ?? 1) + v)
    }
    walk(0, 0)
    return Int32Array.from(out).sort()
  }

  // Without atoms, a figure is represented by a signature: equal definitions share it.
  const signatures = new Map<string, number>()
  const coarseAtoms = (definition: FigureDefinition) => {
    const key = JSON.stringify(definition)
    let id = signatures.get(key)
    if (id === undefined) {
      id = signatures.size
      signatures.set(key, id)
    }
    return Int32Array.of(id)
  }

  const describe = (atom: number) => {
    let rest = Math.floor(atom / intervals.length)
    const period = intervals[atom % intervals.length] ?? { from: '', to: '' }
    const filters: Record<string, string> = {}
    for (let d = dimensions.length - 1; d >= 0; d--) {
      const size = sizes[d] ?? 1
      const v = values[d]?.[rest % size] ?? OTHER
      filters[dimensions[d] ?? ''] = v === OTHER ? '(other)' : v
      rest = Math.floor(rest / size)
    }
    return { filters, period }
  }
  return { count, dimensions, values, intervals, atomsOf, coarseAtoms, describe }
}

function isSubset(inner: Int32Array, outer: Int32Array): boolean {
  if (inner.length > outer.length) return false
  let j = 0
  for (const x of inner) {
    while (j < outer.length && (outer[j] ?? 0) < x) j++
    if (j >= outer.length || outer[j] !== x) return false
  }
  return true
}

function sameAtoms(a: Int32Array, b: Int32Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

/** Whether every person `inner` counts is counted by `outer` (decided from definitions alone). */
export function definitionWithin(inner: FigureDefinition, outer: FigureDefinition): boolean {
  if (inner.period.from < outer.period.from || inner.period.to > outer.period.to) return false
  for (const name of new Set([...Object.keys(inner.filters), ...Object.keys(outer.filters)])) {
    const i = inner.filters[name]
    const o = outer.filters[name]
    if (!o) continue
    if (!i) return false
    if ('in' in i) {
      if ('in' in o ? !i.in.every((v) => o.in.includes(v)) : i.in.some((v) => o.notIn.includes(v)))
        return false
    } else if ('in' in o || !o.notIn.every((v) => i.notIn.includes(v))) return false
  }
  return true
}

/** What the larger definition counts that the smaller does not, in words the review can use. */
export function describeDifference(
  larger: FigureDefinition,
  smaller: FigureDefinition,
): DifferenceDescription {
  const names = new Set([...Object.keys(larger.filters), ...Object.keys(smaller.filters)])
  const differing = [...names].filter(
    (n) => JSON.stringify(larger.filters[n] ?? null) !== JSON.stringify(smaller.filters[n] ?? null),
  )
  const samePeriod =
    larger.period.from === smaller.period.from && larger.period.to === smaller.period.to
  if (differing.length === 0 && !samePeriod) {
    const periods: Period[] = []
    if (larger.period.from < smaller.period.from)
      periods.push({ from: larger.period.from, to: smaller.period.from })
    if (smaller.period.to < larger.period.to)
      periods.push({ from: smaller.period.to, to: larger.period.to })
    return { periods }
  }
  const name = differing[0]
  if (differing.length !== 1 || !samePeriod || name === undefined) return {}
  const outer = larger.filters[name]
  const inner = smaller.filters[name]
  const outerExcluded = outer && 'notIn' in outer ? outer.notIn : []
  if (inner && 'in' in inner) {
    if (outer && 'in' in outer)
      return { dimension: { name, values: outer.in.filter((v) => !inner.in.includes(v)) } }
    return { dimension: { name, values: [], except: [...inner.in, ...outerExcluded] } }
  }
  if (inner && 'notIn' in inner)
    return { dimension: { name, values: inner.notIn.filter((v) => !outerExcluded.includes(v)) } }
  return {}
}

/** A figure's published value as a row of the programme: bounds on the sum of its atoms. */
function rowBounds(figure: PublishedFigure): Bounds | undefined {
  const p = figure.published
  if (p.kind === 'exact') return { lower: p.value, upper: p.value }
  if (p.kind === 'range') return { lower: p.lower, upper: p.upper ?? Number.POSITIVE_INFINITY }
  return p.atLeast > 0 ? { lower: p.atLeast, upper: Number.POSITIVE_INFINITY } : undefined
}

/** Each atom's bounds (indexed like the programme's columns), when they are all a reader knows. */
interface Box {
  readonly lower: Float64Array
  readonly upper: Float64Array
}

/**
 * The group's programme without solving it, when its feasible set is a box.
 *
 * The programme is F = { x ≥ 0 : l_r ≤ Σ_{a ∈ S_r} x_a ≤ u_r for every figure r }, over the
 * atoms. Then:
 * - an atom of a figure with u_r ≤ 0 is 0 everywhere in F (the others of the sum are ≥ 0): the
 *   zero atoms Z. Every "Total" implies such a figure (nobody outside its categories);
 * - a figure with exactly one atom a outside Z says l_r ≤ x_a ≤ u_r on F. B is the product of
 *   these bounds (Z at [0, 0], an atom no such figure bounds at [0, ∞)), so F ⊆ B;
 * - every other figure's row holds at every point of B when Σ lower_a ≥ l_r and
 *   Σ upper_a ≤ u_r over its atoms (a sum over a box takes exactly the values between those).
 * If all hold, B ⊆ F too, so F = B, and the least and greatest sum of any atoms over F are the
 * sums of their bounds: what the linear programme would return. A figure alone in its group is
 * such a case (its own atom, and its total's "nobody else" zero), and so is a breakdown printed
 * exactly with its total. When any condition fails (a figure's row is not implied, a bound is
 * empty or contradicts a zero) the programme decides, as before. Returns undefined then.
 */
function boxOf(entries: readonly Entry[], column: ReadonlyMap<number, number>): Box | undefined {
  const columns = column.size
  const lower = new Float64Array(columns)
  const upper = new Float64Array(columns).fill(Number.POSITIVE_INFINITY)
  const zero = new Uint8Array(columns)
  const rows = entries.flatMap((e) => {
    const bounds = rowBounds(e.figure)
    return bounds ? [{ bounds, columns: [...e.atoms].map((a) => column.get(a) ?? -1) }] : []
  })
  for (const { bounds, columns: cs } of rows) if (bounds.upper <= 0) for (const c of cs) zero[c] = 1
  const tolerance = (v: number) => 1e-9 * Math.max(1, Math.abs(v))
  const rest: typeof rows = []
  for (const row of rows) {
    const open = row.columns.filter((c) => zero[c] === 0)
    const [only] = open
    if (open.length === 0) {
      // A sum of zeros: the figure must allow 0, or the programme is infeasible (it says so).
      if (row.bounds.lower > tolerance(0) || row.bounds.upper < -tolerance(0)) return undefined
    } else if (open.length === 1 && only !== undefined) {
      lower[only] = Math.max(lower[only] ?? 0, row.bounds.lower)
      upper[only] = Math.min(upper[only] ?? Number.POSITIVE_INFINITY, row.bounds.upper)
    } else rest.push({ bounds: row.bounds, columns: open })
  }
  for (let c = 0; c < columns; c++) {
    if (zero[c] === 1) {
      if ((lower[c] ?? 0) > tolerance(0)) return undefined
      upper[c] = 0
    }
    if ((lower[c] ?? 0) > (upper[c] ?? 0) + tolerance(upper[c] ?? 0)) return undefined
  }
  for (const { bounds, columns: cs } of rest) {
    let low = 0
    let high = 0
    for (const c of cs) {
      low += lower[c] ?? 0
      high += upper[c] ?? 0
    }
    if (low < bounds.lower - tolerance(bounds.lower)) return undefined
    if (high > bounds.upper + tolerance(bounds.upper)) return undefined
  }
  return { lower, upper }
}

function checkGroup(
  entries: Entry[],
  k: number,
  space: AtomSpace,
  limited: boolean,
  solver: LpSolver,
  report: (finding: DifferencingFinding) => void,
  boxes: boolean,
): void {
  const reported = new Set<string>()
  const signature = (atoms: Int32Array) => atoms.join(',')

  // Revisions first: the same people, two values that cannot both be true.
  let revised = false
  for (let i = 0; i < entries.length; i++)
    for (let j = i + 1; j < entries.length; j++) {
      const a = entries[i]
      const b = entries[j]
      if (!a || !b || (!a.isNew && !b.isNew) || !sameAtoms(a.atoms, b.atoms)) continue
      const va = boundsOf(a.figure)
      const vb = boundsOf(b.figure)
      if (!va || !vb) continue
      if (va.upper < vb.lower - EPS || vb.upper < va.lower - EPS) {
        revised = true
        report({
          kind: 'revision',
          figures: [a.ref, b.ref],
          values: [va, vb],
          alreadyRevealed: false,
        })
      }
    }

  // Rounding is keyed by cell and secret (rounding.ts): the same count rounds the same way in
  // every release only if the secret and the base stay the same. Otherwise it rounds anew.
  const roundingOf = (e: Entry) => {
    const r = e.figure.published.kind === 'range' ? e.figure.published.rounding : undefined
    return r && `${r.key}/${r.base}`
  }
  for (const a of entries) {
    const rounding = roundingOf(a)
    if (!a.isNew || rounding === undefined) continue
    const earlier = entries.find((b) => {
      const other = roundingOf(b)
      return !b.isNew && other !== undefined && other !== rounding && sameAtoms(a.atoms, b.atoms)
    })
    if (earlier)
      report({ kind: 'rerounded', figures: [a.ref, earlier.ref], alreadyRevealed: false })
  }

  // 1. Pairs: a figure minus one within it. Too finely divided groups decide containment from
  // the definitions instead of the atoms.
  const strictlyWithin = (inner: Entry, outer: Entry) =>
    limited
      ? !sameAtoms(inner.atoms, outer.atoms) && definitionWithin(inner.definition, outer.definition)
      : outer.atoms.length > inner.atoms.length && isSubset(inner.atoms, outer.atoms)
  for (const a of entries)
    for (const b of entries) {
      if (a === b || (!a.isNew && !b.isNew) || !strictlyWithin(b, a)) continue
      const va = boundsOf(a.figure)
      const vb = boundsOf(b.figure)
      if (!va || !vb) continue
      const derived = { lower: Math.max(0, va.lower - vb.upper), upper: va.upper - vb.lower }
      if (derived.lower >= 1 && derived.upper <= k - 1) {
        const rest = limited
          ? ''
          : signature(Int32Array.from(a.atoms.filter((x) => !b.atoms.includes(x))))
        if (rest) reported.add(rest)
        report({
          kind: 'difference',
          figures: [a.ref, b.ref],
          values: [va, vb],
          derived,
          description: describeDifference(a.definition, b.definition),
          threshold: k,
          alreadyRevealed: false,
        })
      }
    }
  if (limited || revised) return

  // The linear programme over atoms, with every figure's published value as a constraint.
  const used = [...new Set(entries.flatMap((e) => [...e.atoms]))].sort((x, y) => x - y)
  const column = new Map(used.map((atom, j) => [atom, j]))
  const rowsFor = (include: (e: Entry) => boolean): LinearRow[] =>
    entries.flatMap((e) => {
      if (!include(e)) return []
      const bounds = rowBounds(e.figure)
      if (!bounds) return []
      const indices = [...e.atoms].map((a) => column.get(a) ?? 0)
      return [{ indices, coefficients: indices.map(() => 1), ...bounds }]
    })
  const open = (include: (e: Entry) => boolean): LpSession =>
    solver.open({
      columns: used.length,
      lower: used.map(() => 0),
      upper: used.map(() => Number.POSITIVE_INFINITY),
      rows: rowsFor(include),
    })
  // What a reader of some releases knows of a set of atoms: without a programme when the
  // figures make a box (boxOf), which they mostly do; else from the programme, opened once.
  const reader = (include: (e: Entry) => boolean) => {
    const box = boxes ? boxOf(entries.filter(include), column) : undefined
    let session: LpSession | undefined
    return {
      range(atoms: Int32Array): Bounds | 'infeasible' {
        if (!box) {
          session ??= open(include)
          return range(session, atoms)
        }
        let low = 0
        let high = 0
        for (const a of atoms) {
          const c = column.get(a) ?? 0
          low += box.lower[c] ?? 0
          high += box.upper[c] ?? 0
        }
        return { lower: Math.ceil(low - EPS), upper: Math.floor(high + EPS) }
      },
      close: () => session?.close(),
    }
  }
  const range = (session: LpSession, atoms: Int32Array): Bounds | 'infeasible' => {
    const objective = {
      indices: [...atoms].map((a) => column.get(a) ?? 0),
      coefficients: [...atoms].map(() => 1),
    }
    const low = session.optimize('minimize', objective)
    const high = session.optimize('maximize', objective)
    if (low.status === 'infeasible' || high.status === 'infeasible') return 'infeasible'
    return {
      lower: low.status === 'optimal' ? Math.ceil(low.objective - EPS) : 0,
      upper:
        high.status === 'optimal' ? Math.floor(high.objective + EPS) : Number.POSITIVE_INFINITY,
    }
  }
  const all = reader(() => true)
  let earlier: ReturnType<typeof reader> | undefined
  try {
    const known = (atoms: Int32Array) => all.range(atoms)
    const baseline = (atoms: Int32Array): Bounds | 'infeasible' => {
      earlier ??= reader((e) => !e.isNew)
      return earlier.range(atoms)
    }
    // The figures a reader would combine: those overlapping the group, and those overlapping
    // them (a total links a complement to the group); this release's first.
    const overlaps = (e: Entry, atoms: Int32Array) => e.atoms.some((a) => atoms.includes(a))
    const involved = (atoms: Int32Array, exclude?: Entry) => {
      const direct = entries.filter((e) => e !== exclude && overlaps(e, atoms))
      const second = entries.filter(
        (e) => e !== exclude && !direct.includes(e) && direct.some((d) => overlaps(e, d.atoms)),
      )
      return [...direct, ...second]
        .sort((x, y) => Number(y.isNew) - Number(x.isNew))
        .slice(0, 8)
        .map((e) => e.ref)
    }

    if (known(Int32Array.from(used.slice(0, 1))) === 'infeasible') {
      report({
        kind: 'inconsistent',
        measure: entries[0]?.definition.measure ?? '',
        population: entries[0]?.definition.population ?? '',
        figures: entries
          .filter((e) => e.isNew)
          .map((e) => e.ref)
          .slice(0, 8),
        alreadyRevealed: false,
      })
      return
    }

    // 2. Counts hidden by the threshold keep their protection across releases.
    for (const e of entries) {
      const required = protectionOf(e.figure)
      if (required <= 0) continue
      const interval = known(e.atoms)
      if (interval === 'infeasible' || interval.upper - interval.lower >= required) continue
      const before = e.isNew ? undefined : baseline(e.atoms)
      const alreadyRevealed =
        before !== undefined && before !== 'infeasible' && before.upper - before.lower < required
      reported.add(signature(e.atoms))
      report({
        kind: 'hidden-revealed',
        hidden: e.ref,
        interval,
        required,
        figures: involved(e.atoms, e),
        alreadyRevealed,
      })
    }

    // 3. Elementary groups pinned to a small count by several figures together.
    for (const atom of used) {
      const atoms = Int32Array.of(atom)
      if (reported.has(signature(atoms))) continue
      const interval = known(atoms)
      if (interval === 'infeasible' || interval.lower < 1 || interval.upper > k - 1) continue
      const before = baseline(atoms)
      const alreadyRevealed = before !== 'infeasible' && before.lower >= 1 && before.upper <= k - 1
      report({
        kind: 'small-group',
        group: space.describe(atom),
        interval,
        threshold: k,
        figures: involved(atoms),
        alreadyRevealed,
      })
    }
  } finally {
    all.close()
    earlier?.close()
  }
}
