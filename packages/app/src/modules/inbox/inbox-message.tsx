import { formatDateTime } from '@haven/core/i18n/format'
import { MESSAGE_STATUSES, type MessageStatus } from '@haven/core/inbox/inbox-views'
import { useState } from 'preact/hooks'
import { useRoute } from 'preact-iso'
import { Done, Loading, Problem, useLoad } from '../../components/load-state.js'
import { languageName, locale, t } from '../../lib/locale.js'
import { apiGet, apiPatch } from '../../lib/typed-api.js'

/** One message, decrypted for someone granted its inbox (the server audits the reading). */
export function InboxMessage() {
  const { params } = useRoute()
  const id = params.id ?? ''
  const [message, reload] = useLoad(() => apiGet('/inbox/messages/{id}', { path: { id } }), id)
  const [notice, setNotice] = useState<string | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  if (message.state === 'loading') return <Loading />
  if (message.state === 'failed')
    return (
      <section class="card">
        <Problem error={message.error} />
        <p>
          <a href="/app/inbox">{t('inbox.back')}</a>
        </p>
      </section>
    )
  const m = message.data
  const mark = async (status: MessageStatus) => {
    try {
      await apiPatch('/inbox/messages/{id}', { path: { id: m.id }, body: { status } })
      setFailure(null)
      setNotice(t('inbox.marked', { status: t(`inbox.status.${status}`) }))
      reload()
    } catch (error) {
      setFailure(error)
    }
  }
  const given = (value: string) => (value.trim() ? value : <em>{t('inbox.not_given')}</em>)
  return (
    <section class="card" aria-labelledby="message-title">
      <p class="crumbs">
        <a href={`/app/inbox?status=${m.status}`}>{t('inbox.back')}</a>
      </p>
      <h1 id="message-title">{t(`inbox.kind.${m.kind}`)}</h1>
      <p class="meta">
        {t('inbox.received', { date: formatDateTime(locale.value, m.receivedAt) })} ·{' '}
        {t('inbox.from_site', { language: languageName(m.siteLocale) })} ·{' '}
        {t(`inbox.status.${m.status}`)}
      </p>
      <Done text={notice} />
      {failure !== null && <Problem error={failure} />}
      {!m.readable ? (
        <p class="alert">{t('inbox.destroyed')}</p>
      ) : (
        <>
          <dl class="message-facts">
            <dt>{t('inbox.name')}</dt>
            <dd>{given(m.name)}</dd>
            <dt>{t('inbox.reply_to')}</dt>
            <dd>{given(m.replyTo)}</dd>
            {m.replyLanguage && (
              <>
                <dt>{t('inbox.reply_language')}</dt>
                <dd>{languageName(m.replyLanguage)}</dd>
              </>
            )}
            {m.application && (
              <>
                <dt>{t('inbox.application.kind')}</dt>
                <dd>{t(`inbox.application.${m.application.kind}`)}</dd>
                <dt>{t('inbox.application.languages')}</dt>
                <dd>
                  {given(
                    [...m.application.languages.map(languageName), m.application.otherLanguages]
                      .filter(Boolean)
                      .join(', '),
                  )}
                </dd>
                <dt>{t('inbox.application.skills')}</dt>
                <dd class="text">{given(m.application.skills)}</dd>
                <dt>{t('inbox.application.availability')}</dt>
                <dd class="text">{given(m.application.availability)}</dd>
              </>
            )}
          </dl>
          {(m.kind === 'contact' || m.message.trim()) && (
            <>
              <h2>{t('inbox.message')}</h2>
              <p class="message-text">{given(m.message)}</p>
            </>
          )}
          <p class="hint">{t('inbox.recorded')}</p>
        </>
      )}
      <div class="actions">
        {MESSAGE_STATUSES.filter((s) => s !== m.status).map((s) => (
          <button key={s} type="button" onClick={() => mark(s)}>
            {t(
              s === 'new'
                ? 'inbox.mark.new'
                : s === 'answered'
                  ? 'inbox.mark.answered'
                  : 'inbox.mark.archived',
            )}
          </button>
        ))}
      </div>
    </section>
  )
}
