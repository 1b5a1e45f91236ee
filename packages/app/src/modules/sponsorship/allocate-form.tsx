import type { SponsorView } from '@haven/core/sponsorship/sponsorship-views'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { ErrorAlert } from '../../components/messages.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'

/** Allocates a sponsor (by code and language only: contacts stay sealed) to this child. */
export function AllocateForm({
  enrolmentId,
  onSaved,
  onCancel,
}: {
  enrolmentId: string
  onSaved: (s: SponsorView) => void
  onCancel: () => void
}): JSX.Element {
  const [sponsors] = useLoad(() => apiGet('/sponsorship/sponsors'), 'sponsors')
  const [sponsorId, setSponsorId] = useState('')
  const [fromDate, setFromDate] = useState(new Date().toISOString().slice(0, 10))
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  return (
    <form
      ref={element}
      noValidate
      aria-labelledby="allocate-title"
      onSubmit={(event) => {
        event.preventDefault()
        if (!sponsorId) {
          submission.setFields({ sponsorId: t('sponsorship.sponsor_required') })
          return
        }
        void submission.run(async () =>
          onSaved(
            await apiPost('/sponsorship/sponsors/{id}/allocations', {
              path: { id: sponsorId },
              body: { enrolmentId, fromDate },
            }),
          ),
        )
      }}
    >
      <h2 id="allocate-title">{t('sponsorship.allocate')}</h2>
      <ErrorAlert message={submission.error} />
      {sponsors.state === 'loading' && <Loading />}
      {sponsors.state === 'failed' && <Problem error={sponsors.error} />}
      {sponsors.state === 'ready' && (
        <div class="field-row">
          <SelectField
            id="allocate-sponsor"
            label={t('sponsorship.sponsor')}
            value={sponsorId}
            options={[
              { value: '', label: t('sponsorship.choose') },
              ...sponsors.data.items.map((s) => ({
                value: s.id,
                label: `${s.code} · ${t(`sponsorship.language.${s.language}`)}${
                  s.lapsed ? ` · ${t('sponsorship.lapsed')}` : ''
                }`,
              })),
            ]}
            onChange={setSponsorId}
            error={submission.fields.sponsorId}
          />
          <TextField
            id="allocate-from"
            type="date"
            label={t('sponsorship.from_date')}
            value={fromDate}
            onInput={setFromDate}
            error={submission.fields.fromDate}
            required
          />
        </div>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={submission.busy}>
          {t('sponsorship.allocate')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
