import { formatDate } from '@haven/core/i18n/format'
import {
  CASE_STATUSES,
  type CaseStatus,
  caseEntrySchema,
  ENTRY_KINDS,
  SERVICE_TYPES,
} from '@haven/core/people/case-schema'
import type { CaseEntryView, CaseView } from '@haven/core/people/people-views'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { OnDemand } from '../../components/on-demand.js'
import { SelectField } from '../../components/select-field.js'
import { TextArea } from '../../components/text-area.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, useSubmission } from '../../lib/forms.js'
import { locale, t } from '../../lib/locale.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'
import { today } from './case-parts.js'
import { optionsOf, SealedText } from './people-parts.js'

/** " · Open → Closed" for a status change entry, from the statuses the server recorded. */
function statusMove(data: Record<string, unknown>): string {
  const name = (value: unknown) =>
    CASE_STATUSES.find((s) => s === value) ? t(`case_status.${value as CaseStatus}`) : null
  const from = name(data.from)
  const to = name(data.to)
  return from && to ? ` · ${from} → ${to}` : ''
}

/**
 * The case's timeline. Its notes are sealed and reading them is audited, so it is fetched only
 * when the caseworker asks for it, not on every visit to the case.
 */
export function CaseTimeline({ kase }: { kase: CaseView }): JSX.Element {
  const [entries, setEntries] = useState<CaseEntryView[] | null>(null)
  const load = useSubmission()
  const [notice, setNotice] = useState('')
  const show = () =>
    load.run(async () => {
      setEntries(await apiGet('/cases/{id}/timeline', { path: { id: kase.id } }))
    })
  return (
    <section class="record-section" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('cases.timeline')}</h2>
      <ErrorAlert message={load.error} />
      {entries === null ? (
        <div class="actions">
          <button
            type="button"
            onClick={() => void show()}
            aria-busy={load.busy}
            aria-describedby="timeline-note"
          >
            {t('cases.show_timeline')}
          </button>
          <span class="hint" id="timeline-note">
            {t('cases.timeline_note')}
          </span>
        </div>
      ) : entries.length === 0 ? (
        <p>{t('cases.timeline_empty')}</p>
      ) : (
        <ol class="item-list timeline">
          {entries.map((e) => (
            <li key={e.id} class="item">
              <span class="item-title">
                {t(`cases.kind.${e.kind}`)}
                {e.serviceType && ` · ${t(`service.${e.serviceType}`)}`}
                {e.kind === 'status_change' && statusMove(e.data)}
              </span>
              <span class="item-meta">
                {formatDate(locale.value, e.occurredOn)}
                {e.authorName && ` · ${e.authorName}`}
              </span>
              {(e.text.state !== 'shown' || e.text.value) && (
                <p class="message-text">
                  <SealedText view={e.text} />
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      {kase.actions.includes('update') && (
        <OnDemand label={t('cases.add_note')}>
          {(close) => (
            <EntryForm
              kase={kase}
              added={() => {
                close()
                setNotice(t('cases.entry_added'))
                void show()
              }}
            />
          )}
        </OnDemand>
      )}
      <StatusMessage>{notice}</StatusMessage>
    </section>
  )
}

function EntryForm(props: { kase: CaseView; added: () => void }): JSX.Element {
  const [kind, setKind] = useState<string>('note')
  const [occurredOn, setOccurredOn] = useState(today())
  const [text, setText] = useState('')
  const [serviceType, setServiceType] = useState<string>('shelter')
  const submission = useSubmission()
  return (
    <form
      class="stack"
      noValidate
      aria-label={t('cases.add_note')}
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(caseEntrySchema, {
          kind,
          occurredOn,
          text,
          ...(kind === 'service' ? { serviceType } : {}),
        })
        if (!checked.ok) {
          submission.setFields(checked.errors)
          return
        }
        void submission.run(async () => {
          await apiPost('/cases/{id}/entries', { path: { id: props.kase.id }, body: checked.value })
          setText('')
          props.added()
        })
      }}
    >
      <SelectField
        id="entry-kind"
        label={t('cases.entry_kind')}
        value={kind}
        options={optionsOf(ENTRY_KINDS, (k) => t(`cases.kind.${k}`))}
        onChange={setKind}
      />
      {kind === 'service' && (
        <SelectField
          id="entry-service"
          label={t('cases.service_type')}
          value={serviceType}
          options={optionsOf(SERVICE_TYPES, (s) => t(`service.${s}`))}
          onChange={setServiceType}
        />
      )}
      <TextField
        id="entry-date"
        type="date"
        label={t('cases.entry_date')}
        value={occurredOn}
        onInput={setOccurredOn}
        error={submission.fields.occurredOn}
      />
      <TextArea
        id="entry-text"
        label={t('cases.entry_text')}
        value={text}
        onInput={setText}
        error={submission.fields.text}
      />
      <ErrorAlert message={submission.error} />
      <div class="actions">
        <button type="submit" class="primary" disabled={submission.busy}>
          {t('cases.add_note')}
        </button>
      </div>
    </form>
  )
}
