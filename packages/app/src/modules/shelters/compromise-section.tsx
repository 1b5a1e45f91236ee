import type { ShelterView } from '@haven/core/shelters/shelter-views'
import type { JSX } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { TextField } from '../../components/text-field.js'
import { useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { refreshNotifications } from '../../lib/notifications.js'
import { apiPost } from '../../lib/typed-api.js'

/**
 * The compromise action, or its undo: what will happen is said before anything is done, and the
 * shelter's code must be typed. The server asks for a fresh password confirmation (the API client
 * shows that dialog), so a borrowed, unlocked phone cannot do it.
 */
function ConfirmPanel({
  shelter,
  mode,
  onCancel,
  onDone,
}: {
  shelter: ShelterView
  mode: 'compromise' | 'restore'
  onCancel: () => void
  onDone: (message: string, shelter: ShelterView) => void
}): JSX.Element {
  const [typed, setTyped] = useState('')
  const submission = useSubmission()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  const code = shelter.code
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        if (typed.trim().toUpperCase() !== code) {
          submission.setFields({ confirmCode: t('error.confirmation_mismatch') })
          return
        }
        void submission.run(async () => {
          const init = { path: { id: shelter.id }, body: { confirmCode: typed } }
          if (mode === 'compromise') {
            const result = await apiPost('/shelters/{id}/compromise', init)
            onDone(
              t('shelters.compromised_done', {
                code,
                sessions: result.sessionsEnded,
                notified: result.coordinatorsNotified,
              }),
              result.shelter,
            )
          } else {
            const saved = await apiPost('/shelters/{id}/restore', init)
            onDone(t('shelters.restored_done', { code }), saved)
          }
          void refreshNotifications()
        })
      }}
    >
      <h3 ref={heading} tabIndex={-1}>
        {t(mode === 'compromise' ? 'shelters.compromise_title' : 'shelters.restore_title', {
          code,
        })}
      </h3>
      {mode === 'compromise' ? (
        <>
          <p>{t('shelters.compromise_what')}</p>
          <ul>
            <li>{t('shelters.compromise_freeze', { code })}</li>
            <li>{t('shelters.compromise_signout', { code })}</li>
            <li>{t('shelters.compromise_notify', { code })}</li>
          </ul>
          <p>{t('shelters.compromise_undo')}</p>
        </>
      ) : (
        <p>{t('shelters.restore_what')}</p>
      )}
      <ErrorAlert message={submission.error} />
      <TextField
        id="confirmCode"
        label={t('shelters.compromise_confirm_label', { code })}
        value={typed}
        onInput={setTyped}
        error={submission.fields.confirmCode}
        autoComplete="off"
        verbatim
        required
      />
      <div class="actions">
        <button
          type="submit"
          class={mode === 'compromise' ? 'danger' : 'primary'}
          disabled={submission.busy}
        >
          {t(mode === 'compromise' ? 'shelters.compromise_submit' : 'shelters.restore_submit', {
            code,
          })}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}

/** Mark compromised, undo it, and — after a compromise — the way to the crypto-shred. */
export function CompromiseSection({
  shelter,
  onChange,
}: {
  shelter: ShelterView
  onChange: (s: ShelterView) => void
}): JSX.Element | null {
  const [open, setOpen] = useState<'compromise' | 'restore' | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const can = (action: string) => shelter.actions.includes(action)
  const compromised = shelter.status === 'compromised'
  if (!can('compromise') && !can('restore') && !(compromised && !shelter.shredded)) return null
  return (
    <section class="card danger-zone" aria-labelledby="compromise-title">
      <h2 id="compromise-title">
        {compromised ? t('shelters.status.compromised') : t('shelters.compromise')}
      </h2>
      <StatusMessage>{done}</StatusMessage>
      {open ? (
        <ConfirmPanel
          shelter={shelter}
          mode={open}
          onCancel={() => setOpen(null)}
          onDone={(message, saved) => {
            setOpen(null)
            setDone(message)
            onChange(saved)
          }}
        />
      ) : (
        <>
          {can('compromise') && (
            <>
              <ul>
                <li>{t('shelters.compromise_freeze', { code: shelter.code })}</li>
                <li>{t('shelters.compromise_signout', { code: shelter.code })}</li>
                <li>{t('shelters.compromise_notify', { code: shelter.code })}</li>
              </ul>
              <button type="button" class="danger" onClick={() => setOpen('compromise')}>
                {t('shelters.compromise')}
              </button>
            </>
          )}
          {compromised && !shelter.shredded && (
            <>
              <p>{t('shelters.shred_offer')}</p>
              {can('shred') ? (
                <p>
                  <a
                    class="button secondary"
                    href={`/app/admin/keys?shred=${encodeURIComponent(shelter.id)}`}
                  >
                    {t('shelters.shred_go', { code: shelter.code })}
                  </a>
                </p>
              ) : (
                <p class="meta">{t('shelters.shred_ask')}</p>
              )}
            </>
          )}
          {can('restore') && (
            <button type="button" class="secondary" onClick={() => setOpen('restore')}>
              {t('shelters.restore')}
            </button>
          )}
        </>
      )}
    </section>
  )
}
