import type { SponsorView } from '@haven/core/sponsorship/sponsorship-views'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { ErrorAlert } from '../../components/messages.js'
import { TextField } from '../../components/text-field.js'
import { useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiPost } from '../../lib/typed-api.js'

/** Allocates this sponsor to the plan as a whole (no one child): they receive every child's letters. */
export function WholePlanForm({
  sponsorId,
  onSaved,
  onCancel,
}: {
  sponsorId: string
  onSaved: (s: SponsorView) => void
  onCancel: () => void
}): JSX.Element {
  const [fromDate, setFromDate] = useState(new Date().toISOString().slice(0, 10))
  const submission = useSubmission()
  return (
    <form
      noValidate
      aria-labelledby="whole-plan-title"
      onSubmit={(event) => {
        event.preventDefault()
        void submission.run(async () =>
          onSaved(
            await apiPost('/sponsorship/sponsors/{id}/allocations', {
              path: { id: sponsorId },
              body: { enrolmentId: null, fromDate },
            }),
          ),
        )
      }}
    >
      <h2 id="whole-plan-title">{t('sponsorship.allocate_whole_plan')}</h2>
      <p class="meta">{t('sponsorship.whole_plan_hint')}</p>
      <ErrorAlert message={submission.error} />
      <TextField
        id="whole-plan-from"
        type="date"
        label={t('sponsorship.from_date')}
        value={fromDate}
        onInput={setFromDate}
        error={submission.fields.fromDate}
        required
      />
      <div class="actions">
        <button type="submit" class="primary" disabled={submission.busy}>
          {t('sponsorship.allocate_whole_plan')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
