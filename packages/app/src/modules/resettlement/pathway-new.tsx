import {
  createPathwaySchema,
  PATHWAY_ROUTES,
  type PathwayRoute,
  ROUTES_WITH_COUNTRY,
} from '@haven/core/resettlement/pathway-schema'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { useLocation, useRoute } from 'preact-iso'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { ErrorAlert } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'

/** What this form needs of the case (`GET /cases/:id`, the people module's answer). */
interface CaseView {
  id: string
  code: string
  compartmentId: string
}

const isRoute = (value: string): value is PathwayRoute =>
  (PATHWAY_ROUTES as readonly string[]).includes(value)

/** The form itself, once the case is known: route (and its country) and the month or year of intake. */
function OpenForm({ kase }: { kase: CaseView }): JSX.Element {
  const { route: go } = useLocation()
  const [route, setRoute] = useState<PathwayRoute>('unhcr')
  const [routeCountry, setRouteCountry] = useState('')
  const [on, setOn] = useState('')
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  const needsCountry = (ROUTES_WITH_COUNTRY as readonly string[]).includes(route)
  // Also shown for the compartment: the case's must be a restricted programme compartment.
  const fieldless = submission.fields.compartmentId ?? submission.fields.caseId ?? null
  return (
    <form
      ref={element}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(createPathwaySchema, {
          // The pathway is kept where its case is: the restricted compartment.
          compartmentId: kase.compartmentId,
          caseId: kase.id,
          route,
          // Left empty, the country is missing (null), so the schema names what to give.
          routeCountry:
            needsCountry && routeCountry.trim() ? routeCountry.trim().toUpperCase() : null,
          on: on.trim(),
          precision: on.trim().length === 4 ? 'year' : 'month',
        })
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          const created = await apiPost('/resettlement/pathways', { body: checked.value })
          go(`/app/resettlement/${encodeURIComponent(created.id)}`)
        })
      }}
    >
      <ErrorAlert message={submission.error ?? fieldless} />
      <div class="field-row">
        <SelectField
          id="route"
          label={t('resettlement.route')}
          value={route}
          options={PATHWAY_ROUTES.map((r) => ({ value: r, label: t(`resettlement.route.${r}`) }))}
          onChange={(value) => {
            if (isRoute(value)) setRoute(value)
          }}
          error={submission.fields.route}
        />
        {needsCountry && (
          <TextField
            id="route-country"
            label={t('resettlement.country')}
            hint={t('field.country_code')}
            value={routeCountry}
            onInput={setRouteCountry}
            error={submission.fields.routeCountry}
            verbatim
            required
          />
        )}
        <TextField
          id="on"
          label={t('resettlement.intake_on')}
          hint={t('resettlement.on_hint')}
          value={on}
          onInput={setOn}
          error={submission.fields.on}
          inputMode="numeric"
          verbatim
          required
        />
      </div>
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('resettlement.open_submit')}
      </button>{' '}
      <a href={`/app/cases/${encodeURIComponent(kase.id)}`}>{t('resettlement.cancel')}</a>
    </form>
  )
}

/** `/app/resettlement/new?case=…`: opening the pathway of a resettlement case at intake. */
export function PathwayNew(): JSX.Element {
  const { query } = useRoute()
  const caseId = query.case ?? ''
  const [kase] = useLoad(() => apiGet('/cases/{id}', { path: { id: caseId } }), caseId)
  return (
    <div class="page">
      <p class="crumbs">
        <a href="/app/resettlement">{t('resettlement.back')}</a>
      </p>
      <PageTitle text={t('resettlement.open')} />
      <section class="card" aria-labelledby="open-case-title">
        {kase.state === 'loading' ? (
          <Loading />
        ) : kase.state === 'failed' ? (
          <Problem error={kase.error} />
        ) : (
          <>
            <h2 id="open-case-title">
              {t('resettlement.case')} <code>{kase.data.code}</code>
            </h2>
            <p>{t('resettlement.open_intro')}</p>
            <OpenForm kase={kase.data} />
          </>
        )}
      </section>
    </div>
  )
}
