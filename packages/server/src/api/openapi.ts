import { z } from 'zod'
import { type ErrorFactoryName, errors } from '../http/errors.js'
import type { AnyApiRoute } from './api-route.js'

type JsonObject = Record<string, unknown>

const errorSchema = z.object({
  error: z.object({
    code: z.string().meta({ description: 'Stable machine-readable code' }),
    message: z
      .string()
      .meta({ description: 'What happened and what to do, in the request’s language' }),
    requestId: z.string().optional(),
    fields: z.record(z.string(), z.string()).optional().meta({ description: 'Per-field messages' }),
  }),
})

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
  }) as JsonObject
  return rest
}

function parametersFrom(schema: z.ZodType | undefined, where: 'path' | 'query'): JsonObject[] {
  if (!schema) return []
  const json = jsonSchema(schema, 'input') as {
    properties?: Record<string, JsonObject>
    required?: string[]
  }
  return Object.entries(json.properties ?? {}).map(([name, prop]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: prop,
    ...(typeof prop.description === 'string' ? { description: prop.description } : {}),
  }))
}

const SAFE_METHODS = new Set(['get'])

/**
 * How a client is recognised and what protects it, for the document's security scheme and
 * description: the session cookie (its name depends on the address, see session-cookie.ts) and
 * the rules a state-changing request must meet (auth/origin-check.ts, api/mount-routes.ts).
 */
function securityText(cookie: string): { scheme: JsonObject; description: string } {
  return {
    scheme: {
      type: 'apiKey',
      in: 'cookie',
      name: cookie,
      description: `The session, set by POST /auth/login (and after a second factor) as \`${cookie}\`: HttpOnly, SameSite=Strict, Secure except on http://localhost (where the name drops the \`__Host-\` prefix). 256 random bits; only their hash is stored. It ends after SESSION_IDLE_MINUTES without a request or SESSION_ABSOLUTE_HOURS after sign-in.`,
    },
    description: [
      'JSON API of the Haven staff app, used by the app itself from the same origin.',
      '',
      `**Authentication.** A session cookie (\`${cookie}\`, scheme \`session\`). Without it a protected operation answers 401 \`unauthenticated\`; a sign-in still waiting for its second factor reaches only the operations that complete it (403 \`second_factor_required\` / \`enrollment_required\`). Operations marked \`x-haven-reauth\` also need the password or passkey confirmed within the last five minutes (403 \`reauth_required\`; POST /account/reauth).`,
      '',
      "**Cross-site requests (CSRF).** Every request other than GET must come from Haven's own pages: the browser's `Sec-Fetch-Site` must be `same-origin`, or, where a client sends no `Sec-Fetch-Site`, its `Origin` must be Haven's staff or public address. Anything else is refused with 403 `cross_site_request` before the session is read. This is on top of SameSite=Strict; there is no CSRF token to send. Scripts and other non-browser clients must send an `Origin` header with Haven's address.",
      '',
      '**Authorization.** `x-haven-access` says who may call each operation; a record in a compartment where the caller holds no grant answers 404, exactly as a missing one. A sealed server answers 503 `sealed` until unsealed.',
    ].join('\n'),
  }
}

/**
 * The OpenAPI 3.1 document, generated from the same route declarations that serve requests,
 * so the documentation cannot drift from the code. `sessionCookie` is the cookie's name at this
 * server's address.
 */
export function buildOpenApi(
  routes: readonly AnyApiRoute[],
  info: { version: string; sessionCookie: string },
): JsonObject {
  const security = securityText(info.sessionCookie)
  const paths: Record<string, Record<string, JsonObject>> = {}
  for (const route of routes) {
    const openApiPath = route.path.replace(/:(\w+)/g, '{$1}')
    const errorResponses: Record<string, JsonObject> = {}
    // What every such operation may answer, whatever it declares: see securityText.
    const implied: ErrorFactoryName[] = [
      ...(route.access.kind === 'public' ? [] : (['unauthenticated'] as const)),
      ...(SAFE_METHODS.has(route.method) ? [] : (['crossSiteRequest'] as const)),
      ...(route.reauth ? (['reauthRequired'] as const) : []),
    ]
    for (const name of [...implied, ...(route.errors ?? [])]) {
      const sample = instantiate(name)
      const status = String(sample.status)
      const earlier = errorResponses[status]?.description
      errorResponses[status] = {
        description:
          typeof earlier === 'string' && !earlier.split(', ').includes(sample.code)
            ? `${earlier}, ${sample.code}`
            : sample.code,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      }
    }
    paths[openApiPath] ??= {}
    const operation: JsonObject = {
      operationId: `${route.method}${openApiPath.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(\w)?/g, (_m, ch?: string) => (ch ? ch.toUpperCase() : ''))}`,
      summary: route.summary,
      tags: [route.tag],
      'x-haven-access': route.access,
      ...(route.reauth ? { 'x-haven-reauth': true } : {}),
      // Public operations need no session (some use one if present); the rest need it.
      security: route.access.kind === 'public' ? [{}, { session: [] }] : [{ session: [] }],
      parameters: [
        ...parametersFrom(route.params, 'path'),
        ...parametersFrom(route.query, 'query'),
      ],
      responses: {
        [String(route.successStatus ?? 200)]: {
          description: 'Success',
          content: route.binary
            ? { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } }
            : { 'application/json': { schema: jsonSchema(route.response, 'output') } },
        },
        ...errorResponses,
        default: {
          description: 'Error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    }
    if (route.upload) {
      operation.requestBody = {
        required: true,
        description: `The file itself, at most ${route.upload.maxBytes} bytes.`,
        content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
      }
    }
    if (route.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
      }
    }
    paths[openApiPath][route.method] = operation
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Haven API',
      version: info.version,
      description: security.description,
    },
    servers: [{ url: '/api/v1' }],
    security: [{ session: [] }],
    paths,
    components: {
      schemas: { Error: jsonSchema(errorSchema, 'output') },
      securitySchemes: { session: security.scheme },
    },
  }
}

function instantiate(name: keyof typeof errors): { status: number; code: string } {
  const factory: () => { status: number; code: string } = errors[name]
  return factory()
}
