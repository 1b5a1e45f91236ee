import {
  CASE_OUTCOMES,
  CASE_STATUSES,
  PRIORITIES,
  updateCaseSchema,
} from '@haven/core/people/case-schema'
import type { CaseView } from '@haven/core/people/people-views'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { ErrorAlert } from '../../components/messages.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiPatch } from '../../lib/typed-api.js'
import { today } from './case-parts.js'
import { optionsOf } from './people-parts.js'

/** Opened on demand (the facts come first): moving a case along open → in progress → closed; closing asks for the outcome and date. */
export function CaseStatusForm(props: { kase: CaseView; saved: () => void }): JSX.Element {
  const { kase } = props
  const [status, setStatus] = useState<string>(kase.status)
  const [priority, setPriority] = useState<string>(kase.priority)
  const [outcome, setOutcome] = useState<string>('resolved')
  const [closedOn, setClosedOn] = useState(today())
  const submission = useSubmission()
  const closing = status === 'closed' && kase.status !== 'closed'
  return (
    <details class="edit">
      <summary>{t('cases.change_status')}</summary>
      <form
        class="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          const checked = checkFields(updateCaseSchema, {
            version: kase.version,
            ...(status !== kase.status ? { status } : {}),
            ...(priority !== kase.priority ? { priority } : {}),
            ...(closing ? { outcome, closedOn } : {}),
          })
          if (!checked.ok) {
            submission.setFields(checked.errors)
            return
          }
          void submission.run(async () => {
            await apiPatch('/cases/{id}', { path: { id: kase.id }, body: checked.value })
            props.saved()
          })
        }}
      >
        <SelectField
          id="case-status"
          label={t('cases.status')}
          value={status}
          options={optionsOf(CASE_STATUSES, (s) => t(`case_status.${s}`))}
          onChange={setStatus}
          error={submission.fields.status}
        />
        <SelectField
          id="case-priority"
          label={t('cases.priority')}
          value={priority}
          options={optionsOf(PRIORITIES, (p) => t(`priority.${p}`))}
          onChange={setPriority}
          error={submission.fields.priority}
        />
        {closing && (
          <>
            <SelectField
              id="case-outcome"
              label={t('cases.outcome')}
              value={outcome}
              options={optionsOf(CASE_OUTCOMES, (o) => t(`case_outcome.${o}`))}
              onChange={setOutcome}
              error={submission.fields.outcome}
            />
            <TextField
              id="case-closed-on"
              type="date"
              label={t('cases.closed')}
              value={closedOn}
              onInput={setClosedOn}
              error={submission.fields.closedOn}
            />
          </>
        )}
        <ErrorAlert message={submission.error} />
        <div class="actions">
          <button
            type="submit"
            disabled={submission.busy || (status === kase.status && priority === kase.priority)}
          >
            {t('common.save')}
          </button>
        </div>
      </form>
    </details>
  )
}
