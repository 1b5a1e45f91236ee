import type { CaseView } from '@haven/core/people/people-views'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { ErrorAlert } from '../../components/messages.js'
import { SelectField } from '../../components/select-field.js'
import { useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiGet, apiPatch } from '../../lib/typed-api.js'

/** The choice itself, loaded only once the person opens "Assign" (most visits never do). */
function AssignForm(props: { kase: CaseView; saved: (text: string) => void }): JSX.Element {
  const { kase } = props
  const [people] = useLoad(
    () => apiGet('/cases/{id}/assignees', { path: { id: kase.id } }),
    kase.id,
  )
  const [chosen, setChosen] = useState(kase.assigneeId ?? '')
  const submission = useSubmission()
  if (people.state === 'loading') return <Loading />
  if (people.state === 'failed') return <Problem error={people.error} />
  const options = [
    { value: '', label: t('cases.unassigned') },
    ...people.data.map((p) => ({ value: p.id, label: p.name })),
  ]
  return (
    <form
      class="inline-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void submission.run(async () => {
          await apiPatch('/cases/{id}', {
            path: { id: kase.id },
            body: { version: kase.version, assigneeId: chosen || null },
          })
          const name = people.data.find((p) => p.id === chosen)?.name
          props.saved(name ? t('cases.assigned', { name }) : t('cases.unassigned_done'))
        })
      }}
    >
      <SelectField
        id="case-assignee"
        label={t('cases.assign_to')}
        value={chosen}
        options={options}
        onChange={setChosen}
        error={submission.fields.assigneeId}
      />
      <ErrorAlert message={submission.error} />
      <button
        type="submit"
        class="primary"
        disabled={submission.busy || chosen === (kase.assigneeId ?? '')}
        aria-busy={submission.busy}
      >
        {t('common.save')}
      </button>
    </form>
  )
}

/** "Assign" or "Reassign", opened on demand beside the caseworker's name. */
export function CaseAssign(props: { kase: CaseView; saved: (text: string) => void }): JSX.Element {
  const [open, setOpen] = useState(false)
  return (
    <details
      class="edit"
      open={open}
      onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>{props.kase.assigneeId ? t('cases.reassign') : t('cases.assign')}</summary>
      {open && (
        <AssignForm
          kase={props.kase}
          saved={(text) => {
            setOpen(false)
            props.saved(text)
          }}
        />
      )}
    </details>
  )
}
