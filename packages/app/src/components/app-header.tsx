import { LOCALE_NAMES, LOCALES, locale, setLocale, t } from '../lib/locale.js'

export function AppHeader() {
  return (
    <header class="app-header">
      <a class="brand" href="/app/">
        {t('app.title')}
      </a>
      <label class="lang">
        <span class="visually-hidden">{t('common.language')}</span>
        <select
          value={locale.value}
          onChange={(event) => {
            const next = (event.currentTarget as HTMLSelectElement).value
            const match = LOCALES.find((l) => l === next)
            if (match) setLocale(match)
          }}
        >
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
      </label>
    </header>
  )
}
