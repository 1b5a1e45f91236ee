import { type Compilable, CompiledQuery, type Kysely, type Transaction } from 'kysely'
import { isPostgres } from './dialect.js'

/** A value a query takes as a bound parameter: the only kinds a shape can stand in for. */
export type SlotValue = string | number

interface Shape {
  sql: string
  /** Per compiled parameter, the index of the value it binds (a value may be bound twice). */
  slots: readonly number[]
}

const MAX_SHAPES = 500
const shapes = new Map<string, Shape | 'uncacheable'>()

/**
 * Compiles a query once per shape and reuses the SQL text afterwards, binding only new values.
 * Building and compiling a Kysely query costs 0.1–0.2 ms of CPU, as much as running a small
 * indexed query on SQLite; the list of people sends the same few shapes on every request
 * (bench/RESULTS.md, issue #25).
 *
 * `key` must name everything that changes the query's structure (which filters are present, how
 * many compartments, the sort); `values` are what changes between calls with that key, and
 * `build` must use each of them only as a bound parameter, unchanged. The first call builds with
 * stand-in values and checks that every bound parameter is one of them and that each comes back
 * unchanged; a shape that fails (a value transformed, e.g. `prefix + '%'`, or a value the query
 * took from elsewhere) is never cached and is built anew each time. What the check cannot see is
 * a `key` that leaves out a difference of structure: callers derive it from the same flags `build`
 * branches on.
 *
 * A reused shape runs through `executeQuery`, which skips plugins' `transformQuery`: not for the
 * public site's reader (`site/published-db.ts`), whose plugin inspects every query it sends.
 */
export function compiledShape<T, O>(
  db: Kysely<T> | Transaction<T>,
  key: string,
  values: readonly SlotValue[],
  build: (values: readonly SlotValue[]) => Compilable<O>,
): CompiledQuery<O> {
  const fullKey = `${isPostgres(db) ? 'pg' : 'sqlite'}:${key}`
  let shape = shapes.get(fullKey)
  if (shape === undefined) {
    shape = learnShape(values, build)
    if (shapes.size >= MAX_SHAPES) shapes.clear()
    shapes.set(fullKey, shape)
  }
  if (shape === 'uncacheable') return build(values).compile()
  // The same SQL as `build(values).compile()` would give, so its rows have the builder's type.
  return CompiledQuery.raw(
    shape.sql,
    shape.slots.map((slot) => values[slot]),
  ) as CompiledQuery<O>
}

/** Stand-ins no real value takes: strings with a NUL, and numbers far below any limit or id. */
function standIn(value: SlotValue, index: number): SlotValue {
  return typeof value === 'number' ? -7_340_032_000 - index : `\u0000slot${index}\u0000`
}

function learnShape<O>(
  values: readonly SlotValue[],
  build: (values: readonly SlotValue[]) => Compilable<O>,
): Shape | 'uncacheable' {
  const standIns = values.map(standIn)
  const compiled = build(standIns).compile()
  const found = new Set<number>()
  const slots: number[] = []
  for (const parameter of compiled.parameters) {
    const slot = standIns.indexOf(parameter as SlotValue)
    if (slot < 0) return 'uncacheable'
    found.add(slot)
    slots.push(slot)
  }
  if (found.size !== standIns.length || compiled.sql.includes('\u0000')) return 'uncacheable'
  return { sql: compiled.sql, slots }
}
