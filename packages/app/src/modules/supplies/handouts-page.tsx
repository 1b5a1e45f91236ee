import { formatDate, formatNumber } from '@haven/core/i18n/format'
import {
  createHandoutSchema,
  type HandoutPage,
  type HandoutView,
  NON_FOOD_KINDS,
} from '@haven/core/supplies/handout-schema'
import { referenceName } from '@haven/core/supplies/reference-name'
import type { JSX } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { locale, t } from '../../lib/locale.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'
import { todayIso, useCompartments } from './use-compartments.js'

const PAGE_SIZE = 25

const number = (n: number) => formatNumber(locale.value, n)
const isNonFood = (kind: string) => (NON_FOOD_KINDS as readonly string[]).includes(kind)

function HandoutForm(props: {
  onSaved: (saved: HandoutView) => void
  onCancel: () => void
}): JSX.Element {
  const [compartments] = useCompartments()
  const [stock] = useLoad(() => apiGet('/supplies'), 'supplies-stockroom')
  const [v, setV] = useState({
    compartmentId: '',
    itemId: '',
    fromLocationId: '',
    personCode: '',
    headcount: '',
    quantity: '',
    occurredOn: todayIso(),
  })
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  const set = (key: keyof typeof v) => (value: string) => setV({ ...v, [key]: value })
  if (compartments.state === 'loading' || stock.state === 'loading') return <Loading />
  if (compartments.state === 'failed') return <Problem error={compartments.error} />
  if (stock.state === 'failed') return <Problem error={stock.error} />
  const items = stock.data.items.filter((i) => isNonFood(i.kind))
  if (items.length === 0) return <p>{t('handouts.no_items')}</p>
  const places = stock.data.locations.filter((l) => l.kind !== 'delivery')
  const itemId = v.itemId || (items[0]?.id ?? '')
  const fromLocationId = v.fromLocationId || (places[0]?.id ?? '')
  return (
    <form
      ref={element}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(createHandoutSchema, {
          ...v,
          itemId,
          fromLocationId,
          // An empty field is "not given": the schema then asks for the other recipient.
          headcount: v.headcount.trim() === '' ? null : v.headcount,
          personCode: v.personCode.trim() === '' ? null : v.personCode,
        })
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          props.onSaved(await apiPost('/supplies/handouts', { body: checked.value }))
        })
      }}
    >
      <ErrorAlert message={submission.error} />
      <div class="field-row">
        <SelectField
          id="handout-compartment"
          label={t('handouts.compartment')}
          value={v.compartmentId}
          options={[
            { value: '', label: t('handouts.choose_compartment') },
            ...compartments.data.map((c) => ({
              value: c.id,
              label: c.name && c.name !== c.code ? `${c.code} — ${c.name}` : c.code,
            })),
          ]}
          onChange={set('compartmentId')}
          error={submission.fields.compartmentId}
        />
        <SelectField
          id="handout-item"
          label={t('handouts.item')}
          value={itemId}
          options={items.map((i) => ({
            value: i.id,
            label: `${referenceName(locale.value, i)} (${t(`sup.item_kind.${i.kind as (typeof NON_FOOD_KINDS)[number]}`)})`,
          }))}
          onChange={set('itemId')}
          error={submission.fields.itemId}
        />
        <SelectField
          id="handout-from"
          label={t('handouts.from')}
          value={fromLocationId}
          options={places.map((l) => ({
            value: l.id,
            label: l.compartmentCode ?? referenceName(locale.value, l),
          }))}
          onChange={set('fromLocationId')}
          error={submission.fields.fromLocationId}
        />
      </div>
      <div class="field-row">
        <TextField
          id="handout-person"
          label={t('handouts.person_code')}
          hint={t('handouts.person_hint')}
          value={v.personCode}
          onInput={set('personCode')}
          error={submission.fields.personCode}
          verbatim
        />
        <TextField
          id="handout-headcount"
          label={t('handouts.headcount')}
          hint={t('handouts.headcount_hint')}
          value={v.headcount}
          onInput={set('headcount')}
          error={submission.fields.headcount}
          inputMode="numeric"
        />
        <TextField
          id="handout-quantity"
          label={t('handouts.quantity')}
          value={v.quantity}
          onInput={set('quantity')}
          error={submission.fields.quantity}
          inputMode="numeric"
          required
        />
        <TextField
          id="handout-on"
          type="date"
          label={t('handouts.on')}
          value={v.occurredOn}
          onInput={set('occurredOn')}
          error={submission.fields.occurredOn}
          required
        />
      </div>
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('handouts.submit')}
      </button>{' '}
      <button type="button" class="secondary" onClick={props.onCancel}>
        {t('handouts.cancel')}
      </button>
    </form>
  )
}

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2]))?$/
const RECIPIENTS = ['person', 'shelter'] as const
type Recipient = (typeof RECIPIENTS)[number]
const isRecipient = (s: string | null): s is Recipient =>
  s !== null && (RECIPIENTS as readonly string[]).includes(s)

/**
 * `/app/handouts`: clothes and kits handed out, newest first, by kind, year or month, and person
 * or shelter (the filters and page in the URL); a handout recorded on demand.
 */
