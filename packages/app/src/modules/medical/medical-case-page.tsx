import { formatDate, formatMonth, formatNumber } from '@haven/core/i18n/format'
import { type CaseKitView, giveCaseKitsSchema } from '@haven/core/medical/case-kits-schema'
import { referenceName } from '@haven/core/supplies/index'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { useRoute } from 'preact-iso'
import { Done, Loading, Problem, useLoad } from '../../components/load-state.js'
import { ErrorAlert } from '../../components/messages.js'
import { OnDemand } from '../../components/on-demand.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { locale, t } from '../../lib/locale.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'
import { TreatmentFields } from './treatments-page.js'

/** What this page reads of a case (GET /cases/:id): codes and type, no identity. */
interface CaseFacts {
  id: string
  code: string
  personCode: string
  type: string
  actions: string[]
}

const KITS_PAGE = 25
const today = () => new Date().toISOString().slice(0, 10)
const number = (n: number) => formatNumber(locale.value, n)

/** First-aid kits from a stock location to the case's person: the stock each place holds is shown. */
function KitsForm(props: {
  kase: CaseFacts
  onSaved: (saved: CaseKitView) => void
  onCancel: () => void
}): JSX.Element {
  const [room] = useLoad(() => apiGet('/supplies'), 'medical-kits-stockroom')
  const [v, setV] = useState({ itemId: '', fromLocationId: '', quantity: '1', occurredOn: today() })
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  const set = (key: keyof typeof v) => (value: string) => setV({ ...v, [key]: value })
  if (room.state === 'loading') return <Loading />
  if (room.state === 'failed') return <Problem error={room.error} />
  const kits = room.data.items.filter((i) => i.kind === 'first_aid_kit')
  if (kits.length === 0) return <p>{t('medical.kits_no_items')}</p>
  const itemId = v.itemId || (kits[0]?.id ?? '')
  const held = (locationId: string) =>
    room.data.stock.find((s) => s.itemId === itemId && s.locationId === locationId)?.quantity ?? 0
  // Places that can give (not a delivery point), those holding the most kits first.
  const places = room.data.locations
    .filter((l) => l.kind !== 'delivery')
    .sort((a, b) => held(b.id) - held(a.id))
  const fromLocationId = v.fromLocationId || (places[0]?.id ?? '')
  return (
    <form
      ref={element}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(giveCaseKitsSchema, { ...v, itemId, fromLocationId })
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          props.onSaved(
            await apiPost('/medical/cases/{caseId}/kits', {
              path: { caseId: props.kase.id },
              body: checked.value,
            }),
          )
        })
      }}
    >
      <ErrorAlert message={submission.error} />
      <div class="field-row">
        <SelectField
          id="kits-item"
          label={t('medical.kits_item')}
          value={itemId}
          options={kits.map((i) => ({ value: i.id, label: referenceName(locale.value, i) }))}
          onChange={set('itemId')}
          error={submission.fields.itemId}
        />
        <SelectField
          id="kits-from"
          label={t('medical.kits_from')}
          value={fromLocationId}
          options={places.map((l) => ({
            value: l.id,
            label: t('medical.kits_in_stock', {
              place: l.compartmentCode ?? referenceName(locale.value, l),
              count: number(held(l.id)),
            }),
          }))}
          onChange={set('fromLocationId')}
          error={submission.fields.fromLocationId}
        />
        <TextField
          id="kits-quantity"
          label={t('medical.kits_quantity')}
          value={v.quantity}
          onInput={set('quantity')}
          error={submission.fields.quantity}
          inputMode="numeric"
          required
        />
        <TextField
          id="kits-on"
          type="date"
          label={t('medical.kits_on')}
          value={v.occurredOn}
          onInput={set('occurredOn')}
          error={submission.fields.occurredOn}
          required
        />
      </div>
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('medical.kits_submit')}
      </button>{' '}
      <button type="button" class="secondary" onClick={props.onCancel}>
        {t('treatments.cancel')}
      </button>
    </form>
  )
}

