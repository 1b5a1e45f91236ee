import { createEntrySchema, ENTRY_KINDS } from '@haven/core/cms/cms-schemas'
import { LOCALES } from '@haven/core/i18n/locales'
import { suggestSlug } from '@haven/core/site/slug'
import { validate } from '@haven/core/validation/field-issues'
import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { useLoad } from '../../components/load-state.js'
import { ApiError } from '../../lib/api-client.js'
import { languageName, locale, t } from '../../lib/locale.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'
import { CmsMenu, Problem } from './cms-parts.js'
import { contentOf, type DocumentDraft, DocumentFields, EMPTY_DRAFT } from './document-fields.js'

type Kind = (typeof ENTRY_KINDS)[number]

/** Start an entry: its kind, its first language, and that version's text, saved as a draft. */
export function EntryNew() {
  const { route } = useLocation()
  const [kind, setKind] = useState<Kind>('page')
  const [lang, setLang] = useState<string>(locale.value)
  const [draft, setDraft] = useState<DocumentDraft>(EMPTY_DRAFT)
  const [slugEdited, setSlugEdited] = useState(false)
  const [fiscalYear, setFiscalYear] = useState(String(new Date().getFullYear() - 1))
  const [faqGroupId, setFaqGroupId] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const [topics] = useLoad(() => apiGet('/cms/faq-groups'), 'topics')

  const submit = async (event: Event) => {
    event.preventDefault()
    if (busy) return
    const request = {
      kind,
      locale: lang,
      ...contentOf(draft),
      ...(kind === 'report' ? { fiscalYear: Number(fiscalYear) } : {}),
      ...(kind === 'faq' ? { faqGroupId: faqGroupId || null } : {}),
    }
    const checked = validate(createEntrySchema, request)
    if (!checked.ok) {
      const next: Record<string, string> = {}
      for (const issue of checked.issues) next[issue.path] ??= t(issue.key, issue.params)
      setErrors(next)
      return
    }
    setBusy(true)
    setFailure(null)
    try {
      const entry = await apiPost('/cms/entries', { body: checked.value })
      route(`/app/cms/entries/${entry.id}?lang=${lang}`)
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fields)
      setFailure(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section class="card" aria-labelledby="new-title">
      <h1 id="new-title">{t('cms.new')}</h1>
      <CmsMenu current="content" />
      <form onSubmit={submit} noValidate>
        {failure !== null && <Problem error={failure} />}
        <div class="field-row">
          <div class="field">
            <label for="kind">{t('cms.field.kind')}</label>
            <select
              id="kind"
              value={kind}
              onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as Kind)}
            >
              {ENTRY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`cms.kind.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="lang">{t('cms.field.locale')}</label>
            <select
              id="lang"
              value={lang}
              onChange={(e) => setLang((e.currentTarget as HTMLSelectElement).value)}
            >
              {LOCALES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {languageName(l)}
                </option>
              ))}
            </select>
          </div>
          {kind === 'report' && (
            <div class={`field${errors.fiscalYear ? ' field-invalid' : ''}`}>
              <label for="fiscalYear">{t('cms.field.fiscal_year')}</label>
              <input
                id="fiscalYear"
                inputMode="numeric"
                value={fiscalYear}
                onInput={(e) => setFiscalYear((e.currentTarget as HTMLInputElement).value)}
              />
              {errors.fiscalYear && <p class="error">{errors.fiscalYear}</p>}
            </div>
          )}
          {kind === 'faq' && (
            <div class={`field${errors.faqGroupId ? ' field-invalid' : ''}`}>
              <label for="faqGroupId">{t('cms.field.faq_group')}</label>
              <select
                id="faqGroupId"
                value={faqGroupId}
                onChange={(e) => setFaqGroupId((e.currentTarget as HTMLSelectElement).value)}
              >
                <option value="">{t('cms.navigation.choose')}</option>
                {topics.state === 'ready' &&
                  topics.data.map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.names[locale.value] || Object.values(g.names)[0]}
                    </option>
                  ))}
              </select>
              {errors.faqGroupId && <p class="error">{errors.faqGroupId}</p>}
            </div>
          )}
        </div>
        <DocumentFields
          kind={kind}
          locale={lang}
          draft={draft}
          errors={errors}
          onChange={(next) => {
            if (next.slug !== draft.slug) setSlugEdited(true)
            setDraft(next)
          }}
          onTitle={(title) => {
            if (!slugEdited) setDraft((d) => ({ ...d, title, slug: suggestSlug(title) }))
          }}
        />
        <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
          {t('cms.action.create')}
        </button>
      </form>
    </section>
  )
}
