import { formatDecimalMoney } from '@haven/core/money/money'
import { recordDistributionSchema } from '@haven/core/supplies/supply-schemas'
import type { DistributionView } from '@haven/core/supplies/supply-views'
import type { JSX } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { Loading, Problem } from '../../components/load-state.js'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { ApiError } from '../../lib/api-client.js'
import { checkFields, useSubmission } from '../../lib/forms.js'
import { locale, t } from '../../lib/locale.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'
import { todayIso, useCompartments } from './use-compartments.js'

const CAP_CODES = ['daily_cap_reached', 'monthly_budget_reached']

/**
 * Made for a field worker on a phone: the shelter, the day, a person's code or a headcount, one
 * button. A refusal explains the cap in the server's words; a coordinator then sees the override.
 */
export function DistributionsPage(): JSX.Element {
  const [compartments] = useCompartments()
  const [compartmentId, setCompartmentId] = useState('')
  const [day, setDay] = useState(todayIso())
  const [mode, setMode] = useState<'headcount' | 'person'>('headcount')
  const [headcount, setHeadcount] = useState('1')
  const [personCode, setPersonCode] = useState('')
  const [reason, setReason] = useState('')
  const [canOverride, setCanOverride] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  const [recent, setRecent] = useState<DistributionView[]>([])
  const submission = useSubmission()

  const chosen =
    compartmentId || (compartments.state === 'ready' ? (compartments.data[0]?.id ?? '') : '')

  const reload = async () => {
    if (!chosen) return
    setRecent(await apiGet('/distributions', { query: { compartmentId: chosen, day, limit: 200 } }))
  }
  useEffect(() => {
    reload().catch(() => setRecent([]))
  }, [chosen, day])

  const send = (override: boolean) =>
    submission.run(async () => {
      setDone(null)
      const input = {
        compartmentId: chosen,
        day,
        ...(mode === 'headcount' ? { headcount: Number(headcount) } : { personCode }),
        ...(override ? { overrideReason: reason } : {}),
      }
      const checked = checkFields(recordDistributionSchema, input)
      if (!checked.ok) {
        submission.setFields(checked.errors)
        return
      }
      try {
        const saved = await apiPost('/distributions', { body: checked.value })
        setCanOverride(false)
        setReason('')
        setPersonCode('')
        // Said once the list below shows it too, so "recorded" never sits above a stale list.
        await reload()
        setDone(t('dist.recorded', { people: saved.dayPeople ?? 0, cap: saved.dailyCap ?? 0 }))
      } catch (caught) {
        setCanOverride(
          caught instanceof ApiError &&
            CAP_CODES.includes(caught.code) &&
            caught.details.mayOverride === true,
        )
        throw caught
      }
    })

  if (compartments.state === 'loading') return <Loading />
  if (compartments.state === 'failed') return <Problem error={compartments.error} />
  if (compartments.data.length === 0)
    return (
      <section class="card" aria-labelledby="page-title">
        <PageTitle text={t('dist.title')} />
        <p>{t('dist.no_compartments')}</p>
      </section>
    )
  return (
    <section class="card" aria-labelledby="page-title">
      <PageTitle text={t('dist.title')} />
      <p class="muted">{t('dist.intro')}</p>
      <form
        class="dist-form supplies-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void send(false)
        }}
      >
        <SelectField
          id="dist-compartment"
          label={t('dist.compartment')}
          value={chosen}
          options={compartments.data.map((c) => ({ value: c.id, label: `${c.code} · ${c.name}` }))}
          onChange={setCompartmentId}
          error={submission.fields.compartmentId}
        />
        <TextField
          id="dist-day"
          type="date"
          label={t('dist.day')}
          value={day}
          onInput={setDay}
          error={submission.fields.day}
        />
        <fieldset class="checkboxes">
          <legend>{t('dist.mode')}</legend>
          {(['headcount', 'person'] as const).map((m) => (
            <label key={m} class="checkbox">
              <input
                type="radio"
                name="dist-mode"
                value={m}
                checked={mode === m}
                onChange={() => setMode(m)}
              />
              {t(m === 'headcount' ? 'dist.mode_headcount' : 'dist.mode_person')}
            </label>
          ))}
        </fieldset>
        {mode === 'headcount' ? (
          <TextField
            id="dist-headcount"
            label={t('dist.headcount')}
            inputMode="numeric"
            value={headcount}
            onInput={setHeadcount}
            error={submission.fields.headcount}
          />
        ) : (
          <TextField
            id="dist-person"
            label={t('dist.person_code')}
            verbatim
            value={personCode}
            onInput={setPersonCode}
            error={submission.fields.personCode}
          />
        )}
        <div class="actions">
          <button type="submit" class="primary wide" disabled={submission.busy}>
            {t('dist.submit')}
          </button>
        </div>
      </form>
      <ErrorAlert message={submission.error} />
      <StatusMessage>{done}</StatusMessage>
      {canOverride && (
        <form
          class="callout override"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            void send(true)
          }}
        >
          <h2>{t('dist.override_title')}</h2>
          <p>{t('dist.override_intro')}</p>
          <div class={`field${submission.fields.overrideReason ? ' field-invalid' : ''}`}>
            <label for="dist-reason">{t('dist.override_reason')}</label>
            <textarea
              id="dist-reason"
              rows={3}
              value={reason}
              aria-invalid={submission.fields.overrideReason ? 'true' : undefined}
              aria-describedby={submission.fields.overrideReason ? 'dist-reason-error' : undefined}
              onInput={(event) => setReason((event.currentTarget as HTMLTextAreaElement).value)}
            />
            {submission.fields.overrideReason && (
              <p class="error" id="dist-reason-error">
                {submission.fields.overrideReason}
              </p>
            )}
          </div>
          <button type="submit" class="danger" disabled={submission.busy}>
            {t('dist.override_submit')}
          </button>
        </form>
      )}
      <h2>{t('dist.today_list')}</h2>
      {recent.length > 0 && (
        <p>
          {t('dist.day_total', {
            entries: recent.length,
            people: recent.reduce((sum, d) => sum + d.headcount, 0),
          })}
        </p>
      )}
      {recent.length === 0 ? (
        <p class="muted">{t('dist.none')}</p>
      ) : (
        <div class="table-scroll">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('dist.who')}</th>
                <th scope="col">{t('dist.people')}</th>
                <th scope="col">{t('dist.amount')}</th>
                <th scope="col">{t('dist.override')}</th>
              </tr>
            </thead>
            <tbody>
              {recent.slice(0, 10).map((d) => (
                <tr key={d.id}>
                  <td>{d.personCode ?? t('dist.anonymous')}</td>
                  <td>{d.headcount}</td>
                  <td>{formatDecimalMoney(locale.value, d.amount, d.currency)}</td>
                  <td>{d.overrideReason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
