import { DisclosureError } from './errors.js'
import { type DisclosurePolicy, sensitivityOf } from './policy.js'
import {
  assembleTable,
  checkCounts,
  type ProtectTableOptions,
  protectSystem,
  protectTable,
} from './protect-table.js'
import type { ProtectedTable } from './protected-table.js'
import type { Sensitivity } from './sensitivity.js'
import type { CellSystem, StatTable, SystemCell, TableRelation } from './table.js'
import { cellIdentities, type TableContext } from './table-figures.js'

/** One table of a set to protect together, with what it counts. */
export interface TableToProtect {
  readonly table: StatTable
  /** Overrides the policy's sensitivity for the table's measure. */
  readonly sensitivity?: Sensitivity
  /**
   * What the table counts (population, period, filters): cells of different tables with equal
   * definitions count the same people and are linked. Without it, a cell is its measure and its
   * categories (cellIdentities).
   */
  readonly context?: TableContext
  /** With differential privacy: the most interior cells one person is counted in (default 1). */
  readonly contributions?: number
}

/** Tables that share cells, joined into one system of equations. */
export interface LinkedSystem {
  readonly system: CellSystem
  /** For each table, in order: the system cell of each of its cells. */
  readonly cellMaps: readonly Int32Array[]
  /** What each system cell counts (for rounding). */
  readonly identities: readonly string[]
}

/**
 * Joins tables into one system: cells that count the same people (equal identities: a total
 * both tables print, a margin one hides and the other shows) become one cell, and every table's
 * equations hold over it. Protecting the system protects all of them at once: a reader who
 * reads every table gets exactly these equations. Throws `inconsistent_margins` when a shared
 * cell has different values in two tables.
 */
export function linkTables(
  tables: readonly { readonly table: StatTable; readonly identities: readonly string[] }[],
): LinkedSystem {
  const integer = tables.every((t) => t.table.integer)
  if (!integer && tables.some((t) => t.table.integer))
    throw new DisclosureError(
      'invalid_table',
      `Tables ${tables.map((t) => `"${t.table.id}"`).join(', ')} share cells but some count whole numbers and some do not.`,
    )
  const bySystem = new Map<string, number>()
  const cells: { index: number; value: number; level: number; key: string }[] = []
  const identities: string[] = []
  const cellMaps = tables.map(({ table, identities: ids }) =>
    Int32Array.from(table.cells, (cell) => {
      const identity = ids[cell.index] ?? `${table.id}|${cell.key}`
      const existing = bySystem.get(identity)
      if (existing === undefined) {
        bySystem.set(identity, cells.length)
        identities.push(identity)
        cells.push({
          index: cells.length,
          value: cell.value,
          level: cell.level,
          key: `${table.id}:${cell.key}`,
        })
        return cells.length - 1
      }
      const shared = cells[existing]
      if (!shared) return existing
      const tolerance = integer ? 0 : 1e-9 * Math.max(1, Math.abs(shared.value))
      if (Math.abs(shared.value - cell.value) > tolerance)
        throw new DisclosureError(
          'inconsistent_margins',
          `${shared.key} and ${table.id}:${cell.key} count the same people but are ${shared.value} and ${cell.value}. Correct one of them, or give the tables contexts that tell them apart.`,
          [shared.key, `${table.id}:${cell.key}`],
        )
      // A cell that is a total in either table costs what a total costs to hide.
      shared.level = Math.max(shared.level, cell.level)
      return existing
    }),
  )
  const seen = new Set<string>()
  const relations: TableRelation[] = []
  tables.forEach(({ table }, t) => {
    const map = cellMaps[t] ?? new Int32Array(0)
    const at = (i: number) => map[i] ?? -1
    for (const r of table.relations) {
      const relation = {
        total: at(r.total),
        parts: r.parts.map(at),
        ...(r.minus ? { minus: r.minus.map(at) } : {}),
      }
      // The same equation printed twice (both tables break a shared total down the same way).
      const signature = `${relation.total}=${[...relation.parts].sort().join('+')}-${[...(relation.minus ?? [])].sort().join('-')}`
      if (seen.has(signature)) continue
      seen.add(signature)
      relations.push(relation)
    }
  })
  const system: CellSystem = {
    id: tables.map((t) => t.table.id).join('+'),
    integer,
    cells: cells.map((c): SystemCell => Object.freeze({ ...c })),
    relations,
  }
  return { system, cellMaps, identities }
}

