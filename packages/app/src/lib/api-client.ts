import { locale, t } from './locale.js'

/** An error answered by the API, already in the person's language. */
export class ApiError extends Error {
  override name = 'ApiError'
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(message)
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: Record<string, string> }
}

/** Calls the JSON API under /api/v1. Throws ApiError with the server's code and message. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Accept-Language': locale.value,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  } catch {
    throw new ApiError(0, 'network_error', t('error.network'))
  }
  const data = (await response.json().catch(() => ({}))) as ErrorBody & T
  if (!response.ok) {
    throw new ApiError(
      response.status,
      data.error?.code ?? 'unknown',
      data.error?.message ?? response.statusText,
      data.error?.fields ?? {},
    )
  }
  return data
}
