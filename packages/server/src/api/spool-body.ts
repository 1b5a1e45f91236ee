import { formatBytes } from '@haven/core/i18n/format'
import type { Context, MiddlewareHandler } from 'hono'
import { errorJson } from '../http/error-response.js'
import { errors } from '../http/errors.js'
import type { HavenEnv } from '../http/hono-env.js'
import { type SpooledUpload, spoolUpload, UploadTooLarge } from './spooled-upload.js'

const tooLarge = (c: Context<HavenEnv>, maxBytes: number) =>
  errors.payloadTooLarge(formatBytes(c.get('locale'), maxBytes))

/** Refuses a body that says it is too long before anything is read (a chunked one is counted). */
export function spoolLimit(maxBytes: number): MiddlewareHandler<HavenEnv> {
  return async (c, next) => {
    const declared = Number(c.req.header('content-length') ?? '0')
    if (declared > maxBytes) return errorJson(c, tooLarge(c, maxBytes))
    await next()
  }
}

async function* chunksOf(body: ReadableStream<Uint8Array> | null): AsyncIterable<Uint8Array> {
  if (!body) return
  const reader = body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return
    yield value
  }
}

/** Spools the request body to a sealed temporary file for `work`, and deletes it afterwards. */
export async function withSpooledBody<R>(
  c: Context<HavenEnv>,
  maxBytes: number,
  work: (file: SpooledUpload) => Promise<R>,
): Promise<R> {
  let file: SpooledUpload
  try {
    file = await spoolUpload(chunksOf(c.req.raw.body), maxBytes)
  } catch (error) {
    if (error instanceof UploadTooLarge) throw tooLarge(c, maxBytes)
    throw error
  }
  try {
    return await work(file)
  } finally {
    await file.discard()
  }
}
