import { formatDate } from '@haven/core/i18n/format'
import { formatDecimalMoney } from '@haven/core/money/money'
import { referenceName } from '@haven/core/supplies/reference-name'
import {
  createItemSchema,
  createLocationSchema,
  createMovementSchema,
  ITEM_KINDS,
  ITEM_UNITS,
  LOCATION_KINDS,
  MOVEMENT_KINDS,
} from '@haven/core/supplies/supply-schemas'
import type {
  ItemView,
  LocationView,
  MovementView,
  StockView,
} from '@haven/core/supplies/supply-views'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, useSubmission } from '../../lib/forms.js'
import { locale, t } from '../../lib/locale.js'
import { activeSession } from '../../lib/session.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'
import { quantityText, unitName } from './quantity-text.js'
import { todayIso, useCompartments } from './use-compartments.js'

interface Overview {
  items: ItemView[]
  locations: LocationView[]
  stock: StockView[]
  movements: MovementView[]
}

function MovementForm(props: { data: Overview; onSaved: () => void }): JSX.Element {
  const { items, locations } = props.data
  const [v, setV] = useState({
    itemId: items[0]?.id ?? '',
    kind: 'purchase',
    fromLocationId: '',
    toLocationId: locations[0]?.id ?? '',
    quantity: '',
    occurredOn: todayIso(),
    cost: '',
    currency: 'CNY',
  })
  const [done, setDone] = useState<string | null>(null)
  const submission = useSubmission()
  const places = [
    { value: '', label: t('sup.none_location') },
    ...locations.map((l) => ({
      value: l.id,
      label: l.compartmentCode ?? referenceName(locale.value, l),
    })),
  ]
  return (
    <form
      class="supplies-form"
      noValidate
      aria-labelledby="mv-title"
      onSubmit={(event) => {
        event.preventDefault()
        void submission.run(async () => {
          setDone(null)
          const purchase = v.kind === 'purchase'
          const checked = checkFields(createMovementSchema, {
            itemId: v.itemId,
            kind: v.kind,
            fromLocationId: purchase ? null : v.fromLocationId || null,
            toLocationId: v.kind === 'loss' ? null : v.toLocationId || null,
            quantity: Number(v.quantity),
            occurredOn: v.occurredOn,
            ...(purchase ? { cost: v.cost, currency: v.currency.toUpperCase() } : {}),
          })
          if (!checked.ok) {
            submission.setFields(checked.errors)
            return
          }
          await apiPost('/supplies/movements', { body: checked.value })
          setDone(t('sup.saved'))
          props.onSaved()
        })
      }}
    >
      <h2 id="mv-title">{t('sup.new_movement')}</h2>
      <div class="calc-grid">
        <SelectField
          id="mv-item"
          label={t('sup.item')}
          value={v.itemId}
          options={items.map((i) => ({
            value: i.id,
            label: `${referenceName(locale.value, i)} (${unitName(i.unit)})`,
          }))}
          onChange={(itemId) => setV({ ...v, itemId })}
          error={submission.fields.itemId}
        />
        <SelectField
          id="mv-kind"
          label={t('sup.kind')}
          value={v.kind}
          options={MOVEMENT_KINDS.map((k) => ({ value: k, label: t(`sup.kind.${k}`) }))}
          onChange={(kind) => setV({ ...v, kind })}
        />
        {v.kind !== 'purchase' && (
          <SelectField
            id="mv-from"
            label={t('sup.from')}
            value={v.fromLocationId}
            options={places}
            onChange={(fromLocationId) => setV({ ...v, fromLocationId })}
            error={submission.fields.fromLocationId}
          />
        )}
        {v.kind !== 'loss' && (
          <SelectField
            id="mv-to"
            label={t('sup.to')}
            value={v.toLocationId}
            options={places}
            onChange={(toLocationId) => setV({ ...v, toLocationId })}
            error={submission.fields.toLocationId}
          />
        )}
        <TextField
          id="mv-quantity"
          label={t('sup.quantity')}
          inputMode="numeric"
          value={v.quantity}
          onInput={(quantity) => setV({ ...v, quantity })}
          error={submission.fields.quantity}
        />
        <TextField
          id="mv-date"
          type="date"
          label={t('sup.date')}
          value={v.occurredOn}
          onInput={(occurredOn) => setV({ ...v, occurredOn })}
          error={submission.fields.occurredOn}
        />
        {v.kind === 'purchase' && (
          <>
            <TextField
              id="mv-cost"
              label={t('sup.cost')}
              value={v.cost}
              onInput={(cost) => setV({ ...v, cost })}
              error={submission.fields.cost}
            />
            <TextField
              id="mv-currency"
              label={t('sup.currency')}
              value={v.currency}
              onInput={(currency) => setV({ ...v, currency })}
              error={submission.fields.currency}
            />
          </>
        )}
      </div>
      <ErrorAlert message={submission.error} />
      <StatusMessage>{done}</StatusMessage>
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('sup.save')}
      </button>
    </form>
  )
}

