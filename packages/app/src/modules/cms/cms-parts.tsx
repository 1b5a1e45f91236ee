import type { DocumentStatus } from '@haven/core/site/cms-views'
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

export { TextArea } from '../../components/text-area.js'

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