/** Groups of tables (indices) that share at least one cell, directly or through another table. */
export function linkedGroups(identities: readonly (readonly string[])[]): number[][] {
  const parent = identities.map((_, i) => i)
  const find = (x: number): number => {
    let root = x
    while (parent[root] !== root) root = parent[root] ?? root
    return root
  }
  const owner = new Map<string, number>()
  identities.forEach((ids, t) => {
    for (const id of ids) {
      const other = owner.get(id)
      if (other === undefined) owner.set(id, t)
      else parent[find(t)] = find(other)
    }
  })
  const groups = new Map<number, number[]>()
  identities.forEach((_, t) => {
    const root = find(t)
    groups.set(root, [...(groups.get(root) ?? []), t])
  })
  return [...groups.values()]
}

/**
 * Protects every table of a publication at once: tables that share cells (linked tables: a
 * total one prints and another breaks down differently) are protected as one system, so no
 * table prints what another hides; the others one by one. Returns one ProtectedTable per input,
 * in order; each linked one names the tables it was protected with (`linkedWith`).
 *
 * With differential privacy each table is noised and protected on its own: their shared totals
 * then differ by the noise, and the privacy guarantee covers what a reader combines.
 */
export function protectTables(
  inputs: readonly TableToProtect[],
  policy: DisclosurePolicy,
  options: Omit<ProtectTableOptions, 'sensitivity' | 'identities'>,
): ProtectedTable[] {
  const ids = new Set<string>()
  for (const { table } of inputs) {
    if (ids.has(table.id))
      throw new DisclosureError('invalid_table', `Two tables share the id "${table.id}".`)
    ids.add(table.id)
  }
  const identities = inputs.map((input) => cellIdentities(input.table, input.context))
  const sensitivities = inputs.map((i) => i.sensitivity ?? sensitivityOf(policy, i.table.measure))
  const groups = options.privacy ? inputs.map((_, i) => [i]) : linkedGroups(identities)
  const out: ProtectedTable[] = []
  for (const group of groups) {
    const members = group.map((i) => {
      const input = inputs[i]
      const sensitivity = sensitivities[i]
      if (!input || !sensitivity) throw new DisclosureError('invalid_table', `No table ${i}.`)
      return {
        i,
        table: input.table,
        sensitivity,
        identities: identities[i] ?? [],
        contributions: input.contributions,
      }
    })
    const [first] = members
    if (!first) continue
    if (members.length === 1) {
      out[first.i] = protectTable(first.table, policy, {
        ...options,
        sensitivity: first.sensitivity,
        identities: first.identities,
        ...(options.privacy
          ? {
              privacy: {
                ...options.privacy,
                contributions: first.contributions ?? options.privacy.contributions ?? 1,
              },
            }
          : {}),
      })
      continue
    }
    const other = members.find((m) => m.sensitivity !== first.sensitivity)
    if (other)
      throw new DisclosureError(
        'invalid_table',
        `Tables "${first.table.id}" (${first.sensitivity}) and "${other.table.id}" (${other.sensitivity}) share cells: protect the same people under one sensitivity.`,
      )
    for (const m of members) checkCounts(m.table, m.sensitivity)
    const linked = linkTables(members)
    const outcome = protectSystem(linked.system, policy, first.sensitivity, {
      solver: options.solver,
      identity: (i) => linked.identities[i],
      privacy: false,
      ...(options.rounding ? { rounding: options.rounding } : {}),
      ...(options.method ? { method: options.method } : {}),
    })
    members.forEach((m, k) => {
      const map = linked.cellMaps[k] ?? new Int32Array(0)
      out[m.i] = assembleTable(
        m.table,
        m.sensitivity,
        outcome,
        (cell) => map[cell] ?? -1,
        options.rounding,
        { linkedWith: members.filter((o) => o !== m).map((o) => o.table.id) },
        true,
      )
    })
  }
  return out
}