function LocationForm(props: { onSaved: () => void }): JSX.Element {
  const [compartments] = useCompartments()
  const [v, setV] = useState({ name: '', nameJa: '', kind: 'warehouse', compartmentId: '' })
  const submission = useSubmission()
  const options = compartments.state === 'ready' ? compartments.data : []
  return (
    <form
      class="supplies-form"
      noValidate
      aria-labelledby="loc-title"
      onSubmit={(event) => {
        event.preventDefault()
        void submission.run(async () => {
          const checked = checkFields(createLocationSchema, {
            ...v,
            compartmentId: v.kind === 'shelter' ? v.compartmentId || options[0]?.id || null : null,
          })
          if (!checked.ok) {
            submission.setFields(checked.errors)
            return
          }
          await apiPost('/supplies/locations', { body: checked.value })
          setV({ ...v, name: '', nameJa: '' })
          props.onSaved()
        })
      }}
    >
      <h2 id="loc-title">{t('sup.new_location')}</h2>
      <div class="calc-grid">
        <TextField
          id="loc-name"
          label={t('sup.location_name')}
          value={v.name}
          onInput={(name) => setV({ ...v, name })}
          error={submission.fields.name}
        />
        <TextField
          id="loc-name-ja"
          label={t('sup.name_ja')}
          value={v.nameJa}
          onInput={(nameJa) => setV({ ...v, nameJa })}
          error={submission.fields.nameJa}
        />
        <SelectField
          id="loc-kind"
          label={t('sup.location_kind')}
          value={v.kind}
          options={LOCATION_KINDS.map((k) => ({ value: k, label: t(`sup.location.${k}`) }))}
          onChange={(kind) => setV({ ...v, kind })}
        />
        {v.kind === 'shelter' && (
          <SelectField
            id="loc-compartment"
            label={t('dist.compartment')}
            value={v.compartmentId || (options[0]?.id ?? '')}
            options={options.map((c) => ({ value: c.id, label: `${c.code} · ${c.name}` }))}
            onChange={(compartmentId) => setV({ ...v, compartmentId })}
            error={submission.fields.compartmentId}
          />
        )}
      </div>
      <ErrorAlert message={submission.error} />
      <button type="submit" class="secondary" disabled={submission.busy}>
        {t('sup.add_location')}
      </button>
    </form>
  )
}