/** The kits given on the case, newest first, a page at a time. */
function KitsList({ kase, version }: { kase: CaseFacts; version: number }): JSX.Element {
  const [offset, setOffset] = useState(0)
  const [page] = useLoad(
    () =>
      apiGet('/medical/cases/{caseId}/kits', {
        path: { caseId: kase.id },
        query: { limit: KITS_PAGE, offset },
      }),
    `${kase.id}:${offset}:${version}`,
  )
  if (page.state === 'loading') return <Loading />
  if (page.state === 'failed') return <Problem error={page.error} />
  const { items, total } = page.data
  return (
    <>
      <p aria-live="polite">{t('medical.kits_count', { count: total })}</p>
      {items.length === 0 ? (
        <p>{t('medical.kits_none')}</p>
      ) : (
        <table class="table">
          <caption class="visually-hidden">{t('medical.kits')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('medical.kits_on')}</th>
              <th scope="col">{t('medical.kits_item')}</th>
              <th scope="col">{t('medical.kits_quantity')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((k) => (
              <tr key={k.id}>
                <th scope="row" data-label={t('medical.kits_on')}>
                  {formatDate(locale.value, k.occurredOn)}
                </th>
                <td data-label={t('medical.kits_item')}>
                  {referenceName(locale.value, { name: k.itemName, nameJa: k.itemNameJa })}
                </td>
                <td data-label={t('medical.kits_quantity')}>{number(k.quantity)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {total > KITS_PAGE && (
        <nav aria-label={t('medical.kits')} class="pager">
          <button
            type="button"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - KITS_PAGE))}
          >
            {t('treatments.previous')}
          </button>
          <button
            type="button"
            disabled={offset + KITS_PAGE >= total}
            onClick={() => setOffset(offset + KITS_PAGE)}
          >
            {t('treatments.next_page')}
          </button>
        </nav>
      )}
    </>
  )
}

/** The case's treatments (flagged ones only for those who may see them). */
function TreatmentsOfCase({ kase, version }: { kase: CaseFacts; version: number }): JSX.Element {
  const [page] = useLoad(
    () => apiGet('/medical/treatments', { query: { caseId: kase.id, limit: 200 } }),
    `${kase.id}:${version}`,
  )
  if (page.state === 'loading') return <Loading />
  if (page.state === 'failed') return <Problem error={page.error} />
  return (
    <>
      <p aria-live="polite">{t('treatments.count', { count: page.data.total })}</p>
      {page.data.items.length === 0 ? (
        <p>{t('treatments.none')}</p>
      ) : (
        <table class="table">
          <caption class="visually-hidden">{t('medical.case_treatments')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('treatments.month')}</th>
              <th scope="col">{t('treatments.kind')}</th>
              <th scope="col">{t('treatments.provider')}</th>
              <th scope="col">{t('treatments.flags')}</th>
            </tr>
          </thead>
          <tbody>
            {page.data.items.map((r) => (
              <tr key={r.id}>
                <th scope="row" data-label={t('treatments.month')}>
                  {formatMonth(locale.value, r.startedOn)}
                </th>
                <td data-label={t('treatments.kind')}>{t(`medical.kind.${r.kind}`)}</td>
                <td data-label={t('treatments.provider')}>{r.provider}</td>
                <td data-label={t('treatments.flags')}>
                  {r.flags.length === 0
                    ? '—'
                    : r.flags.map((f) => t(`medical.flag.${f}`)).join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}

/**
 * `/app/treatments/cases/:id`: a medical case's treatments and the first-aid kits given on it,
 * facts first; recording a treatment and giving kits are forms on demand.
 */
export function MedicalCasePage(): JSX.Element {
  const { params } = useRoute()
  const id = params.id ?? ''
  const [kase] = useLoad(() => apiGet('/cases/{id}', { path: { id } }), id)
  const [done, setDone] = useState<string | null>(null)
  const [version, setVersion] = useState(0)
  if (kase.state === 'loading') return <Loading />
  if (kase.state === 'failed')
    return (
      <section class="card" aria-labelledby="page-title">
        <PageTitle text={t('treatments.title')} />
        <Problem error={kase.error} />
      </section>
    )
  const c = kase.data
  return (
    <section class="card" aria-labelledby="page-title">
      <p class="crumbs">
        <a href="/app/treatments">{t('treatments.title')}</a> ·{' '}
        <a href={`/app/cases/${encodeURIComponent(c.id)}`}>{c.code}</a>
      </p>
      <PageTitle text={t('medical.case_title', { code: c.code })} />
      {c.type !== 'medical' ? (
        <p>{t('medical.case_not_medical')}</p>
      ) : (
        <>
          <p class="callout">{t('medical.case_intro', { code: c.code, person: c.personCode })}</p>
          <Done text={done} />
          <section class="record-section" aria-labelledby="kits-title">
            <h2 id="kits-title">{t('medical.kits')}</h2>
            <KitsList kase={c} version={version} />
            <OnDemand label={t('medical.kits_give')}>
              {(close) => (
                <KitsForm
                  kase={c}
                  onCancel={close}
                  onSaved={(saved) => {
                    close()
                    setDone(
                      t('medical.kits_saved', {
                        quantity: number(saved.quantity),
                        item: referenceName(locale.value, {
                          name: saved.itemName,
                          nameJa: saved.itemNameJa,
                        }),
                        code: c.code,
                      }),
                    )
                    setVersion(version + 1)
                  }}
                />
              )}
            </OnDemand>
          </section>
          <section class="record-section" aria-labelledby="case-treatments-title">
            <h2 id="case-treatments-title">{t('medical.case_treatments')}</h2>
            <TreatmentsOfCase kase={c} version={version} />
            <OnDemand label={t('treatments.new')}>
              {(close) => (
                <TreatmentFields
                  caseId={c.id}
                  onCancel={close}
                  onSaved={(saved) => {
                    close()
                    setDone(
                      t('treatments.saved', {
                        code: saved.caseCode,
                        kind: t(`medical.kind.${saved.kind}`),
                      }),
                    )
                    setVersion(version + 1)
                  }}
                />
              )}
            </OnDemand>
          </section>
        </>
      )}
    </section>
  )
}
