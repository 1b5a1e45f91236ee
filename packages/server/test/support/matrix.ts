import type { Role } from '@haven/core/auth/roles'
import type { AppContext } from '../../src/app-context.js'
import type { CompartmentsTable } from '../../src/compartments/compartment-tables.js'
import type { TestUser } from './factories.js'

/**
 * The authorization matrix's vocabulary. Each module's rows are in `test/matrix/<module>.ts`
 * (the platform's own in `platform.ts`), exporting `matrix: MatrixModule`; the matrix test reads
 * every file there, so a new module adds its file and nothing else.
 */
export interface MatrixModule {
  /** One row per route of the module, keyed `METHOD /path` exactly as declared. */
  rows: Readonly<Record<string, MatrixRow>>
  /**
   * Puts the module's records in a compartment (run for the caller's and for the other one),
   * so its lists have something to leak; returns their ids by name for `leaks` (`others.ids`).
   */
  seed?(app: AppContext, compartment: CompartmentsTable): Promise<Readonly<Record<string, string>>>
}

export interface Fixture {
  app: AppContext
  /** The compartment the caller holds their grant in. */
  own: CompartmentsTable
  /** A compartment the caller holds no grant in. */
  other: CompartmentsTable
  /** The compartment this call targets (own or other). */
  target: CompartmentsTable
  caller: TestUser
}

export interface Call {
  body?: unknown
  /** A file body instead of JSON (uploads). */
  raw?: Uint8Array
  path: string
}

export type Scope =
  /** No session needed. */
  | { kind: 'public' }
  /** Any signed-in user, on their own account. `stages` as the route declares. */
  | { kind: 'self'; secondStep?: boolean }
  /** Organisation-wide: allowed for these roles held organisation-wide. */
  | { kind: 'org'; allow: readonly Role[] | 'everyone' }
  /** A record in a compartment: allowed for these roles where they apply; others get 403 where they can see the compartment, 404 where they cannot. */
  | { kind: 'compartment'; allow: readonly Role[] }
  /** A list filtered by compartment: always allowed, never shows another compartment's record. */
  | { kind: 'compartment-list'; leaks: (body: unknown, other: Others) => boolean }

/** Records that exist in the other compartment, which no list may show to a caller without a grant there. */
export interface Others {
  compartment: CompartmentsTable
  /** What each module's `seed` made there, by name (`personId`, `caseId`…). */
  ids: Readonly<Record<string, string>>
}

export interface MatrixRow {
  scope: Scope
  call(f: Fixture): Promise<Call> | Call
}

/** The ids of a JSON list. */
export const ids = (body: unknown): string[] =>
  Array.isArray(body) ? body.map((x: { id?: string }) => x.id ?? '') : []

/** A field of a JSON object. */
export const field = (body: unknown, key: string): unknown =>
  body && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined

/** Who works cases (coordinators, caseworkers) and who sees people (and field workers). */
export const PEOPLE = ['coordinator', 'caseworker'] as const
export const SEES = ['coordinator', 'caseworker', 'field_worker'] as const

/** The id a module's seed made in the other compartment under `name` (a typo fails loudly). */
export function seeded(others: Others, name: string): string {
  const id = others.ids[name]
  if (!id) throw new Error(`no seed made "${name}" in the other compartment`)
  return id
}
