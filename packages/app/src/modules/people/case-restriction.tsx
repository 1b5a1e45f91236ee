import type { CaseView } from '@haven/core/people/people-views'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { ErrorAlert } from '../../components/messages.js'
import { SelectField } from '../../components/select-field.js'
import { useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiPut } from '../../lib/typed-api.js'

// The server's lists (core medical/treatment-schema.ts); kept here so the case page does not load
// zod for three words.
const RESTRICT_REASONS = ['sensitive_condition', 'safety_risk', 'person_asked'] as const
const LIFT_REASONS = ['flagged_in_error', 'no_longer_sensitive', 'person_asked'] as const

/**
 * A coordinator's hand on a medical case's restriction: restrict it to its assignee and the
 * coordinators, or lift it, with a reason (a code, audited) and a second, explicit confirmation
 * that says who will see the case afterwards.
 */
function RestrictionForm(props: { kase: CaseView; saved: (text: string) => void }): JSX.Element {
  const { kase } = props
  const lifting = kase.restricted
  const reasons = lifting ? LIFT_REASONS : RESTRICT_REASONS
  const [reason, setReason] = useState('')
  const [confirming, setConfirming] = useState(false)
  const submission = useSubmission()
  if (confirming)
    return (
      <div class="inline-form">
        <p id="restriction-confirm">
          <strong>
            {lifting ? t('restriction.confirm_lift') : t('restriction.confirm_restrict')}
          </strong>
        </p>
        <ErrorAlert message={submission.error} />
        <p class="actions">
          <button
            type="button"
            class="primary"
            disabled={submission.busy}
            aria-busy={submission.busy}
            onClick={() =>
              void submission.run(async () => {
                await apiPut('/medical/cases/{caseId}/restriction', {
                  path: { caseId: kase.id },
                  body: { restricted: !lifting, reason: reason as (typeof reasons)[number] },
                })
                props.saved(lifting ? t('restriction.lifted') : t('restriction.restricted_done'))
              })
            }
          >
            {lifting ? t('restriction.lift_yes') : t('restriction.restrict_yes')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </p>
      </div>
    )
  return (
    <form
      class="inline-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        if (!reason) {
          submission.setFields({ reason: t('restriction.reason_required') })
          return
        }
        setConfirming(true)
      }}
    >
      <SelectField
        id="restriction-reason"
        label={t('restriction.reason')}
        value={reason}
        options={[
          { value: '', label: t('restriction.reason_choose') },
          ...reasons.map((r) => ({ value: r, label: t(`restriction.reason.${r}`) })),
        ]}
        onChange={setReason}
        error={submission.fields.reason}
      />
      <button type="submit" class="primary">
        {t('restriction.continue')}
      </button>
    </form>
  )
}

/** Who sees the case, and for coordinators of a medical case the control to change it. */
export function CaseRestriction(props: {
  kase: CaseView
  saved: (text: string) => void
}): JSX.Element {
  const { kase } = props
  const [open, setOpen] = useState(false)
  const mayChange = kase.type === 'medical' && kase.actions.includes('manage')
  return (
    <>
      {kase.restricted ? (
        <strong>{t('restriction.restricted')}</strong>
      ) : (
        <span>{t('restriction.team')}</span>
      )}
      {mayChange && (
        <details
          class="edit"
          open={open}
          onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
        >
          <summary>{kase.restricted ? t('restriction.lift') : t('restriction.restrict')}</summary>
          {open && (
            <RestrictionForm
              kase={kase}
              saved={(text) => {
                setOpen(false)
                props.saved(text)
              }}
            />
          )}
        </details>
      )}
    </>
  )
}
