import { CASE_TYPES, createCaseSchema, PRIORITIES } from '@haven/core/people/case-schema'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { useLocation, useRoute } from 'preact-iso'
import { ErrorAlert } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { TextArea } from '../../components/text-area.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiPost } from '../../lib/typed-api.js'
import { today } from './case-parts.js'
import { optionsOf } from './people-parts.js'

/** Opening a case for a person (reached from the person's page, which names them). */
export function CaseNew(): JSX.Element {
  const { query } = useRoute()
  const { route } = useLocation()
  const personId = query.person ?? ''
  const [type, setType] = useState<string>('protection')
  const [priority, setPriority] = useState<string>('normal')
  const [openedOn, setOpenedOn] = useState(today())
  const [summary, setSummary] = useState('')
  const form = useRef<HTMLFormElement>(null)
  const submission = useSubmission()
  return (
    <section class="card" aria-labelledby="page-title">
      <p class="crumbs">
        <a href={`/app/people/${personId}`}>{t('people.title')}</a>
      </p>
      <PageTitle text={t('cases.new')} />
      {query.registered && (
        <p class="status" role="status">
          {t('people.registered_open_case', { code: query.registered })}
        </p>
      )}
      <form
        ref={form}
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          const checked = checkFields(createCaseSchema, {
            personId,
            type,
            priority,
            openedOn,
            ...(summary.trim() ? { summary } : {}),
          })
          if (!checked.ok) {
            submission.setFields(checked.errors)
            focusFirstInvalid(form.current)
            return
          }
          void submission.run(async () => {
            const created = await apiPost('/cases', { body: checked.value })
            route(`/app/cases/${created.id}`)
          })
        }}
      >
        <SelectField
          id="case-type"
          label={t('cases.type')}
          value={type}
          options={optionsOf(CASE_TYPES, (c) => t(`case_type.${c}`))}
          onChange={setType}
          error={submission.fields.type}
        />
        <SelectField
          id="case-priority"
          label={t('cases.priority')}
          value={priority}
          options={optionsOf(PRIORITIES, (p) => t(`priority.${p}`))}
          onChange={setPriority}
        />
        <TextField
          id="case-opened"
          type="date"
          label={t('cases.opened')}
          value={openedOn}
          onInput={setOpenedOn}
          error={submission.fields.openedOn}
        />
        <TextArea
          id="case-summary"
          label={t('cases.summary')}
          value={summary}
          rows={3}
          onInput={setSummary}
          error={submission.fields.summary}
        />
        <ErrorAlert message={submission.error ?? submission.fields.personId} />
        <div class="actions">
          <button type="submit" class="primary" disabled={submission.busy}>
            {t('cases.new')}
          </button>
        </div>
      </form>
    </section>
  )
}
