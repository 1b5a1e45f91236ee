import { formatNumber } from '@haven/core/i18n/format'
import { LOCALES, type Locale } from '@haven/core/i18n/locales'
import { publishEventSchema } from '@haven/core/network/network-schemas'
import type { EventView } from '@haven/core/network/network-views'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { Done, Loading, Problem, useLoad } from '../../components/load-state.js'
import { ErrorAlert } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { TextArea } from '../../components/text-area.js'
import { TextField } from '../../components/text-field.js'
import { api } from '../../lib/api-client.js'
import { checkFields, type FieldErrors, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { locale, t } from '../../lib/locale.js'
import { activeSession } from '../../lib/session.js'
import { countryName, day } from './network-labels.js'

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
          await api(
            'POST',
            `/network/events/${encodeURIComponent(event.id)}/publish`,
            checked.value,
          )
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
  const [event, reload] = useLoad(
    () => api<EventView>('GET', `/network/events/${encodeURIComponent(id)}`),
    id,
  )
  const [publishing, setPublishing] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  const mayPublish = activeSession.value?.can.editSite ?? false
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
      {e.publications.length > 0 && (
        <section class="card" aria-labelledby="event-publications-title">
          <h2 id="event-publications-title">{t('network.publications')}</h2>
          <ul>
            {e.publications.map((p) => (
              <li key={p.id}>
                {p.title} ({t(`network.publication_kind.${p.kind}`)})
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
