import type { SessionListView } from '@haven/core/auth/auth-views'
import { formatDateTime } from '@haven/core/i18n/format'
import type { JSX } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { useSubmission } from '../../lib/forms.js'
import { locale, t } from '../../lib/locale.js'
import { apiDelete, apiGet } from '../../lib/typed-api.js'

/** Where this account is signed in; any session but this one can be ended from here. */
export function SessionsSection(): JSX.Element {
  const [sessions, setSessions] = useState<SessionListView | null>(null)
  const [ended, setEnded] = useState<string | null>(null)
  const submission = useSubmission()

  const load = () => submission.run(async () => setSessions(await apiGet('/account/sessions')))
  useEffect(() => {
    void load()
  }, [])

  return (
    <section class="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('account.sessions')}</h2>
      <ErrorAlert message={submission.error} />
      <StatusMessage>{ended}</StatusMessage>
      {sessions && (
        <ul class="item-list">
          {sessions.map((s) => (
            <li key={s.id} class="item">
              <div class="item-main">
                <span class="item-title">
                  {s.device}
                  {s.current && <span class="badge">{t('account.session_current')}</span>}
                </span>
                <span class="item-meta">
                  {t('account.session_started', {
                    time: formatDateTime(locale.value, s.createdAt),
                  })}
                  {' · '}
                  {t('account.session_last_seen', {
                    time: formatDateTime(locale.value, s.lastSeenAt),
                  })}
                </span>
              </div>
              {!s.current && (
                <button
                  type="button"
                  class="secondary"
                  disabled={submission.busy}
                  onClick={() =>
                    submission.run(async () => {
                      await apiDelete('/account/sessions/{id}', { path: { id: s.id } })
                      setEnded(t('account.session_ended', { device: s.device }))
                      setSessions(await apiGet('/account/sessions'))
                    })
                  }
                >
                  {t('account.end_session')}
                  <span class="visually-hidden"> ({s.device})</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
