import { formatBytes } from '@haven/core/i18n/format'
import { validate } from '@haven/core/validation/field-issues'
import type { Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { z } from 'zod'
import type { AppContext } from '../app-context.js'
import type { Actor } from '../auth/actor.js'
import { authorize } from '../auth/policy.js'
import { errorJson } from '../http/error-response.js'
import { errors } from '../http/errors.js'
import type { HavenEnv } from '../http/hono-env.js'
import { readJsonBody } from '../http/json-body.js'
import {
  type AnyApiRoute,
  type BinaryResult,
  type HandlerInput,
  REAUTH_WINDOW_MS,
} from './api-route.js'

function parseOrThrow<T>(schema: z.ZodType<T> | undefined, input: unknown): T | undefined {
  if (!schema) return undefined
  const result = validate(schema, input)
  if (!result.ok) throw errors.validationFailed(result.issues)
  return result.value
}

/** Who is calling, checked against the route's access rule before anything else happens. */
function checkAccess(route: AnyApiRoute, c: Context<HavenEnv>, app: AppContext): Actor | null {
  const session = c.get('session') ?? null
  if (route.access.kind === 'public') return session?.stage === 'active' ? session.actor : null
  if (!session) throw errors.unauthenticated()
  const stages =
    route.access.kind === 'signed-in' ? (route.access.stages ?? ['active']) : ['active']
  if (!stages.includes(session.stage)) {
    throw session.stage === 'enroll_required'
      ? errors.enrollmentRequired()
      : errors.secondFactorRequired()
  }
  if (route.reauth && !session.actor.reauthenticatedWithin(REAUTH_WINDOW_MS, app.now()))
    throw errors.reauthRequired()
  return session.actor
}

/**
 * Registers each route on `api`: access → validate → handle (load, authorize, act) → present
 * through the response schema.
 */
export function mountRoutes(
  api: Hono<HavenEnv>,
  routes: readonly AnyApiRoute[],
  app: AppContext,
): void {
  for (const route of routes) {
    // Each route has its own size limit: JSON bodies the configured one, uploads their own.
    const maxSize = route.upload?.maxBytes ?? route.bodyLimitBytes ?? app.config.bodyLimitBytes
    const limit = bodyLimit({
      maxSize,
      onError: (c) =>
        errorJson(
          c as Context<HavenEnv>,
          errors.payloadTooLarge(formatBytes((c as Context<HavenEnv>).get('locale'), maxSize)),
        ),
    })
    api.on(route.method.toUpperCase(), route.path, limit, async (c) => {
      const actor = checkAccess(route, c, app)
      const params = parseOrThrow(route.params, c.req.param())
      const query = parseOrThrow(route.query, c.req.query())
      const body = route.body ? parseOrThrow(route.body, await readJsonBody(c)) : undefined
      const raw = route.upload ? new Uint8Array(await c.req.arrayBuffer()) : undefined
      c.set('authorized', false)
      const input: HandlerInput<unknown, unknown, unknown> = {
        params,
        query,
        body,
        raw,
        c,
        app,
        maybeActor: actor,
        actor: () => {
          if (!actor) throw errors.unauthenticated()
          return actor
        },
        authorize: (action, entity, record, options) => {
          if (!actor) throw errors.unauthenticated()
          authorize(actor, action, entity, record, options)
          c.set('authorized', true)
        },
        authorizeScope: () => {
          if (!actor) throw errors.unauthenticated()
          c.set('authorized', true)
        },
        audit: { actorId: actor?.userId ?? null, requestId: c.get('requestId') },
      }
      const result = await route.handle(input)
      if (route.access.kind === 'policy' && !c.get('authorized')) {
        // Deny by default: a policy route that forgot its authorize() call must not answer with data.
        throw new Error(
          `route ${route.method.toUpperCase()} ${route.path} returned without calling authorize()`,
        )
      }
      if (route.binary) return sendFile(c, result as BinaryResult)
      // Parsing the result through the declared schema is the whitelist: unknown fields are dropped,
      // and a handler that returns something off-contract fails loudly here instead of leaking it.
      const presented = route.response.parse(result)
      return c.json(presented as object, route.successStatus ?? 200)
    })
  }
}

/** Methods (upper case) that some route accepts at this path, for 405 answers. */
export function allowedMethods(
  routes: readonly Pick<AnyApiRoute, 'method' | 'path'>[],
  path: string,
): string[] {
  const methods = new Set<string>()
  for (const route of routes) {
    if (pathPattern(route.path).test(path)) methods.add(route.method.toUpperCase())
  }
  return [...methods].sort()
}

const patterns = new Map<string, RegExp>()
function pathPattern(path: string): RegExp {
  let pattern = patterns.get(path)
  if (!pattern) {
    const source = path
      .split('/')
      .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/')
    pattern = new RegExp(`^${source}/?$`)
    patterns.set(path, pattern)
  }
  return pattern
}

function sendFile(c: Context<HavenEnv>, file: BinaryResult): Response {
  // RFC 6266: an ASCII fallback name and the real (UTF-8, percent-encoded) one.
  const ascii = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')
  c.header('Content-Type', file.contentType)
  c.header(
    'Content-Disposition',
    `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  )
  c.header('Content-Length', String(file.bytes.byteLength))
  return c.body(file.bytes as Uint8Array<ArrayBuffer>)
}
