import type { DocumentStatus } from '@haven/core/cms/cms-views'
import { Problem as SharedProblem } from '../../components/load-state.js'
import { ApiError } from '../../lib/api-client.js'
import { t } from '../../lib/locale.js'

/**
 * The website editor's refusal, in its own words (only editors may), over the app's shared one;
 * everything else as every screen says it (components/load-state.tsx).
 */
export function Problem({ error }: { error: unknown }) {
  const forbidden = error instanceof ApiError && error.status === 403 && error.code === 'forbidden'
  return <SharedProblem error={error} {...(forbidden ? { text: t('cms.no_access') } : {})} />
}

export function StatusBadge(props: { status: DocumentStatus | 'missing'; changed?: boolean }) {
  return (
    <span class={`badge badge-${props.status}`}>
      {t(`cms.status.${props.status}`)}
      {props.changed && ` · ${t('cms.status.changed')}`}
    </span>
  )
}

/** The CMS's own small menu (the app's main navigation links to its first page). */
export function CmsMenu({
  current,
}: {
  current: 'content' | 'navigation' | 'faq' | 'images' | 'look' | 'impact'
}) {
  const items = [
    ['content', '/app/cms', 'cms.menu.content'],
    ['navigation', '/app/cms/navigation', 'cms.menu.navigation'],
    ['faq', '/app/cms/faq-topics', 'cms.menu.faq_topics'],
    ['images', '/app/cms/images', 'cms.menu.images'],
    ['look', '/app/cms/look', 'cms.menu.look'],
    ['impact', '/app/cms/impact', 'cms.menu.impact'],
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
