import type { JSX } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import type { paths } from '../lib/api-types.gen.js'
import { t } from '../lib/locale.js'
import { apiGet } from '../lib/typed-api.js'
import { SelectField } from './select-field.js'

/** A case as a picker lists it: its code, and where it is kept. */
export interface PickedCase {
  id: string
  code: string
  compartmentId: string
}

/** Cases loaded a page at a time, most recently active first. */
export interface CasePages {
  cases: readonly PickedCase[] | null
  total: number
  error: unknown
  busy: boolean
  /** Loads the next page; null when every case is listed. */
  more: (() => void) | null
}

const PAGE = 100

// The case types as the API document names them: a shared component takes no module's types.
type CaseType = NonNullable<NonNullable<paths['/cases']['get']['parameters']['query']>['type']>

/**
 * The caller's cases of one type (`GET /cases?type=…`), a hundred at a time: a form's case
 * choice starts with the most active ones and can list more until every case is reachable.
 */
export function useCasePages(type: CaseType): CasePages {
  const [cases, setCases] = useState<readonly PickedCase[] | null>(null)
  const [total, setTotal] = useState(0)
  const [next, setNext] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const load = (cursor: string | null) => {
    setBusy(true)
    apiGet('/cases', { query: { type, limit: PAGE, cursor: cursor ?? undefined } })
      .then((page) => {
        setCases((before) => [...(cursor && before ? before : []), ...page.cases])
        setTotal(page.total)
        setNext(page.nextCursor)
      })
      .catch(setError)
      .finally(() => setBusy(false))
  }
  useEffect(() => load(null), [type])
  return { cases, total, error, busy, more: next ? () => load(next) : null }
}

/** A case drop-down by code, saying how many of the cases it lists, with a button for more. */
export function CasePicker(props: {
  id: string
  label: string
  pages: CasePages
  value: string
  onChange: (id: string) => void
  error?: string | undefined
}): JSX.Element {
  const cases = props.pages.cases ?? []
  const { more } = props.pages
  return (
    <div class="case-picker">
      <SelectField
        id={props.id}
        label={props.label}
        hint={
          more ? t('cases.picker_shown', { shown: cases.length, total: props.pages.total }) : ''
        }
        value={props.value}
        options={cases.map((c) => ({ value: c.id, label: c.code }))}
        onChange={props.onChange}
        error={props.error}
      />
      {more && (
        <button type="button" class="secondary" disabled={props.pages.busy} onClick={more}>
          {t('cases.picker_more')}
        </button>
      )}
    </div>
  )
}
