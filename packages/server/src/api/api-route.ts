import type { Context } from 'hono'
import type { z } from 'zod'
import type { AppContext } from '../app-context.js'
import type { ErrorFactoryName } from '../http/errors.js'
import type { HavenEnv } from '../http/hono-env.js'

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete'

/**
 * Who may call a route. `public` routes need no session (setup, login); every other kind is
 * filled in by the authorization layer. A route must say which it is: there is no default.
 */
export type RouteAccess = { kind: 'public'; why: string }

export interface HandlerInput<P, Q, B> {
  params: P
  query: Q
  body: B
  c: Context<HavenEnv>
  app: AppContext
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
  params?: z.ZodType<P>
  query?: z.ZodType<Q>
  body?: z.ZodType<B>
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
