import { formatDateTime } from '@haven/core/i18n/format'
import { createReportSchema } from '@haven/core/report/report-schemas'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { ErrorAlert } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { locale, t } from '../../lib/locale.js'
import { activeSession } from '../../lib/session.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'
import { ReportStatusBadge, sensitivityLabel } from './report-labels.js'
import './report.css'

const yearPage = (year: number) => `/app/reports/${encodeURIComponent(String(year))}`

/** Starts a year's report; it opens with last year's text (or the seed's sections). */
function NewReportForm(): JSX.Element {
  const [year, setYear] = useState('')
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  return (
    <form
      ref={element}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(createReportSchema, { fiscalYear: year })
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          const created = await apiPost('/reports', { body: checked.value })
          window.location.assign(yearPage(created.fiscalYear))
        })
      }}
    >
      <ErrorAlert message={submission.error} />
      <TextField
        id="fiscalYear"
        label={t('report.fiscal_year')}
        hint={t('report.fiscal_year_hint')}
        value={year}
        onInput={setYear}
        error={submission.fields.fiscalYear}
        inputMode="numeric"
        autoComplete="off"
        required
      />
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('report.create')}
      </button>
    </form>
  )
}

/** Every figure the modules offer, with the placeholder an editor types. */
function FigureCatalogue(): JSX.Element {
  const [figures] = useLoad(() => apiGet('/report/figures'), 'figures')
  if (figures.state === 'loading') return <Loading />
  if (figures.state === 'failed') return <Problem error={figures.error} />
  const lang = locale.value === 'ja' ? 'ja' : 'en'
  return (
    <table class="table report-figures">
      <caption>{t('report.figures_count', { count: figures.data.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('report.placeholder')}</th>
          <th scope="col">{t('report.figure')}</th>
          <th scope="col">{t('report.module')}</th>
          <th scope="col">{t('report.sensitivity')}</th>
        </tr>
      </thead>
      <tbody>
        {figures.data.map((f) => (
          <tr key={f.key}>
            <th scope="row" data-label={t('report.placeholder')}>
              <code>{`{{${f.key}}}`}</code>
            </th>
            <td data-label={t('report.figure')}>
              {f.label[lang]}
              <span class="hint">{f.description[lang]}</span>
            </td>
            <td data-label={t('report.module')}>{f.module}</td>
            <td data-label={t('report.sensitivity')}>{sensitivityLabel(f.sensitivity)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** `/app/reports`: the years' reports and where each stands, then a new year and the figures. */
export function ReportsPage(): JSX.Element {
  const [reports] = useLoad(() => apiGet('/reports'), 'reports')
  const [creating, setCreating] = useState(false)
  return (
    <div class="page">
      <PageTitle text={t('report.title')} />
      <p class="callout">{t('report.intro')}</p>
      {activeSession.value?.can.disclosurePolicy === true && (
        <p>
          <a href="/app/disclosure-policy">{t('report.policy_link')}</a>
        </p>
      )}
      <section class="card" aria-labelledby="report-list-title">
        <h2 id="report-list-title">{t('report.list')}</h2>
        {reports.state === 'loading' ? (
          <Loading />
        ) : reports.state === 'failed' ? (
          <Problem error={reports.error} />
        ) : reports.data.length === 0 ? (
          <p>{t('report.none')}</p>
        ) : (
          <table class="table">
            <caption>{t('report.count', { count: reports.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.fiscal_year')}</th>
                <th scope="col">{t('report.status')}</th>
                <th scope="col">{t('report.version')}</th>
                <th scope="col">{t('report.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {reports.data.map((r) => (
                <tr key={r.fiscalYear}>
                  <th scope="row" data-label={t('report.fiscal_year')}>
                    <a href={yearPage(r.fiscalYear)}>{r.label}</a>
                  </th>
                  <td data-label={t('report.status')}>
                    <ReportStatusBadge status={r.status} />
                  </td>
                  <td data-label={t('report.version')}>{r.version}</td>
                  <td data-label={t('report.updated')}>
                    {formatDateTime(locale.value, r.publishedAt ?? r.updatedAt)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {creating ? (
          <NewReportForm />
        ) : (
          <button type="button" onClick={() => setCreating(true)}>
            {t('report.new')}
          </button>
        )}
      </section>
      <section class="card" aria-labelledby="report-figures-title">
        <h2 id="report-figures-title">{t('report.figures')}</h2>
        <p>{t('report.figures_intro')}</p>
        <FigureCatalogue />
      </section>
    </div>
  )
}
