import { z } from 'zod'
import { errors } from '../http/errors.js'
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

/**
 * The OpenAPI 3.1 document, generated from the same route declarations that serve requests,
 * so the documentation cannot drift from the code.
 */
export function buildOpenApi(
  routes: readonly AnyApiRoute[],
  info: { version: string },
): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {}
  for (const route of routes) {
    const openApiPath = route.path.replace(/:(\w+)/g, '{$1}')
    const errorResponses: Record<string, JsonObject> = {}
    for (const name of route.errors ?? []) {
      const sample = instantiate(name)
      errorResponses[String(sample.status)] = {
        description: `${sample.code}`,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      }
    }
    paths[openApiPath] ??= {}
    const operation: JsonObject = {
      operationId: `${route.method}${openApiPath.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(\w)?/g, (_m, ch?: string) => (ch ? ch.toUpperCase() : ''))}`,
      summary: route.summary,
      tags: [route.tag],
      'x-haven-access': route.access,
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
      description: 'JSON API of the Haven staff app.',
    },
    servers: [{ url: '/api/v1' }],
    paths,
    components: { schemas: { Error: jsonSchema(errorSchema, 'output') } },
  }
}

function instantiate(name: keyof typeof errors): { status: number; code: string } {
  const factory: () => { status: number; code: string } = errors[name]
  return factory()
}
