import { formatNumber } from '@haven/core/i18n/format'
import { LOCALES, type Locale } from '@haven/core/i18n/locales'
import { type CurrencyCode, isCurrencyCode } from '@haven/core/money/currency'
import { formatMoney, money } from '@haven/core/money/money'
import { publishEventSchema } from '@haven/core/network/network-schemas'
import type { EventView } from '@haven/core/network/network-views'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { Done, Loading, Problem, useLoad } from '../../components/load-state.js'
import { ErrorAlert } from '../../components/messages.js'
import { OnDemand } from '../../components/on-demand.js'
import { PageTitle } from '../../components/page-title.js'
import { TextArea } from '../../components/text-area.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, type FieldErrors, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { locale, t } from '../../lib/locale.js'
import { activeSession } from '../../lib/session.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'
import { EditEventForm, EventCostForm, PublicationForm } from './network-forms.js'
import { countryName, day } from './network-labels.js'
import './network.css'

/** An amount in its currency, through the shared formatter ("¥12,000"). */
const amount = (minor: number, currency: string) =>
  isCurrencyCode(currency)
    ? formatMoney(locale.value, money(currency as CurrencyCode, minor))
    : `${formatNumber(locale.value, minor)} ${currency}`

type PageText = { title: string; summary: string; body: string }
const blank: PageText = { title: '', summary: '', body: '' }

/** A lower-case address from the title's Latin letters and the year ("hearing-2006"). */
const suggestSlug = (event: EventView) =>
  `${event.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)}-${event.startsOn.slice(0, 4)}`.replace(/^-/, '')

/**
 * The editor writes the page in each language; a language left empty is not published. Dates and
 * place come from the record, so they are shown, not typed.
 */
function PublishForm({
  event,
  onPublished,
}: {
  event: EventView
  onPublished: () => void
}): JSX.Element {
  const [slug, setSlug] = useState(suggestSlug(event))
  const [texts, setTexts] = useState<Record<Locale, PageText>>({ en: blank, ja: blank })
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  const given = LOCALES.filter((l) => Object.values(texts[l]).some((v) => v.trim() !== ''))
  // The schema's paths name documents by position; the form names them by language.
  const byLanguage = (fields: FieldErrors): FieldErrors =>
    Object.fromEntries(
      Object.entries(fields).map(([path, message]) => {
        const m = /^documents\.(\d+)\.(\w+)$/.exec(path)
        const l = m ? given[Number(m[1])] : undefined
        return [m && l ? `${l}.${m[2]}` : path, message]
      }),
    )
  const fields = byLanguage(submission.fields)
  const set = (l: Locale, field: keyof PageText) => (value: string) =>
    setTexts({ ...texts, [l]: { ...texts[l], [field]: value } })
  return (
    <form
      ref={element}
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        const checked = checkFields(publishEventSchema, {
          slug,
          documents: given.map((l) => ({ locale: l, ...texts[l] })),
        })
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          await apiPost('/network/events/{id}/publish', {
            path: { id: event.id },
            body: checked.value,
          })
          onPublished()
        })
      }}
    >
      <ErrorAlert message={submission.error ?? fields.documents ?? null} />
      <p>{t('network.publish_intro')}</p>
      <TextField
        id="slug"
        label={t('network.page_address')}
        hint={t('network.page_address_hint')}
        value={slug}
        onInput={setSlug}
        error={fields.slug}
        verbatim
        required
      />
      {LOCALES.map((l) => (
        <fieldset key={l} lang={l}>
          <legend>{t(`network.page_in.${l}`)}</legend>
          <TextField
            id={`${l}-title`}
            label={t('network.page_title')}
            value={texts[l].title}
            onInput={set(l, 'title')}
            error={fields[`${l}.title`]}
          />
          <TextField
            id={`${l}-summary`}
            label={t('network.page_summary')}
            value={texts[l].summary}
            onInput={set(l, 'summary')}
            error={fields[`${l}.summary`]}
          />
          <TextArea
            id={`${l}-body`}
            label={t('network.page_body')}
            hint={t('network.page_body_hint')}
            value={texts[l].body}
            onInput={set(l, 'body')}
            error={fields[`${l}.body`]}
            rows={6}
          />
        </fieldset>
      ))}
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('network.publish')}
      </button>
    </form>
  )
}

