import { locale, t } from './locale.js'

/**
 * An error to show the person, already in their language: answered by the API, or found before
 * the request got there (status 0: no connection, a cancelled passkey prompt).
 */
export class ApiError extends Error {
  override name = 'ApiError'
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Readonly<Record<string, string>> = {},
    /** Facts the server adds to some errors (a version conflict's two sides; the cap reached and whether one may override). */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message)
  }
}

interface ErrorBody {
  error?: {
    code?: string
    message?: string
    fields?: Record<string, string>
    details?: Record<string, unknown>
  }
}

/**
 * What the app shell decides for every screen: what happens when the session has ended, and how
 * the person confirms it is them when the server asks (true: confirmed, retry the request).
 */
export interface ApiHooks {
  sessionEnded(): void
  confirmIdentity(): Promise<boolean>
  /** A request got no answer at all (the connection dropped). */
  unreachable(): void
  /** The server answered (even with an error). */
  reachable(): void
}

const hooks: ApiHooks = {
  sessionEnded: () => {},
  confirmIdentity: async () => false,
  unreachable: () => {},
  reachable: () => {},
}

export function setApiHooks(next: Partial<ApiHooks>): void {
  Object.assign(hooks, next)
}

async function send<T>(method: string, path: string, body: unknown): Promise<T> {
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
    hooks.unreachable()
    throw new ApiError(0, 'network_error', t('error.network'))
  }
  hooks.reachable()
  const data = (await response.json().catch(() => ({}))) as ErrorBody & T
  if (!response.ok) {
    throw new ApiError(
      response.status,
      data.error?.code ?? 'unknown',
      data.error?.message ?? response.statusText,
      data.error?.fields ?? {},
      data.error?.details ?? {},
    )
  }
  return data
}

/** Only this code means the session is gone; a wrong password or code is also a 401. */
function noticeSessionEnd(error: unknown): unknown {
  if (error instanceof ApiError && error.code === 'unauthenticated') hooks.sessionEnded()
  return error
}

/**
 * Calls the JSON API under /api/v1 and throws ApiError with the server's code and message.
 * A sensitive request refused with `reauth_required` asks the person to confirm it is them and is
 * sent again once; if they cancel, the original error is thrown for the screen to show.
 */
/** Answers asked for before the screen that needs them had loaded, each taken once (`early`). */
const earlyAnswers = new Map<string, Promise<unknown>>()

/**
 * Asks for a GET now, while the app's code is still on its way, so the screen that asks for the
 * same path a moment later takes this answer instead of waiting another round trip. A failed early
 * answer is forgotten and the screen's own request goes out as usual.
 */
export function early(path: string): void {
  if (earlyAnswers.has(path)) return
  const answer = send('GET', path, undefined)
  answer.catch(() => earlyAnswers.delete(path))
  earlyAnswers.set(path, answer)
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const waiting = method === 'GET' ? earlyAnswers.get(path) : undefined
  if (waiting) {
    earlyAnswers.delete(path)
    try {
      return (await waiting) as T
    } catch {
      // Asked again below, with the usual answers to a session that ended.
    }
  }
  try {
    return await send<T>(method, path, body)
  } catch (error) {
    if (
      error instanceof ApiError &&
      error.code === 'reauth_required' &&
      (await hooks.confirmIdentity())
    ) {
      try {
        return await send<T>(method, path, body)
      } catch (retryError) {
        throw noticeSessionEnd(retryError)
      }
    }
    throw noticeSessionEnd(error)
  }
}

/**
 * Sends a file as the request body (photos, documents): the server checks its type by content,
 * so the browser's guess is only a hint. Errors come back as ApiError, like `api()`.
 */
export async function apiUpload<T>(method: string, path: string, file: File): Promise<T> {
  let response: Response
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Accept-Language': locale.value,
        'Content-Type': file.type || 'application/octet-stream',
        'X-File-Name': encodeURIComponent(file.name),
      },
      body: file,
    })
  } catch {
    hooks.unreachable()
    throw new ApiError(0, 'network_error', t('error.network'))
  }
  hooks.reachable()
  const data = (await response.json().catch(() => ({}))) as ErrorBody & T
  if (!response.ok) {
    const error = new ApiError(
      response.status,
      data.error?.code ?? 'unknown',
      data.error?.message ?? response.statusText,
      data.error?.fields ?? {},
      data.error?.details ?? {},
    )
    throw noticeSessionEnd(error)
  }
  return data
}

/**
 * Asks the API for a file (a CSV export) and hands it to the browser as a download. The request
 * is an ordinary API call, so errors, sign-out and re-authentication behave as with `api()`.
 */
export async function apiDownload(path: string, body: unknown, fileName: string): Promise<void> {
  const send = () =>
    fetch(`/api/v1${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Accept-Language': locale.value, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
  let response: Response
  try {
    response = await send()
    // An identifying export asks the person to confirm it is them first, as `api()` does.
    if (response.status === 401 || response.status === 403) {
      const code = (
        (await response
          .clone()
          .json()
          .catch(() => ({}))) as ErrorBody
      ).error?.code
      if (code === 'reauth_required' && (await hooks.confirmIdentity())) response = await send()
    }
  } catch {
    hooks.unreachable()
    throw new ApiError(0, 'network_error', t('error.network'))
  }
  hooks.reachable()
  if (!response.ok) {
    const data = (await response.json().catch(() => ({}))) as ErrorBody
    throw noticeSessionEnd(
      new ApiError(
        response.status,
        data.error?.code ?? 'unknown',
        data.error?.message ?? response.statusText,
      ),
    )
  }
  const url = URL.createObjectURL(await response.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
