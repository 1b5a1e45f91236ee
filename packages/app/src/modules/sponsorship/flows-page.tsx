import { SPONSORSHIP_LEAVE_REASONS } from '@haven/core/sponsorship/sponsorship-rules'
import type { YearFlowsView } from '@haven/core/sponsorship/sponsorship-views'
import type { JSX } from 'preact'
import { useLocation } from 'preact-iso'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { PageTitle } from '../../components/page-title.js'
import { TextField } from '../../components/text-field.js'
import { t } from '../../lib/locale.js'
import { apiGet } from '../../lib/typed-api.js'
import { EnrolmentChart } from './flows-chart.js'
import { count, day } from './sponsorship-labels.js'
import './sponsorship.css'

/** Core's flows; the typed answer must fit it, so the document and core cannot disagree. */
type Flows = YearFlowsView['total']

/** A movement with its sign (none for nothing moved). */
const signed = (sign: '+' | '−', n: number) => (n === 0 ? count(0) : `${sign}${count(n)}`)

/** The fiscal year (April–March) that started most recently. */
function currentFiscalYear(): number {
  const now = new Date()
  return now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1
}

function FlowRows({ flows }: { flows: Flows }): JSX.Element {
  return (
    <>
      <tr>
        <th scope="row">{t('sponsorship.at_start')}</th>
        <td class="number">{count(flows.atStart)}</td>
      </tr>
      <tr>
        <th scope="row">{t('sponsorship.joined')}</th>
        <td class="number">{signed('+', flows.joined)}</td>
      </tr>
      <tr>
        <th scope="row">{t('sponsorship.left')}</th>
        <td class="number">{signed('−', flows.left)}</td>
      </tr>
      {SPONSORSHIP_LEAVE_REASONS.filter((r) => flows.leftByReason[r]).map((r) => (
        <tr key={r} class="sub-row">
          <th scope="row">{t(`sponsorship.reason.${r}`)}</th>
          <td class="number">{count(flows.leftByReason[r])}</td>
        </tr>
      ))}
      <tr>
        <th scope="row">{t('sponsorship.graduated')}</th>
        <td class="number">{signed('−', flows.graduated)}</td>
      </tr>
      <tr>
        <th scope="row">{t('sponsorship.transferred')}</th>
        <td class="number">{signed('−', flows.transferred)}</td>
      </tr>
      <tr class="total-row">
        <th scope="row">{t('sponsorship.at_end')}</th>
        <td class="number">{count(flows.atEnd)}</td>
      </tr>
    </>
  )
}

/** `/app/sponsorship/flows?year=2005`: the year's flows, per shelter, and enrolment over time. */
export function FlowsPage(): JSX.Element {
  const { query, route } = useLocation()
  const year = Number(query.year) || currentFiscalYear()
  const [flows] = useLoad(() => apiGet('/sponsorship/flows', { query: { year } }), String(year))
  return (
    <section class="card" aria-labelledby="page-title">
      <PageTitle text={t('sponsorship.flows_title')} />
      <div class="filter-grid">
        <TextField
          id="flows-year"
          label={t('sponsorship.year')}
          hint={t('sponsorship.year_hint')}
          value={String(year)}
          inputMode="numeric"
          onInput={(value) => {
            if (/^\d{4}$/.test(value)) route(`/app/sponsorship/flows?year=${value}`)
          }}
        />
      </div>
      {flows.state === 'loading' && <Loading />}
      {flows.state === 'failed' && <Problem error={flows.error} />}
      {flows.state === 'ready' && (
        <>
          <p>{t('sponsorship.period', { from: day(flows.data.from), to: day(flows.data.to) })}</p>
          <table class="table flow-table">
            <caption>{t('sponsorship.flows_caption')}</caption>
            <tbody>
              <FlowRows flows={flows.data.total} />
            </tbody>
          </table>
          <EnrolmentChart months={flows.data.months} />
          <h2>{t('sponsorship.by_shelter')}</h2>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('sponsorship.shelter')}</th>
                <th scope="col">{t('sponsorship.at_start')}</th>
                <th scope="col">{t('sponsorship.joined')}</th>
                <th scope="col">{t('sponsorship.left')}</th>
                <th scope="col">{t('sponsorship.graduated')}</th>
                <th scope="col">{t('sponsorship.transferred')}</th>
                <th scope="col">{t('sponsorship.at_end')}</th>
              </tr>
            </thead>
            <tbody>
              {flows.data.byShelter.map((s) => (
                <tr key={s.compartmentCode}>
                  <th scope="row">{s.compartmentCode}</th>
                  <td class="number">{count(s.flows.atStart)}</td>
                  <td class="number">{count(s.flows.joined)}</td>
                  <td class="number">{count(s.flows.left)}</td>
                  <td class="number">{count(s.flows.graduated)}</td>
                  <td class="number">{count(s.flows.transferred)}</td>
                  <td class="number">{count(s.flows.atEnd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  )
}
