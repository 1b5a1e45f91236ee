import type { Abilities } from '@haven/core/auth/abilities'
import type { IdentifyingEntity } from '@haven/core/privacy/identifying-fields'
import type { Command } from 'commander'
import type { Hono } from 'hono'
import type { AnyApiRoute } from './api/api-route.js'
import type { AppContext } from './app-context.js'
import type { Actor } from './auth/actor.js'
import type { EntityName } from './auth/policy.js'
import type { CompartmentsTable } from './compartments/compartment-tables.js'
import type { Db } from './db/db-handle.js'
import type { Migrations } from './db/migrations/index.js'
import type { Figure } from './figures.js'
import type { HavenEnv } from './http/hono-env.js'
import type { MoneyListener } from './money-events.js'
import type { SiteRenderer } from './site/site-renderer.js'

/**
 * What a module hands the platform: one frozen object, exported by `modules/<name>/index.ts` and
 * listed once in `modules/index.ts`. The platform never imports a module; it reads this list
 * (`app.modules` at run time) to mount routes, run migrations, demo and scale steps, gather
 * abilities, commands and figures. Tables and policy entities join by declaration merging from
 * the module's own folder (see `<name>-tables.ts` and `<name>-policy.ts`).
 */
export interface HavenModule {
  /** Its one name: the folder under `server/src/modules/`, `app/src/modules/` and `core/src/`. */
  readonly name: string
  /**
   * Migrations of the module's own tables, by name (`YYYY-MM-DD-NNNN-<what>`, kept in its
   * `migrations/` folder): merged with the platform's history into one list run in name order.
   */
  readonly migrations?: Migrations
  /** API endpoints, declared with `defineRoute`; mounted under /api/v1, documented, in the matrix. */
  readonly routes?: readonly AnyApiRoute[]
  /**
   * The rules of the module's entities, each from `definePolicy` in its `<name>-policy.ts` (which
   * also adds the entity to `Entities`). Listing them here is what loads them.
   */
  readonly policies?: readonly { readonly entity: EntityName }[]
  /**
   * The module's identifying fields, each declared once in its core folder with
   * `declareIdentifying` (sealed per compartment, sent only to those who may identify, every read
   * audited). Listing them keeps them loaded wherever the modules are (key rotation reads every
   * declaration); the list test checks that none is left out.
   */
  readonly sealed?: readonly IdentifyingEntity[]
  /**
   * The module's keys of the session's `can` (declared in `core/src/<name>/<name>-abilities.ts`),
   * computed from its policies, for the app to show or hide its sections.
   */
  abilities?(actor: Actor, app: AppContext): Promise<Partial<Abilities>>
  /**
   * Named, documented figures the module offers for a fiscal year (see figures.ts): the only
   * thing the annual report reads from it.
   */
  readonly figures?: readonly Figure[]
  /**
   * For a module that keeps books (finance): told of every sum of money another module's record
   * moves, inside that record's transaction (see money-events.ts). Modules that move money call
   * `recordMoney` and never import the listener.
   */
  readonly money?: MoneyListener
  /**
   * Prepares what the module needs before anyone uses it (the contact inbox's compartment, say).
   * Idempotent; run by `haven serve` once the keys are open, and by `haven demo`.
   */
  start?(app: AppContext): Promise<void>
  /**
   * Public pages on the website (server-rendered, no JavaScript), registered before the site's
   * catch-all content routes. They render with the site's renderer and may read only what it
   * reads (published tables); a write goes through the module's own service.
   */
  site?(site: Hono<HavenEnv>, renderer: SiteRenderer): void
  /** Adds the module's `haven` subcommands (each with --help; see cli/ for helpers). */
  cli?(program: Command): void
  /**
   * For the audit log, by entity type ("Case"): the code people know a record by (C-0012), for the
   * ids on a page. Only codes, never a name: the log is read by auditors who may not identify.
   */
  readonly recordCodes?: Readonly<
    Record<string, (db: Db, ids: readonly string[]) => Promise<ReadonlyMap<string, string>>>
  >
  /** Demonstration data for `haven demo` (idempotent). Steps run in the order of the modules list. */
  readonly demo?: DemoStep
  /** Synthetic data at scale for `haven generate` (idempotent, resumable, bounded memory). */
  readonly scale?: ScaleStep
}

/** A module's own keys of the session's abilities. */
export type AbilitiesOf<K extends keyof Abilities> = Pick<Abilities, K>

/** Declares a module (frozen, so nothing changes it after the list is read). */
export function defineModule<M extends HavenModule>(module: M): Readonly<M> {
  return Object.freeze(module)
}

/**
 * What a demo step did, for the command's summary. Both counts count the same thing (the step's
 * `counts`), so a second run reports as "already there" what the first reported as "added".
 */
export interface DemoStepResult {
  created: number
  skipped: number
  /** What came with what was added ("with 15 residents and 9 log entries"). */
  detail?: string
}

/**
 * One module's demonstration data. It must be idempotent: running `haven demo` twice adds
 * nothing the second time.
 */
export interface DemoStep {
  name: string
  /** What `created` and `skipped` count, singular and plural (default "item", "items"). */
  counts?: { one: string; other: string }
  run(app: AppContext): Promise<DemoStepResult>
}

export interface ScaleOptions {
  people: number
  /** Anonymous-headcount distributions over ten years (0 or unset: none). */
  distributions?: number
  /** People per compartment (shelters and regions); the count of compartments follows. */
  peoplePerCompartment?: number
  batchSize?: number
  seed?: number
  /** `already`: how many were there before this run (not counted in the rate). */
  onProgress?: (step: string, done: number, total: number, already: number) => void
}

/** What every step is given: the options with defaults filled in, and the compartments to fill. */
export interface ScaleRun {
  people: number
  distributions: number
  batchSize: number
  seed: number
  compartments: readonly CompartmentsTable[]
  /** Reports how many are there now; `already` of them were there before this run. */
  progress: (done: number, already: number) => void
}

/**
 * One kind of data the generator writes (people with their cases, distributions…). A step is
 * idempotent on its own: it finds how far an earlier run got and continues from there, one
 * bounded batch per transaction.
 */
export interface ScaleStep {
  /** What the progress bar counts ("people"). */
  name: string
  /** How many of them a complete run holds (0 leaves the step out). */
  total(options: ScaleOptions): number
  /** Writes what is missing; returns the rows added, by table. */
  run(app: AppContext, run: ScaleRun): Promise<Record<string, number>>
}
