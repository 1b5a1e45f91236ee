import type { AuditEntryView } from '@haven/core/audit/audit-views'
import { formatNumber } from '@haven/core/i18n/format'
import type { JSX } from 'preact'
import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import { useLocation, useRoute } from 'preact-iso'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { useSubmission } from '../../lib/forms.js'
import { loadedMessageKeys, locale, t } from '../../lib/locale.js'
import { apiGet } from '../../lib/typed-api.js'
import {
  type AuditFilters,
  auditAddress,
  auditQuery,
  filtersFromQuery,
  NO_FILTERS,
  rangeReversed,
} from './audit-query.js'
import { AuditTable, actionInWords, knownActions, knownTypes, typeInWords } from './audit-table.js'
import { ChainHead, type ChainHeadView } from './chain-head.js'

/** The audit log for auditors: filter, page back in time, and take the chain head as a checkpoint. */
export function AuditPage(): JSX.Element {
  const { query } = useRoute()
  const { route } = useLocation()
  const { filters: applied, before } = filtersFromQuery(query)
  const address = auditAddress(applied, before)
  const [form, setForm] = useState<AuditFilters>(applied)
  const [entries, setEntries] = useState<AuditEntryView[] | null>(null)
  const [nextBefore, setNextBefore] = useState<number | null>(null)
  const [total, setTotal] = useState<{ total: number; capped: boolean } | null>(null)
  const [head, setHead] = useState<ChainHeadView | null>(null)
  const [rangeError, setRangeError] = useState<string | null>(null)
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  // Every action with words, sorted by those words in the reader's language.
  const actionOptions = useMemo(() => {
    const options = knownActions(loadedMessageKeys())
      .map((value) => ({ value, label: actionInWords(value) }))
      .sort((a, b) => a.label.localeCompare(b.label, locale.value))
    // An address may name an action without words yet: keep it choosable.
    if (applied.action && !options.some((o) => o.value === applied.action))
      options.unshift({ value: applied.action, label: actionInWords(applied.action) })
    return [{ value: '', label: t('audit.any_action') }, ...options]
  }, [locale.value, applied.action])
  // Every record type with words, the same way; an address naming another stays choosable.
  const typeOptions = useMemo(() => {
    const options = knownTypes(loadedMessageKeys())
      .map((value) => ({ value, label: typeInWords(value) }))
      .sort((a, b) => a.label.localeCompare(b.label, locale.value))
    if (applied.entityType && !options.some((o) => o.value === applied.entityType))
      options.unshift({ value: applied.entityType, label: typeInWords(applied.entityType) })
    return [{ value: '', label: t('audit.any_type') }, ...options]
  }, [locale.value, applied.entityType])

  // The address is the state: a new filter or page is a new address, and Back goes to the last one.
  useEffect(() => {
    setForm(applied)
    void submission.run(async () => {
      const [page, latest] = await Promise.all([
        apiGet('/audit', { search: auditQuery(applied, before) }),
        apiGet('/audit/head'),
      ])
      setEntries(page.entries)
      setNextBefore(page.nextBefore)
      setTotal({ total: page.total, capped: page.totalCapped })
      setHead(latest)
    })
  }, [address])

  const set = (field: keyof AuditFilters) => (value: string) => setForm({ ...form, [field]: value })

  return (
    <div class="page">
      <PageTitle text={t('audit.title')} />
      {head && <ChainHead head={head} />}
      <section class="card" aria-labelledby="audit-filter-title">
        <h2 id="audit-filter-title">{t('audit.filter')}</h2>
        <form
          ref={element}
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            if (rangeReversed(form)) {
              setRangeError(t('audit.range_reversed'))
              requestAnimationFrame(() =>
                element.current?.querySelector<HTMLElement>('#to')?.focus(),
              )
              return
            }
            setRangeError(null)
            route(auditAddress(form))
          }}
        >
          <div class="filter-grid">
            <TextField
              id="actor"
              label={t('audit.actor_login')}
              value={form.actor}
              onInput={set('actor')}
              error={submission.fields.actor}
              autoComplete="off"
              verbatim
            />
            <SelectField
              id="action"
              wide
              label={t('audit.action')}
              value={form.action}
              options={actionOptions}
              onChange={set('action')}
              error={submission.fields.action}
            />
            <SelectField
              id="entityType"
              wide
              label={t('audit.entity_type')}
              value={form.entityType}
              options={typeOptions}
              onChange={set('entityType')}
              error={submission.fields.entityType}
            />
            <TextField
              id="from"
              type="date"
              label={t('audit.from')}
              value={form.from}
              onInput={set('from')}
              error={submission.fields.from}
            />
            <TextField
              id="to"
              type="date"
              label={t('audit.to')}
              value={form.to}
              onInput={set('to')}
              error={rangeError ?? submission.fields.to}
            />
          </div>
          <div class="actions">
            <button type="submit" class="primary" disabled={submission.busy}>
              {t('audit.apply')}
            </button>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setForm(NO_FILTERS)
                setRangeError(null)
                route(auditAddress(NO_FILTERS))
              }}
            >
              {t('audit.clear')}
            </button>
          </div>
        </form>
      </section>
      <section class="card" aria-labelledby="audit-entries-title">
        <h2 id="audit-entries-title">{t('audit.entries')}</h2>
        <ErrorAlert message={submission.error} />
        <StatusMessage>
          {entries && total
            ? t(total.capped ? 'audit.count_capped' : 'audit.count', {
                shown: formatNumber(locale.value, entries.length),
                total: formatNumber(locale.value, total.total),
              })
            : null}
        </StatusMessage>
        {entries && entries.length === 0 && <p>{t('audit.none')}</p>}
        {entries && entries.length > 0 && <AuditTable entries={entries} />}
        {/* Pages are addresses too: an auditor can send a colleague the exact page. */}
        <nav class="actions" aria-label={t('audit.pages')}>
          {before !== null && <a href={auditAddress(applied)}>{t('audit.newest')}</a>}
          {nextBefore !== null && <a href={auditAddress(applied, nextBefore)}>{t('audit.more')}</a>}
        </nav>
      </section>
    </div>
  )
}
