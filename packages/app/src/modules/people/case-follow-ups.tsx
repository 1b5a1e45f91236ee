import { formatDate } from '@haven/core/i18n/format'
import { followUpSchema } from '@haven/core/people/case-schema'
import type { CaseView, FollowUpView } from '@haven/core/people/people-views'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { type Loaded, Loading, Problem } from '../../components/load-state.js'
import { ErrorAlert } from '../../components/messages.js'
import { OnDemand } from '../../components/on-demand.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, useSubmission } from '../../lib/forms.js'
import { locale, t } from '../../lib/locale.js'
import { apiPatch, apiPost } from '../../lib/typed-api.js'
import { SealedText } from './people-parts.js'

/** A follow-up task: what, when it is due, whether it is done or overdue. */
export function FollowUpItem(props: {
  item: FollowUpView
  mayUpdate: boolean
  changed: () => void
  showCase?: boolean
}): JSX.Element {
  const { item } = props
  const submission = useSubmission()
  return (
    <li class="item">
      <span class="item-title">
        <SealedText view={item.title} />
      </span>
      <span class="item-meta">
        {props.showCase && (
          <>
            <a href={`/app/cases/${item.caseId}`}>{item.caseCode}</a> ·{' '}
          </>
        )}
        {t('cases.due')} {formatDate(locale.value, item.dueOn)}
        {item.overdue && !item.doneAt && (
          <>
            {' · '}
            <strong>{t('cases.overdue_badge')}</strong>
          </>
        )}
        {item.doneAt && ` · ${t('cases.done')}`}
      </span>
      {props.mayUpdate && !item.doneAt && (
        <div class="item-actions">
          <button
            type="button"
            disabled={submission.busy}
            onClick={() =>
              submission.run(async () => {
                await apiPatch('/follow-ups/{id}', { path: { id: item.id }, body: { done: true } })
                props.changed()
              })
            }
          >
            {t('cases.mark_done')}
          </button>
        </div>
      )}
      <ErrorAlert message={submission.error} />
    </li>
  )
}

/** The case's follow-ups (loaded by the case page, which also shows the next one first). */
export function CaseFollowUps({
  kase,
  items,
  reload,
}: {
  kase: CaseView
  items: Loaded<FollowUpView[]>
  reload: () => void
}): JSX.Element {
  const [title, setTitle] = useState('')
  const [dueOn, setDueOn] = useState('')
  const submission = useSubmission()
  const mayUpdate = kase.actions.includes('update')
  return (
    <section class="record-section" aria-labelledby="follow-ups-title">
      <h2 id="follow-ups-title">{t('cases.follow_ups')}</h2>
      {items.state === 'loading' && <Loading />}
      {items.state === 'failed' && <Problem error={items.error} />}
      {items.state === 'ready' &&
        (items.data.length === 0 ? (
          <p>{t('cases.follow_up_none')}</p>
        ) : (
          <ul class="item-list">
            {items.data.map((f) => (
              <FollowUpItem key={f.id} item={f} mayUpdate={mayUpdate} changed={reload} />
            ))}
          </ul>
        ))}
      {mayUpdate && (
        <OnDemand label={t('cases.follow_up_add')}>
          {(close) => (
            <form
              class="inline-form"
              noValidate
              aria-label={t('cases.follow_up_add')}
              onSubmit={(event) => {
                event.preventDefault()
                const checked = checkFields(followUpSchema, { title, dueOn })
                if (!checked.ok) {
                  submission.setFields(checked.errors)
                  return
                }
                void submission.run(async () => {
                  await apiPost('/cases/{id}/follow-ups', {
                    path: { id: kase.id },
                    body: checked.value,
                  })
                  setTitle('')
                  reload()
                  close()
                })
              }}
            >
              <TextField
                id="follow-up-title"
                label={t('cases.follow_up_title')}
                value={title}
                onInput={setTitle}
                error={submission.fields.title}
              />
              <TextField
                id="follow-up-due"
                type="date"
                label={t('cases.due')}
                value={dueOn}
                onInput={setDueOn}
                error={submission.fields.dueOn}
              />
              <button type="submit" disabled={submission.busy}>
                {t('cases.follow_up_add')}
              </button>
            </form>
          )}
        </OnDemand>
      )}
      <ErrorAlert message={submission.error} />
    </section>
  )
}