function ItemForm(props: { onSaved: () => void }): JSX.Element {
  const [v, setV] = useState({ name: '', nameJa: '', kind: 'rice', unit: 'kg' })
  const submission = useSubmission()
  return (
    <form
      class="supplies-form"
      noValidate
      aria-labelledby="item-title"
      onSubmit={(event) => {
        event.preventDefault()
        void submission.run(async () => {
          const checked = checkFields(createItemSchema, v)
          if (!checked.ok) {
            submission.setFields(checked.errors)
            return
          }
          await apiPost('/supplies/items', { body: checked.value })
          setV({ ...v, name: '', nameJa: '' })
          props.onSaved()
        })
      }}
    >
      <h2 id="item-title">{t('sup.new_item')}</h2>
      <div class="calc-grid">
        <TextField
          id="item-name"
          label={t('sup.item_name')}
          value={v.name}
          onInput={(name) => setV({ ...v, name })}
          error={submission.fields.name}
        />
        <TextField
          id="item-name-ja"
          label={t('sup.name_ja')}
          value={v.nameJa}
          onInput={(nameJa) => setV({ ...v, nameJa })}
          error={submission.fields.nameJa}
        />
        <SelectField
          id="item-kind"
          label={t('sup.location_kind')}
          value={v.kind}
          options={ITEM_KINDS.map((k) => ({ value: k, label: t(`sup.item_kind.${k}`) }))}
          onChange={(kind) => setV({ ...v, kind })}
        />
        <SelectField
          id="item-unit"
          label={t('sup.unit')}
          value={v.unit}
          options={ITEM_UNITS.map((u) => ({ value: u, label: unitName(u) }))}
          onChange={(unit) => setV({ ...v, unit })}
        />
      </div>
      <ErrorAlert message={submission.error} />
      <button type="submit" class="secondary" disabled={submission.busy}>
        {t('sup.add_item')}
      </button>
    </form>
  )
}

/** Stock per item and location, the latest movements, and the forms that change them. */
export function SuppliesPage(): JSX.Element {
  const [overview, reload] = useLoad(() => apiGet('/supplies'), 'supplies-page')
  if (overview.state === 'loading') return <Loading />
  if (overview.state === 'failed') return <Problem error={overview.error} />
  const data = overview.data
  // The server's ability, not a role: hiding the forms is convenience, the API refuses anyway.
  const may = activeSession.value?.can.manageSupplies === true
  const item = (id: string) => data.items.find((i) => i.id === id)
  const itemName = (id: string) => {
    const found = item(id)
    return found ? referenceName(locale.value, found) : ''
  }
  const place = (id: string | null) => {
    const l = data.locations.find((x) => x.id === id)
    return l ? (l.compartmentCode ?? referenceName(locale.value, l)) : t('sup.none_location')
  }
  return (
    <section class="card" aria-labelledby="page-title">
      <PageTitle text={t('sup.title')} />
      <p class="muted">{t('sup.intro')}</p>
      <h2>{t('sup.stock')}</h2>
      {data.stock.length === 0 ? (
        <p class="muted">{t('dash.no_stock')}</p>
      ) : (
        <div class="table-scroll">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('sup.item')}</th>
                <th scope="col">{t('dash.location')}</th>
                <th scope="col">{t('sup.quantity')}</th>
              </tr>
            </thead>
            <tbody>
              {data.stock.map((s) => (
                <tr key={`${s.itemId}/${s.locationId}`}>
                  <th scope="row">{itemName(s.itemId)}</th>
                  <td>{place(s.locationId)}</td>
                  <td>{quantityText(s.quantity, item(s.itemId)?.unit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!may ? null : data.items.length > 0 && data.locations.length > 0 ? (
        <MovementForm data={data} onSaved={reload} />
      ) : (
        <p class="muted">{t('sup.empty')}</p>
      )}
      <h2>{t('sup.movements')}</h2>
      <div class="table-scroll">
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('sup.date')}</th>
              <th scope="col">{t('sup.kind')}</th>
              <th scope="col">{t('sup.item')}</th>
              <th scope="col">
                {t('sup.from')} → {t('sup.to')}
              </th>
              <th scope="col">{t('sup.quantity')}</th>
            </tr>
          </thead>
          <tbody>
            {data.movements.map((m) => (
              <tr key={m.id}>
                <th scope="row">{formatDate(locale.value, m.occurredOn)}</th>
                <td>{t(`sup.kind.${m.kind as 'purchase'}`)}</td>
                <td>{itemName(m.itemId)}</td>
                <td>
                  {place(m.fromLocationId)} → {place(m.toLocationId)}
                </td>
                <td>
                  {quantityText(m.quantity, item(m.itemId)?.unit)}
                  {m.cost ? ` · ${formatDecimalMoney(locale.value, m.cost, m.currency ?? '')}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {may && (
        <div class="charts">
          <ItemForm onSaved={reload} />
          <LocationForm onSaved={reload} />
        </div>
      )}
    </section>
  )
}
