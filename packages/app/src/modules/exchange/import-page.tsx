import { DISTRIBUTION_IMPORT_FIELDS } from '@haven/core/exchange/distribution-import'
import { DONATION_IMPORT_FIELDS } from '@haven/core/exchange/donation-import'
import type { ImportReport } from '@haven/core/exchange/exchange-schema'
import { PARTNER_IMPORT_FIELDS } from '@haven/core/exchange/partner-import'
import { PEOPLE_IMPORT_FIELDS } from '@haven/core/exchange/people-import'
import { SPONSOR_IMPORT_FIELDS } from '@haven/core/exchange/sponsor-import'
import { SUPPLY_IMPORT_FIELDS } from '@haven/core/exchange/supply-import'
import { formatNumber } from '@haven/core/i18n/format'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { Loading, Problem, problemText, useLoad } from '../../components/load-state.js'
import { ErrorAlert } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { isMessageKey, locale, t } from '../../lib/locale.js'
import { activeSession } from '../../lib/session.js'
import { apiGet } from '../../lib/typed-api.js'
import { sendWithProgress } from './send-with-progress.js'

type Encoding = 'auto' | 'utf-8' | 'shift_jis'
type Mapping = Partial<Record<string, string>>

/** What a sheet can hold, the ability that offers it, and its columns (in the order shown). */
const KINDS = {
  people: { ability: 'importPeople', fields: PEOPLE_IMPORT_FIELDS, compartment: true },
  distributions: {
    ability: 'importDistributions',
    fields: DISTRIBUTION_IMPORT_FIELDS,
    compartment: true,
  },
  donations: { ability: 'importDonations', fields: DONATION_IMPORT_FIELDS, compartment: false },
  partners: { ability: 'importPartners', fields: PARTNER_IMPORT_FIELDS, compartment: false },
  sponsors: { ability: 'importSponsors', fields: SPONSOR_IMPORT_FIELDS, compartment: true },
  supplies: { ability: 'importSupplies', fields: SUPPLY_IMPORT_FIELDS, compartment: false },
} as const
type Kind = keyof typeof KINDS
type Report = Omit<ImportReport, 'mapping'> & { mapping: Mapping }

/**
 * Importing people from a spreadsheet: choose the file and where they go, check it (a dry run:
 * every problem by row and column, nothing written), adjust which column is which, then import
 * (all rows or none). The facts of the check come first; the import button only once it is clean.
 */
