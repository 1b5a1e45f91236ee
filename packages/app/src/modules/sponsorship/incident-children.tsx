import type { EnrolmentSummaryView } from '@haven/core/sponsorship/sponsorship-views'
import type { JSX } from 'preact'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { t } from '../../lib/locale.js'
import { apiGet } from '../../lib/typed-api.js'

/** Enrolled and suspended count as in the plan; an incident can end only those. */
const IN_PLAN = ['enrolled', 'suspended'] as const
// The incident takes at most 500 named enrolments; 20 pages of 25 reach that.
const MAX_PAGES = 20

/** Every enrolment of the shelter that is in the plan, by alias and code (all pages). */
async function inPlan(compartmentId: string): Promise<EnrolmentSummaryView[]> {
  const all: EnrolmentSummaryView[] = []
  for (const status of IN_PLAN)
    for (let page = 1; page <= MAX_PAGES; page++) {
      const query = new URLSearchParams({ compartmentId, status, page: String(page) })
      const list = await apiGet('/sponsorship/enrolments', { search: query.toString() })
      all.push(...list.items)
      if (page * list.pageSize >= list.total) break
    }
  return all.sort((a, b) => a.alias.localeCompare(b.alias))
}

export type IncidentScope = 'all' | 'chosen'

/**
 * Which of the shelter's children the incident ends: all in the plan (the default), or only the
 * ones chosen here by alias and code.
 */
export function IncidentChildren({
  compartmentId,
  scope,
  chosen,
  error,
  onScope,
  onChosen,
}: {
  compartmentId: string
  scope: IncidentScope
  chosen: readonly string[]
  error?: string | undefined
  onScope: (scope: IncidentScope) => void
  onChosen: (ids: string[]) => void
}): JSX.Element {
  const [children] = useLoad(() => inPlan(compartmentId), compartmentId)
  return (
    <>
      <fieldset class="checkboxes">
        <legend>{t('sponsorship.incident_whom')}</legend>
        {(['all', 'chosen'] as const).map((s) => (
          <label key={s} class="checkbox">
            <input
              type="radio"
              name="incident-scope"
              value={s}
              checked={scope === s}
              onChange={() => onScope(s)}
            />
            {t(s === 'all' ? 'sponsorship.incident_all' : 'sponsorship.incident_chosen')}
          </label>
        ))}
      </fieldset>
      {scope === 'chosen' && children.state === 'loading' && <Loading />}
      {scope === 'chosen' && children.state === 'failed' && <Problem error={children.error} />}
      {scope === 'chosen' && children.state === 'ready' && (
        <fieldset
          class={`checkboxes${error ? ' field-invalid' : ''}`}
          aria-describedby={error ? 'incident-children-error' : undefined}
        >
          <legend>{t('sponsorship.incident_children', { count: children.data.length })}</legend>
          {children.data.length === 0 && <p>{t('sponsorship.none')}</p>}
          {children.data.map((e) => (
            <label key={e.id} class="checkbox">
              <input
                type="checkbox"
                checked={chosen.includes(e.id)}
                onChange={(event) =>
                  onChosen(
                    event.currentTarget.checked
                      ? [...chosen, e.id]
                      : chosen.filter((id) => id !== e.id),
                  )
                }
              />
              {e.alias} · {e.personCode}
            </label>
          ))}
          {error && (
            <p class="error" id="incident-children-error">
              {error}
            </p>
          )}
        </fieldset>
      )}
    </>
  )
}
