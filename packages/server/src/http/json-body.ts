import type { Context } from 'hono'
import { errors } from './errors.js'

/**
 * Reads a JSON body: refuses other content types (415) and malformed JSON (400 invalid_json).
 * The size limit is enforced before this by the body-limit middleware.
 */
export async function readJsonBody(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? ''
  if (!/^application\/json\s*(;|$)/i.test(type)) throw errors.unsupportedMediaType()
  const text = await c.req.text()
  try {
    return JSON.parse(text)
  } catch {
    throw errors.invalidJson()
  }
}
