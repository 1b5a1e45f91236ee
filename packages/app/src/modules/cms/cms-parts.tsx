import type { DocumentStatus } from '@haven/core/site/cms-views'
import type { JSX } from 'preact'
import { useCallback, useEffect, useState } from 'preact/hooks'
import { ApiError } from '../../lib/api-client.js'
import { t } from '../../lib/locale.js'

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

/** What went wrong, said for the person: signed out, not allowed, or the server's own words. */
export function problemText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return t('cms.signed_out')
    if (error.status === 403 && error.code === 'forbidden') return t('cms.no_access')
    return error.message
  }
  return error instanceof Error ? error.message : String(error)
}

export function Problem({ error }: { error: unknown }) {
  return (
    <p class="alert" role="alert">
      {problemText(error)}
    </p>
  )
}

export function Loading() {
  return <p aria-live="polite">{t('common.loading')}</p>
}

export function StatusBadge(props: { status: DocumentStatus | 'missing'; changed?: boolean }) {
  return (
    <span class={`badge badge-${props.status}`}>
      {t(`cms.status.${props.status}`)}
      {props.changed && ` · ${t('cms.status.changed')}`}
    </span>
  )
}

interface AreaProps {
  id: string
  label: string
  value: string
  onInput: (value: string) => void
  error?: string | undefined
  hint?: string | undefined
  rows?: number
  code?: boolean
  lang?: string | undefined
}

/** A labelled text area whose hint and error are tied to it for screen readers. */
export function TextArea(props: AreaProps): JSX.Element {
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : '']
    .filter(Boolean)
    .join(' ')
  return (
    <div class={`field${props.error ? ' field-invalid' : ''}`}>
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      <textarea
        id={props.id}
        name={props.id}
        rows={props.rows ?? 4}
        class={props.code ? 'code' : undefined}
        lang={props.lang}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        onInput={(event) => props.onInput((event.currentTarget as HTMLTextAreaElement).value)}
      />
      {props.error && (
        <p class="error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  )
}

/** A short confirmation of what just happened, announced politely. */
export function Done({ text }: { text: string | null }) {
  return (
    <p class="done" role="status">
      {text ?? ''}
    </p>
  )
}

/** The CMS's own small menu (the app's main navigation links to its first page). */
export function CmsMenu({ current }: { current: 'content' | 'navigation' | 'faq' | 'images' }) {
  const items = [
    ['content', '/app/cms', 'cms.menu.content'],
    ['navigation', '/app/cms/navigation', 'cms.menu.navigation'],
    ['faq', '/app/cms/faq-topics', 'cms.menu.faq_topics'],
    ['images', '/app/cms/images', 'cms.menu.images'],
  ] as const
  return (
    <nav class="subnav" aria-label={t('cms.title')}>
      <ul>
        {items.map(([key, href, label]) => (
          <li key={key}>
            <a href={href} aria-current={key === current ? 'page' : undefined}>
              {t(label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/** Native names of the languages the site is written in, for tabs and labels. */
export function languageName(locale: string): string {
  const names: Record<string, string> = { en: 'English', ja: '日本語', ko: '한국어', zh: '中文' }
  return names[locale] ?? locale
}