/** `/app/network/events/:id`: what the event was and our part in it, then its page on the website. */
export function EventPage({ id }: { id: string }): JSX.Element {
  const [event, reload] = useLoad(() => apiGet('/network/events/{id}', { path: { id } }), id)
  const [publishing, setPublishing] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  const mayPublish = activeSession.value?.can.editSite ?? false
  const mayKeep = activeSession.value?.can.manageNetwork ?? false
  const mayRecordCosts = activeSession.value?.can.recordEventCosts ?? false
  const saved = (close: () => void) => (message: string) => {
    close()
    setDone(message)
    reload()
  }
  if (event.state === 'loading') return <Loading />
  if (event.state === 'failed') return <Problem error={event.error} />
  const e = event.data
  const dates =
    e.endsOn && e.endsOn !== e.startsOn ? `${day(e.startsOn)} – ${day(e.endsOn)}` : day(e.startsOn)
  return (
    <div class="page">
      <PageTitle text={e.title} />
      <Done text={done} />
      <div class="actions">
        <a href="/app/network/events">{t('network.events')}</a>
      </div>
      <section class="card" aria-labelledby="event-facts-title">
        <h2 id="event-facts-title">{t('network.event_facts')}</h2>
        <p>
          <strong>
            {t('network.event_line', {
              role: t(`network.role.${e.role}`),
              kind: t(`network.kind.${e.kind}`),
            })}
          </strong>
        </p>
        <dl class="facts">
          <dt>{t('network.starts_on')}</dt>
          <dd>{dates}</dd>
          <dt>{t('network.place')}</dt>
          <dd>
            {e.city ? `${e.city}, ` : ''}
            {countryName(e.country)} ({t(`network.continent.${e.continent}`)})
          </dd>
          {e.audience !== null && (
            <>
              <dt>{t('network.audience')}</dt>
              <dd>{formatNumber(locale.value, e.audience)}</dd>
            </>
          )}
          {e.organisers.length > 0 && (
            <>
              <dt>{t('network.organisers')}</dt>
              <dd>
                {e.organisers.map((o, i) => (
                  <span key={o.id}>
                    {i > 0 ? ', ' : ''}
                    <a href={`/app/network/${encodeURIComponent(o.id)}`}>{o.name}</a>
                  </span>
                ))}
              </dd>
            </>
          )}
          {e.outcomes && (
            <>
              <dt>{t('network.outcomes')}</dt>
              <dd>{e.outcomes}</dd>
            </>
          )}
        </dl>
        {mayKeep && (
          <OnDemand label={t('network.edit_event')} id="edit-event">
            {(close) => <EditEventForm event={e} onSaved={saved(close)} onCancel={close} />}
          </OnDemand>
        )}
      </section>
      <section class="card" aria-labelledby="event-site-title">
        <h2 id="event-site-title">{t('network.on_the_website')}</h2>
        {e.site ? (
          <>
            <p>{t('network.published_at')}</p>
            <ul>
              {e.site.paths.map((path) => (
                <li key={path}>
                  <a href={path}>{path}</a>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <>
            <p>{t('network.not_published')}</p>
            {mayPublish &&
              (publishing ? (
                <PublishForm
                  event={e}
                  onPublished={() => {
                    setPublishing(false)
                    setDone(t('network.event_published'))
                    reload()
                  }}
                />
              ) : (
                <button type="button" class="primary" onClick={() => setPublishing(true)}>
                  {t('network.publish')}
                </button>
              ))}
          </>
        )}
      </section>
      <section class="card" aria-labelledby="event-costs-title">
        <h2 id="event-costs-title">{t('network.costs')}</h2>
        <p>{t('network.costs_intro')}</p>
        <p>{t('network.count', { count: e.costs.length })}</p>
        {e.costs.length > 0 && (
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('network.cost_paid_on')}</th>
                <th scope="col">{t('network.cost_what')}</th>
                <th scope="col" class="number">
                  {t('network.cost_amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {e.costs.map((c) => (
                <tr key={c.id}>
                  <td data-label={t('network.cost_paid_on')}>{day(c.paidOn)}</td>
                  <td data-label={t('network.cost_what')}>{c.what}</td>
                  <td class="number" data-label={t('network.cost_amount')}>
                    {amount(c.amountMinor, c.currency)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {mayRecordCosts && (
          <OnDemand label={t('network.record_cost')} id="record-cost">
            {(close) => <EventCostForm event={e} onSaved={saved(close)} onCancel={close} />}
          </OnDemand>
        )}
      </section>
      <section class="card" aria-labelledby="event-publications-title">
        <h2 id="event-publications-title">{t('network.publications')}</h2>
        <p>{t('network.count', { count: e.publications.length })}</p>
        {e.publications.length > 0 && (
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('network.publication_title')}</th>
                <th scope="col">{t('network.publication_kind')}</th>
                <th scope="col">{t('network.publication_language')}</th>
                <th scope="col">{t('network.isbn')}</th>
                <th scope="col">{t('network.published_on')}</th>
              </tr>
            </thead>
            <tbody>
              {e.publications.map((p) => (
                <tr key={p.id}>
                  <td>
                    {p.url ? (
                      <a href={p.url} rel="noopener noreferrer">
                        {p.title}
                      </a>
                    ) : (
                      p.title
                    )}
                  </td>
                  <td data-label={t('network.publication_kind')}>
                    {t(`network.publication_kind.${p.kind}`)}
                  </td>
                  <td data-label={t('network.publication_language')}>
                    {p.translatedFrom ? `${p.translatedFrom} → ${p.language}` : p.language}
                  </td>
                  <td data-label={t('network.isbn')}>{p.isbn ?? ''}</td>
                  <td data-label={t('network.published_on')}>
                    {p.publishedOn ? day(p.publishedOn) : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {mayKeep &&
          e.publications.map((p) => (
            <OnDemand key={p.id} label={t('network.edit_publication', { title: p.title })}>
              {(close) => (
                <PublicationForm
                  eventId={e.id}
                  publication={p}
                  onSaved={saved(close)}
                  onCancel={close}
                />
              )}
            </OnDemand>
          ))}
        {mayKeep && (
          <OnDemand label={t('network.record_publication')} id="record-publication">
            {(close) => <PublicationForm eventId={e.id} onSaved={saved(close)} onCancel={close} />}
          </OnDemand>
        )}
      </section>
    </div>
  )
}
