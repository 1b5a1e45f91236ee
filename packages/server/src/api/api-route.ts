import type { Context } from 'hono'
import type { z } from 'zod'
import type { AppContext } from '../app-context.js'
import type { Actor } from '../auth/actor.js'
import type { SessionStage } from '../auth/auth-tables.js'
import type { Action, Entities, EntityName } from '../auth/policy.js'
import { type ErrorFactoryName, errors } from '../http/errors.js'
import type { HavenEnv } from '../http/hono-env.js'
import type { SpooledUpload } from './spooled-upload.js'

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete'

/**
 * Who may call a route. There is no default: each route says which it is, and the authorization
 * matrix test checks every route against every role.
 * - `public`: no session needed (setup, sign-in); say why.
 * - `signed-in`: any signed-in user acting on their own account; `stages` lets half-finished
 *   sign-ins (awaiting a second factor, or one that must enrol a factor) reach the few routes
 *   that complete them.
 * - `policy`: the route engine asks the policy of `entity` whether the caller may take `action`
 *   before the handler runs, so a handler can neither forget the check nor restate it (see
 *   PolicyAccess for how the record is found).
 */
export type RouteAccess<P = unknown, Q = unknown, B = unknown, T = unknown> =
  | { kind: 'public'; why: string }
  | { kind: 'signed-in'; why: string; stages?: readonly SessionStage[] }
  | PolicyAccess<P, Q, B, T>

/** What a route's `load`, `record` and `only` are given: the validated request and its caller. */
export interface RequestInput<P = unknown, Q = unknown, B = unknown> {
  params: P
  query: Q
  body: B
  app: AppContext
  actor: Actor
}

/**
 * A policy route, declared with the entity and action the policy is asked about and how the
 * record (and so its compartment) is found — one of:
 * - nothing more, for an organisation-wide entity whose record is empty (`Supplies`, `AuditLog`);
 * - `record(loaded, input)`: the record the policy is asked about. With `load(input)` first, which
 *   finds what the route works on (404 when missing) and hands it to the handler as `record`;
 *   without it, the record comes from the request itself (a new record's compartment in the body).
 *   A list of records (a purge of several cases) must all be allowed;
 * - `scope: 'compartments'`: a list, limited to the compartments where the policy allows the
 *   action (the handler gets them as `scope`); `only(input)` names one compartment the request
 *   asks for, authorized like a record there.
 * A record with a `compartmentId` the caller cannot see is answered 404, like a missing one.
 */
export type PolicyAccess<P = unknown, Q = unknown, B = unknown, T = unknown> = {
  [E in EntityName]: PolicyOn<E, P, Q, B, T>
}[EntityName]

type PolicyOn<E extends EntityName, P, Q, B, T> = {
  kind: 'policy'
  entity: E
  action: Action
  load?(input: Request<P, Q, B>): Promise<T> | T
} & (
  | {
      record(loaded: NoInfer<T>, input: Request<P, Q, B>): Entities[E] | readonly Entities[E][]
      scope?: undefined
    }
  | {
      scope: 'compartments'
      only?(input: Request<P, Q, B>): string | undefined
      record?: undefined
    }
  | (Record<string, never> extends Entities[E] ? { record?: undefined; scope?: undefined } : never)
)

// The request's types come from the route's schemas only, never from a loader's signature.
type Request<P, Q, B> = RequestInput<NoInfer<P>, NoInfer<Q>, NoInfer<B>>

/**
 * What a loader found, or 404 when it found nothing — the same answer as for a record in a
 * compartment the caller cannot see: `load: async ({ app, params }) => found(await findX(…))`.
 */
export function found<T>(record: T | undefined | null): T {
  if (record === undefined || record === null) throw errors.notFound()
  return record
}

/**
 * The policy record of a row that belongs to a compartment (`compartment_id`): the usual
 * `record` of a route that loads one. (Generic, so the loaded row keeps its own type.)
 */
