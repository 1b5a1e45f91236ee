import type { AuditEntryView } from '@haven/core/audit/audit-views'
import type { JSX } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { TextField } from '../../components/text-field.js'
import { api } from '../../lib/api-client.js'
import { useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { type AuditFilters, auditQuery, NO_FILTERS, rangeReversed } from './audit-query.js'
import { AuditTable } from './audit-table.js'
import { ChainHead, type ChainHeadView } from './chain-head.js'

interface AuditPageView {
  entries: AuditEntryView[]
  nextBefore: number | null
}

/** The audit log for auditors: filter, page back in time, and take the chain head as a checkpoint. */
export function AuditPage(): JSX.Element {
  const [form, setForm] = useState<AuditFilters>(NO_FILTERS)
  const [applied, setApplied] = useState<AuditFilters>(NO_FILTERS)
  const [entries, setEntries] = useState<AuditEntryView[] | null>(null)
  const [nextBefore, setNextBefore] = useState<number | null>(null)
  const [head, setHead] = useState<ChainHeadView | null>(null)
  // Suggestions for the filters, from what the log has shown so far (the log is the only list).
  const [seen, setSeen] = useState({ actions: new Set<string>(), types: new Set<string>() })
  const [rangeError, setRangeError] = useState<string | null>(null)
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)

  const load = (filters: AuditFilters, before: number | null) =>
    submission.run(async () => {
      const [page, latest] = await Promise.all([
        api<AuditPageView>('GET', `/audit?${auditQuery(filters, before)}`),
        before ? Promise.resolve(null) : api<ChainHeadView>('GET', '/audit/head'),
      ])
      setEntries((previous) => (before && previous ? [...previous, ...page.entries] : page.entries))
      setNextBefore(page.nextBefore)
      if (latest) setHead(latest)
      setSeen((previous) => ({
        actions: new Set([...previous.actions, ...page.entries.map((e) => e.action)]),
        types: new Set([
          ...previous.types,
          ...page.entries.flatMap((e) => (e.entityType ? [e.entityType] : [])),
        ]),
      }))
    })

  useEffect(() => {
    void load(NO_FILTERS, null)
  }, [])

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
            setApplied(form)
            void load(form, null)
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
            <TextField
              id="action"
              label={t('audit.action')}
              value={form.action}
              onInput={set('action')}
              error={submission.fields.action}
              autoComplete="off"
              verbatim
              list="audit-actions"
            />
            <TextField
              id="entityType"
              label={t('audit.entity_type')}
              value={form.entityType}
              onInput={set('entityType')}
              error={submission.fields.entityType}
              autoComplete="off"
              verbatim
              list="audit-types"
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
          <datalist id="audit-actions">
            {[...seen.actions].sort().map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
          <datalist id="audit-types">
            {[...seen.types].sort().map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
          <div class="actions">
            <button type="submit" class="primary" disabled={submission.busy}>
              {t('audit.apply')}
            </button>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setForm(NO_FILTERS)
                setApplied(NO_FILTERS)
                setRangeError(null)
                void load(NO_FILTERS, null)
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
          {entries ? t('audit.showing', { count: entries.length }) : null}
        </StatusMessage>
        {entries && entries.length === 0 && <p>{t('audit.none')}</p>}
        {entries && entries.length > 0 && <AuditTable entries={entries} />}
        {nextBefore !== null && (
          <button
            type="button"
            class="secondary"
            disabled={submission.busy}
            onClick={() => load(applied, nextBefore)}
          >
            {t('audit.more')}
          </button>
        )}
      </section>
    </div>
  )
}
