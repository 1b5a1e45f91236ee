import { formatBytes } from '@haven/core/i18n/format'
import { validate } from '@haven/core/validation/field-issues'
import type { Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { z } from 'zod'
import type { AppContext } from '../app-context.js'
import type { Actor } from '../auth/actor.js'
import { authorize, type CompartmentEntity } from '../auth/policy.js'
import { compartmentsWhere } from '../compartments/compartment-access.js'
import { errorJson } from '../http/error-response.js'
import { errors } from '../http/errors.js'
import type { HavenEnv } from '../http/hono-env.js'
import { readJsonBody } from '../http/json-body.js'
import {
  type AnyApiRoute,
  type BinaryResult,
  type HandlerInput,
  type PolicyAccess,
  REAUTH_WINDOW_MS,
  type RequestInput,
} from './api-route.js'
import { spoolLimit, withSpooledBody } from './spool-body.js'

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
 * The declared policy check, before the handler runs: loads the route's record and asks the
 * policy about it, or computes a list route's scope. What it found goes to the handler.
 */
async function authorizeDeclared(route: AnyApiRoute, input: RequestInput): Promise<Declared> {
  const access = route.access as PolicyAccess
  if (access.kind !== 'policy') return UNDECLARED
  const { actor, app } = input
  if (access.scope) {
    const only = access.only?.(input)
    if (only) authorize(actor, access.action, access.entity, { compartmentId: only } as never)
    const scope = await compartmentsWhere(
      app.database.db,
      actor,
      access.action,
      access.entity as CompartmentEntity,
    )
    return {
      record: undefined,
      scope: only ? scope.filter((id) => id === only) : scope,
      asked: only ? [{ compartmentId: only }] : [],
    }
  }
  const record = access.load ? await access.load(input) : undefined
  const answer = access.record ? access.record(record, input) : {}
  const asked: readonly unknown[] = Array.isArray(answer) ? answer : [answer]
  for (const one of asked) authorize(actor, access.action, access.entity, one as never)
  return { record, scope: [], asked }
}

interface Declared {
  record: unknown
  scope: readonly string[]
  /** The records the declared check asked about, so a handler cannot ask it again. */
  asked: readonly unknown[]
}

/** What a public or signed-in route declares: nothing to load or authorize. */
const UNDECLARED: Declared = { record: undefined, scope: [], asked: [] }

/** Whether a handler's check is the declared one again (same entity, action and record). */
function restates(
  route: AnyApiRoute,
  declared: Declared,
  action: string,
  entity: string,
  record: unknown,
) {
  const access = route.access
  if (access.kind !== 'policy' || access.action !== action || access.entity !== entity) return false
  const key = JSON.stringify(record)
  return declared.asked.some((one) => JSON.stringify(one) === key)
}

/**
 * Registers each route on `api`: access → validate → load and authorize as declared → handle
 * (act) → present through the response schema.
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
    // A spooled upload counts its own bytes as it writes them (Hono's limit would buffer the body).
    const spool = route.upload?.spool === true
    api.on(
      route.method.toUpperCase(),
      route.path,
      spool ? spoolLimit(maxSize) : limit,
      async (c) => {
        const actor = checkAccess(route, c, app)
        const params = parseOrThrow(route.params, c.req.param())
        const query = parseOrThrow(route.query, c.req.query())
        const body = route.body ? parseOrThrow(route.body, await readJsonBody(c)) : undefined
        const raw = route.upload && !spool ? new Uint8Array(await c.req.arrayBuffer()) : undefined
        const declared = actor
          ? await authorizeDeclared(route, { params, query, body, app, actor })
          : UNDECLARED
        const input: HandlerInput<unknown, unknown, unknown, unknown> = {
          params,
          query,
          body,
          raw,
          file: undefined,
          c,
          app,
          maybeActor: actor,
          actor: () => {
            if (!actor) throw errors.unauthenticated()
            return actor
          },
          record: declared.record,
          scope: declared.scope,
          authorize: (action, entity, record) => {
            if (!actor) throw errors.unauthenticated()
            // The declaration already asked this: saying it twice is a sign of a stale handler.
            if (restates(route, declared, action, entity, record))
              throw new Error(`${route.method} ${route.path} repeats its declared authorization`)
            authorize(actor, action, entity, record)
          },
          audit: { actorId: actor?.userId ?? null, requestId: c.get('requestId') },
        }
        const result = spool
          ? await withSpooledBody(c, maxSize, (file) => route.handle({ ...input, file }))
          : await route.handle(input)
        if (route.binary) return sendFile(c, result as BinaryResult)
        // Parsing the result through the declared schema is the whitelist: unknown fields are dropped,
        // and a handler that returns something off-contract fails loudly here instead of leaking it.
        const presented = route.response.parse(result)
        return c.json(presented as object, route.successStatus ?? 200)
      },
    )
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
  if (file.bytes instanceof ReadableStream) return c.body(file.bytes)
  c.header('Content-Length', String(file.bytes.byteLength))
  return c.body(file.bytes as Uint8Array<ArrayBuffer>)
}