export function HandoutsPage(): JSX.Element {
  const start = new URLSearchParams(location.search)
  const [kind, setKind] = useState(() => {
    const k = start.get('kind') ?? ''
    return isNonFood(k) ? k : ''
  })
  const [period, setPeriod] = useState(() => {
    const p = start.get('period') ?? ''
    return PERIOD.test(p) ? p : ''
  })
  // What is typed; the list follows once it is a year or a month (or empty).
  const [periodText, setPeriodText] = useState(period)
  const [recipient, setRecipient] = useState<Recipient | ''>(() => {
    const r = start.get('recipient')
    return isRecipient(r) ? r : ''
  })
  const [offset, setOffset] = useState(() => {
    const n = Number(start.get('offset') ?? 0)
    return Number.isInteger(n) && n > 0 ? n : 0
  })
  const [page, setPage] = useState<HandoutPage | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [opening, setOpening] = useState(false)
  const [status, setStatus] = useState<string | null>(null)
  const [version, setVersion] = useState(0)
  useEffect(() => {
    const q = new URLSearchParams()
    if (kind) q.set('kind', kind)
    if (period) q.set('period', period)
    if (recipient) q.set('recipient', recipient)
    if (offset) q.set('offset', String(offset))
    const qs = q.toString()
    history.replaceState(null, '', `/app/handouts${qs ? `?${qs}` : ''}`)
    setPage(null)
    setError(null)
    q.set('limit', String(PAGE_SIZE))
    q.set('offset', String(offset))
    apiGet('/supplies/handouts', { search: q.toString() }).then(setPage).catch(setError)
  }, [kind, period, recipient, offset, version])
  return (
    <div class="page">
      <PageTitle text={t('handouts.title')} />
      <p class="callout">{t('handouts.intro')}</p>
      <StatusMessage>{status}</StatusMessage>
      {opening ? (
        <section class="card" aria-labelledby="handout-new-title">
          <h2 id="handout-new-title">{t('handouts.new')}</h2>
          <HandoutForm
            onCancel={() => setOpening(false)}
            onSaved={(saved) => {
              setOpening(false)
              setStatus(
                t('handouts.saved', {
                  quantity: number(saved.quantity),
                  item: referenceName(locale.value, {
                    name: saved.itemName,
                    nameJa: saved.itemNameJa,
                  }),
                }),
              )
              setOffset(0)
              setVersion(version + 1)
            }}
          />
        </section>
      ) : (
        <p>
          <button type="button" class="primary" onClick={() => setOpening(true)}>
            {t('handouts.new')}
          </button>
        </p>
      )}
      <section class="card" aria-labelledby="handout-list-title">
        <h2 id="handout-list-title" class="visually-hidden">
          {t('handouts.title')}
        </h2>
        <div class="field-row">
          <SelectField
            id="handouts-kind-filter"
            label={t('handouts.filter_kind')}
            value={kind}
            options={[
              { value: '', label: t('handouts.all') },
              ...NON_FOOD_KINDS.map((k) => ({ value: k, label: t(`sup.item_kind.${k}`) })),
            ]}
            onChange={(value) => {
              setKind(isNonFood(value) ? value : '')
              setOffset(0)
            }}
          />
          <TextField
            id="handouts-period-filter"
            label={t('handouts.period')}
            hint={t('handouts.period_hint')}
            value={periodText}
            onInput={(value) => {
              setPeriodText(value)
              const typed = value.trim()
              if (typed === '' || PERIOD.test(typed)) {
                setPeriod(typed)
                setOffset(0)
              }
            }}
            error={
              periodText.trim() !== '' && !PERIOD.test(periodText.trim())
                ? t('handouts.period_hint')
                : undefined
            }
            verbatim
          />
          <SelectField
            id="handouts-recipient-filter"
            label={t('handouts.recipient')}
            value={recipient}
            options={[
              { value: '', label: t('handouts.all') },
              { value: 'person', label: t('handouts.recipient_person') },
              { value: 'shelter', label: t('handouts.recipient_shelter') },
            ]}
            onChange={(value) => {
              setRecipient(isRecipient(value) ? value : '')
              setOffset(0)
            }}
          />
        </div>
        {error ? (
          <Problem error={error} />
        ) : !page ? (
          <Loading />
        ) : (
          <>
            <p aria-live="polite">{t('handouts.count', { count: page.total })}</p>
            {page.items.length === 0 ? (
              <p>{t('handouts.none')}</p>
            ) : (
              <table class="table">
                <caption class="visually-hidden">{t('handouts.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('handouts.on')}</th>
                    <th scope="col">{t('handouts.item')}</th>
                    <th scope="col">{t('handouts.quantity')}</th>
                    <th scope="col">{t('handouts.to')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((h) => (
                    <tr key={h.id}>
                      <th scope="row" data-label={t('handouts.on')}>
                        {formatDate(locale.value, h.occurredOn)}
                      </th>
                      <td data-label={t('handouts.item')}>
                        {referenceName(locale.value, { name: h.itemName, nameJa: h.itemNameJa })}
                      </td>
                      <td data-label={t('handouts.quantity')}>{number(h.quantity)}</td>
                      <td data-label={t('handouts.to')}>
                        {h.personCode ? (
                          <code>{h.personCode}</code>
                        ) : (
                          t('handouts.people', { count: h.people })
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {page.total > PAGE_SIZE && (
              <nav aria-label={t('handouts.title')} class="pager">
                <p>
                  {t('handouts.page', {
                    from: number(offset + 1),
                    to: number(Math.min(offset + PAGE_SIZE, page.total)),
                    total: number(page.total),
                  })}
                </p>
                <button
                  type="button"
                  disabled={offset === 0}
                  onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
                >
                  {t('handouts.previous')}
                </button>
                <button
                  type="button"
                  disabled={offset + PAGE_SIZE >= page.total}
                  onClick={() => setOffset(offset + PAGE_SIZE)}
                >
                  {t('handouts.next')}
                </button>
              </nav>
            )}
          </>
        )}
      </section>
    </div>
  )
}
