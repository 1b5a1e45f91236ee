import { validate } from '@haven/core/validation/field-issues'
import type { Hono } from 'hono'
import type { z } from 'zod'
import type { AppContext } from '../app-context.js'
import { errors } from '../http/errors.js'
import type { HavenEnv } from '../http/hono-env.js'
import { readJsonBody } from '../http/json-body.js'
import type { AnyApiRoute } from './api-route.js'

function parseOrThrow<T>(schema: z.ZodType<T> | undefined, input: unknown): T | undefined {
  if (!schema) return undefined
  const result = validate(schema, input)
  if (!result.ok) throw errors.validationFailed(result.issues)
  return result.value
}

/** Registers each route on `api`: validate → handle → present through the response schema. */
export function mountRoutes(
  api: Hono<HavenEnv>,
  routes: readonly AnyApiRoute[],
  app: AppContext,
): void {
  for (const route of routes) {
    api.on(route.method.toUpperCase(), route.path, async (c) => {
      const params = parseOrThrow(route.params, c.req.param())
      const query = parseOrThrow(route.query, c.req.query())
      const body = route.body ? parseOrThrow(route.body, await readJsonBody(c)) : undefined
      const result = await route.handle({ params, query, body, c, app })
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
