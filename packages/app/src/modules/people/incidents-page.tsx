import { formatCoarseDate, formatDateTime } from '@haven/core/i18n/format'
import {
  createIncidentSchema,
  DATE_PRECISIONS,
  INCIDENT_TYPES,
  SEVERITIES,
} from '@haven/core/people/incident-schema'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { useRoute } from 'preact-iso'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { TextArea } from '../../components/text-area.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { locale, t } from '../../lib/locale.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'
import { grantedCompartments, optionsOf, SealedText, splitList } from './people-parts.js'

/** People's codes → ids, within one compartment; a code that matches no one is an error. */
async function idsOfCodes(
  codes: string[],
  compartmentId: string,
): Promise<{ ids: string[]; unknown: string | null }> {
  const ids: string[] = []
  for (const code of codes.map((c) => c.toUpperCase())) {
    const page = await apiGet('/people', { query: { q: code, compartmentId } })
    const person = page.people.find((p) => p.code === code)
    if (!person) return { ids, unknown: code }
    ids.push(person.id)
  }
  return { ids, unknown: null }
}

function IncidentForm(props: { recorded: () => void }): JSX.Element {
  const { query } = useRoute()
  const compartments = grantedCompartments()
  const [compartmentId, setCompartmentId] = useState(compartments[0]?.value ?? '')
  const [type, setType] = useState<string>('arrest')
  const [precision, setPrecision] = useState<string>('day')
  const [occurredOn, setOccurredOn] = useState('')
  const [region, setRegion] = useState('')
  const [severity, setSeverity] = useState<string>('medium')
  const [codes, setCodes] = useState(query.people ?? '')
  const [followUp, setFollowUp] = useState('')
  const [notice, setNotice] = useState('')
  const form = useRef<HTMLFormElement>(null)
  const submission = useSubmission()
  return (
    <form
      ref={form}
      class="stack record-section"
      noValidate
      aria-labelledby="incident-new-title"
      onSubmit={(event) => {
        event.preventDefault()
        setNotice('')
        const draft = {
          compartmentId,
          type,
          datePrecision: precision,
          occurredOn: occurredOn.trim(),
          region,
          severity,
          caseId: query.case ?? null,
          ...(followUp.trim() ? { followUp } : {}),
        }
        const checked = checkFields(createIncidentSchema, draft)
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(form.current)
          return
        }
        void submission.run(async () => {
          const people = await idsOfCodes(splitList(codes), compartmentId)
          if (people.unknown) {
            submission.setFields({
              personIds: t('incidents.unknown_person', { code: people.unknown }),
            })
            focusFirstInvalid(form.current)
            return
          }
          await apiPost('/incidents', { body: { ...checked.value, personIds: people.ids } })
          setOccurredOn('')
          setRegion('')
          setFollowUp('')
          setNotice(t('incidents.recorded'))
          props.recorded()
        })
      }}
    >
      <h2 id="incident-new-title">{t('incidents.new')}</h2>
      {query.case && <p class="hint">{t('incidents.for_case')}</p>}
      {compartments.length > 1 && (
        <SelectField
          id="incident-compartment"
          label={t('people.compartment')}
          value={compartmentId}
          options={compartments}
          onChange={setCompartmentId}
        />
      )}
      <SelectField
        id="incident-type"
        label={t('incidents.type')}
        value={type}
        options={optionsOf(INCIDENT_TYPES, (i) => t(`incident_type.${i}`))}
        onChange={setType}
      />
      <SelectField
        id="incident-precision"
        label={t('incidents.precision')}
        value={precision}
        options={optionsOf(DATE_PRECISIONS, (p) => t(`date_precision.${p}`))}
        onChange={setPrecision}
      />
      <TextField
        id="incident-date"
        label={t('incidents.date')}
        hint={t('incidents.date_hint')}
        value={occurredOn}
        verbatim
        onInput={setOccurredOn}
        error={submission.fields.occurredOn}
      />
      <TextField
        id="incident-region"
        label={t('incidents.region')}
        value={region}
        onInput={setRegion}
        error={submission.fields.region}
      />
      <SelectField
        id="incident-severity"
        label={t('incidents.severity')}
        value={severity}
        options={optionsOf(SEVERITIES, (s) => t(`severity.${s}`))}
        onChange={setSeverity}
      />
      <TextField
        id="incident-people"
        label={t('incidents.people')}
        value={codes}
        verbatim
        onInput={setCodes}
        error={submission.fields.personIds}
      />
      <TextArea
        id="incident-follow-up"
        label={t('incidents.follow_up')}
        value={followUp}
        rows={3}
        onInput={setFollowUp}
        error={submission.fields.followUp}
      />
      <ErrorAlert message={submission.error} />
      <div class="actions">
        <button type="submit" class="primary" disabled={submission.busy}>
          {t('incidents.new')}
        </button>
      </div>
      <StatusMessage>{notice}</StatusMessage>
    </form>
  )
}

/** The incident log of the caller's compartments, newest first, and a form to record one. */
export function IncidentsPage(): JSX.Element {
  const [incidents, reload] = useLoad(() => apiGet('/incidents'), 'all')
  return (
    <section class="card" aria-labelledby="page-title">
      <PageTitle text={t('incidents.title')} />
      {incidents.state === 'loading' && <Loading />}
      {incidents.state === 'failed' && <Problem error={incidents.error} />}
      {incidents.state === 'ready' &&
        (incidents.data.length === 0 ? (
          <p>{t('incidents.none')}</p>
        ) : (
          <ul class="item-list" aria-label={t('incidents.title')}>
            {incidents.data.map((i) => (
              <li key={i.id} class="item">
                <span class="item-title">
                  {t(`incident_type.${i.type}`)} · {t(`severity.${i.severity}`)}
                  {i.resolved && ` · ${t('incidents.resolved')}`}
                </span>
                <span class="item-meta">
                  {formatCoarseDate(locale.value, i.occurredOn)} ·{' '}
                  <span class="breakable">{i.region}</span>
                  {i.personCodes.length > 0 && ` · ${i.personCodes.join(', ')}`} ·{' '}
                  {formatDateTime(locale.value, i.createdAt)}
                </span>
                {(i.followUp.state !== 'shown' || i.followUp.value) && (
                  <p class="message-text">
                    <SealedText view={i.followUp} />
                  </p>
                )}
              </li>
            ))}
          </ul>
        ))}
      <IncidentForm recorded={reload} />
    </section>
  )
}