export function ImportPage(): JSX.Element {
  const can = activeSession.value?.can
  const kinds = (Object.keys(KINDS) as Kind[]).filter((k) => can?.[KINDS[k].ability] === true)
  const [kind, setKind] = useState<Kind>(kinds[0] ?? 'people')
  const { fields, compartment: inCompartment } = KINDS[kind]
  const [list] = useLoad(() => apiGet('/compartments'), 'compartments')
  const [file, setFile] = useState<File | null>(null)
  const [compartmentId, setCompartmentId] = useState('')
  const [source, setSource] = useState('')
  const [encoding, setEncoding] = useState<Encoding>('auto')
  const [mapping, setMapping] = useState<Mapping | null>(null)
  const [report, setReport] = useState<Report | null>(null)
  // The file's header row, kept while the mapping is changed (which clears the report).
  const [headers, setHeaders] = useState<string[]>([])
  const [acceptDuplicates, setAcceptDuplicates] = useState(false)
  const [sent, setSent] = useState<number | null>(null)
  const [done, setDone] = useState<Report | null>(null)
  const [error, setError] = useState<string | null>(null)

  const compartments =
    list.state === 'ready'
      ? list.data
          .filter((c) => c.status === 'active' && c.kind !== 'inbox' && !c.shreddedAt)
          .map((c) => ({
            value: c.id,
            label: c.name && c.name !== c.code ? `${c.code} — ${c.name}` : c.code,
          }))
      : []
  const n = (value: number) => formatNumber(locale.value, value)
  const busy = sent !== null

  const run = async (dryRun: boolean) => {
    if (!file || (inCompartment && !compartmentId) || !source.trim()) {
      setError(t(inCompartment ? 'exchange.choose_first' : 'exchange.choose_source_first'))
      return
    }
    setError(null)
    setDone(null)
    setSent(0)
    const query = new URLSearchParams({
      ...(inCompartment ? { compartmentId } : {}),
      source: source.trim(),
      encoding,
      dryRun: dryRun ? '1' : '0',
      ...(kind === 'people' ? { acceptDuplicates: acceptDuplicates ? '1' : '0' } : {}),
      ...(mapping ? { mapping: JSON.stringify(mapping) } : {}),
    })
    try {
      const answer = await sendWithProgress<Report>(
        `/exchange/${kind}/imports?${query}`,
        file,
        setSent,
      )
      if (dryRun) {
        setReport(answer)
        setHeaders(answer.headers)
        setMapping(answer.mapping)
      } else {
        setDone(answer)
        setReport(null)
      }
    } catch (problem) {
      setError(problemText(problem))
    } finally {
      setSent(null)
    }
  }

  const changeMapping = (field: string, header: string) => {
    const next: Mapping = { ...(mapping ?? {}) }
    if (header) next[field] = header
    else delete next[field]
    setMapping(next)
    // A changed mapping reads the file differently: check again before importing.
    setReport(null)
  }

  const ready =
    report !== null &&
    report.rowsWithErrors === 0 &&
    report.ready > 0 &&
    (report.possibleDuplicates.length === 0 || acceptDuplicates)

  return (
    <div class="page">
      <PageTitle
        text={t(kind === 'people' ? 'exchange.import_title' : 'exchange.import_any_title')}
      />
      {done && (
        <p class="status" role="status">
          {t(kind === 'people' ? 'exchange.imported' : 'exchange.imported_rows', {
            imported: n(done.imported),
            already: n(done.alreadyImported),
          })}
        </p>
      )}
      {report && (
        <section aria-labelledby="check-heading">
          <h2 id="check-heading">{t('exchange.check_heading')}</h2>
          <p role="status">
            {t('exchange.summary', {
              rows: n(report.rows),
              ready: n(report.ready),
              already: n(report.alreadyImported),
              errors: n(report.rowsWithErrors),
            })}{' '}
            {report.encoding && t(`exchange.encoding.${report.encoding}`)}
          </p>
          {kind !== 'people' && <p>{t('exchange.rehearsed')}</p>}
          {report.issues.length > 0 && (
            <p class="alert">{t('exchange.problems', { count: report.rowsWithErrors })}</p>
          )}
          {report.issues.length > 0 && (
            <table class="table">
              <caption class="visually-hidden">
                {t('exchange.problems', { count: report.rowsWithErrors })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('exchange.col.row')}</th>
                  <th scope="col">{t('exchange.col.column')}</th>
                  <th scope="col">{t('exchange.col.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {report.issues.map((issue, i) => (
                  <tr key={`${issue.line}-${issue.field}-${i}`}>
                    <th scope="row" data-label={t('exchange.col.row')}>
                      {n(issue.line)}
                    </th>
                    <td data-label={t('exchange.col.column')}>{issue.header || '—'}</td>
                    <td data-label={t('exchange.col.problem')}>
                      {isMessageKey(issue.key) ? t(issue.key, issue.params) : issue.key}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {report.possibleDuplicates.length > 0 && (
            <>
              <p>{t('exchange.duplicates', { count: report.possibleDuplicates.length })}</p>
              <table class="table">
                <caption class="visually-hidden">
                  {t('exchange.duplicates', { count: report.possibleDuplicates.length })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('exchange.col.row')}</th>
                    <th scope="col">{t('exchange.col.registered')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.possibleDuplicates.map((d) => (
                    <tr key={d.line}>
                      <th scope="row" data-label={t('exchange.col.row')}>
                        {n(d.line)}
                      </th>
                      <td data-label={t('exchange.col.registered')}>
                        {d.codes.map((code) => (
                          <code key={code}>{code} </code>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <label class="checkbox">
                <input
                  type="checkbox"
                  checked={acceptDuplicates}
                  onChange={(e) =>
                    setAcceptDuplicates((e.currentTarget as HTMLInputElement).checked)
                  }
                />{' '}
                {t('exchange.accept_duplicates')}
              </label>
            </>
          )}
          {report.rowsWithErrors === 0 && report.ready === 0 && <p>{t('exchange.nothing_new')}</p>}
          {ready && (
            <p>
              <button type="button" class="primary" disabled={busy} onClick={() => void run(false)}>
                {t(kind === 'people' ? 'exchange.import_button' : 'exchange.import_rows_button', {
                  count: report.ready,
                })}
              </button>
            </p>
          )}
        </section>
      )}
      {busy && (
        <div class="field">
          <label for="import-progress">
            {sent !== null && sent < 1 ? t('exchange.uploading') : t('exchange.working')}
          </label>
          {sent !== null && sent < 1 ? (
            <progress id="import-progress" max={1} value={sent} />
          ) : (
            <progress id="import-progress" />
          )}
        </div>
      )}
      <ErrorAlert message={error} />
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void run(true)
        }}
      >
        {kinds.length > 1 && (
          <SelectField
            id="import-kind"
            label={t('exchange.kind')}
            value={kind}
            options={kinds.map((k) => ({ value: k, label: t(`exchange.kind.${k}`) }))}
            onChange={(value) => {
              setKind(value as Kind)
              setMapping(null)
              setReport(null)
              setDone(null)
            }}
          />
        )}
        <div class="field">
          <label for="import-file">{t('exchange.file')}</label>
          <p class="hint" id="import-file-hint">
            {t('exchange.file_hint')}
          </p>
          <input
            id="import-file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="import-file-hint"
            onChange={(e) => {
              setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)
              setReport(null)
              setHeaders([])
              setDone(null)
            }}
          />
        </div>
        {inCompartment && list.state === 'loading' && <Loading />}
        {inCompartment && list.state === 'failed' && <Problem error={list.error} />}
        {inCompartment && (
          <SelectField
            id="import-compartment"
            label={t(kind === 'people' ? 'exchange.compartment' : 'exchange.record_in')}
            value={compartmentId}
            options={[{ value: '', label: '—' }, ...compartments]}
            onChange={(value) => {
              setCompartmentId(value)
              setReport(null)
            }}
          />
        )}
        <TextField
          id="import-source"
          label={t('exchange.source')}
          hint={t('exchange.source_hint')}
          value={source}
          onInput={(value) => {
            setSource(value)
            setMapping(null)
            setReport(null)
          }}
        />
        <SelectField
          id="import-encoding"
          label={t('exchange.encoding')}
          value={encoding}
          options={(['auto', 'utf-8', 'shift_jis'] as const).map((value) => ({
            value,
            label: t(`exchange.encoding.${value}`),
          }))}
          onChange={(value) => {
            setEncoding(value as Encoding)
            setReport(null)
          }}
        />
        {mapping && report === null && <p>{t('exchange.check_again')}</p>}
        <p>
          <button type="submit" disabled={busy}>
            {t('exchange.check_button')}
          </button>
        </p>
      </form>
      {mapping && headers.length > 0 && (
        <details>
          <summary>{t('exchange.mapping')}</summary>
          {fields.map((field) => (
            <SelectField
              key={field}
              id={`map-${field}`}
              label={t(`exchange.field.${field}`)}
              value={mapping[field] ?? ''}
              options={[
                { value: '', label: t('exchange.unmapped') },
                ...headers.map((h) => ({ value: h, label: h })),
              ]}
              onChange={(value) => changeMapping(field, value)}
            />
          ))}
        </details>
      )}
    </div>
  )
}
