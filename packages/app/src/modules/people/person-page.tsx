import { formatMonth, formatNumber } from '@haven/core/i18n/format'
import type { PersonView } from '@haven/core/people/people-views'
import type { JSX } from 'preact'
import { useEffect } from 'preact/hooks'
import { useRoute } from 'preact-iso'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { PageTitle } from '../../components/page-title.js'
import { locale, t } from '../../lib/locale.js'
import { apiGet } from '../../lib/typed-api.js'
import { CaseItem } from './case-parts.js'
import { PersonAttributesForm } from './person-attributes-form.js'
import { PersonIdentity } from './person-identity.js'
import { PersonLinks } from './person-links.js'
import { PersonMerge } from './person-merge.js'
import { readOnly, ShreddedRecord, useShredded } from './shredded-compartments.js'

/** For those who may not read cases (field workers): how many are open, not "No cases yet". */
function CasesNotShown({ person }: { person: PersonView }): JSX.Element {
  return (
    <section class="record-section" aria-labelledby="cases-title">
      <h2 id="cases-title">{t('people.cases')}</h2>
      <p>{t('people.cases_not_shown', { count: formatNumber(locale.value, person.openCases) })}</p>
    </section>
  )
}

function PersonCases({ person }: { person: PersonView }): JSX.Element {
  const [cases] = useLoad(() => apiGet('/cases', { query: { personId: person.id } }), person.id)
  return (
    <section class="record-section" aria-labelledby="cases-title">
      <h2 id="cases-title">{t('people.cases')}</h2>
      {person.actions.includes('open_case') && (
        <p>
          <a href={`/app/cases/new?person=${person.id}`}>{t('cases.new')}</a>
        </p>
      )}
      {cases.state === 'loading' && <Loading />}
      {cases.state === 'failed' && <Problem error={cases.error} />}
      {cases.state === 'ready' &&
        (cases.data.cases.length === 0 ? (
          <p>{t('people.no_cases')}</p>
        ) : (
          <ul class="item-list">
            {cases.data.cases.map((c) => (
              <CaseItem key={c.id} kase={c} />
            ))}
          </ul>
        ))}
    </section>
  )
}

/** One person: the code, what may be known without identifying them, and their cases. */
export function PersonPage(): JSX.Element {
  const { params, query } = useRoute()
  const id = params.id ?? ''
  const [person, reload] = useLoad(() => apiGet('/people/{id}', { path: { id } }), id)
  const shredded = useShredded()
  // "Registered" is said once: the address loses it, so reload and Back do not say it again.
  useEffect(() => {
    if (query.registered) window.history.replaceState(window.history.state, '', `/app/people/${id}`)
  }, [query.registered, id])
  if (person.state === 'loading') return <Loading />
  if (person.state === 'failed')
    return (
      <section class="card" aria-labelledby="page-title">
        <PageTitle text={t('people.title')} />
        <Problem error={person.error} />
      </section>
    )
  // A shredded compartment's records are read, never changed: say why, offer no changes.
  const gone = shredded.get(person.data.compartmentId)
  const p = gone ? readOnly(person.data) : person.data
  return (
    <section class="card" aria-labelledby="page-title">
      <p class="crumbs">
        <a href="/app/people">{t('people.title')}</a>
      </p>
      <PageTitle text={p.code} />
      {query.registered === p.code && (
        <p class="status" role="status">
          {t('people.registered', { code: p.code })}
        </p>
      )}
      {gone && <ShreddedRecord compartment={gone} />}
      {p.mergedIntoId && (
        <p class="callout">
          <a href={`/app/people/${p.mergedIntoId}`}>{t('people.merged_into_link')}</a>
        </p>
      )}
      <section class="record-section" aria-labelledby="attributes-title">
        <h2 id="attributes-title">{t('people.attributes')}</h2>
        <dl class="record">
          <dt>{t('people.compartment')}</dt>
          <dd>{p.compartmentCode}</dd>
          <dt>{t('people.situation')}</dt>
          <dd>{t(`situation.${p.situation}`)}</dd>
          <dt>{t('people.age_band')}</dt>
          <dd>{t(`age_band.${p.ageBand}`)}</dd>
          <dt>{t('people.arrival')}</dt>
          <dd>
            {p.arrivalMonth ? formatMonth(locale.value, p.arrivalMonth) : t('people.not_given')}
          </dd>
          <dt>{t('people.languages')}</dt>
          <dd>{p.languages.join(', ') || t('people.not_given')}</dd>
          <dt>{t('people.tags')}</dt>
          <dd>{p.tags.join(', ') || t('people.not_given')}</dd>
        </dl>
        {p.actions.includes('update') && <PersonAttributesForm person={p} saved={reload} />}
        {p.actions.includes('manage') && !p.mergedIntoId && <PersonMerge person={p} />}
      </section>
      <PersonIdentity person={p} changed={reload} />
      <PersonLinks person={p} changed={reload} />
      {p.actions.includes('read_cases') ? <PersonCases person={p} /> : <CasesNotShown person={p} />}
    </section>
  )
}
