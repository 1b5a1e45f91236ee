import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { TextField } from '../../components/text-field.js'
import { t } from '../../lib/locale.js'
import { apiGet } from '../../lib/typed-api.js'
import { countryName, queryOf } from './network-labels.js'

export interface Organiser {
  id: string
  name: string
  country: string
}

/**
 * Chooses an event's organisers among the partners: the chosen ones listed (each removable), and
 * the partners found by a part of their name, a page at a time, each with a box to tick.
 */
export function OrganiserPicker(props: {
  chosen: readonly Organiser[]
  onChange: (chosen: Organiser[]) => void
  error?: string | undefined
}): JSX.Element {
  const [name, setName] = useState('')
  const [page, setPage] = useState(1)
  const search = queryOf({ q: name.trim(), page })
  const [found] = useLoad(
    () => apiGet('/network/organisations', { search: search.slice(1) }),
    search,
  )
  const ids = new Set(props.chosen.map((o) => o.id))
  const toggle = (o: Organiser, on: boolean) =>
    props.onChange(on ? [...props.chosen, o] : props.chosen.filter((c) => c.id !== o.id))
  return (
    <fieldset class="checkboxes" aria-describedby={props.error ? 'organisers-error' : undefined}>
      <legend>{t('network.organisers')}</legend>
      {props.error && (
        <p class="error" id="organisers-error">
          {props.error}
        </p>
      )}
      <p>
        {props.chosen.length === 0
          ? t('network.organisers_none')
          : props.chosen.map((o) => `${o.name} (${countryName(o.country)})`).join(' · ')}
      </p>
      <TextField
        id="organiser-search"
        label={t('network.organiser_search')}
        value={name}
        onInput={(value) => {
          setName(value)
          setPage(1)
        }}
      />
      {found.state === 'loading' && <Loading />}
      {found.state === 'failed' && <Problem error={found.error} />}
      {found.state === 'ready' && (
        <>
          {found.data.rows.map((o) => (
            <label key={o.id} class="checkbox">
              <input
                type="checkbox"
                checked={ids.has(o.id)}
                onChange={(e) =>
                  toggle({ id: o.id, name: o.name, country: o.country }, e.currentTarget.checked)
                }
              />
              {o.name} ({countryName(o.country)})
            </label>
          ))}
          <div class="actions">
            {found.data.page > 1 && (
              <button type="button" onClick={() => setPage(page - 1)}>
                {t('network.previous')}
              </button>
            )}
            <span role="status">
              {t('network.count', { count: found.data.total })}
              {found.data.total > found.data.pageSize &&
                ` · ${t('network.page_of', {
                  page: found.data.page,
                  last: Math.ceil(found.data.total / found.data.pageSize),
                })}`}
            </span>
            {found.data.page * found.data.pageSize < found.data.total && (
              <button type="button" onClick={() => setPage(page + 1)}>
                {t('network.next')}
              </button>
            )}
          </div>
        </>
      )}
    </fieldset>
  )
}
