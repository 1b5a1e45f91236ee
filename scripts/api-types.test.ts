import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { defineRoute } from '../packages/server/src/api/api-route.js'
import { apiRoutes } from '../packages/server/src/api/api-routes.js'
import { MODULES } from '../packages/server/src/modules/index.js'
import { API_TYPES_FILE, apiTypesSource, clientDocument } from './api-types.js'

// Generating takes several seconds on a loaded two-core machine.
describe('the app’s API types', { timeout: 120_000 }, () => {
  it('are what the OpenAPI document gives today (else run `npm run api-types`)', async () => {
    expect(readFileSync(API_TYPES_FILE, 'utf8') === (await apiTypesSource())).toBe(true)
  })

  it('change when a route does, so a stale file is caught', async () => {
    const routes = apiRoutes(MODULES)
    const changed = routes.map((route) =>
      route.method === 'get' && route.path === '/work-queue'
        ? defineRoute({
            ...route,
            response: z.object({ openTotal: z.number(), renamed: z.string() }),
          })
        : route,
    )
    const source = await apiTypesSource(clientDocument(changed))
    expect(source).toMatch(/\brenamed: string\b/)
    expect(source).not.toBe(readFileSync(API_TYPES_FILE, 'utf8'))
  })

  it('keep only the success answers; the error body stays one shared schema', () => {
    const operation = clientDocument().paths['/cases/{id}']?.patch as {
      responses: Record<string, unknown>
    }
    expect(Object.keys(operation.responses)).toEqual(['200'])
    expect(readFileSync(API_TYPES_FILE, 'utf8')).toContain('Error: {')
  })
})