export const inCompartment = <R extends { compartment_id: string }>(row: R) => ({
  compartmentId: row.compartment_id,
})

export interface HandlerInput<P, Q, B, T = unknown> {
  params: P
  query: Q
  body: B
  /** The request body as bytes, for `upload` routes (checked against the size limit first). */
  raw: Uint8Array | undefined
  /** The request body as a sealed temporary file, for `upload.spool` routes (deleted afterwards). */
  file: SpooledUpload | undefined
  c: Context<HavenEnv>
  app: AppContext
  /** The signed-in actor; throws 401 on a public route called without a session. */
  actor(): Actor
  /** The actor if there is one (public routes). */
  maybeActor: Actor | null
  /** What the route's `load` found (already authorized); undefined for a route without one. */
  record: T
  /** A `scope` route's compartments: where the policy allows the declared action (else empty). */
  scope: readonly string[]
  /**
   * A further check the declaration cannot make: another record (the person a merge goes into),
   * or another action on the same one (reopening a case takes `manage`). The declared check has
   * already passed; it is never repeated here.
   */
  authorize<E extends EntityName>(action: Action, entity: E, record: Entities[E]): void
  /** Context for audit entries written by this request. */
  audit: { actorId: string | null; requestId: string }
}

/**
 * One API endpoint, declared once: its path, its access rule, the Zod schemas of what comes in
 * and what goes out. The same declaration mounts the route, validates, documents it in OpenAPI
 * and puts it in the authorization test matrix, so these cannot drift apart.
 */
export interface ApiRoute<P = unknown, Q = unknown, B = unknown, R = unknown, T = unknown> {
  method: HttpMethod
  /** Hono path under /api/v1, e.g. `/people/:id`. */
  path: string
  summary: string
  tag: string
  access: RouteAccess<P, Q, B, T>
  /** Requires a password or passkey confirmation within the last 5 minutes. */
  reauth?: boolean
  /** A larger request body than BODY_LIMIT_BYTES (an image upload); the default applies otherwise. */
  bodyLimitBytes?: number
  params?: z.ZodType<P>
  query?: z.ZodType<Q>
  body?: z.ZodType<B>
  /**
   * Accepts a file as the raw request body (any content type; the handler checks the bytes) up to
   * `maxBytes`, instead of a JSON body.
   */
  upload?: {
    maxBytes: number
    /**
     * Keep the body in a sealed temporary file (`file`) instead of memory (`raw`): for files
     * that may be large (a spreadsheet of 100,000 rows), read as a stream.
     */
    spool?: boolean
  }
  /**
   * The handler returns a file (a BinaryResult) sent as a download; `response` then describes
   * only what the documentation should say.
   */
  binary?: boolean
  /** Everything that leaves goes through this schema: fields it does not name are dropped. */
  response: z.ZodType<R>
  successStatus?: 200 | 201 | 202
  /** Error codes this route can answer with, for the documentation. */
  errors?: readonly ErrorFactoryName[]
  handle(input: HandlerInput<P, Q, B, T>): Promise<R>
}

/** Declares a route with full type inference between its schemas, its access and its handler. */
export function defineRoute<
  P = undefined,
  Q = undefined,
  B = undefined,
  R = unknown,
  T = undefined,
>(route: ApiRoute<P, Q, B, R, T>): ApiRoute<P, Q, B, R, T> {
  return route
}

// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous list of routes; each keeps its own types where it is declared.
export type AnyApiRoute = ApiRoute<any, any, any, any, any>

/** How recent a re-authentication must be for a `reauth` route. */
export const REAUTH_WINDOW_MS = 5 * 60_000

/** A file to send as a download: never rendered by the browser, never cached. */
export interface BinaryResult {
  /** The whole file, or a stream of it for what is too large to hold (sent without a length). */
  bytes: Uint8Array | ReadableStream<Uint8Array>
  contentType: string
  fileName: string
}
