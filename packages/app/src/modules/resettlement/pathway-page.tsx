import { formatDateTime } from '@haven/core/i18n/format'
import {
  changeStageSchema,
  PATHWAY_STAGES,
  type PathwayStage,
} from '@haven/core/resettlement/pathway-schema'
import type { PathwayView } from '@haven/core/resettlement/pathway-views'
import type { JSX } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import { Loading, Problem } from '../../components/load-state.js'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { locale, t } from '../../lib/locale.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'
import { coarse, routeLabel } from './pathway-labels.js'

const isStage = (value: string): value is PathwayStage =>
  (PATHWAY_STAGES as readonly string[]).includes(value)

/** The stage after `stage` in the usual order (the form's first suggestion). */
function nextStage(stage: PathwayStage): PathwayStage {
  const at = PATHWAY_STAGES.indexOf(stage)
  return PATHWAY_STAGES[Math.min(at + 1, PATHWAY_STAGES.length - 1)] ?? stage
}

function MoveForm(props: {
  pathway: PathwayView
  onSaved: (p: PathwayView) => void
  onCancel: () => void
}): JSX.Element {
  const [stage, setStage] = useState<PathwayStage>(nextStage(props.pathway.stage))
  const [on, setOn] = useState('')
  const [country, setCountry] = useState('')
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  return (
    <form
      ref={element}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(changeStageSchema, {
          version: props.pathway.version,
          stage,
          on: on.trim(),
          precision: on.trim().length === 4 ? 'year' : 'month',
          country: stage === 'resettled' ? country.trim().toUpperCase() : null,
        })
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          props.onSaved(
            await apiPost('/resettlement/pathways/{id}/stages', {
              path: { id: props.pathway.id },
              body: checked.value,
            }),
          )
        })
      }}
    >
      <ErrorAlert message={submission.error} />
      <div class="field-row">
        <SelectField
          id="stage"
          label={t('resettlement.stage')}
          value={stage}
          options={PATHWAY_STAGES.map((s) => ({ value: s, label: t(`resettlement.stage.${s}`) }))}
          onChange={(value) => {
            if (isStage(value)) setStage(value)
          }}
          error={submission.fields.stage}
        />
        <TextField
          id="on"
          label={t('resettlement.on')}
          hint={t('resettlement.on_hint')}
          value={on}
          onInput={setOn}
          error={submission.fields.on}
          inputMode="numeric"
          verbatim
          required
        />
        {stage === 'resettled' && (
          <TextField
            id="country"
            label={t('resettlement.country')}
            hint={t('field.country_code')}
            value={country}
            onInput={setCountry}
            error={submission.fields.country}
            verbatim
            required
          />
        )}
      </div>
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('resettlement.move_submit')}
      </button>{' '}
      <button type="button" class="secondary" onClick={props.onCancel}>
        {t('resettlement.cancel')}
      </button>
    </form>
  )
}

/** `/app/resettlement/:id`: where a pathway stands, its stages, and moving it on. */
export function PathwayPage({ id }: { id: string }): JSX.Element {
  const [pathway, setPathway] = useState<PathwayView | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [moving, setMoving] = useState(false)
  const [status, setStatus] = useState<string | null>(null)
  useEffect(() => {
    apiGet('/resettlement/pathways/{id}', { path: { id } }).then(setPathway).catch(setError)
  }, [id])

  return (
    <div class="page">
      <p class="crumbs">
        <a href="/app/resettlement">{t('resettlement.back')}</a>
      </p>
      <PageTitle text={pathway ? pathway.caseCode : t('resettlement.title')} />
      {error ? (
        <Problem error={error} />
      ) : !pathway ? (
        <Loading />
      ) : (
        <>
          <section class="card" aria-labelledby="facts-title">
            <h2 id="facts-title">{t(`resettlement.stage.${pathway.stage}`)}</h2>
            <StatusMessage>{status}</StatusMessage>
            <dl class="facts">
              <dt>{t('resettlement.person')}</dt>
              <dd>
                <code>{pathway.personCode}</code>
              </dd>
              <dt>{t('resettlement.route')}</dt>
              <dd>{routeLabel(pathway)}</dd>
              <dt>{t('resettlement.since')}</dt>
              <dd>{coarse(pathway.stageOn)}</dd>
              {pathway.country && (
                <>
                  <dt>{t('resettlement.country')}</dt>
                  <dd>{pathway.country}</dd>
                </>
              )}
            </dl>
            {pathway.actions.includes('update') &&
              (moving ? (
                <MoveForm
                  pathway={pathway}
                  onCancel={() => setMoving(false)}
                  onSaved={(saved) => {
                    setPathway(saved)
                    setMoving(false)
                    setStatus(
                      t('resettlement.moved', { stage: t(`resettlement.stage.${saved.stage}`) }),
                    )
                  }}
                />
              ) : (
                <button type="button" class="primary" onClick={() => setMoving(true)}>
                  {t('resettlement.move')}
                </button>
              ))}
          </section>
          <section class="card" aria-labelledby="history-title">
            <h2 id="history-title">{t('resettlement.history')}</h2>
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('resettlement.stage')}</th>
                  <th scope="col">{t('resettlement.since')}</th>
                  <th scope="col">{t('resettlement.country')}</th>
                  <th scope="col">{t('resettlement.recorded')}</th>
                </tr>
              </thead>
              <tbody>
                {pathway.stages.map((s) => (
                  <tr key={s.recordedAt + s.stage}>
                    <th scope="row" data-label={t('resettlement.stage')}>
                      {t(`resettlement.stage.${s.stage}`)}
                    </th>
                    <td data-label={t('resettlement.since')}>{coarse(s.on)}</td>
                    <td data-label={t('resettlement.country')}>{s.country ?? ''}</td>
                    <td data-label={t('resettlement.recorded')}>
                      {formatDateTime(locale.value, s.recordedAt)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </div>
  )
}
