import { formatDateTime } from '@haven/core/i18n/format'
import { LOCALE_NAMES, LOCALES } from '@haven/core/i18n/locales'
import { reportCorrectionSchema } from '@haven/core/report/report-schemas'
import { reportSlug } from '@haven/core/report/report-template'
import type { ReportView } from '@haven/core/report/report-views'
import { Fragment, type JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { TextArea } from '../../components/text-area.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { locale, t } from '../../lib/locale.js'
import { activeSession } from '../../lib/session.js'
import { apiGet, apiPatch, apiPost } from '../../lib/typed-api.js'
import { ReportStatusBadge } from './report-labels.js'
import { ReviewSection } from './report-review.js'
import './report.css'

/** The templates in both languages; saving names the version read (a later edit conflicts). */
function TemplateForm({
  report,
  onSaved,
}: {
  report: ReportView
  onSaved: (r: ReportView) => void
}): JSX.Element {
  const [en, setEn] = useState(report.templateEn)
  const [ja, setJa] = useState(report.templateJa)
  const submission = useSubmission()
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void submission.run(async () => {
          const body = { version: report.version, templateEn: en, templateJa: ja }
          onSaved(await apiPatch('/reports/{year}', { path: { year: report.fiscalYear }, body }))
        })
      }}
    >
      <ErrorAlert message={submission.error} />
      <TextArea
        id="templateEn"
        label={t('report.template_en')}
        hint={t('report.template_hint')}
        value={en}
        onInput={setEn}
        error={submission.fields.templateEn}
        rows={16}
        lang="en"
        code
      />
      <TextArea
        id="templateJa"
        label={t('report.template_ja')}
        hint={t('report.template_hint')}
        value={ja}
        onInput={setJa}
        error={submission.fields.templateJa}
        rows={16}
        lang="ja"
        code
      />
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('report.save')}
      </button>
    </form>
  )
}

/**
 * Starts a correction of a published report, with why: the text returns to draft and goes
 * through review and two approvals again; the public page stays as published until then.
 */
function CorrectionForm({
  report,
  onStarted,
}: {
  report: ReportView
  onStarted: () => void
}): JSX.Element {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('report.correct')}
      </button>
    )
  return (
    <form
      ref={element}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(reportCorrectionSchema, { version: report.version, reason })
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          await apiPost('/reports/{year}/correct', {
            path: { year: report.fiscalYear },
            body: checked.value,
          })
          onStarted()
        })
      }}
    >
      <ErrorAlert message={submission.error} />
      <TextArea
        id="reason"
        label={t('report.correct_reason')}
        hint={t('report.correct_reason_hint')}
        value={reason}
        onInput={setReason}
        error={submission.fields.reason}
        rows={4}
      />
      <div class="actions">
        <button type="submit" class="primary" disabled={submission.busy}>
          {t('report.correct_start')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('report.cancel')}
        </button>
      </div>
    </form>
  )
}

/** The next step of the workflow for this report, as one button, with why it may be refused. */
function NextStep({
  report,
  onDone,
}: {
  report: ReportView
  onDone: (r: ReportView, said: string) => void
}): JSX.Element | null {
  const submission = useSubmission()
  const me = activeSession.value?.user.id
  const step = (name: 'submit' | 'approve' | 'publish', said: string) =>
    submission.run(async () => {
      const body = { version: report.version }
      const _year = String(report.fiscalYear)
      onDone(
        await apiPost(`/reports/{year}/${name}`, { path: { year: report.fiscalYear }, body }),
        said,
      )
    })
  if (report.status === 'published') {
    const slug = reportSlug(report.fiscalYear)
    return (
      <>
        <p>
          {t('report.published_at', {
            at: formatDateTime(locale.value, report.publishedAt ?? report.updatedAt),
          })}{' '}
          <a href={`/en/reports/${slug}`}>{t('report.site_en')}</a> ·{' '}
          <a href={`/ja/reports/${slug}`}>{t('report.site_ja')}</a> ·{' '}
          {LOCALES.map((l, i) => (
            <Fragment key={l}>
              {i > 0 && ' · '}
              <a href={`/api/v1/reports/${report.fiscalYear}/pdf/${l}`} download>
                {t('report.download_pdf', { language: LOCALE_NAMES[l] })}
              </a>
            </Fragment>
          ))}
        </p>
        <CorrectionForm
          report={report}
          onStarted={() => onDone(report, t('report.correct_started'))}
        />
      </>
    )
  }
  const approved = report.approvals.length
  const mine = report.approvals.some((a) => a.userId === me)
  return (
    <div>
      <ErrorAlert message={submission.error} />
      {report.status === 'draft' ? (
        <button
          type="button"
          class="primary"
          disabled={submission.busy}
          onClick={() => void step('submit', t('report.submitted'))}
        >
          {t('report.submit')}
        </button>
      ) : (
        <>
          <p>{t('report.approvals', { count: approved })}</p>
          {approved >= 2 ? (
            <button
              type="button"
              class="primary"
              disabled={submission.busy}
              onClick={() => void step('publish', t('report.published'))}
            >
              {t('report.publish')}
            </button>
          ) : (
            <button
              type="button"
              class="primary"
              disabled={submission.busy || mine}
              onClick={() => void step('approve', t('report.approved'))}
            >
              {mine ? t('report.approved_by_you') : t('report.approve')}
            </button>
          )}
        </>
      )}
    </div>
  )
}

/** `/app/reports/:year`: where the year's report stands and its next step, its review, its text. */
export function ReportPage({ year }: { year: string }): JSX.Element {
  const [round, setRound] = useState(0)
  const [said, setSaid] = useState<string | null>(null)
  const [editing, setEditing] = useState(false)
  const [report] = useLoad(
    () => apiGet('/reports/{year}', { path: { year: Number(year) } }),
    `${year}:${round}`,
  )
  const [review] = useLoad(
    () => apiGet('/reports/{year}/review', { path: { year: Number(year) } }),
    `${year}:${round}`,
  )
  const changed = (text: string) => {
    setSaid(text)
    setEditing(false)
    setRound((r) => r + 1)
  }
  if (report.state === 'loading') return <Loading />
  if (report.state === 'failed') return <Problem error={report.error} />
  const r = report.data
  return (
    <div class="page">
      <PageTitle text={t('report.year_title', { label: r.label })} />
      <p>
        <a href="/app/reports">{t('report.back')}</a>
      </p>
      <section class="card" aria-labelledby="report-state-title">
        <h2 id="report-state-title">
          <ReportStatusBadge status={r.status} /> {t('report.version_n', { version: r.version })}
        </h2>
        <StatusMessage>{said}</StatusMessage>
        {r.correction > 0 && r.status !== 'published' && r.correctionReason && (
          <p class="callout">
            {t('report.correction_of', { correction: r.correction, reason: r.correctionReason })}
          </p>
        )}
        <NextStep report={r} onDone={(_, text) => changed(text)} />
      </section>
      {review.state === 'loading' ? (
        <Loading />
      ) : review.state === 'failed' ? (
        <Problem error={review.error} />
      ) : (
        <ReviewSection review={review.data} />
      )}
      {r.status !== 'published' && (
        <section class="card" aria-labelledby="report-text-title">
          <h2 id="report-text-title">{t('report.templates')}</h2>
          {editing ? (
            <TemplateForm report={r} onSaved={() => changed(t('report.saved'))} />
          ) : (
            <button type="button" onClick={() => setEditing(true)}>
              {t('report.edit')}
            </button>
          )}
        </section>
      )}
    </div>
  )
}
