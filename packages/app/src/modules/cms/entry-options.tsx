import type { EntryView } from '@haven/core/cms/cms-views'
import { useState } from 'preact/hooks'
import { useLoad } from '../../components/load-state.js'
import { ApiError } from '../../lib/api-client.js'
import { locale, t } from '../../lib/locale.js'
import { apiGet, apiPatch } from '../../lib/typed-api.js'
import { Problem } from './cms-parts.js'

/** What every language of an entry shares: a report's fiscal year, an answer's topic and order. */
export function EntryOptions(props: { entry: EntryView; onSaved: (message: string) => void }) {
  const { entry } = props
  const [fiscalYear, setFiscalYear] = useState(String(entry.fiscalYear ?? ''))
  const [faqGroupId, setFaqGroupId] = useState(entry.faqGroupId ?? '')
  const [position, setPosition] = useState(String(entry.position))
  const [failure, setFailure] = useState<unknown>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [topics] = useLoad(
    () => (entry.kind === 'faq' ? apiGet('/cms/faq-groups') : Promise.resolve([])),
    entry.kind,
  )
  if (entry.kind !== 'report' && entry.kind !== 'faq') return null
  const save = async (event: Event) => {
    event.preventDefault()
    try {
      await apiPatch('/cms/entries/{id}', {
        path: { id: entry.id },
        body:
          entry.kind === 'report'
            ? { fiscalYear: Number(fiscalYear) }
            : { faqGroupId: faqGroupId || null, position: Number(position) || 0 },
      })
      setFailure(null)
      props.onSaved(t('cms.faq_topics.saved'))
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fields)
      setFailure(error)
    }
  }
  return (
    <form class="entry-options field-row" onSubmit={save} noValidate>
      {failure !== null && <Problem error={failure} />}
      {entry.kind === 'report' ? (
        <div class={`field${errors.fiscalYear ? ' field-invalid' : ''}`}>
          <label for="fy">{t('cms.field.fiscal_year')}</label>
          <input
            id="fy"
            inputMode="numeric"
            value={fiscalYear}
            onInput={(e) => setFiscalYear((e.currentTarget as HTMLInputElement).value)}
          />
        </div>
      ) : (
        <>
          <div class="field">
            <label for="topic">{t('cms.field.faq_group')}</label>
            <select
              id="topic"
              value={faqGroupId}
              onChange={(e) => setFaqGroupId((e.currentTarget as HTMLSelectElement).value)}
            >
              {topics.state === 'ready' &&
                topics.data.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.names[locale.value] || Object.values(g.names)[0]}
                  </option>
                ))}
            </select>
          </div>
          <div class="field">
            <label for="position">{t('cms.field.position')}</label>
            <input
              id="position"
              inputMode="numeric"
              value={position}
              onInput={(e) => setPosition((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
        </>
      )}
      <button type="submit">{t('cms.action.save_options')}</button>
    </form>
  )
}
