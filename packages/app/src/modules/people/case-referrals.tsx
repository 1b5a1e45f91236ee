import { formatDateTime } from '@haven/core/i18n/format'
import { CONSENT, referralSchema, SERVICE_TYPES } from '@haven/core/people/case-schema'
import type { CaseView } from '@haven/core/people/people-views'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { ErrorAlert } from '../../components/messages.js'
import { OnDemand } from '../../components/on-demand.js'
import { SelectField } from '../../components/select-field.js'
import { TextArea } from '../../components/text-area.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, useSubmission } from '../../lib/forms.js'
import { locale, t } from '../../lib/locale.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'
import { optionsOf } from './people-parts.js'

/**
 * Referrals to partner organisations. Without the person's consent the server refuses, unless a
 * coordinator overrides with a reason (which is audited); the reason field appears only then.
 */
export function CaseReferrals({ kase }: { kase: CaseView }): JSX.Element {
  const [items, reload] = useLoad(
    () => apiGet('/cases/{id}/referrals', { path: { id: kase.id } }),
    kase.id,
  )
  const [partner, setPartner] = useState('')
  const [service, setService] = useState<string>('medical')
  const [consent, setConsent] = useState<string>('given')
  const [reason, setReason] = useState('')
  const submission = useSubmission()
  return (
    <section class="record-section" aria-labelledby="referrals-title">
      <h2 id="referrals-title">{t('cases.referrals')}</h2>
      {items.state === 'loading' && <Loading />}
      {items.state === 'failed' && <Problem error={items.error} />}
      {items.state === 'ready' &&
        (items.data.length === 0 ? (
          <p>{t('cases.no_referrals')}</p>
        ) : (
          <ul class="item-list">
            {items.data.map((r) => (
              <li key={r.id} class="item">
                <span class="item-title breakable">{r.partner}</span>
                <span class="item-meta">
                  {t(`service.${r.service}`)} · {t('cases.consent')}: {t(`consent.${r.consent}`)}
                  {r.overridden && ` · ${t('cases.overridden')}`} ·{' '}
                  {formatDateTime(locale.value, r.createdAt)}
                </span>
              </li>
            ))}
          </ul>
        ))}
      {kase.actions.includes('update') && (
        <OnDemand label={t('cases.refer')}>
          {(close) => (
            <form
              class="stack"
              noValidate
              aria-label={t('cases.refer')}
              onSubmit={(event) => {
                event.preventDefault()
                const checked = checkFields(referralSchema, {
                  partner,
                  service,
                  consent,
                  ...(consent !== 'given' && reason.trim() ? { overrideReason: reason } : {}),
                })
                if (!checked.ok) {
                  submission.setFields(checked.errors)
                  return
                }
                void submission.run(async () => {
                  await apiPost('/cases/{id}/referrals', {
                    path: { id: kase.id },
                    body: checked.value,
                  })
                  setPartner('')
                  setReason('')
                  reload()
                  close()
                })
              }}
            >
              <TextField
                id="referral-partner"
                label={t('cases.partner')}
                value={partner}
                onInput={setPartner}
                error={submission.fields.partner}
              />
              <SelectField
                id="referral-service"
                label={t('cases.service_type')}
                value={service}
                options={optionsOf(SERVICE_TYPES, (s) => t(`service.${s}`))}
                onChange={setService}
              />
              <SelectField
                id="referral-consent"
                label={t('cases.consent')}
                value={consent}
                options={optionsOf(CONSENT, (c) => t(`consent.${c}`))}
                onChange={setConsent}
              />
              {consent !== 'given' && (
                <TextArea
                  id="referral-reason"
                  label={t('cases.override_reason')}
                  value={reason}
                  rows={2}
                  onInput={setReason}
                  error={submission.fields.overrideReason}
                />
              )}
              <ErrorAlert message={submission.error} />
              <div class="actions">
                <button type="submit" disabled={submission.busy}>
                  {t('cases.refer')}
                </button>
              </div>
            </form>
          )}
        </OnDemand>
      )}
    </section>
  )
}
