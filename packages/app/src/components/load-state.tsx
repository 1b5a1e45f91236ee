import { useCallback, useEffect, useState } from 'preact/hooks'
import { ApiError } from '../lib/api-client.js'
import { t } from '../lib/locale.js'

/**
 * Loading from the API and saying how it went: what every screen needs, so no module borrows it
 * from another. `useLoad` fetches; `Loading`, `Problem` and `Done` say so, politely.
 */
export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'failed'; error: unknown }
  | { state: 'ready'; data: T }

/** Loads from the API when `key` changes; `reload` fetches again after a change. */
export function useLoad<T>(load: () => Promise<T>, key: string): [Loaded<T>, () => void] {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' })
  const [round, setRound] = useState(0)
  useEffect(() => {
    let current = true
    load()
      .then((data) => current && setResult({ state: 'ready', data }))
      .catch((error: unknown) => current && setResult({ state: 'failed', error }))
    return () => {
      current = false
    }
  }, [key, round])
  return [result, useCallback(() => setRound((r) => r + 1), [])]
}

/** What went wrong, said for the person: signed out, or the server's own words. */
export function problemText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return t('common.signed_out')
    return error.message
  }
  return error instanceof Error ? error.message : String(error)
}

/** A failure, announced at once. `text` overrides the wording (a module's own refusal, say). */
export function Problem({ error, text }: { error: unknown; text?: string }) {
  return (
    <p class="alert" role="alert">
      {text ?? problemText(error)}
    </p>
  )
}

export function Loading() {
  return <p aria-live="polite">{t('common.loading')}</p>
}

/** A short confirmation of what just happened, announced politely. */
export function Done({ text }: { text: string | null }) {
  return (
    <p class="done" role="status">
      {text ?? ''}
    </p>
  )
}
