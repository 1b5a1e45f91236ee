import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'
import './people.css'

/**
 * Closed cases past their compartment's retention period. Purging is explicit: the coordinator
 * picks the cases, confirms, and confirms it is them (the server asks); it is audited.
 */
export function RetentionPage(): JSX.Element {
  const [due, reload] = useLoad(() => apiGet('/retention/due'), 'all')
  const [chosen, setChosen] = useState<Set<string>>(new Set())
  const [notice, setNotice] = useState('')
  const submission = useSubmission()
  const toggle = (id: string) => {
    const next = new Set(chosen)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    setChosen(next)
  }
  return (
    <section class="card" aria-labelledby="page-title">
      <PageTitle text={t('retention.title')} />
      <p>{t('retention.due')}</p>
      {due.state === 'loading' && <Loading />}
      {due.state === 'failed' && <Problem error={due.error} />}
      {due.state === 'ready' &&
        (due.data.length === 0 ? (
          <p>{t('retention.none')}</p>
        ) : (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault()
              if (chosen.size === 0) return
              if (!window.confirm(t('retention.confirm', { count: chosen.size }))) return
              setNotice('')
              void submission.run(async () => {
                const result = await apiPost('/retention/purge', { body: { caseIds: [...chosen] } })
                setChosen(new Set())
                setNotice(t('retention.purged', { count: result.purged }))
                reload()
              })
            }}
          >
            <ul class="item-list">
              {due.data.map((d) => (
                <li key={d.id} class="item">
                  <label class="choice">
                    <input
                      type="checkbox"
                      checked={chosen.has(d.id)}
                      onChange={() => toggle(d.id)}
                    />{' '}
                    <span class="item-title">{d.code}</span>
                  </label>
                  <span class="item-meta">
                    {t('retention.due_since', { closed: d.closedOn, due: d.dueSince })}
                  </span>
                </li>
              ))}
            </ul>
            <ErrorAlert message={submission.error} />
            <div class="actions">
              <button type="submit" class="danger" disabled={chosen.size === 0 || submission.busy}>
                {t('retention.purge')}
              </button>
            </div>
          </form>
        ))}
      <StatusMessage>{notice}</StatusMessage>
    </section>
  )
}
