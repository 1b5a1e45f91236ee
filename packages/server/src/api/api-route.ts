import type { Context } from 'hono'
import type { z } from 'zod'
import type { AppContext } from '../app-context.js'
import type { Actor } from '../auth/actor.js'
import type { SessionStage } from '../auth/auth-tables.js'
import type { Action, Entities, EntityName } from '../auth/policy.js'
import type { ErrorFactoryName } from '../http/errors.js'
import type { HavenEnv } from '../http/hono-env.js'

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete'

/**
 * Who may call a route. There is no default: each route says which it is, and the authorization
 * matrix test checks every route against every role.
 * - `public`: no session needed (setup, sign-in); say why.
 * - `signed-in`: any signed-in user acting on their own account; `stages` lets half-finished
 *   sign-ins (awaiting a second factor, or one that must enrol a factor) reach the few routes
 *   that complete them.
 * - `policy`: the handler must load the record and call `authorize(action, entity, record)`; a
 *   handler that returns without doing so is a bug and fails with 500, never with data.
 */
export type RouteAccess =
  | { kind: 'public'; why: string }
  | { kind: 'signed-in'; why: string; stages?: readonly SessionStage[] }
  | { kind: 'policy'; entity: EntityName; action: Action }

export interface HandlerInput<P, Q, B> {
  params: P
  query: Q
  body: B
  /** The request body as bytes, for `upload` routes (checked against the size limit first). */
  raw: Uint8Array | undefined
  c: Context<HavenEnv>
  app: AppContext
  /** The signed-in actor; throws 401 on a public route called without a session. */
  actor(): Actor
  /** The actor if there is one (public routes). */
  maybeActor: Actor | null
  /** Checks the policy and records that this request was authorized (see RouteAccess). */
  authorize<E extends EntityName>(
    action: Action,
    entity: E,
    record: Entities[E],
    options?: { compartmentId?: string | null },
  ): void
  /**
   * For list routes: records that the handler restricts its query to the compartments the actor's
   * grants open (computed with `compartmentsFor`), which is its authorization. The matrix test
   * checks such lists never show another compartment's records.
   */
  authorizeScope(): void
  /** Context for audit entries written by this request. */
  audit: { actorId: string | null; requestId: string }
}

/**
 * One API endpoint, declared once: its path, its access rule, the Zod schemas of what comes in
 * and what goes out. The same declaration mounts the route, validates, documents it in OpenAPI
 * and puts it in the authorization test matrix, so these cannot drift apart.
 */
export interface ApiRoute<P = unknown, Q = unknown, B = unknown, R = unknown> {
  method: HttpMethod
  /** Hono path under /api/v1, e.g. `/people/:id`. */
  path: string
  summary: string
  tag: string
  access: RouteAccess
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
  upload?: { maxBytes: number }
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
  handle(input: HandlerInput<P, Q, B>): Promise<R>
}

/** Declares a route with full type inference between its schemas and its handler. */
export function defineRoute<P = undefined, Q = undefined, B = undefined, R = unknown>(
  route: ApiRoute<P, Q, B, R>,
): ApiRoute<P, Q, B, R> {
  return route
}

// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous list of routes; each keeps its own types where it is declared.
export type AnyApiRoute = ApiRoute<any, any, any, any>

/** How recent a re-authentication must be for a `reauth` route. */
export const REAUTH_WINDOW_MS = 5 * 60_000

/** A file to send as a download: never rendered by the browser, never cached. */
export interface BinaryResult {
  bytes: Uint8Array
  contentType: string
  fileName: string
}
