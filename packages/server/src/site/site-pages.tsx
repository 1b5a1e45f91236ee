import type { Translator } from '@haven/core/i18n/translate'

export function HomePage({ t }: { t: Translator }) {
  return (
    <>
      <h1>{t('site.home.title')}</h1>
      <p class="lead">{t('site.home.lead')}</p>
    </>
  )
}

export function NotFoundPage({ t, homeHref }: { t: Translator; homeHref: string }) {
  return (
    <>
      <h1>{t('site.not_found.title')}</h1>
      <p>
        {t('site.not_found.body')} <a href={homeHref}>{t('common.home')}</a>
      </p>
    </>
  )
}
